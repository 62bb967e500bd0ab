import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { autoMap, findHeaderRow, matchColumns } from '../../src/app/import/mapping';
import { toImportFile } from '../../src/app/import/importRequest';
import {
  cellText,
  decodeText,
  parseDelimited,
  readSpreadsheet,
  UnreadableFile,
} from '../../src/app/import/readSpreadsheet';
import { resourceByName } from '../../src/schema';
import { valueFromText } from '../../src/schema/fromText';

const attendees = resourceByName.attendees;
const field = (source: string) => attendees.fields.find((f) => f.source === source)!;
const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

describe('reading the files people bring', () => {
  const text = '姓名,单位\r\n张伟,江淮工业大学\r\n';
  it('decodes UTF-8 with and without a BOM, UTF-16 and GBK', () => {
    expect(decodeText(bytes(Buffer.from('\uFEFF' + text, 'utf8')))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(bytes(Buffer.from(text, 'utf8')))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(bytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])))).toEqual({
      text,
      encoding: 'UTF-16',
    });
    expect(decodeText(bytes(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'GB18030' });
    // a rare character only GB18030 has, beyond GBK
    expect(decodeText(bytes(iconv.encode('䶮', 'gb18030'))).text).toBe('䶮');
  });

  it('parses quoted CSV and tab-separated text, leaving out empty rows but keeping line numbers', () => {
    expect(parseDelimited('姓名,备注\r\n张伟,"说 ""你好"", 再见"\r\n\r\n李娜,\r\n')).toEqual({
      name: '',
      hiddenColumns: 0,
      rows: [
        ['姓名', '备注'],
        ['张伟', '说 "你好", 再见'],
        ['李娜', ''],
      ],
      lines: [1, 2, 4],
    });
    expect(parseDelimited('姓名\t手机\n张伟\t13900001111\n').rows).toEqual([
      ['姓名', '手机'],
      ['张伟', '13900001111'],
    ]);
  });

  it('reads XLSX cells as people see them: dates, numbers, formulas, rich text, links', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '到达', '回复', '人数', '合计', '备注', '邮箱']);
    sheet.addRow([
      '张伟',
      new Date(Date.UTC(2026, 11, 4, 9, 59, 59, 999)), // Excel's floating point: 10:00
      new Date(Date.UTC(2026, 10, 20)),
      12,
      { formula: 'D2*2', result: 24 },
      { richText: [{ text: '素' }, { text: '食', font: { bold: true } }] },
      { text: 'z@example.cn', hyperlink: 'mailto:z@example.cn' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['李娜']);
    const [read] = (
      await readSpreadsheet({ name: 'a.xlsx', bytes: (await workbook.xlsx.writeBuffer()) as ArrayBuffer })
    ).sheets;
    expect(read.rows[1]).toEqual(['张伟', '2026-12-04 10:00', '2026-11-20', '12', '24', '素食', 'z@example.cn']);
    expect(read.rows[2]).toEqual(['李娜']);
    expect(read.lines).toEqual([1, 2, 4]);
    expect(cellText(null)).toBe('');
  });

  it('reads a time-only cell as the time, and refuses a CSV whose quote never closes', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['抵达', new Date(Date.UTC(1899, 11, 30, 14, 30))]);
    const [read] = (
      await readSpreadsheet({ name: 'a.xlsx', bytes: (await workbook.xlsx.writeBuffer()) as ArrayBuffer })
    ).sheets;
    expect(read.rows[0]).toEqual(['抵达', '14:30']);
    expect(() => parseDelimited('姓名,备注\n张伟,"没有收尾\n李娜,好\n')).toThrow(UnreadableFile);
  });

  it('leaves out the lines under the header that are not records: totals, notes, sections, repeated headers', () => {
    const file = toImportFile(
      'a.csv',
      {
        name: 'a',
        hiddenColumns: 0,
        rows: [
          ['姓名', '手机'],
          ['一、院士专家', ''],
          ['张伟', '139'],
          ['二、企业代表', '二、企业代表'],
          ['姓名', '手机'],
          ['李娜', '137'],
          ['合计', '2人'],
          ['注：请于5月20日前回复', ''],
          ['制表人：王芳', '审核：刘明'],
        ],
        lines: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      },
      0,
    );
    expect(file).toMatchObject({
      rows: [
        ['张伟', '139'],
        ['李娜', '137'],
      ],
      lines: [3, 6],
    });
    expect(file.skipped.map((s) => [s.line, s.why])).toEqual([
      [2, 'section'],
      [4, 'section'],
      [5, 'header'],
      [7, 'total'],
      [8, 'note'],
      [9, 'note'],
    ]);
  });

  it('turns Excel date serials into dates, and takes off the apostrophe that kept a formula as text', () => {
    expect(valueFromText(field('repliedOn'), '46000')).toEqual({ value: '2025-12-09' });
    expect(valueFromText(field('arrivalAt'), '46360.375')).toEqual({ value: '2026-12-04T01:00:00.000Z' }); // 9:00 Beijing
    expect(valueFromText(field('repliedOn'), '46360.375')).toEqual({ reason: { code: 'notDate' } });
    expect(valueFromText(field('phone'), "'+86 139 0000 1111")).toEqual({ value: '+86 139 0000 1111' });
    expect(valueFromText(field('title'), "'教授")).toEqual({ value: "'教授" });
  });
});

describe('matching headers to fields', () => {
  it('knows Chinese and English headers, aliases, and headers that contain a field’s name', () => {
    const headers = ['序号', '嘉宾姓名', 'Organization', '手机号码', 'E-mail', '到达时间', '车次', '饮食禁忌', 'Hotel'];
    expect(autoMap(attendees, headers)).toEqual([
      null,
      'name',
      'organizationId',
      'phone',
      'email',
      'arrivalAt',
      'arrivalNumber',
      'diet',
      'hotel',
    ]);
  });

  it('prefers what the user chose last time, never fills a field twice, and leaves out what the list fixes', () => {
    expect(
      autoMap(attendees, ['峰会', '姓名', '备注', '饮食禁忌'], { 饮食禁忌: 'note', 备注: null }, ['summitId']),
    ).toEqual([null, 'name', null, 'note']);
    expect(autoMap(attendees, ['姓名', 'Name'])).toEqual(['name', null]);
  });

  it('finds the header under a title row', () => {
    const rows = [
      ['第三届智能制造高峰论坛嘉宾名单'],
      [],
      ['姓名', '单位', '手机'],
      ['张伟', '江淮工业大学', '13900001111'],
    ];
    expect(findHeaderRow(attendees, rows)).toBe(2);
    expect(
      findHeaderRow(attendees, [
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe(0);
    // headers matched by hand last time count: a data row naming a hotel does not win
    const own = [
      ['客人', '联络', '住处'],
      ['张伟', '13900001111', '青岚宾馆酒店'],
    ];
    expect(findHeaderRow(attendees, own, { 客人: 'name', 联络: 'phone', 住处: 'hotel' })).toBe(0);
  });
});

describe('files that would freeze or crash a page', () => {
  it('a zip bomb is refused from its directory, before anything is unpacked', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': strToU8('<x/>') });
    // the central directory says each entry unpacks to almost 4 GB, as a bomb's does
    const view = new DataView(zip.buffer);
    for (let at = 0; at < zip.length - 4; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true);
    await expect(readSpreadsheet({ name: 'bomb.xlsx', bytes: zip.buffer as ArrayBuffer })).rejects.toMatchObject({
      message: 'tooLarge',
    });
  });

  it('more rows than an import takes are refused, and so is a file too large to read', async () => {
    const lines = [
      '姓名,手机',
      ...Array.from({ length: 60_000 }, (_, i) => `嘉宾${i},139${String(i).padStart(8, '0')}`),
    ];
    const csv = new TextEncoder().encode(lines.join('\n'));
    await expect(readSpreadsheet({ name: 'many.csv', bytes: csv.buffer as ArrayBuffer })).rejects.toMatchObject({
      message: 'tooManyRows',
    });
    await expect(readSpreadsheet({ name: 'huge.csv', bytes: new ArrayBuffer(31 * 1024 * 1024) })).rejects.toMatchObject(
      {
        message: 'tooLarge',
      },
    );
  });

  it('a picture chosen by mistake is called what it is, not a quoting error', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expect(readSpreadsheet({ name: 'photo.csv', bytes: png.buffer })).rejects.toMatchObject({
      message: 'binary',
    });
  });

  it('bytes that are no text are called what they are, behind a byte-order mark, high bytes only, or after a text header', async () => {
    // the same noise every run
    let seed = 16;
    const noise = (length: number) =>
      Uint8Array.from({ length }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24);
    const header = new TextEncoder().encode('姓名,手机\n陈静,13812345678\n'.repeat(200));
    for (const [label, bytes] of [
      ['UTF-16 byte-order mark', Uint8Array.from([0xff, 0xfe, ...noise(20_000)])],
      ['high bytes only', noise(20_000).map((b) => b | 0x80)],
      ['after a text header', Uint8Array.from([...header, ...noise(20_000)])],
    ] as const) {
      await expect(
        readSpreadsheet({ name: 'list.csv', bytes: bytes.buffer as ArrayBuffer }),
        label,
      ).rejects.toMatchObject({ message: 'binary' });
    }
    // while every text file of the partner corpus still reads
    const dir = 'test/fixtures/guest-lists';
    for (const name of fs.readdirSync(dir).filter((n) => /\.(csv|txt)$/.test(n))) {
      const { sheets } = await readSpreadsheet({
        name,
        bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))).buffer,
      });
      expect(sheets[0].rows.length, name).toBeGreaterThan(1);
    }
  });

  it('several sheets: hidden ones and their hidden columns are left out', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['填表说明']);
    const list = workbook.addWorksheet('名单');
    list.addRow(['姓名', '身份证号', '手机']);
    list.addRow(['张伟', '110101199001011234', '13900001111']);
    list.getColumn(2).hidden = true;
    workbook.addWorksheet('草稿', { state: 'hidden' }).addRow(['不该看见']);
    const { sheets } = await readSpreadsheet({
      name: 'a.xlsx',
      bytes: (await workbook.xlsx.writeBuffer()) as ArrayBuffer,
    });
    expect(sheets.map((s) => s.name)).toEqual(['说明', '名单']);
    expect(sheets[1]).toMatchObject({
      rows: [
        ['姓名', '手机'],
        ['张伟', '13900001111'],
      ],
      hiddenColumns: 1,
    });
  });
});

describe('column matching that cannot corrupt', () => {
  const match = (headers: string[], ...columns: string[][]) =>
    matchColumns(
      attendees,
      headers,
      headers.map((_, j) => columns[j] ?? []),
      {},
      ['summitId'],
    ).columns;

  it('matches by the values as well as the header', () => {
    // 是/否 under 接站 is whether to meet the guest; names under it are the driver
    expect(match(['接站'], ['是', '否', '是'])).toEqual(['needsPickup']);
    expect(match(['接站'], ['王师傅', '李师傅'])).toEqual(['pickupBy']);
    // 住宿 holding counts is nights, holding hotel names the hotel
    expect(match(['住宿'], ['2晚', '1', '两晚'])).toEqual(['nights']);
    expect(match(['住宿'], ['青岚宾馆', '青岚国际饭店'])).toEqual(['hotel']);
    // an identity card number is no role
    expect(match(['身份证号'], ['110101199001011234', '330106198505050022'])).toEqual([null]);
  });

  it('of two names as long, takes the one the header ends with', () => {
    expect(match(['单位电话'], ['0571-88886666'])).toEqual(['phone']);
    expect(match(['到达车次', '抵达日期'], ['G7355', 'D3125'], ['2026/5/24', '2026/5/25'])).toEqual([
      'arrivalNumber',
      'arrivalAt',
    ]);
  });

  it('keeps records that only look like totals or headings', () => {
    const file = toImportFile(
      'a.csv',
      {
        name: 'a',
        hiddenColumns: 0,
        rows: [
          ['姓名', '单位', '职务'],
          ['Sum Ka Wai', '港科大', '教授'],
          ['J. Wang', '江东大学', ''],
          ['小计3人', '', ''],
        ],
        lines: [1, 2, 3, 4],
      },
      0,
    );
    expect(file.rows.map((r) => r[0])).toEqual(['Sum Ka Wai', 'J. Wang']);
    expect(file.skipped.map((s) => s.why)).toEqual(['total']);
  });
});
