import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSnapshot } from '../../src/server/store/snapshotFile';
import { startPostgres } from '../helpers/postgres';
import { benchData } from './data';

/**
 * `npx tsx test/bench/move.ts [attendees]`: how long `npm run db -- export` and `import` take on
 * the bench's data (100,000 guests by default, with their organisations, summits, agreements and
 * follow-ups, plus an audit entry per guest and 1,000 journal lines not yet folded in), and the
 * largest resident memory of each (GNU time's maximum RSS). A script that prints figures, not a
 * test. PostgreSQL runs with fsync on, as a real one does.
 */
const size = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-move-bench-'));
const dataFile = path.join(dir, 'data.json');

const data = benchData(size) as Record<string, Array<Record<string, unknown>>>;
data.audit = data.attendees.map((guest, i) => ({
  id: i + 1,
  at: '2026-11-21T00:00:00.000Z',
  userId: 1,
  username: 'admin',
  action: 'create',
  resource: 'attendees',
  recordId: String(guest.id),
  version: 1,
  before: null,
  after: { name: guest.name, summitId: guest.summitId, role: guest.role },
}));
writeSnapshot(dataFile, data);
const journal = Array.from({ length: 1000 }, (_, i) => {
  const guest = data.attendees[i * 7];
  return JSON.stringify([{ r: 'attendees', put: { ...guest, hotel: '青岚宾馆', version: 2 } }]);
});
fs.writeFileSync(`${dataFile}.journal`, journal.join('\n') + '\n');
const counts = Object.entries(data)
  .map(([list, rows]) => `${list} ${rows.length}`)
  .join(', ');
console.log(`data: ${counts}; ${(fs.statSync(dataFile).size / 1e6).toFixed(1)} MB file`);

const cluster = await startPostgres({
  settings: { fsync: 'on', ...(process.env.MOVE_BENCH_LOG ? { log_min_duration_statement: '0' } : {}) },
});
try {
  const url = await cluster.createDatabase();
  const run = (args: string[]) => {
    const result = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        '%U user %S sys %e s, %M KB',
        process.execPath,
        // the old generation capped well below the data's size: the move must stream to finish
        ...(process.env.MOVE_BENCH_HEAP ? [`--max-old-space-size=${process.env.MOVE_BENCH_HEAP}`] : []),
        '--import',
        'tsx',
        'src/server/store/postgres/cli.ts',
        ...args,
      ],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } },
    );
    if (result.status !== 0) throw new Error(result.stderr);
    const [seconds, kb] = /([\d.]+) s, (\d+) KB\s*$/.exec(result.stderr)!.slice(1);
    console.log(result.stdout.trim());
    console.log(`  ${result.stderr.trim().split('\n').at(-1)}`);
    console.log(`  ${args[0]}: ${seconds} s wall (node start included), peak RSS ${(Number(kb) / 1024).toFixed(0)} MB`);
  };
  run(['export', '--data', dataFile]);
  run(['import', '--data', path.join(dir, 'back.json')]);
  console.log(`  file back: ${(fs.statSync(path.join(dir, 'back.json')).size / 1e6).toFixed(1)} MB`);
} finally {
  if (process.env.MOVE_BENCH_LOG)
    console.log(
      cluster
        .log()
        .split('\n')
        .filter((l) => l.includes('duration'))
        .map((l) => l.slice(0, 200))
        .join('\n'),
    );
  cluster.remove();
  fs.rmSync(dir, { recursive: true, force: true });
}
