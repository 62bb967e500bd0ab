import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { textOfValue } from '../../src/schema/fromText';
import { personName } from '../../src/schema/text/people';
import type { ImportReport } from '../../src/schema/imports';
import { importBody, startChoices } from '../../src/app/import/importRequest';
import { prepareImport } from '../../src/app/import/prepare';
import { readSpreadsheet } from '../../src/app/import/readSpreadsheet';
import type { CorpusCase } from '../fixtures/guest-lists/make';
import { rowsOf, startDemoServer, type TestServer } from '../helpers/server';

// Partners' guest lists as their Excel or WPS saved them (test/fixtures/guest-lists, each with
// the records it must produce beside it): every one imports with nothing chosen by hand but
// the summit, through the app's own reader and column matching, on the real server.
const attendees = resourceByName.attendees;
const DIR = path.resolve('test/fixtures/guest-lists');
const files = fs.readdirSync(DIR).filter((name) => !/\.(json|ts)$/.test(name));
const expectedOf = (file: string): Omit<CorpusCase, 'sheets' | 'format'> =>
  JSON.parse(fs.readFileSync(path.join(DIR, `${file}.expected.json`), 'utf8'));

// each file on a fresh copy of the demo data: one file's new organisations are not another's
let server: TestServer;
beforeEach(async () => {
  server = await startDemoServer({ lang: 'zh' });
});
afterEach(() => server.close());

const post = async (body: object, dryRun: boolean) => {
  const res = await server.api(`/attendees/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return { status: res.status, report: (await res.json()) as ImportReport & { message?: string } };
};

/** A stored guest as the expected records describe one: organisation by name, times in Beijing. */
async function described(row: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...row };
  out.organization = row.organizationId
    ? (await server.client.getOne('organizations', { id: row.organizationId as number })).data.name
    : null;
  for (const source of ['arrivalAt', 'departureAt'])
    out[source] = row[source]
      ? textOfValue(
          attendees.fields.find((f) => f.source === source)!,
          row[source],
          'zh',
        )
      : null;
  return out;
}

describe('the guest-list corpus', () => {
  it('holds at least 25 files made the way partners make them, each with its expected records', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const file of files) expect(fs.existsSync(path.join(DIR, `${file}.expected.json`)), file).toBe(true);
    const kinds = new Set(files.map((file) => path.extname(file)));
    expect([...kinds].sort()).toEqual(['.csv', '.txt', '.xlsx']);
  });

  for (const file of files) {
    const expected = expectedOf(file);
    it(`${file}: ${expected.made}`, async () => {
      const { data: summit } = await server.client.create('summits', {
        data: {
          name: `导入 ${file}`,
          kind: 'summit',
          startsOn: '2026-05-25',
          endsOn: '2026-05-26',
          status: 'inviting',
        },
      });
      const bytes = fs.readFileSync(path.join(DIR, file));
      const book = await readSpreadsheet({
        name: file,
        bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      });
      const prepared = prepareImport(attendees, file, book, {}, ['summitId']);
      expect(prepared.file.skipped.length, 'lines set aside').toBe(expected.skipped);
      const choices = {
        ...startChoices(prepared.columns, ['summitId', 'phone'], { summitId: summit.id }),
        badCells: expected.badCells ?? ('refuseRow' as const),
      };

      // the preview: every row can be imported, the new organisations are listed once each
      const preview = await post(importBody(attendees, prepared.file, choices), true);
      expect(preview.status).toBe(200);
      const refused = preview.report.rows.flatMap((row, i) =>
        row.outcome === 'invalid' ? [[prepared.file.lines[i], row.errors]] : [],
      );
      expect(refused, 'rows refused').toEqual([]);
      expect(preview.report.counts.create).toBe(expected.expect.length);
      expect(preview.report.newRecords!.map((r) => r.name).sort()).toEqual([...expected.newOrganizations].sort());
      const nameOf = (i: number) => personName(prepared.file.rows[i][prepared.columns.indexOf('name')]);
      const emptied = Object.fromEntries(
        preview.report.rows.flatMap((row, i) => (row.emptied ? [[nameOf(i), Object.keys(row.emptied).sort()]] : [])),
      );
      expect(emptied, 'cells left empty').toEqual(
        Object.fromEntries(Object.entries(expected.emptied ?? {}).map(([name, fields]) => [name, [...fields].sort()])),
      );

      // how unusual cells were read, and the known organisations a new name may mean
      for (const [name, readings] of Object.entries(expected.readings ?? {})) {
        const i = prepared.file.rows.findIndex((_, k) => nameOf(k) === name);
        expect(preview.report.rows[i].read, name).toMatchObject(readings);
      }
      for (const [name, near] of Object.entries(expected.near ?? {}))
        expect(
          preview.report.newRecords!.find((r) => r.name === name)?.near.map((n) => n.name),
          name,
        ).toEqual(near);

      // the import itself, then what is stored
      const commit = await post(importBody(attendees, prepared.file, choices), false);
      expect(commit.status).toBe(200);
      expect(commit.report.newRecords!.every((r) => typeof r.id === 'number')).toBe(true);
      const stored = await rowsOf(server.client, 'attendees', { summitId: summit.id }, 500);
      expect(stored.map((row) => row.name).sort()).toEqual(expected.expect.map((e) => e.name).sort());
      for (const want of expected.expect) {
        const row = await described(stored.find((r) => r.name === want.name)!);
        const got = Object.fromEntries(Object.keys(want).map((key) => [key, row[key] ?? null]));
        expect(got, want.name).toEqual(want);
      }
    });
  }
});
