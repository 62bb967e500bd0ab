import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runServerToExit, spawnServer, type ServerProcess } from '../helpers/process';
import { ADMIN_PASSWORD, loginCookie, startTestServer, tempDir, describeEmbedded } from '../helpers/server';

/** A data folder with an empty seed (the server creates the admin), and the environment a server process needs for it. */
function dataDir() {
  const dir = tempDir();
  const dataFile = path.join(dir, 'data.json');
  fs.writeFileSync(path.join(dir, 'seed.json'), JSON.stringify({}));
  return {
    dir,
    dataFile,
    lockFile: `${dataFile}.lock`,
    env: { HUIWU_DATA: dataFile, HUIWU_SEED: path.join(dir, 'seed.json') },
  };
}

/** A write through the API, answered once on disk: the server really runs on its file. */
async function writes(url: string, name: string) {
  const cookie = await loginCookie(url, 'admin', ADMIN_PASSWORD);
  const res = await fetch(`${url}/api/series`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ name }),
  });
  return res.status;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

async function kill(server: ServerProcess) {
  const gone = exited(server.child);
  server.child.kill('SIGKILL');
  await gone;
}

const stateOf = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return null;
  }
};

async function until(condition: () => boolean, what: string, ms = 10_000) {
  for (const end = Date.now() + ms; !condition(); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

const hasProc = fs.existsSync('/proc/self/stat');

/** `unshare` into a new pid namespace (and /proc), as root or through a user namespace; null
 * where neither is permitted. */
const newPidNamespace = (() => {
  if (!hasProc) return null;
  const refusals: string[] = [];
  for (const wrap of [
    ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child=SIGKILL'],
    ['unshare', '--map-root-user', '--pid', '--fork', '--mount-proc', '--kill-child=SIGKILL'],
  ]) {
    const probe = spawnSync(wrap[0], [...wrap.slice(1), 'true'], { encoding: 'utf8', timeout: 10_000 });
    if (probe.status === 0) return wrap;
    refusals.push(`${wrap.join(' ')}: ${(probe.stderr || probe.error?.message || `exit ${probe.status}`).trim()}`);
  }
  console.warn(`skipping the pid-namespace lock test: unshare is not permitted here (${refusals.join('; ')})`);
  return null;
})();

// The lock on the embedded store's data file. Not on PostgreSQL, where several servers share
// one database by design (test/postgres/servers.test.ts).
describeEmbedded('the lock on a data file', () => {
  it('belongs to one server at a time: another process and this one are refused while it runs', async () => {
    const dir = tempDir();
    const server = await startTestServer({ dir });
    const { code, output } = await runServerToExit({ HUIWU_DATA: server.dataFile });
    expect(code).not.toBe(0);
    expect(output).toMatch(/in use by another Huiwu server/);
    await expect(startTestServer({ dir })).rejects.toThrow(/already open in this process/);
    await server.close();
    // and free once it stopped
    const again = await startTestServer({ dir });
    await again.close();
    expect(fs.existsSync(`${server.dataFile}.lock`)).toBe(false);
  });

  it('is the file’s, not the path’s: a server started through a link to a live server’s file is refused', async () => {
    const dir = tempDir();
    const server = await startTestServer({ dir });
    const elsewhere = tempDir();
    fs.symlinkSync(server.dataFile, path.join(elsewhere, 'data.json'));
    const { code, output } = await runServerToExit({ HUIWU_DATA: path.join(elsewhere, 'data.json') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/in use by another Huiwu server/);
    await server.close();
  });

  it('lets exactly one of two servers started at once take over a dead server’s lock', async () => {
    const { lockFile, env } = dataDir();
    const first = await spawnServer(env);
    await kill(first);
    expect(fs.existsSync(lockFile)).toBe(true);
    const starts = await Promise.allSettled([spawnServer(env), spawnServer(env)]);
    const running = starts.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    const refused = starts.filter((s) => s.status === 'rejected').map((s) => String(s.reason));
    try {
      expect(running).toHaveLength(1);
      expect(refused[0]).toMatch(/in use by another Huiwu server/);
      expect(await writes(running[0].url, '抢锁之后')).toBe(201);
    } finally {
      for (const server of running) await kill(server);
    }
  }, 60_000);

  it('is taken over by a restart right after a SIGKILL', async () => {
    const { env } = dataDir();
    const first = await spawnServer(env);
    expect(await writes(first.url, '崩溃之前')).toBe(201);
    first.child.kill('SIGKILL');
    // not waiting for the exit: started at once, as a supervisor restarts it
    const second = await spawnServer(env);
    try {
      expect(await writes(second.url, '重启之后')).toBe(201);
    } finally {
      await kill(second);
      await exited(first.child);
    }
  }, 60_000);

  it.skipIf(!hasProc)(
    'is taken over while the killed server is still a zombie its parent has not reaped',
    async () => {
      const { env } = dataDir();
      // sh starts the server, then becomes `sleep`, which never reaps it
      const parent = await spawnServer(env, ['sh', '-c', '"$@" & echo "server pid $!"; exec sleep 600', 'sh']);
      try {
        const pid = Number(/server pid (\d+)/.exec(parent.output())![1]);
        process.kill(pid, 'SIGKILL');
        await until(() => stateOf(pid) === 'Z', 'the killed server to be a zombie');
        const second = await spawnServer(env);
        try {
          expect(stateOf(pid)).toBe('Z');
          expect(await writes(second.url, '僵尸之后')).toBe(201);
        } finally {
          await kill(second);
        }
      } finally {
        await kill(parent);
      }
    },
    60_000,
  );

  it('is taken over when it names this very pid in an earlier life (a container restarted)', async () => {
    const dir = tempDir();
    const lockFile = path.join(dir, 'data.json.lock');
    // as an older version left it (the bare pid), and as this one would (another start time)
    for (const left of [String(process.pid), JSON.stringify({ pid: process.pid, start: '1' })]) {
      fs.writeFileSync(lockFile, left);
      const server = await startTestServer({ dir });
      expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
      expect(fs.readFileSync(lockFile, 'utf8')).not.toBe(left);
      await server.close();
    }
  });

  it.skipIf(!newPidNamespace)(
    'is taken over in a new pid namespace, where the restarted server gets the same pid (unshare)',
    async () => {
      const { lockFile, env } = dataDir();
      const pids: number[] = [];
      for (const round of [1, 2]) {
        const server = await spawnServer(env, newPidNamespace!);
        try {
          pids.push(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid as number);
          expect(await writes(server.url, `命名空间${round}`)).toBe(201);
          // the server as this namespace sees it: unshare's child
          const unshare = server.child.pid!;
          const inside = Number(fs.readFileSync(`/proc/${unshare}/task/${unshare}/children`, 'utf8').trim());
          process.kill(inside, 'SIGKILL');
          await exited(server.child);
          await until(() => stateOf(inside) === null, 'the killed server to be gone');
        } finally {
          await kill(server);
        }
      }
      expect(pids[0]).toBe(pids[1]);
      expect(fs.existsSync(lockFile)).toBe(true); // left by the SIGKILL, taken over by the second
    },
    60_000,
  );
});
