import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceByName, type FieldDef } from '../../src/schema';
import { toCsv } from '../../src/schema/spreadsheet/csv';
import { buildTable, type ReferenceTitles } from '../../src/schema/spreadsheet/table';
import { toXlsx } from '../../src/schema/spreadsheet/xlsx';
import { importBody, startChoices } from '../../src/app/import/importRequest';
import { importableFields } from '../../src/app/import/mapping';
import { prepareImport } from '../../src/app/import/prepare';
import { readSpreadsheet } from '../../src/app/import/readSpreadsheet';
import { startDemoServer, type TestServer } from '../helpers/server';

// Export a summit's guests with the app's own export, import the file with the app's own
// reader and mapping into an empty summit on the real server: the same people come back.
const attendees = resourceByName.attendees;
let server: TestServer;

beforeAll(async () => {
  server = await startDemoServer({ lang: 'zh' });
});
afterAll(() => server.close());

const list = async (resource: string, filter: object) =>
  (
    await server.client.getList(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    })
  ).data;

/** The summit's guests as the export writes them: every field, names for references. */
async function exportGuests(summitId: number) {
  const rows = await list('attendees', { summitId });
  const titles: ReferenceTitles = {
    summitId: new Map((await list('summits', {})).map((s) => [s.id, String(s.name)])),
    organizationId: new Map((await list('organizations', {})).map((o) => [o.id, String(o.name)])),
  };
  const columns: FieldDef[] = importableFields(attendees);
  return { rows, table: buildTable(attendees, columns, rows, titles, 'zh') };
}

async function importInto(name: string, bytes: ArrayBuffer, summitId: number) {
  const book = await readSpreadsheet({ name, bytes });
  const { file, columns } = prepareImport(attendees, name, book, {}, ['summitId']);
  const body = importBody(attendees, file, startChoices(columns, ['summitId', 'phone'], { summitId }));
  const res = await server.api('/attendees/import', { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, report: await res.json(), columns };
}

const withoutBookkeeping = ({
  id: _i,
  summitId: _s,
  createdAt: _c,
  updatedAt: _u,
  version: _v,
  ...rest
}: object & Record<string, unknown>) => rest;

describe('export, then import into an empty summit', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`gives back the same guests through ${format.toUpperCase()}`, async () => {
      const { rows, table } = await exportGuests(5);
      expect(rows.length).toBeGreaterThan(40);
      const bytes =
        format === 'xlsx' ? await toXlsx(ExcelJS, table, '参会人员') : new TextEncoder().encode(toCsv(table)).buffer;
      const { data: empty } = await server.client.create('summits', {
        data: {
          name: `空峰会 ${format}`,
          kind: 'summit',
          startsOn: '2027-05-01',
          endsOn: '2027-05-02',
          status: 'planning',
        },
      });
      const { status, report, columns } = await importInto(`guests.${format}`, bytes as ArrayBuffer, Number(empty.id));
      // every column but the summit's found its field by its Chinese header
      expect(columns).toEqual(importableFields(attendees).map((f) => (f.source === 'summitId' ? null : f.source)));
      expect(status).toBe(200);
      expect(report.counts).toEqual({ create: rows.length, update: 0, unchanged: 0, invalid: 0 });
      const back = await list('attendees', { summitId: empty.id });
      expect(back.map(withoutBookkeeping)).toEqual(rows.map(withoutBookkeeping));
      expect(back.every((row) => row.summitId === empty.id)).toBe(true);
    });
  }
});

describe('amounts exported in 元 or 万元, then imported', () => {
  const agreements = resourceByName.agreements;
  for (const [unit, header] of [
    ['wan', '金额（万元）'],
    ['yuan', '金额（元）'],
  ] as const)
    it(`come back as they were through a sheet headed ${header}`, async () => {
      const params = new URLSearchParams({
        format: 'xlsx',
        unit,
        sort: JSON.stringify(['id', 'ASC']),
        columns: JSON.stringify(['title', 'amount']),
      });
      const res = await server.api(`/agreements/export?${params}`);
      expect(res.status).toBe(200);
      const bytes = await res.arrayBuffer();
      const book = await readSpreadsheet({ name: 'ledger.xlsx', bytes });
      const { file, columns } = prepareImport(agreements, 'ledger.xlsx', book, {}, []);
      // the sheet says its unit, and its numbers are in it: 3,000,000 yuan is 300 万元
      expect(file.headers).toEqual(['项目名称', header]);
      expect(file.rows[0][1]).toBe(unit === 'wan' ? '300' : '3000000');
      expect(columns).toEqual(['title', 'amount']);
      // matched by title, every amount read back in the unit its header names: nothing changes
      const body = importBody(agreements, file, startChoices(columns, ['title'], {}));
      const preview = await server.api('/agreements/import?dryRun=true', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      const report = await preview.json();
      expect(report.counts).toMatchObject({ unchanged: file.rows.length, update: 0, invalid: 0 });
    });
});
