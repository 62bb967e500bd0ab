import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections } from '../../src/server/api';
import { resourceByName } from '../../src/schema';
import { laidOutByRecord, writeSnapshot } from '../../src/server/store/snapshotFile';
import { openStore, type Data } from '../../src/server/store/store';
import { exportToPostgres, importFromPostgres } from '../../src/server/store/postgres/move';
import { migrate } from '../../src/server/store/postgres/migrate';
import { PgChangeBus } from '../../src/server/store/postgres/changes';
import { openPool } from '../../src/server/store/postgres/pool';
import { fromColumns, selectList, takeIdStatement } from '../../src/server/store/postgres/rows';
import { builtInFields, tableOf } from '../../src/server/store/postgres/tables';
import { smallSeed } from '../fixtures/smallSeed';
import { postgresForFile } from '../helpers/postgres';
import { startTestServer, tempDir, type TestServer } from '../helpers/server';

const cluster = postgresForFile();
const pools: pg.Pool[] = [];
const poolOf = (url: string) => {
  const pool = openPool(url, { max: 2, application_name: 'huiwu-move-test' });
  pools.push(pool);
  return pool;
};
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

/** Every built-in field of every record present, as the server writes records (the seed's are
 * sparse: a move fills what is absent with null, see "a sparse record"). */
function fullSeed() {
  const seed = smallSeed() as Record<string, Array<Record<string, unknown>>>;
  const at = '2026-05-20T01:02:03.004Z';
  for (const [list, rows] of Object.entries(seed))
    for (const row of rows) {
      for (const field of builtInFields(resourceByName[list])) row[field.source] ??= null;
      row.createdAt ??= at;
      row.updatedAt ??= at;
      row.version ??= 1;
    }
  return seed;
}

/** The data as the server opens it (journal applied), from a copy, and the next id of each list. */
function openCopy(dataFile: string) {
  const dir = tempDir();
  for (const suffix of ['', '.journal'])
    if (fs.existsSync(dataFile + suffix)) fs.copyFileSync(dataFile + suffix, path.join(dir, 'data.json' + suffix));
  const store = openStore({
    dataFile: path.join(dir, 'data.json'),
    seedFile: path.join(dir, 'none.json'),
    collections,
  });
  const data = store.data;
  const next = Object.fromEntries(Object.keys(data).map((list) => [list, store.takeId(list)]));
  void store.close();
  return { data, next };
}

const byId = (rows: Data[string] = []) => [...rows].sort((a, b) => Number(a.id) - Number(b.id));

async function rowsInPostgres(pool: pg.Pool, list: string) {
  const table = tableOf(list);
  const scope = table.list !== undefined ? `WHERE r.resource = $1` : '';
  const { rows } = await pool.query(
    `SELECT ${selectList(table, 'r')} FROM "${table.name}" r ${scope} ORDER BY r.id`,
    table.list !== undefined ? [table.list] : [],
  );
  return rows.map((row) => fromColumns(table, row));
}

const takeId = async (pool: pg.Pool, list: string) => {
  const { rows } = await pool.query<{ id: string }>(takeIdStatement(tableOf(list)));
  return Number(rows[0].id);
};

let server: TestServer;
let dataFile: string;
const CUSTOM_LIST = 'techNeeds';
let deletedGuest: number;

beforeAll(async () => {
  // a data file the real server wrote: records, versions, definitions, a custom list, an audit
  // trail, preferences and accounts; stopped before its journal is folded in
  server = await startTestServer({ seed: fullSeed() });
  dataFile = server.dataFile;
  const send = async (method: string, url: string, body?: unknown) => {
    const res = await server.api(url, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  await send('POST', '/customFields', {
    resource: 'attendees',
    source: 'mealPlan',
    labelZh: '用餐要求',
    type: 'enum',
    options: '素食 | Vegetarian\n清真 | Halal',
  });
  await send('POST', '/customResources', { name: CUSTOM_LIST, labelZh: '技术需求', labelEn: 'Technology needs' });
  await send('POST', '/customFields', { resource: CUSTOM_LIST, source: 'title', labelZh: '需求名称', type: 'text' });
  await send('POST', '/customFields', { resource: CUSTOM_LIST, source: 'budget', labelZh: '预算', type: 'money' });
  for (const title of ['石墨烯导热膜量产工艺', '农机智能终端', '陶瓷釉料配方'])
    await send('POST', `/${CUSTOM_LIST}`, { title, budget: 1234567.89 });
  const needs = await send('GET', `/${CUSTOM_LIST}`);
  // the newest one deleted: its id is not handed out again, on either side
  await send('DELETE', `/${CUSTOM_LIST}/${Math.max(...needs.map((n: { id: number }) => n.id))}`);

  const guest = await send('POST', '/attendees', {
    summitId: 1,
    name: '欧阳娜娜',
    organizationId: 2,
    role: 'academician',
    title: '研究员、博士生导师',
    arrivalAt: '2026-05-24T07:05:00.000Z',
    arrivalStation: '青岚南站',
    repliedOn: '2026-05-20',
    note: '清真餐；随行1人 🚄',
    mealPlan: '清真',
  });
  await send('PATCH', `/attendees/${guest.id}`, { hotel: '锦江宾馆', version: guest.version });
  const gone = await send('POST', '/attendees', { summitId: 1, name: '临时来宾', role: 'guest' });
  const last = await send('POST', '/attendees', { summitId: 1, name: '最后一位', role: 'guest' });
  deletedGuest = last.id;
  await send('DELETE', `/attendees/${gone.id}`);
  await send('DELETE', `/attendees/${last.id}`);
  await send('POST', '/agreements', {
    title: '石墨烯联合实验室共建协议',
    enterpriseId: 1,
    partnerId: 2,
    signedOn: '2026-05-24',
    kind: 'jointLab',
    industry: 'graphene',
    amount: 12345678.91,
    officer: '李明',
  });
  await server.userWithRole('official');
  const res = await server.api('/auth/me/preferences', {
    method: 'PATCH',
    body: JSON.stringify({
      'money.unit': 'wan',
      'views.attendees': [{ name: '待接站', filter: { needsPickup: true } }],
    }),
  });
  expect(res.status).toBe(200);
  await server.close();
  // what it wrote is still in the journal, not yet in the data file
  expect(fs.statSync(`${dataFile}.journal`).size).toBeGreaterThan(0);
}, 60_000);

describe('npm run db -- export, then import', () => {
  let url: string;
  let pool: pg.Pool;
  beforeAll(async () => {
    url = await cluster().createDatabase();
    pool = poolOf(url);
  });

  it('moves every list into PostgreSQL with its journal, and back into a file that opens the same', async () => {
    const before = openCopy(dataFile);
    const exported = await exportToPostgres({ dataFile, databaseUrl: url });
    const lists = Object.keys(before.data);
    expect(lists).toEqual(
      expect.arrayContaining(['users', 'audit', 'customFields', 'customResources', 'preferences', CUSTOM_LIST]),
    );
    // (a list the file never held, one added to the schema since, moves as nothing)
    expect(Object.fromEntries(exported.filter(([, n]) => n > 0))).toEqual(
      Object.fromEntries(
        lists.filter((list) => before.data[list].length > 0).map((list) => [list, before.data[list].length]),
      ),
    );
    // in PostgreSQL, per list, as the server had it
    for (const list of lists) expect(await rowsInPostgres(pool, list), list).toEqual(byId(before.data[list]));
    // the lists' indexes, set aside while the rows went in, are all back
    const indexes = async (db: pg.Pool) =>
      (await db.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`)).rows;
    const fresh = poolOf(await cluster().createDatabase());
    await migrate(fresh);
    expect(await indexes(pool)).toEqual(await indexes(fresh));
    // the export reads; it never writes the data file or its journal
    expect(fs.statSync(`${dataFile}.journal`).size).toBeGreaterThan(0);

    const back = path.join(tempDir(), 'back.json');
    const imported = await importFromPostgres({ dataFile: back, databaseUrl: url });
    // every list of the database, the empty ones too
    expect(Object.fromEntries(imported.filter(([, n]) => n > 0))).toEqual(Object.fromEntries(exported));
    expect(imported.map(([list]) => list)).toEqual(expect.arrayContaining(exported.map(([list]) => list)));
    // plain JSON, laid out a record per line as the server writes it (so it opens without a rewrite)
    expect(laidOutByRecord(back)).toBe(true);
    expect(Object.keys(JSON.parse(fs.readFileSync(back, 'utf8')))).toEqual([
      ...imported.map(([list]) => list),
      '_meta',
    ]);
    const after = openCopy(back);
    expect(Object.keys(after.data).sort()).toEqual(lists.sort());
    for (const list of lists) expect(byId(after.data[list]), list).toEqual(byId(before.data[list]));
    expect(after.next).toEqual(before.next);
  });

  it('carries the audit trail, the accounts with their hashes and the preferences exactly', async () => {
    const before = openCopy(dataFile).data;
    const audit = await rowsInPostgres(pool, 'audit');
    expect(audit.length).toBeGreaterThan(10);
    expect(audit).toEqual(before.audit);
    const users = await rowsInPostgres(pool, 'users');
    expect(users.map((u) => u.passwordHash)).toEqual(before.users.map((u) => u.passwordHash));
    expect(users.every((u) => typeof u.passwordHash === 'string' && u.passwordHash.length > 20)).toBe(true);
    const preferences = await rowsInPostgres(pool, 'preferences');
    expect(preferences.map((p) => [p.key, p.value])).toEqual([
      ['money.unit', 'wan'],
      ['views.attendees', [{ name: '待接站', filter: { needsPickup: true } }]],
    ]);
  });

  it('keeps Chinese text, money to the fen, dates and times in their typed columns', async () => {
    const { rows } = await pool.query(
      `SELECT name, title, note, arrival_station, arrival_at = '2026-05-24 15:05:00+08' AS arrival, replied_on::text, custom
         FROM attendees WHERE name = '欧阳娜娜'`,
    );
    expect(rows).toEqual([
      {
        name: '欧阳娜娜',
        title: '研究员、博士生导师',
        note: '清真餐；随行1人 🚄',
        arrival_station: '青岚南站',
        arrival: true,
        replied_on: '2026-05-20',
        custom: { mealPlan: '清真' },
      },
    ]);
    const money = await pool.query(`SELECT amount::text, signed_on::text FROM agreements WHERE title LIKE '石墨烯%'`);
    expect(money.rows).toEqual([{ amount: '12345678.91', signed_on: '2026-05-24' }]);
    const needs = await rowsInPostgres(pool, CUSTOM_LIST);
    expect(needs.map((n) => n.budget)).toEqual([1234567.89, 1234567.89]);
  });

  it('continues ids after the highest moved one, deleted ones included, on both sides', async () => {
    const { next } = openCopy(dataFile);
    expect(next.attendees).toBe(deletedGuest + 1);
    expect(await takeId(pool, 'attendees')).toBe(deletedGuest + 1);
    expect(await takeId(pool, CUSTOM_LIST)).toBe(next[CUSTOM_LIST]);
    expect(await takeId(pool, 'audit')).toBe(next.audit);
    expect(await takeId(pool, 'preferences')).toBe(next.preferences);
    // what the database handed out moves back too
    const back = path.join(tempDir(), 'back.json');
    await importFromPostgres({ dataFile: back, databaseUrl: url });
    const after = openCopy(back).next;
    expect(after.attendees).toBe(deletedGuest + 2);
    expect(after[CUSTOM_LIST]).toBe(next[CUSTOM_LIST] + 1);
  });

  it('refuses a database that holds records, changing nothing; --replace replaces them in one go', async () => {
    await pool.query(`UPDATE summits SET name = '改过的名字' WHERE id = 1`);
    const counts = async () =>
      (await pool.query(`SELECT (SELECT count(*) FROM attendees) AS a, (SELECT count(*) FROM audit) AS b`)).rows[0];
    const held = await counts();
    await expect(exportToPostgres({ dataFile, databaseUrl: url })).rejects.toThrow(
      /already holds records \(summits \d+, .*attendees \d+.*\); nothing was written\. Add --replace/,
    );
    expect(await counts()).toEqual(held);
    expect((await pool.query(`SELECT name FROM summits WHERE id = 1`)).rows[0].name).toBe('改过的名字');

    // a data file PostgreSQL cannot take (a NUL in a note), with --replace: nothing replaced
    const broken = path.join(tempDir(), 'broken.json');
    const data = openCopy(dataFile).data;
    data.attendees.at(-1)!.note = 'a\u0000b';
    writeSnapshot(broken, data);
    await expect(exportToPostgres({ dataFile: broken, databaseUrl: url, replace: true })).rejects.toThrow(
      /^attendees \d+\.note holds the character U\+0000, which PostgreSQL cannot store/,
    );
    data.attendees.at(-1)!.note = null;
    data.attendees.push({ ...data.attendees[0] });
    writeSnapshot(broken, data);
    await expect(exportToPostgres({ dataFile: broken, databaseUrl: url, replace: true })).rejects.toThrow(
      /^attendees: two records have the same id/,
    );
    expect(await counts()).toEqual(held);
    expect((await pool.query(`SELECT name FROM summits WHERE id = 1`)).rows[0].name).toBe('改过的名字');

    await exportToPostgres({ dataFile, databaseUrl: url, replace: true });
    expect((await pool.query(`SELECT name FROM summits WHERE id = 1`)).rows[0].name).toBe(
      openCopy(dataFile).data.summits[0].name,
    );
    expect(await counts()).toEqual(held);
  });

  it('refuses while a server has the data file open, and while a Huiwu server is on the database', async () => {
    const dir = tempDir();
    for (const name of ['data.json', 'data.json.journal', 'seed.json'])
      fs.copyFileSync(path.join(path.dirname(dataFile), name), path.join(dir, name));
    const running = await startTestServer({ dir });
    try {
      const empty = await cluster().createDatabase();
      await expect(exportToPostgres({ dataFile: running.dataFile, databaseUrl: empty })).rejects.toThrow(
        /is in use by another Huiwu server|is already open in this process/,
      );
      // nothing was written: not even the tables
      const tables = await poolOf(empty).query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await running.close();
    }
    const server = openPool(url, { max: 1 }); // named as a Huiwu server's pool is
    pools.push(server);
    await server.query('SELECT 1');
    await expect(exportToPostgres({ dataFile, databaseUrl: url, replace: true })).rejects.toThrow(
      /1 connection\(s\) of a Huiwu server are open/,
    );
    await server.end();
    pools.splice(pools.indexOf(server), 1);
    // an idle server's pool has closed its connections after 10 s; its change bus listens on
    const bus = await PgChangeBus.open(poolOf(url), url);
    try {
      await expect(exportToPostgres({ dataFile, databaseUrl: url, replace: true })).rejects.toThrow(
        /1 connection\(s\) of a Huiwu server are open/,
      );
    } finally {
      await bus.close();
    }
  });

  it('refuses to import over an existing data file unless told, and then replaces it and its journal', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'data.json');
    fs.writeFileSync(target, '{"summits":[]}');
    fs.writeFileSync(`${target}.journal`, '[{"r":"summits","put":{"id":99,"name":"旧的"}}]\n');
    await expect(importFromPostgres({ dataFile: target, databaseUrl: url })).rejects.toThrow(
      /data\.json already exists; nothing was written\. Add --replace/,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('{"summits":[]}');
    await importFromPostgres({ dataFile: target, databaseUrl: url, replace: true });
    expect(fs.existsSync(`${target}.journal`)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['data.json']);
    const opened = openCopy(target).data;
    expect(opened.summits.find((s) => s.id === 99)).toBeUndefined();

    // never into the file of a running server
    const running = await startTestServer({ dir });
    try {
      await expect(importFromPostgres({ dataFile: target, databaseUrl: url, replace: true })).rejects.toThrow(
        /(is in use by another Huiwu server|is already open in this process).*\(import writes a data file no server has open\)/,
      );
    } finally {
      await running.close();
    }
    expect(opened.attendees.length).toBe(openCopy(dataFile).data.attendees.length);
  });
});

describe('a data file with its journal not yet folded in', () => {
  it('moves with the journal’s writes: puts over records, new records, deletions, a list only the journal has', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    const seed = fullSeed();
    writeSnapshot(file, { ...seed, _meta: { nextId: { summits: 40 } } });
    const guest = seed.attendees[0];
    const journal = [
      [{ r: 'attendees', put: { ...guest, hotel: '青岚宾馆', version: 2 } }],
      [{ r: 'attendees', del: seed.attendees[1].id }],
      [{ r: 'summits', put: { ...seed.summits[0], id: 30, name: '第三十届峰会' } }],
      [{ r: 'summits', del: 30 }],
      [{ r: 'visits', put: { id: 1, place: '青岚', version: 1 } }],
      // a torn last line, never acknowledged: left out, as the server leaves it out
    ];
    fs.writeFileSync(`${file}.journal`, journal.map((line) => JSON.stringify(line)).join('\n') + '\n[{"r":"summ');
    const url = await cluster().createDatabase();
    const pool = poolOf(url);
    const counts = Object.fromEntries(await exportToPostgres({ dataFile: file, databaseUrl: url }));
    expect(counts.attendees).toBe(seed.attendees.length - 1);
    expect(counts.visits).toBe(1);
    const guests = await rowsInPostgres(pool, 'attendees');
    expect(guests.find((g) => g.id === guest.id)).toMatchObject({ hotel: '青岚宾馆', version: 2 });
    expect(guests.find((g) => g.id === seed.attendees[1].id)).toBeUndefined();
    expect((await rowsInPostgres(pool, 'summits')).map((s) => s.id)).toEqual(seed.summits.map((s) => s.id));
    expect(await rowsInPostgres(pool, 'visits')).toEqual([{ id: 1, place: '青岚', version: 1 }]);
    // the counter of the file, past the deleted journal record
    expect(await takeId(pool, 'summits')).toBe(40);
    const opened = openCopy(file);
    for (const list of Object.keys(opened.data))
      expect(await rowsInPostgres(pool, list), list).toEqual(byId(opened.data[list]));
  });

  it('reads a file laid out otherwise part-way (hand-edited) whole, and refuses a damaged one as the server does', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    fs.writeFileSync(
      file,
      '{"summits":[\n{"id":1,"name":"青岚论坛","version":1}\n],\n"series": [\n  {"id": 2, "name": "院士大讲堂", "version": 1}\n]}\n',
    );
    const url = await cluster().createDatabase();
    const pool = poolOf(url);
    await exportToPostgres({ dataFile: file, databaseUrl: url });
    expect((await rowsInPostgres(pool, 'series')).map((s) => s.name)).toEqual(['院士大讲堂']);
    expect((await rowsInPostgres(pool, 'summits')).map((s) => s.name)).toEqual(['青岚论坛']);

    fs.writeFileSync(file, '{"summits":[\n{"id":1,"name":"青岚');
    const other = await cluster().createDatabase();
    await expect(exportToPostgres({ dataFile: file, databaseUrl: other })).rejects.toThrow(
      /data\.json is not valid JSON \(.*\); refusing to export it$/,
    );
    // nothing written, not even the tables
    const tables = await poolOf(other).query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.rows[0].n).toBe(0);
  });

  it('a sparse record (a hand-made file, the seed) comes back with its empty fields as null and version 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ summits: [{ id: 3, name: '青岚智能制造高峰论坛', startsOn: '2026-05-24' }] }, null, 2),
    );
    const url = await cluster().createDatabase();
    await exportToPostgres({ dataFile: file, databaseUrl: url });
    const back = path.join(dir, 'back.json');
    await importFromPostgres({ dataFile: back, databaseUrl: url });
    const summit = openCopy(back).data.summits[0];
    expect(summit).toMatchObject({
      id: 3,
      name: '青岚智能制造高峰论坛',
      startsOn: '2026-05-24',
      version: 1,
      endsOn: null,
    });
  });
});

const withoutSettings = () => {
  const { DATABASE_URL: _d, HUIWU_DATA: _h, ...env } = process.env;
  return env;
};

describe('the CLI', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/store/postgres/cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...withoutSettings(), ...env },
      timeout: 60_000,
    });
    return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
  };

  it('says what it moved, refuses in one line, and answers with exit codes', async () => {
    const url = await cluster().createDatabase();
    const exported = cli(['export', '--data', dataFile], { DATABASE_URL: url });
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(
      /^exported \/.*data\.json into postgresql:\/\/postgres@127\.0\.0\.1:\d+\/\w+: organizations \d+, summits \d+, .*attendees \d+, .*users \d+, .*audit \d+, .*techNeeds 2, preferences 2 \(\d+ records in \d+ lists\), \d+\.\d s$/,
    );

    const again = cli(['export', '--database', url], { HUIWU_DATA: dataFile });
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toMatch(
      /^export refused: postgresql:.* already holds records \(.*\); nothing was written\. Add --replace to replace them with .*data\.json's$/,
    );
    expect(again.err.split('\n')).toHaveLength(1);

    expect(cli(['export', `--data=${dataFile}`, `--database=${url}`, '--replace']).code).toBe(0);

    const target = path.join(tempDir(), 'copy.json');
    const imported = cli(['import', '--data', target, '--database', url]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(
      /^imported postgresql:.* into \/.*copy\.json: summits \d+, .*\(\d+ records in \d+ lists\), \d+\.\d s$/,
    );
    const over = cli(['import', '--data', target, '--database', url]);
    expect([over.code, over.err]).toEqual([
      1,
      expect.stringMatching(/^import refused: .*copy\.json already exists; nothing was written/),
    ]);

    const missing = cli(['export', '--data', path.join(tempDir(), 'none.json'), '--database', url]);
    expect([missing.code, missing.err]).toEqual([
      1,
      expect.stringMatching(/^export refused: there is no data file at /),
    ]);
    const noDatabase = cli(['export', '--data', dataFile]);
    expect([noDatabase.code, noDatabase.err]).toEqual([
      2,
      'export: no database: set DATABASE_URL or give --database <url>',
    ]);
    const unknown = cli(['export', '--force']);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringMatching(/^usage: npm run db -- /)]);
    const unreachable = cli([
      'import',
      '--data',
      path.join(tempDir(), 'x.json'),
      '--database',
      'postgresql://postgres:secret@127.0.0.1:1/none',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(
      /^import refused: could not connect to postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: /,
    );
    expect(unreachable.err).not.toContain('secret');
  }, 120_000);
});
