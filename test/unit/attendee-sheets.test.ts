import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildSheet, sheetToXlsx } from '../../src/app/export/attendeeSheets';

const orgs = new Map<unknown, string>([
  [1, '江淮工业大学'],
  [2, '青岚市科学技术局'],
]);
const guests = [
  {
    name: '张伟',
    organizationId: 1,
    title: '教授',
    invitation: 'confirmed',
    certificate: true,
    arrivalAt: '2026-12-03T06:30:00.000Z',
    arrivalStation: '青岚南站',
    arrivalMode: 'train',
    arrivalNumber: 'G7012',
    phone: '13900001111',
    pickupBy: '小李',
  },
  {
    name: '艾青',
    organizationId: 2,
    title: '局长',
    invitation: 'confirmed',
    certificate: false,
    arrivalAt: '2026-12-03T02:10:00.000Z',
    arrivalStation: '青岚南站',
    arrivalMode: 'train',
    arrivalNumber: 'G5918',
    phone: null,
    pickupBy: null,
  },
  {
    name: '王强',
    organizationId: null,
    title: '院士',
    invitation: 'invited',
    certificate: true,
    arrivalAt: '2026-12-02T23:40:00.000Z',
    arrivalStation: '青岚机场T2',
    arrivalMode: 'flight',
    arrivalNumber: 'MU5123',
    phone: null,
    pickupBy: '小周',
  },
  { name: '李娜', organizationId: 1, title: '总经理', invitation: 'declined', certificate: false, arrivalAt: null },
];

describe('the sheets organisers print', () => {
  it('sign-in: everyone expected, by pinyin, with an empty signature column', () => {
    const sheet = buildSheet('signIn', '智能制造高峰论坛', guests, orgs, 'zh');
    expect(sheet.title).toBe('智能制造高峰论坛 签到表');
    expect(sheet.headers).toEqual(['序号', '姓名', '单位', '职务/职称', '签名']);
    // 艾 (ài) before 王 (wáng) before 张 (zhāng); 李娜 declined
    expect(sheet.rows).toEqual([
      ['1', '艾青', '青岚市科学技术局', '局长', ''],
      ['2', '王强', '', '院士', ''],
      ['3', '张伟', '江淮工业大学', '教授', ''],
    ]);
  });

  it('pick-up: grouped by Beijing day and station, in time order, with train or flight, phone and driver', () => {
    const sheet = buildSheet('pickUp', '智能制造高峰论坛', guests, orgs, 'zh');
    expect(sheet.rows).toEqual([
      { heading: '2026-12-03 · 青岚南站 · 2 人' },
      ['10:10', '艾青', '青岚市科学技术局', '高铁/火车', 'G5918', '', ''],
      ['14:30', '张伟', '江淮工业大学', '高铁/火车', 'G7012', '13900001111', '小李'],
      { heading: '2026-12-03 · 青岚机场T2 · 1 人' },
      ['07:40', '王强', '', '航班', 'MU5123', '', '小周'],
    ]);
  });

  it('certificates: only those who get one, names exactly as they must be written, honours, by hand or not', () => {
    const honoured = guests.map((g) =>
      g.name === '张伟' ? { ...g, certificateName: '張偉', honour: '青岚市荣誉市民', handwritten: true } : g,
    );
    const sheet = buildSheet('certificates', '智能制造高峰论坛', honoured, orgs, 'en');
    expect(sheet.title).toBe('智能制造高峰论坛 Certificate list');
    expect(sheet.headers).toEqual([
      'No.',
      'Name on certificate',
      'Honour',
      'Title',
      'Organization',
      'Handwritten name',
      'Note',
    ]);
    expect(sheet.rows.map((r) => (r as string[]).slice(1, 3))).toEqual([
      ['王强', ''],
      ['張偉', '青岚市荣誉市民'],
    ]);
    expect((sheet.rows[1] as string[])[5]).toBe('Yes');
  });

  it('prints on A4, fitted to the width, title and headers repeated on every page', async () => {
    const buffer = await sheetToXlsx(ExcelJS, buildSheet('signIn', '智能制造高峰论坛', guests, orgs, 'zh'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const ws = workbook.worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
    const [{ data }] = (await readXlsxFile(Buffer.from(buffer))) as unknown as { data: unknown[][] }[];
    expect(data[0][0]).toBe('智能制造高峰论坛 签到表');
    expect(data[1]).toEqual(['序号', '姓名', '单位', '职务/职称', '签名']);
    expect(data[2].slice(0, 2)).toEqual(['1', '艾青']);
  });
});
