import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStatement, nextIdStatement } from '../../src/server/store/postgres/rows';
import { tableOf } from '../../src/server/store/postgres/tables';
import type { RecordStore, Scan } from '../../src/server/store/recordStore';
import type { Row } from '../../src/server/store/store';
import { postgresForFile } from '../helpers/postgres';
import { newSummit, startTestServer, tempDir, type TestServer } from '../helpers/server';

/**
 * An export on PostgreSQL reads its rows a page at a time (RecordStore.scan: the ids in the
 * list's order first, then the rows by id), never the whole list at once: more rows than a page
 * come out every one, once, in the order the grid shows them (pinyin, a linked record's name,
 * ties by id), filtered as it is.
 */

const cluster = postgresForFile();
let server: TestServer;
let database: string;
let summitId: number;
/** the pages the store handed out, per scan */
const scans: number[][] = [];

const GUESTS = 45_000;
const SURNAMES = ['张', '章', '李', '王', '欧阳', '吕', '曾', '阿布', 'Alice ', 'bob ', '赵', '钱'];

beforeAll(async () => {
  const url = await cluster().createDatabase();
  database = new URL(url).pathname.slice(1);
  server = await startTestServer({ databaseUrl: url, dir: tempDir() });
  summitId = await newSummit(server.client, '导出分页峰会', '2026-12-20');
  // written straight into the table: the API would take minutes for as many
  const table = tableOf('attendees');
  const now = new Date().toISOString();
  const rows = Array.from({ length: GUESTS }, (_, i) => ({
    summitId: i % 10 === 0 ? 1 : summitId,
    // names that repeat (ties go by id) and sort by pinyin, not by code point
    name: `${SURNAMES[(i * 7) % SURNAMES.length]}${(i * 7919) % 997}`,
    organizationId: (i % 4) + 1 > 3 ? null : (i % 4) + 1,
    // one of its own each: what tells a guest in the file
    phone: `139${String(i).padStart(8, '0')}`,
    role: 'guest',
    invitation: 'invited',
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 1_000) {
    const insert = insertStatement(table, rows.slice(i, i + 1_000));
    await cluster().query(insert.text, insert.values, database);
  }
  const next = nextIdStatement(table);
  await cluster().query(next.text, next.values, database);
  // every scan's pages counted
  const records = server.records as RecordStore;
  const scan = records.scan.bind(records);
  records.scan = async (...args: Parameters<RecordStore['scan']>): Promise<Scan> => {
    const { total, pages } = await scan(...args);
    const sizes: number[] = [];
    scans.push(sizes);
    return {
      total,
      pages: (async function* () {
        for await (const page of pages) {
          sizes.push(page.length);
          yield page;
        }
      })(),
    };
  };
}, 180_000);
afterAll(() => server?.close());

/** A list in the grid's order, read as the grid reads them, 5,000 at a time. */
async function listRows(filter: object, sort: [string, string]) {
  const rows: { id: number; phone: string }[] = [];
  for (let start = 0; ; start += 5_000) {
    const query = new URLSearchParams({
      filter: JSON.stringify(filter),
      sort: JSON.stringify(sort),
      range: JSON.stringify([start, start + 4_999]),
    });
    const page = (await (await server.api(`/attendees?${query}`)).json()) as { id: number; phone: string }[];
    rows.push(...page);
    if (page.length < 5_000) return rows;
  }
}

/** The phones of a CSV export (its first column), and the rows it says it holds. */
async function exportedPhones(filter: object, sort: [string, string]) {
  const query = new URLSearchParams({
    format: 'csv',
    filter: JSON.stringify(filter),
    sort: JSON.stringify(sort),
    columns: JSON.stringify(['phone', 'name', 'organizationId']),
  });
  const res = await server.api(`/attendees/export?${query}`);
  expect(res.status).toBe(200);
  const lines = (await res.text()).split('\r\n').slice(1, -1);
  return { phones: lines.map((line) => line.split(',')[0]), said: Number(res.headers.get('X-Export-Rows')) };
}

describe('exports on PostgreSQL, a page at a time', () => {
  it('more rows than a page: every row once, in the grid’s order by name (pinyin, descending)', async () => {
    const filter = { summitId };
    const sort: [string, string] = ['name', 'DESC'];
    const expected = (await listRows(filter, sort)).map((row) => row.phone);
    expect(expected.length).toBe(GUESTS - GUESTS / 10);
    const before = scans.length;
    const { phones, said } = await exportedPhones(filter, sort);
    expect(said).toBe(expected.length);
    expect(phones.length).toBe(expected.length);
    expect(phones).toEqual(expected);
    // read from the store in pages, none larger than a slice of the file
    const pages = scans[before];
    expect(pages.length).toBeGreaterThan(1);
    expect(Math.max(...pages)).toBeLessThan(expected.length);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(expected.length);
  });

  it('sorted by a linked record’s name, then by id: the same order as the grid', async () => {
    const sort: [string, string] = ['organizationId', 'ASC'];
    const expected = (await listRows({}, sort)).map((row) => row.phone ?? '');
    expect(expected.length).toBeGreaterThan(GUESTS);
    const { phones } = await exportedPhones({}, sort);
    expect(phones).toEqual(expected);
  });

  it('a row deleted while the export runs is left out, not written empty; one edited is written as it is then', async () => {
    const expected = (await listRows({ summitId }, ['id', 'ASC'])).map((row) => row.id);
    const { total, pages } = await server.records.scan('attendees', { summitId: String(summitId) }, 1_000);
    expect(total).toBe(expected.length);
    const iterator = pages[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value!.map((row: Row) => row.id)).toEqual(expected.slice(0, 1_000));
    // after the scan began, before their pages are read
    const [gone, edited] = [expected[5_000], expected[5_001]];
    const table = tableOf('attendees').name;
    await cluster().query(`DELETE FROM "${table}" WHERE id = $1`, [gone], database);
    await cluster().query(`UPDATE "${table}" SET name = '后来改的' WHERE id = $1`, [edited], database);
    const rest: Row[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(...next.value);
    expect(rest.map((row) => row.id)).toEqual(expected.slice(1_000).filter((id) => id !== gone));
    expect(rest.find((row) => row.id === edited)?.name).toBe('后来改的');
  });
});
