import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importableFields } from '../../src/app/import/mapping';
import { resourceByName } from '../../src/schema';
import { firstScreenKb, gridFirstRowsMs } from './app';
import { startPostgres } from '../helpers/postgres';
import { writeSnapshot } from '../../src/server/store/snapshotFile';
import { benchData } from './data';
import { autocannon, type Load } from './load';
import { login, root, startHuiwu, startReference, type Running } from './servers';

/**
 * `npm run bench`: Huiwu's server against plain json-server 0.17.4 on the same data, in one
 * run, at 10,000 and 100,000 attendees; then exports, start-up, memory and the app. Prints a
 * table with the ratio Huiwu/reference and writes the same as JSON to
 * test-output/bench/results.json. `--quick`: 10,000 attendees, one second per case;
 * `--size=100000`: that size only. `--store=postgres`: Huiwu on PostgreSQL too (a throw-away
 * PostgreSQL 15 cluster, fsync and synchronous_commit on, 1 GB of shared buffers), at 100,000 attendees beside the
 * embedded store and json-server, and at 1,000,000 on PostgreSQL alone.
 */
const quick = process.argv.includes('--quick');
const onPostgres = process.argv.includes('--store=postgres');
const only = process.argv.find((arg) => arg.startsWith('--size='));
const SIZES = only ? [Number(only.slice(7))] : quick ? [10_000] : onPostgres ? [100_000, 1_000_000] : [10_000, 100_000];
/** above this, PostgreSQL alone: the embedded store and json-server hold every row in memory */
const SIDE_BY_SIDE_MAX = 100_000;
const SECONDS = quick ? 1 : 5;
const PASSWORD = 'bench-password-1';
const out = path.join(root, 'test-output/bench');
fs.mkdirSync(out, { recursive: true });
const cluster = onPostgres
  ? await startPostgres({
      // as a database of its own is set up (Debian's 128 MB of shared buffers: half the PATCHes
      // a second at 1,000,000 guests, the rows and indexes read and written back from the OS)
      settings: { fsync: 'on', synchronous_commit: 'on', max_connections: '100', shared_buffers: '1GB' },
    })
  : undefined;
process.on('exit', () => cluster?.remove());

interface Row {
  size: number;
  case: string;
  huiwu?: Load;
  postgres?: Load;
  reference?: Load;
  ratio?: number;
  /** Huiwu's peak resident memory so far (VmHWM), after this case */
  peakMb?: number;
  postgresPeakMb?: number;
  note?: string;
}
const rows: Row[] = [];
const extras: Record<string, number | string | null> = {};

const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

interface Target {
  store: 'huiwu' | 'postgres';
}

/** A database of the cluster holding the data file, moved in as an association does
 * (`npm run db -- export`), timed; then Huiwu on it. */
async function startOnPostgres(dataFile: string, size: number): Promise<Running> {
  const url = await cluster!.createDatabase();
  const started = performance.now();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/server/store/postgres/cli.ts', 'export', '--data', dataFile],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  extras[`postgres_move_in_s_${size}`] = Number(((performance.now() - started) / 1000).toFixed(1));
  await cluster!.query('VACUUM ANALYZE', [], new URL(url).pathname.slice(1));
  const server = await startHuiwu(dataFile, PASSWORD, { DATABASE_URL: url });
  extras[`postgres_startup_ms_${size}`] = Math.round(server.startMs);
  extras[`postgres_startup_rss_mb_${size}`] = Math.round(server.rssMb());
  return server;
}

async function benchSize(size: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `huiwu-bench-${size}-`));
  const data = benchData(size);
  const huiwuFile = path.join(dir, 'huiwu.json');
  const referenceFile = path.join(dir, 'reference.json');
  // a record at a time: a million guests are past the longest string V8 makes
  writeSnapshot(huiwuFile, data);
  const fileMb = fs.statSync(huiwuFile).size / 1048576;
  console.log(`\n${size} attendees: data file ${fileMb.toFixed(1)} MB`);
  const cases = casesFor(size);
  const byCase = new Map(cases.map((c) => [c.name, { size, case: c.name, note: c.note } as Row]));

  /** Every case on one server, alone: json-server goes on answering, for seconds, requests
   * autocannon has given up on, and would slow whichever server ran next. */
  const runCases = async (store: Target['store'] | 'reference', server: Running, cookie?: string) => {
    for (const c of cases) {
      const asked = store === 'reference' ? c.reference : c.huiwu;
      if (!asked) continue;
      const row = byCase.get(c.name)!;
      row[store] = await autocannon(`${server.url}${asked.path}`, {
        ...asked,
        headers: cookie ? { Cookie: cookie } : {},
        seconds: SECONDS,
      });
      if (store === 'huiwu') row.peakMb = server.peakMb();
      if (store === 'postgres') row.postgresPeakMb = server.peakMb();
      // it dies of memory at 100,000 guests, in the case that answers nothing or just after
      if (store === 'reference' && (server.dead() || row.reference!.requests === 0))
        row.note = 'reference died (out of memory)';
    }
  };

  if (onPostgres) {
    const server = await startOnPostgres(huiwuFile, size);
    const cookie = await login(server.url, PASSWORD);
    await runCases('postgres', server, cookie);
    await afterCases('postgres', server, cookie, size, fileMb);
    await server.stop();
  }
  if (size <= SIDE_BY_SIDE_MAX) {
    fs.copyFileSync(huiwuFile, referenceFile);
    // the floor any server holding the data as JavaScript objects stands on (json-server's
    // model): a bare node process that has parsed the file and does nothing else
    extras[`parsed_only_rss_mb_${size}`] = Math.round(
      Number(
        execFileSync(process.execPath, [
          '-e',
          `JSON.parse(require('fs').readFileSync(${JSON.stringify(huiwuFile)}, 'utf8')); global.gc?.(); console.log(process.memoryUsage().rss)`,
        ]),
      ) / 1048576,
    );
    const huiwu = await startHuiwu(huiwuFile, PASSWORD);
    extras[`startup_ms_${size}`] = Math.round(huiwu.startMs);
    extras[`startup_rss_mb_${size}`] = Math.round(huiwu.rssMb());
    const cookie = await login(huiwu.url, PASSWORD);
    await runCases('huiwu', huiwu, cookie);
    await afterCases('huiwu', huiwu, cookie, size, fileMb);
    await huiwu.stop();

    const reference = await startReference(referenceFile);
    extras[`reference_startup_ms_${size}`] = Math.round(reference.startMs);
    await runCases('reference', reference);
    extras[`reference_peak_rss_mb_${size}`] = Math.round(reference.peakMb());
    await reference.stop();
  }
  for (const row of byCase.values()) {
    if (row.huiwu && row.reference && row.reference.rps > 0) row.ratio = row.huiwu.rps / row.reference.rps;
    rows.push(row);
    console.log(line(row));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The requests each case sends, at one size: Huiwu's, and json-server's for the same answer. */
function casesFor(size: number) {
  const ids = Array.from({ length: 25 }, (_, i) => 1 + ((i * 7919) % size));
  const summit = Math.max(1, Math.floor(size / 1000));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  // a thousand guests spread over the list: officials editing different records at once
  const guests = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 104729) % size));

  const cases: {
    name: string;
    huiwu: { path: string; method?: string; body?: string; paths?: string[] };
    reference?: { path: string; method?: string; body?: string; paths?: string[] };
    note?: string;
  }[] = [
    {
      name: 'list: page of 25 sorted by name',
      huiwu: { path: `/api/attendees?sort=${q(['name', 'ASC'])}&range=${q([0, 24])}` },
      reference: { path: '/attendees?_sort=name&_order=asc&_start=0&_end=25' },
    },
    {
      name: 'list: filtered by summit and status',
      huiwu: { path: `/api/attendees?filter=${q({ summitId: summit, invitation: 'confirmed' })}&range=${q([0, 24])}` },
      reference: { path: `/attendees?summitId=${summit}&invitation=confirmed&_start=0&_end=25` },
    },
    {
      name: 'list: full-text q=张',
      huiwu: { path: `/api/attendees?filter=${q({ q: '张' })}&range=${q([0, 24])}` },
      reference: { path: `/attendees?q=${encodeURIComponent('张')}&_start=0&_end=25` },
    },
    {
      name: 'list: getMany of 25 ids',
      huiwu: { path: `/api/attendees?filter=${q({ id: ids })}` },
      reference: { path: `/attendees?${ids.map((id) => `id=${id}`).join('&')}` },
    },
    { name: 'one record by id', huiwu: { path: '/api/attendees/77' }, reference: { path: '/attendees/77' } },
    {
      name: 'write: PATCH one field of one guest',
      huiwu: { path: '/api/attendees/78', method: 'PATCH', body: JSON.stringify({ hotel: '青岚宾馆 {n}' }) },
      reference: { path: '/attendees/78', method: 'PATCH', body: JSON.stringify({ hotel: '青岚宾馆 {n}' }) },
    },
    {
      name: 'write: PATCH, 1,000 guests in turn',
      huiwu: {
        path: '/api/attendees',
        paths: guests.map((id) => `/api/attendees/${id}`),
        method: 'PATCH',
        body: JSON.stringify({ hotel: '青岚宾馆 {n}' }),
      },
      reference: {
        path: '/attendees',
        paths: guests.map((id) => `/attendees/${id}`),
        method: 'PATCH',
        body: JSON.stringify({ hotel: '青岚宾馆 {n}' }),
      },
    },
    {
      name: 'write: POST one attendee',
      huiwu: {
        path: '/api/attendees',
        method: 'POST',
        body: JSON.stringify({ summitId: 1, name: '压测嘉宾', role: 'guest', invitation: 'invited' }),
      },
      reference: {
        path: '/attendees',
        method: 'POST',
        body: JSON.stringify({ summitId: 1, name: '压测嘉宾', role: 'guest', invitation: 'invited' }),
      },
    },
    {
      name: 'write: follow-up moving its agreement',
      huiwu: {
        path: '/api/followups',
        method: 'POST',
        body: JSON.stringify({ agreementId: 5, on: today, officer: '专员1', note: '走访', nextOn: '2027-06-30' }),
      },
      reference: {
        path: '/followups',
        method: 'POST',
        body: JSON.stringify({ agreementId: 5, on: today, officer: '专员1', note: '走访', nextOn: '2027-06-30' }),
      },
      note: 'reference writes the follow-up only',
    },
    {
      name: 'dashboard: agreements by status, summed',
      huiwu: { path: `/api/agreements/aggregate?groupBy=status&sum=amount` },
      reference: { path: '/agreements' },
      note: 'reference: the whole list, summed in the browser',
    },
  ];
  return cases;
}

/** Memory, a 10,000-row import, and at the last size the exports and the app, for one store. */
async function afterCases(store: Target['store'], huiwu: Running, cookie: string, size: number, fileMb: number) {
  const key = (name: string) => (store === 'postgres' ? `postgres_${name}` : name);
  const auth = { Cookie: cookie };
  extras[key(`peak_rss_mb_${size}`)] = Math.round(huiwu.peakMb());
  if (store === 'huiwu') {
    extras[`data_file_mb_${size}`] = Number(fileMb.toFixed(1));
    // the issue's measure: the peak under this load, in data files (a bare parse is the floor)
    extras[`peak_rss_per_data_file_${size}`] = Number((huiwu.peakMb() / fileMb).toFixed(1));
    extras[`parsed_only_per_data_file_${size}`] = Number(
      (Number(extras[`parsed_only_rss_mb_${size}`]) / fileMb).toFixed(1),
    );
  }

  // a 10,000-row import, committed in one request
  const rowsToImport = Array.from({ length: 10_000 }, (_, i) => [`导入嘉宾${i}`, `139${String(i).padStart(8, '0')}`]);
  const started = performance.now();
  const res = await fetch(`${huiwu.url}/api/attendees/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({
      columns: ['name', 'phone'],
      rows: rowsToImport,
      key: ['summitId', 'phone'],
      fixed: { summitId: 1 },
    }),
  });
  extras[key(`import_10000_ms_${size}`)] = res.ok ? Math.round(performance.now() - started) : `failed ${res.status}`;

  if (size === SIZES[SIZES.length - 1]) {
    for (const format of ['csv', 'xlsx']) {
      // streamed by the server, against the whole file built in memory (the tab's old way)
      const streamed = await serverExport(huiwu, cookie, format);
      Object.assign(extras, prefix(key(`export_${format}_${size}_server`), streamed));
      // the whole file built in one process: beyond the side-by-side size it takes gigabytes
      if (size > SIDE_BY_SIDE_MAX) continue;
      const inMemory = await exportOnce(huiwu, cookie, format);
      Object.assign(extras, prefix(key(`export_${format}_${size}_in_memory`), inMemory));
      extras[key(`export_${format}_${size}_time_ratio`)] = Number((streamed.ms / inMemory.ms).toFixed(2));
    }
    extras[key('grid_first_rows_ms')] = await gridFirstRowsMs(huiwu.url, PASSWORD);
    if (store === 'huiwu') Object.assign(extras, prefix(`memory_${size}`, memoryBreakdown(size)));
  }
}

const prefix = (key: string, values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [`${key}_${k}`, Math.round(v)]));

/** One export streamed by the server, with the reference's columns, sorted by name: its time, and how far the server's resident memory rose above where it stood. */
async function serverExport(server: Running, cookie: string, format: string): Promise<Record<string, number>> {
  const before = server.rssMb();
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, server.rssMb())), 20);
  const started = performance.now();
  const columns = importableFields(resourceByName.attendees)
    .filter((f) => f.list !== false)
    .map((f) => f.source);
  const res = await fetch(
    `${server.url}/api/attendees/export?format=${format}&sort=${q(['name', 'ASC'])}&columns=${q(columns)}`,
    {
      headers: { Cookie: cookie },
    },
  );
  if (!res.ok) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += chunk.byteLength;
  const ms = performance.now() - started;
  clearInterval(sample);
  return {
    ms,
    rss_rise_mb: Math.max(peak, server.rssMb()) - before,
    bytes,
    rows: Number(res.headers.get('x-export-rows')),
  };
}

/** What holds the server's memory, piece by piece (test/bench/memory.ts, a process of its own). */
function memoryBreakdown(size: number): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(root, 'test/bench/memory.ts'), String(size)],
    {
      cwd: root,
    },
  );
  return JSON.parse(String(out));
}

function exportOnce(server: Running, cookie: string, format: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'test/bench/exportRun.ts'), server.url, cookie, format],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`export ${format} failed`))));
  });
}

const num = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
const load = (l: Load | undefined, digits = 0) => [
  num(l?.rps, digits).padStart(8),
  `${num(l?.p50)}/${num(l?.p99)}`.padStart(11),
];
function line(row: Row) {
  return [
    String(row.size).padStart(7),
    row.case.padEnd(42),
    ...load(row.huiwu),
    ...(onPostgres ? load(row.postgres) : []),
    ...load(row.reference, 1),
    (row.ratio === undefined ? '—' : `${row.ratio.toFixed(1)}×`).padStart(9),
    num(row.peakMb).padStart(8),
    ...(onPostgres ? [num(row.postgresPeakMb).padStart(8)] : []),
    row.note ?? '',
  ].join('  ');
}

console.log(
  `Huiwu vs json-server 0.17.4, ${os.cpus().length} cores, node ${process.version}${quick ? ' (quick)' : ''}; ${SECONDS}s per case, 10 connections${onPostgres ? '; PostgreSQL with fsync and synchronous_commit on, shared_buffers 1GB' : ''}`,
);
console.log(
  [
    '   size',
    'case'.padEnd(42),
    'huiwu/s',
    'p50/p99 ms',
    ...(onPostgres ? ['   pg/s', 'p50/p99 ms'] : []),
    '  ref/s',
    'p50/p99 ms',
    '    ratio',
    'peak MB',
    ...(onPostgres ? ['pg peak MB'] : []),
  ].join('  '),
);
for (const size of SIZES) await benchSize(size);
extras.first_screen_js_gzip_kb = firstScreenKb() === null ? null : Math.round(firstScreenKb()!);

console.log('\nOther figures:');
for (const [key, value] of Object.entries(extras)) console.log(`  ${key.padEnd(34)} ${value}`);
const file = path.join(out, 'results.json');
fs.writeFileSync(
  file,
  JSON.stringify({ at: new Date().toISOString(), quick, node: process.version, cases: rows, extras }, null, 2),
);
console.log(`\nwritten to ${path.relative(root, file)}`);
