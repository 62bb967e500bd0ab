import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Running {
  /** whether it died on its own (json-server: out of memory) */
  dead(): boolean;
  url: string;
  child: ChildProcess;
  /** milliseconds from spawn to answering */
  startMs: number;
  rssMb(): number;
  peakMb(): number;
  stop(): Promise<void>;
}

/** A figure of /proc/<pid>/status in MB; 0 once the process is gone (json-server can die of
 * memory at 100,000 rows). */
const status = (pid: number, key: string) => {
  if (!fs.existsSync(`/proc/${pid}/status`)) return 0;
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(key));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
};

async function waitFor(url: string, child: ChildProcess, ready: (status: number) => boolean) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if (ready((await fetch(url)).status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

async function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  probe: string,
  ready: (s: number) => boolean,
) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(probe, child, ready);
  const startMs = performance.now() - started;
  return {
    child,
    startMs,
    dead: () => child.exitCode !== null || child.signalCode !== null,
    rssMb: () => status(child.pid!, 'VmRSS'),
    peakMb: () => status(child.pid!, 'VmHWM'),
    stop: () =>
      new Promise<void>((resolve) => {
        // gone already (json-server can die of memory at 100,000 rows): nothing to wait for
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Huiwu's server (tsx, as `npm start` runs it) over a data file, or over PostgreSQL when `env`
 * holds DATABASE_URL. */
export async function startHuiwu(dataFile: string, password: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = await run(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      HUIWU_DATA: dataFile,
      HUIWU_SEED: dataFile,
      HUIWU_ADMIN_PASSWORD: password,
      ...env,
    },
    `${url}/api/auth/me`,
    (s) => s === 401 || s === 200,
  );
  return { url, ...running };
}

/** Plain json-server 0.17.4, as its own CLI runs it, over a copy of the same data. */
export async function startReference(dataFile: string): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const running = await run(
    process.execPath,
    [
      path.join(root, 'node_modules/json-server/lib/cli/bin.js'),
      dataFile,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--quiet',
    ],
    {},
    `${url}/summits/1`,
    (s) => s === 200,
  );
  return { url, ...running };
}

export async function login(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
