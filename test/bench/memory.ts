import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src/server/app';
import { benchData } from './data';

/**
 * What holds the server's memory at a size (argv[2] attendees), piece by piece: run with
 * --expose-gc in a process of its own; each figure is the heap (plus buffers) kept after a
 * full collection, in MB. Prints JSON.
 */
const size = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const used = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 1048576;
};
const figures: Record<string, number> = {};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-memory-'));
const dataFile = path.join(dir, 'data.json');
// in functions of their own: a value the module's own frame held would never be collected
(() => fs.writeFileSync(dataFile, JSON.stringify(benchData(size))))();
figures.data_file_mb = fs.statSync(dataFile).size / 1048576;
figures.parsed_mb = (() => {
  const at = used();
  const parsed = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  const size = used() - at;
  return parsed ? size : 0;
})();

const before = used();
const password = 'memory-password-1';
const server = await startServer({ port: 0, host: '127.0.0.1', dataFile, seedFile: dataFile, adminPassword: password });
figures.store_mb = used() - before;
const login = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password }),
});
const headers = { Cookie: login.headers.get('set-cookie')!.split(';')[0], 'Content-Type': 'application/json' };
const get = (p: string) => fetch(`${server.url}/api${p}`, { headers }).then((r) => r.arrayBuffer());
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

const step = async (name: string, run: () => Promise<unknown>) => {
  const at = used();
  await run();
  figures[name] = used() - at;
};
await step('kept_sort_by_name_mb', () => get(`/attendees?sort=${q(['name', 'ASC'])}&range=[0,24]`));
await step('kept_summit_index_mb', () => get(`/attendees?filter=${q({ summitId: 3 })}&range=[0,24]`));
await step('kept_search_text_mb', () => get(`/attendees?filter=${q({ q: '张' })}&range=[0,24]`));
const WRITES = 5000;
await step(`audit_of_${WRITES}_patches_mb`, async () => {
  for (let i = 0; i < WRITES; i += 50)
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        fetch(`${server.url}/api/attendees/${1 + ((i + j) % size)}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ hotel: `宾馆${i + j}` }),
        }).then((r) => r.arrayBuffer()),
      ),
    );
});
// a write drops what was kept for the list: what remains is the trail and the rows themselves
figures.compaction_peak_mb = (() => {
  const at = used();
  let peak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, (m.heapUsed + m.external + m.arrayBuffers) / 1048576 - at);
  };
  const write = fs.writeSync;
  // sampled at each write to the file: the snapshot's largest moment is while it is written
  (fs as { writeSync: typeof fs.writeSync }).writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    sample();
    return write(...args);
  }) as typeof fs.writeSync;
  const writeFile = fs.writeFileSync;
  (fs as { writeFileSync: typeof fs.writeFileSync }).writeFileSync = ((
    ...args: Parameters<typeof fs.writeFileSync>
  ) => {
    sample();
    return writeFile(...args);
  }) as typeof fs.writeFileSync;
  server.store!.snapshot();
  Object.assign(fs, { writeSync: write, writeFileSync: writeFile });
  return peak;
})();
figures.rss_mb = process.memoryUsage().rss / 1048576;
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Number(v.toFixed(1))]))));
