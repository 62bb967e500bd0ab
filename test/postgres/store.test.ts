import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import seed from '../../db/seed.json';
import { resourceByName } from '../../src/schema';
import { aggregate, type AggregateSpec } from '../../src/server/aggregates';
import { translateListQuery } from '../../src/server/protocol';
import { migrate } from '../../src/server/store/postgres/migrate';
import { openPool } from '../../src/server/store/postgres/pool';
import { insertStatement, nextIdStatement } from '../../src/server/store/postgres/rows';
import { PgChangeBus } from '../../src/server/store/postgres/changes';
import type { Heard } from '../../src/server/changes';
import { postgresStore } from '../../src/server/store/postgres/store';
import { tableOf } from '../../src/server/store/postgres/tables';
import type { ListQuery, RecordStore } from '../../src/server/store/recordStore';
import type { Data, Row } from '../../src/server/store/store';
import { postgresForFile } from '../helpers/postgres';

/**
 * The PostgreSQL store over the demo data: figures as the embedded store computes them,
 * records by id in the order asked, and writes (one transaction each, versions and audit rows,
 * concurrent edits of one record each one version).
 */

const cluster = postgresForFile();
let pool: pg.Pool;
let store: RecordStore;
let url: string;
let bus: PgChangeBus;
const data = structuredClone(seed) as unknown as Data;

beforeAll(async () => {
  for (const rows of Object.values(data)) for (const row of rows) row.version ??= 1;
  url = await cluster().createDatabase();
  pool = openPool(url, { max: 12 });
  await migrate(pool);
  for (const [name, rows] of Object.entries(data)) {
    if (!resourceByName[name]) continue;
    const table = tableOf(name);
    for (let i = 0; i < rows.length; i += 200) {
      const insert = insertStatement(table, rows.slice(i, i + 200));
      await pool.query(insert.text, insert.values);
    }
    const next = nextIdStatement(table);
    await pool.query(next.text, next.values);
  }
  bus = await PgChangeBus.open(pool, url);
  store = postgresStore(pool, resourceByName, bus);
}, 60_000);
afterAll(() => store?.close());

describe('PostgreSQL store: reads', () => {
  const figures: [string, Record<string, string | string[]>, AggregateSpec][] = [
    ['agreements', {}, {}],
    ['agreements', {}, { sum: 'amount' }],
    ['agreements', {}, { groupBy: 'status', sum: 'amount' }],
    ['agreements', {}, { groupBy: 'signedOn:month', sum: 'amount' }],
    ['agreements', {}, { groupBy: 'signedOn:year' }],
    ['agreements', { status_ne: 'terminated' }, { groupBy: 'officer', top: 5 }],
    ['agreements', {}, { groupBy: 'enterpriseId', top: 3, sum: 'amount' }],
    ['agreements', {}, { groupBy: 'kind', max: 'signedOn' }],
    ['followups', {}, { groupBy: 'agreementId', max: 'on', top: 10 }],
    ['attendees', {}, { groupBy: 'arrivalAt:month' }],
    ['attendees', { summitId: '1' }, { groupBy: 'invitation' }],
    ['attendees', { summitId: ['1', '2'] }, { groupBy: 'needsPickup' }],
  ];
  it.each(figures)('%s %j %j: the embedded store figures', async (name, query, spec) => {
    const resource = resourceByName[name];
    const expected = aggregate(data[name], resource, query, spec);
    const got = await store.aggregate(resource, query, spec);
    expect(got.count).toBe(expected.count);
    if (expected.sum !== undefined) expect(got.sum).toBeCloseTo(expected.sum, 2);
    expect(got.groups?.map((g) => [g.key, g.count, g.max])).toEqual(
      expected.groups?.map((g) => [g.key, g.count, g.max]),
    );
    if (spec.sum) got.groups?.forEach((g, i) => expect(g.sum).toBeCloseTo(expected.groups![i].sum!, 2));
  });

  it('overdue (a named filter) counts as the embedded store does', async () => {
    const resource = resourceByName.agreements;
    const now = Date.parse('2026-11-30T16:30:00Z');
    const query = translateListQuery(resource, { filter: JSON.stringify({ overdue: true }) }, now) as unknown as Record<
      string,
      string | string[]
    >;
    expect((await store.aggregate(resource, query, {})).count).toBe(
      aggregate(data.agreements, resource, query, {}).count,
    );
  });

  it('get: the records that exist, in the order asked', async () => {
    const rows = await store.get('summits', [3, 'nope', 1, 99999, '2']);
    expect(rows.map((row) => row.id)).toEqual([3, 1, 2]);
  });
});

describe('PostgreSQL store: writes', () => {
  it('creates, updates and deletes in one transaction, each with its audit row', async () => {
    const [created] = await store.write({ id: 1, username: 'admin' }, async () => [
      { op: 'create', resource: 'series', fields: { name: '院士大讲堂 测试' } },
    ]);
    expect(created).toMatchObject({ name: '院士大讲堂 测试', version: 1 });
    const [updated] = await store.write({ id: 1, username: 'admin' }, async (view) => [
      { op: 'update', resource: 'series', row: (await view.find('series', created.id))!, fields: { host: '科协' } },
    ]);
    expect(updated).toMatchObject({ host: '科协', version: 2 });
    // nothing changed: no new version, no audit row
    const [same] = await store.write({ id: 1, username: 'admin' }, async (view) => [
      { op: 'update', resource: 'series', row: (await view.find('series', created.id))!, fields: { host: '科协' } },
    ]);
    expect(same.version).toBe(2);
    await store.write(null, async (view) => [
      { op: 'delete', resource: 'series', row: (await view.find('series', created.id))! },
    ]);
    expect(await store.get('series', [created.id])).toEqual([]);
    const trail = await store.history.since('series', created.id, 0);
    expect(trail.map((e) => [e.action, e.version, e.username])).toEqual([
      ['create', 1, 'admin'],
      ['update', 2, 'admin'],
      ['delete', 2, null],
    ]);
    expect(trail[1].after).toEqual({ host: '科协' });
  });

  it('a refused plan writes nothing', async () => {
    const before = store.commits;
    await expect(
      store.write(null, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.commits).toBe(before);
  });

  it('forty concurrent edits of one record: each one version, each its own audit row', async () => {
    const id = 1;
    const start = (await store.get('summits', [id]))[0].version as number;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.write({ id: 1 + (i % 2), username: i % 2 ? 'two' : 'one' }, async (view) => {
          const row = (await view.find('summits', id))!;
          return [{ op: 'update', resource: 'summits', row, fields: { venue: `会场 ${i}` } }];
        }),
      ),
    );
    const versions = answers.map(([row]) => row.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 40 }, (_, i) => start + 1 + i));
    const trail = await store.history.since('summits', id, start);
    expect(trail.map((e) => e.version)).toEqual(versions);
    for (const [row] of answers) {
      const entry = trail.find((e) => e.version === row.version)!;
      expect(entry.after).toEqual({ venue: row.venue });
    }
  });

  it('two guests of one summit are written side by side; deleting the summit waits for both', async () => {
    const summit = (await store.get('summits', [1]))[0];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const order: string[] = [];
    // the first guest's write holds its transaction open after checking its summit
    const first = store.write(null, async (view) => {
      expect(await view.exists('summits', summit.id)).toBe(true);
      await gate;
      order.push('first');
      return [{ op: 'create', resource: 'attendees', fields: { summitId: summit.id, name: '甲嘉宾', role: 'guest' } }];
    });
    await new Promise((r) => setTimeout(r, 100));
    const deleting = store
      .write(null, async (view) => {
        const row = (await view.find('summits', summit.id))!;
        order.push(`delete saw ${(await view.where('attendees', 'summitId', summit.id)).length} guests`);
        return [{ op: 'delete', resource: 'summits', row }];
      })
      .catch(() => undefined);
    // a second guest of the same summit is not queued behind the first
    const [second] = await store.write(null, async (view) => {
      expect(await view.exists('summits', summit.id)).toBe(true);
      return [{ op: 'create', resource: 'attendees', fields: { summitId: summit.id, name: '乙嘉宾', role: 'guest' } }];
    });
    order.push('second');
    expect(second).toMatchObject({ name: '乙嘉宾', summitId: summit.id });
    open();
    await first;
    await deleting;
    const guests = (await pool.query('SELECT count(*)::int AS n FROM attendees WHERE summit_id = $1', [summit.id]))
      .rows[0].n;
    // the delete found its row only after the first guest committed: it saw both new guests
    expect(order[0]).toBe('second');
    expect(order.slice(1, 2)).toEqual(['first']);
    expect(order[2]).toBe(`delete saw ${guests} guests`);
  });
});

describe('PostgreSQL store: one-record writes', () => {
  it('wait for the database twice: BEGIN with the read, then the change, audit row, notice and COMMIT', async () => {
    // a server's own pool: pipelined, as open.ts makes it
    const piped = openPool(url, { max: 1, pipeline: true });
    let flushes = 0;
    piped.on('connect', (client) => {
      const socket = (client as unknown as { connection: { stream: { _write: Function; _writev: Function } } })
        .connection.stream;
      for (const method of ['_write', '_writev'] as const) {
        const original = socket[method];
        socket[method] = function (this: unknown, ...args: unknown[]) {
          flushes++;
          return original.apply(this, args);
        };
      }
    });
    const own = postgresStore(piped, resourceByName, bus);
    try {
      const heard: Heard[] = [];
      const stop = bus.subscribe((change) => heard.push(change));
      const edit = (venue: string) =>
        own.write({ id: 1, username: 'admin' }, async (view) => [
          { op: 'update', resource: 'summits', row: (await view.find('summits', 2))!, fields: { venue } },
        ]);
      await edit('预热会场'); // the connection opened, its statements prepared
      const start = flushes;
      const [row] = await edit('主会场 A 厅');
      expect(flushes - start).toBe(2);
      expect(row).toMatchObject({ id: 2, venue: '主会场 A 厅' });
      const [entry] = (await own.history.since('summits', 2, (row.version as number) - 1)).slice(-1);
      expect(entry).toMatchObject({ version: row.version, username: 'admin', after: { venue: '主会场 A 厅' } });
      await vi.waitFor(() =>
        expect(heard).toContainEqual(expect.objectContaining({ kind: 'records', resource: 'summits', ids: [2] })),
      );
      stop();
    } finally {
      // its pool only: the bus is shared with the other tests
      await piped.end();
    }
  });

  it('a record changed after the plan read it (unlocked) is planned again: one version, one audit row each', async () => {
    const start = (await store.get('summits', [3]))[0].version as number;
    let plans = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const late = store.write({ id: 2, username: 'late' }, async (view) => {
      plans++;
      // read as a list is read, without a row lock
      const [row] = (await view.where('summits', 'id', 3)) as Row[];
      await gate;
      return [{ op: 'update', resource: 'summits', row, fields: { venue: '迟到的会场' } }];
    });
    await new Promise((r) => setTimeout(r, 50));
    const [first] = await store.write({ id: 1, username: 'first' }, async (view) => [
      { op: 'update', resource: 'summits', row: (await view.find('summits', 3))!, fields: { host: '先到的主办方' } },
    ]);
    open();
    const [after] = await late;
    expect(plans).toBe(2);
    expect(first.version).toBe(start + 1);
    expect(after).toMatchObject({ version: start + 2, venue: '迟到的会场', host: '先到的主办方' });
    const trail = await store.history.since('summits', 3, start);
    expect(trail.map((e) => [e.version, e.username, e.after])).toEqual([
      [start + 1, 'first', { host: '先到的主办方' }],
      [start + 2, 'late', { venue: '迟到的会场' }],
    ]);
  });
});

describe('PostgreSQL store: list totals', () => {
  const total = async (on: RecordStore, query: ListQuery = {}) => (await on.page('series', query)).total;
  /** a row written behind Huiwu's back: no change is told */
  const sneakIn = async (name: string) =>
    pool.query(
      `INSERT INTO series (id, name, version, created_at, updated_at) VALUES ((SELECT max(id) + 1000 FROM series), $1, 1, now(), now())`,
      [name],
    );

  /** every change committed so far heard (the tests before wrote): a notice sent now is heard
   * after all of them */
  const settled = () =>
    new Promise<void>((resolve) => {
      const stop = bus.subscribe((change) => {
        if (change.kind === 'records' && change.resource === 'settled') {
          stop();
          resolve();
        }
      });
      void bus.publish({ kind: 'records', resource: 'settled', ids: [] });
    });

  it('are kept between changes, and counted again at once after this server’s own write', async () => {
    await settled();
    const before = await total(store);
    await sneakIn('旁路写入一');
    // kept: the row written outside Huiwu is not counted yet
    expect(await total(store)).toBe(before);
    await store.write(null, async () => [{ op: 'create', resource: 'series', fields: { name: '总数讲堂' } }]);
    expect(await total(store)).toBe(before + 2);
    expect((await store.page('series', { _start: '0', _end: '1000' })).page).toHaveLength(before + 2);
  });

  it('are counted again once another server’s change is heard', async () => {
    const otherPool = openPool(url, { max: 2 });
    const other = postgresStore(otherPool, resourceByName, await PgChangeBus.open(otherPool, url));
    try {
      const before = await total(store);
      expect(await total(other)).toBe(before);
      await other.write(null, async () => [{ op: 'create', resource: 'series', fields: { name: '另一台的讲堂' } }]);
      expect(await total(other)).toBe(before + 1);
      await expect.poll(() => total(store), { timeout: 2000, interval: 20 }).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('a search’s matches are kept in order, each page cut from them, until a change', async () => {
    await settled();
    const search = { q: '讲堂', _sort: 'name', _order: 'asc' };
    const whole = await store.page('series', search);
    expect(whole.page.length).toBeGreaterThan(1);
    const pages = [];
    for (let start = 0; start < whole.total; start++)
      pages.push(...(await store.page('series', { ...search, _start: String(start), _end: String(start + 1) })).page);
    expect(pages.map((row) => row.id)).toEqual(whole.page.map((row) => row.id));
    await sneakIn('旁路写入的讲堂');
    expect((await store.page('series', search)).total).toBe(whole.total);
    await store.write(null, async () => [{ op: 'create', resource: 'series', fields: { name: '新的讲堂' } }]);
    const after = await store.page('series', search);
    expect(after.total).toBe(whole.total + 2);
    expect(after.page.map((row) => row.name)).toEqual(expect.arrayContaining(['旁路写入的讲堂', '新的讲堂']));
  });

  it('each query its own: a filter’s total is not another’s', async () => {
    const all = await total(store);
    const named = await total(store, { q: '总数讲堂' });
    expect(named).toBe(1);
    expect(await total(store)).toBe(all);
    expect(await total(store, { q: '另一台的讲堂' })).toBe(1);
  });
});
