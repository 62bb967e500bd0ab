import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { smallSeed } from '../fixtures/smallSeed';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { ADMIN_PASSWORD, loginCookie, tempDir, describeEmbedded } from '../helpers/server';

const mount = (dir: string, size: string) =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
const unmount = (dir: string) => spawnSync('umount', [dir], { stdio: 'ignore' });

/** Whether this machine lets the tests mount a small tmpfs (root, or a permitting container). */
const canMount = (() => {
  const probe = tempDir();
  const mounted = mount(probe, '64k');
  if (mounted.status !== 0) {
    const why = (mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim();
    console.warn(`skipping the full-disk test: mounting a small tmpfs is not permitted here (${why})`);
    return false;
  }
  unmount(probe);
  return true;
})();

/** Fills the disk at `dir` but for `pages` pages: a spare file, the rest, the spare removed. */
function fill(dir: string, pages: number) {
  const page = 4096;
  fs.writeFileSync(path.join(dir, 'spare'), Buffer.alloc(pages * page));
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(page));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  fs.rmSync(path.join(dir, 'spare'));
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

const mounted: string[] = [];
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGKILL');
    await exited(server.child);
  }
  for (const dir of mounted.splice(0)) unmount(dir);
});

// The embedded store on a full disk (its snapshot, its read-only start). Not on PostgreSQL,
// whose disk is the database server's.
describeEmbedded('a full disk', () => {
  it.skipIf(!canMount)(
    'fails no acknowledged write when the snapshot cannot be written, and a restart serves reads until there is room',
    async () => {
      const dir = tempDir();
      const disk = path.join(dir, 'disk');
      fs.mkdirSync(disk);
      expect(mount(disk, '1m').status).toBe(0);
      mounted.push(disk);
      const seedFile = path.join(dir, 'seed.json');
      fs.writeFileSync(seedFile, JSON.stringify(smallSeed()));
      const dataFile = path.join(disk, 'data.json');
      // every write is folded into the snapshot at once, so the next one needs room for it
      const env = { HUIWU_DATA: dataFile, HUIWU_SEED: seedFile, HUIWU_JOURNAL_BYTES: '1' };
      const start = async () => {
        const server = await spawnServer(env);
        running.push(server);
        const cookie = await loginCookie(server.url, 'admin', ADMIN_PASSWORD);
        const api = (url: string, init: RequestInit = {}) =>
          fetch(`${server.url}/api${url}`, {
            ...init,
            headers: { 'Content-Type': 'application/json', Cookie: cookie, ...init.headers },
          });
        const create = (name: string, lang = 'en') =>
          api('/series', { method: 'POST', body: JSON.stringify({ name }), headers: { 'Accept-Language': lang } });
        const names = async () =>
          ((await (await api(`/series?range=${encodeURIComponent('[0,99]')}`)).json()) as { name: string }[]).map(
            (row) => row.name,
          );
        return { ...server, api, create, names };
      };
      const crash = async (server: ServerProcess) => {
        server.child.kill('SIGKILL');
        await exited(server.child);
      };
      const temporaries = () => fs.readdirSync(disk).filter((name) => name.includes('.tmp-'));

      const first = await start();
      // room for the journal's line (one page), none for a snapshot
      fill(disk, 1);
      const saved = await first.create('磁盘满时保存');
      expect(saved.status).toBe(201);
      expect(await first.names()).toContain('磁盘满时保存');
      expect(temporaries()).toEqual([]);
      // the next write fits in the journal's page too, and is not held up by a snapshot
      expect((await first.create('又一条')).status).toBe(201);
      expect(first.output()).toMatch(/could not fold the journal into a snapshot; writes go on in the journal/);
      await crash(first);

      // still full, and a snapshot cut short by a crash left behind
      fs.writeFileSync(`${dataFile}.tmp-999999`, '');
      const readOnly = await start();
      expect(readOnly.output()).toMatch(/starts read-only: the disk is full/);
      expect(temporaries()).toEqual([]);
      expect(await readOnly.names()).toEqual(expect.arrayContaining(['磁盘满时保存', '又一条']));
      const refused = await readOnly.create('只读时');
      expect(refused.status).toBe(503);
      expect((await refused.json()).message).toMatch(/read-only: its disk is full.*free disk space, then restart/);
      const refusedZh = await readOnly.create('只读时', 'zh');
      expect((await refusedZh.json()).message).toMatch(/只读：磁盘已满/);
      expect(await readOnly.names()).not.toContain('只读时');
      await crash(readOnly);

      // room again: a restart folds the journal in and takes writes
      fs.rmSync(path.join(disk, 'filler'));
      const again = await start();
      expect(again.output()).not.toMatch(/read-only/);
      expect((await again.create('有空间了')).status).toBe(201);
      expect(await again.names()).toEqual(expect.arrayContaining(['磁盘满时保存', '又一条', '有空间了']));
      expect(fs.readFileSync(dataFile, 'utf8')).toContain('又一条');
      expect(temporaries()).toEqual([]);
    },
    60_000,
  );
});
