import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/schema/spreadsheet/csv';
import { buildTable } from '../../src/schema/spreadsheet/table';
import { toXlsx } from '../../src/schema/spreadsheet/xlsx';
import { resourceByName } from '../../src/schema';

const agreements = resourceByName.agreements;
const columns = ['title', 'enterpriseId', 'signedOn', 'kind', 'amount', 'status', 'officer'].map((s) =>
  agreements.fields.find((f) => f.source === s)!,
);
const rows = [
  {
    title: '石墨烯导热膜联合实验室',
    enterpriseId: 1,
    signedOn: '2026-03-18',
    kind: 'jointLab',
    amount: 5_000_000,
    status: 'landed',
    officer: '赵敏',
  },
  {
    title: '=HYPERLINK("http://evil")',
    enterpriseId: 2,
    signedOn: '2026-05-25',
    kind: 'challenge',
    amount: 16_000_000,
    status: 'signed',
    officer: '-钱进',
  },
];
const titles = {
  enterpriseId: new Map<unknown, string>([
    [1, '青岚烯能电子材料有限公司'],
    [2, '江淮智能装备有限公司'],
  ]),
};

describe('CSV export', () => {
  const csv = toCsv(buildTable(agreements, columns, rows, titles, 'zh'));

  it('is UTF-8 with a BOM and CRLF line ends, headers and labels in the chosen language', () => {
    expect(csv.startsWith('\uFEFF项目名称,签约企业,签约日期,合作方式,金额（元）,状态,帮办专员\r\n')).toBe(true);
    expect(csv).toContain(
      '\r\n石墨烯导热膜联合实验室,青岚烯能电子材料有限公司,2026-03-18,共建联合实验室,5000000,已落地,赵敏\r\n',
    );
    expect(toCsv(buildTable(agreements, columns, rows, titles, 'en'))).toContain('Joint laboratory');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(",'-钱进\r\n");
    // cells holding ; or = are quoted too (some spreadsheets split on ;)
    const officer = agreements.fields.filter((f) => f.source === 'officer');
    expect(toCsv(buildTable(agreements, officer, [{ officer: '王;李' }, { officer: 'a=b' }], {}, 'zh'))).toContain(
      '\r\n"王;李"\r\n"a=b"\r\n',
    );
    const lecture = resourceByName.lectures;
    const audience = lecture.fields.filter((f) => f.source === 'audience');
    expect(toCsv(buildTable(lecture, audience, [{ audience: -5 }], {}, 'zh'))).toContain('\r\n-5\r\n');
  });

  it('writes date-times as Beijing wall-clock time', () => {
    const attendees = resourceByName.attendees;
    const arrival = attendees.fields.filter((f) => f.source === 'arrivalAt');
    expect(toCsv(buildTable(attendees, arrival, [{ arrivalAt: '2026-12-03T06:30:00.000Z' }], {}, 'zh'))).toContain(
      '\r\n2026-12-03 14:30\r\n',
    );
  });
});

describe('XLSX export, read back with a second library', () => {
  it('has real dates and numbers, Chinese text, and text that looks like a formula kept as text', async () => {
    const buffer = await toXlsx(ExcelJS, buildTable(agreements, columns, rows, titles, 'zh'), '签约项目');
    // read-excel-file answers every sheet of the workbook with its rows
    const [{ data: sheet }] = (await readXlsxFile(Buffer.from(buffer))) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
    expect(sheet[0]).toEqual(['项目名称', '签约企业', '签约日期', '合作方式', '金额（元）', '状态', '帮办专员']);
    const [title, enterprise, signedOn, kind, amount] = sheet[1];
    expect([title, enterprise, kind]).toEqual(['石墨烯导热膜联合实验室', '青岚烯能电子材料有限公司', '共建联合实验室']);
    expect(signedOn).toBeInstanceOf(Date);
    expect((signedOn as Date).toISOString().slice(0, 10)).toBe('2026-03-18');
    expect(amount).toBe(5_000_000);
    // a string cell is never a formula in XLSX: written as the text it is, no apostrophe shown
    expect(sheet[2][0]).toBe(`=HYPERLINK("http://evil")`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    expect(workbook.worksheets[0].getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });

  it('freezes a bold header row', async () => {
    const buffer = await toXlsx(ExcelJS, buildTable(agreements, columns, rows, titles, 'zh'), '签约项目');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.getWorksheet('签约项目')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });
});
