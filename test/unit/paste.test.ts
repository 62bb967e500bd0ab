import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../src/app/grid/tsv';
import { resourceByName } from '../../src/schema';
import { nameKey, valueFromText } from '../../src/schema/fromText';

const field = (resource: string, source: string) => resourceByName[resource].fields.find((f) => f.source === source)!;

describe('TSV as Excel and WPS write it', () => {
  it('splits cells and rows, CRLF or LF, and keeps empty cells', () => {
    expect(parseTsv('张伟\t教授\r\n李娜\t\r\n')).toEqual([
      ['张伟', '教授'],
      ['李娜', ''],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes', () => {
    expect(parseTsv('"第一行\n第二行"\t"他说""好"""\r\nx\ty')).toEqual([
      ['第一行\n第二行', '他说"好"'],
      ['x', 'y'],
    ]);
  });

  it('writes what it reads', () => {
    const rows = [
      ['兴化宾馆', '含\t制表符'],
      ['', '"引号"'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe('values from their text form', () => {
  it('dates in the ways people write them', () => {
    for (const text of ['2025/5/25', '2025-05-25', '2025年5月25日', '2025.5.25', '20250525']) {
      expect(valueFromText(field('followups', 'on'), text), text).toEqual({ value: '2025-05-25' });
    }
    expect(valueFromText(field('followups', 'on'), '2025/2/30')).toEqual({ reason: { code: 'notDate' } });
    expect(valueFromText(field('followups', 'on'), '下周三')).toEqual({ reason: { code: 'notDate' } });
  });

  it('date-times as Beijing wall-clock time, stored in UTC as the server stores them', () => {
    expect(valueFromText(field('attendees', 'arrivalAt'), '2026/12/3 14:30')).toEqual({
      value: '2026-12-03T06:30:00.000Z',
    });
    expect(valueFromText(field('attendees', 'arrivalAt'), '2026年12月3日 9:05:30')).toEqual({
      value: '2026-12-03T01:05:30.000Z',
    });
    expect(valueFromText(field('attendees', 'arrivalAt'), '2026-12-03T06:30:00.000Z')).toEqual({
      value: '2026-12-03T06:30:00.000Z',
    });
    expect(valueFromText(field('attendees', 'arrivalAt'), '2026-12-03T99:00Z')).toEqual({
      reason: { code: 'notDateTime' },
    });
  });

  it('enum labels in either language, or the code', () => {
    const role = field('attendees', 'role');
    expect(valueFromText(role, '院士')).toEqual({ value: 'academician' });
    expect(valueFromText(role, 'Academician')).toEqual({ value: 'academician' });
    expect(valueFromText(role, 'academician')).toEqual({ value: 'academician' });
    expect(valueFromText(role, '国王')).toMatchObject({ reason: { code: 'badOption' } });
  });

  it('references by name, whatever the case, or by id', () => {
    const names = {
      organizations: new Map([
        [nameKey('江淮工业大学'), 2],
        [nameKey('JiangHuai Tech'), 7],
      ]),
    };
    const org = field('attendees', 'organizationId');
    expect(valueFromText(org, '江淮工业大学', { names })).toEqual({ value: 2 });
    expect(valueFromText(org, 'JiangHuai Tech', { names })).toEqual({ value: 7 });
    expect(valueFromText(org, '#12', { names })).toEqual({ value: 12 });
    expect(valueFromText(org, '360', { names })).toEqual({
      reason: { code: 'unknownName', name: '360', what: expect.anything() },
    }); // a name, not an id
    expect(valueFromText(org, '青岚大学', { names: { organizations: new Map([['青岚大学', -1]]) } })).toEqual({
      reason: { code: 'ambiguousName', name: '青岚大学', what: expect.anything() },
    });
    expect(valueFromText(org, '不存在的大学', { names })).toEqual({
      reason: { code: 'unknownName', name: '不存在的大学', what: { zh: '单位', en: 'Organization' } },
    });
  });

  it('numbers with separators, currency signs and 万; yes and no in both languages', () => {
    const amount = field('agreements', 'amount');
    expect(valueFromText(amount, '1,600,000')).toEqual({ value: 1_600_000 });
    expect(valueFromText(amount, '¥500000')).toEqual({ value: 500_000 });
    expect(valueFromText(amount, '1600万')).toEqual({ value: 16_000_000 });
    expect(valueFromText(amount, '很多')).toEqual({ reason: { code: 'notNumber' } });
    expect(valueFromText(amount, 'CN¥1,235')).toEqual({ value: 1235 });
    expect(valueFromText(amount, '1,5')).toEqual({ reason: { code: 'notNumber' } });
    expect(valueFromText(amount, '1,2万')).toEqual({ reason: { code: 'notNumber' } });
    const certificate = field('attendees', 'certificate');
    expect(valueFromText(certificate, '是')).toEqual({ value: true });
    expect(valueFromText(certificate, 'No')).toEqual({ value: false });
    expect(valueFromText(certificate, '也许')).toEqual({ reason: { code: 'notBoolean' } });
  });

  it('an empty cell clears the value', () => {
    expect(valueFromText(field('attendees', 'hotel'), '  ')).toEqual({ value: null });
  });
});
