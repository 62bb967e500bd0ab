import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/**
 * A throw-away PostgreSQL cluster for tests: `initdb` in a temp directory (as `nobody` when the
 * tests run as root, which initdb refuses), `pg_ctl start` on a free port of 127.0.0.1 with its
 * unix socket in that directory, UTF-8 with the C.UTF-8 locale (pg_trgm then takes Chinese
 * characters as word characters) and ICU collations available; stopped and removed afterwards.
 * One cluster per test file (`postgresForFile`), a fresh database per test where needed
 * (`createDatabase`, from a template database in a few milliseconds).
 */
export interface TestCluster {
  port: number;
  dir: string;
  /** the connection string of a database of this cluster (`postgres` by default) */
  url(database?: string): string;
  /** a new database, empty or copied from `template`; its connection string */
  createDatabase(options?: { name?: string; template?: string }): Promise<string>;
  /** one statement on a database of this cluster, through a connection of its own */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    values?: unknown[],
    database?: string,
  ): Promise<pg.QueryResult<T>>;
  /** `pg_ctl stop`: `fast` ends sessions cleanly; `immediate` is a crash (recovery on next start) */
  stop(mode?: 'fast' | 'immediate'): void;
  /** starts it again on the same port after a stop */
  start(): void;
  /** stops it (if running) and removes its directory */
  remove(): void;
  /** the server's log, for a failing test's message */
  log(): string;
}

const BIN_DIRS = () => {
  const versions = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  return [
    process.env.HUIWU_PG_BIN,
    ...versions.map((v) => `/usr/lib/postgresql/${v}/bin`),
    ...(process.env.PATH ?? '').split(path.delimiter),
  ].filter((dir): dir is string => !!dir);
};

/** The directory holding initdb, pg_ctl and postgres: $HUIWU_PG_BIN, Debian's
 * /usr/lib/postgresql/<newest>/bin, or the PATH. */
export function postgresBinDir(): string | null {
  for (const dir of BIN_DIRS())
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => fs.existsSync(path.join(dir, tool)))) return dir;
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** How to run a command as a user other than root: runuser (util-linux), else setpriv. */
function asUser(user: { name: string; uid: number; gid: number }): string[] {
  if (!isRoot()) return [];
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/bin'])
    if (fs.existsSync(path.join(dir, 'runuser'))) return [path.join(dir, 'runuser'), '-u', user.name, '--'];
  for (const dir of ['/usr/bin', '/bin'])
    if (fs.existsSync(path.join(dir, 'setpriv')))
      return [path.join(dir, 'setpriv'), `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--'];
  throw new Error('running as root, and neither runuser nor setpriv is there to run initdb as another user');
}

/** The unprivileged user the cluster runs as when the tests run as root. */
function serverUser() {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('no user "nobody" to run PostgreSQL as');
  const [name, , uid, gid] = line.split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

function run(command: string[], what: string) {
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    throw new Error(`${what} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

let databases = 0;

export async function startPostgres(options: { settings?: Record<string, string> } = {}): Promise<TestCluster> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      'PostgreSQL is not installed (no initdb): `apt-get install postgresql` (.ci/run does it), or set HUIWU_PG_BIN',
    );
  const user = isRoot() ? serverUser() : null;
  const sudo = user ? asUser(user) : [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    // a test cluster: nothing here must survive the machine, only a crash of the server
    fsync: 'off',
    max_connections: '100',
    ...options.settings,
  };
  let port = 0;
  let running = false;
  let removed = false;

  const stopNow = (mode: 'fast' | 'immediate') => {
    if (!running) return;
    running = false;
    run([...sudo, path.join(bin, 'pg_ctl'), '-D', data, '-m', mode, '-w', 'stop'], 'pg_ctl stop');
  };
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      stopNow('immediate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      process.off('exit', remove);
    }
  };
  // a test that dies half-way leaves no server behind
  process.on('exit', remove);

  const start = () => {
    const flags = Object.entries(settings)
      .map(([key, value]) => `-c ${key}=${value}`)
      .join(' ');
    run(
      [
        ...sudo,
        path.join(bin, 'pg_ctl'),
        '-D',
        data,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} ${flags}`,
        'start',
      ],
      'pg_ctl start',
    );
    running = true;
  };

  try {
    run(
      [
        ...sudo,
        path.join(bin, 'initdb'),
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
        '--no-instructions',
      ],
      'initdb',
    );
    // a port taken between finding it and starting on it: another try
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        start();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    remove();
    throw new Error(`${(error as Error).message}\n${log}`);
  }

  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = [], database = 'postgres') => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await client.query<T>(sql, values);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    dir,
    url,
    query,
    async createDatabase({ name = `test_${process.pid}_${++databases}`, template } = {}) {
      const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
      await query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
      return url(name);
    },
    stop: (mode = 'fast') => stopNow(mode),
    start,
    remove,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
  };
}

/** One cluster for the test file: started before its first test, removed after its last. */
export function postgresForFile(options?: Parameters<typeof startPostgres>[0]): () => TestCluster {
  let cluster: TestCluster | null = null;
  beforeAll(async () => {
    cluster = await startPostgres(options);
  }, 120_000);
  afterAll(() => cluster?.remove());
  return () => {
    if (!cluster) throw new Error('the PostgreSQL cluster has not started');
    return cluster;
  };
}
