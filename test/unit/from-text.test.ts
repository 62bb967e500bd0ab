import { describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { textOfValue, valueFromText, yesNo } from '../../src/schema/fromText';
import { nearNames, recordFromName } from '../../src/schema/fromName';
import { reasonText, type Reason } from '../../src/schema/messages';
import { readTime } from '../../src/schema/text/dates';
import { personName, phoneNumber } from '../../src/schema/text/people';
import { checkWrite, convertValue } from '../../src/schema/validate';

// One lenient reading of text, as people type it in Chinese offices: what each form becomes,
// and what is refused, with the reason in both languages.
const field = (resource: string, source: string) => resourceByName[resource].fields.find((f) => f.source === source)!;
const arrival = field('attendees', 'arrivalAt');
const replied = field('attendees', 'repliedOn');
const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();
const reasonOf = (result: ReturnType<typeof valueFromText>) => ('reason' in result ? result.reason : null);

describe('dates', () => {
  it('with a year, in every way Chinese offices write them', () => {
    for (const text of [
      '2026/5/24',
      '2026-5-24',
      '2026.5.24',
      '2026年5月24日',
      '2026 年 5 月 24 日',
      '2026年5月24号',
      '20260524',
      '２０２６／５／２４',
      '2026年5月24日（周日）',
      '2026-05-24 星期日',
      'May 24, 2026',
      '24 May 2026',
      '46166', // Excel's serial for 2026-05-24
    ])
      expect(valueFromText(replied, text), text).toEqual({ value: '2026-05-24' });
  });

  it('without a year, in the year of the context (the summit), and not without one', () => {
    for (const text of ['5月24日', '5月24号', '5/24', '5-24', 'May 24'])
      expect(valueFromText(replied, text, { year: 2027 }), text).toEqual({ value: '2027-05-24' });
    expect(reasonOf(valueFromText(replied, '5月24日'))).toEqual({ code: 'notDate' });
  });

  it('refuses what is no date, saying how to write one in either language', () => {
    for (const text of ['2026/2/30', '下周三', '24/24', '2026年13月1日']) {
      const reason = reasonOf(valueFromText(replied, text, { year: 2026 }))!;
      expect(reason, text).toEqual({ code: 'notDate' });
      expect(reasonText(reason, 'zh')).toContain('2026-05-25');
      expect(reasonText(reason, 'en')).toContain('2026-05-25');
    }
    const onlyTime = reasonOf(valueFromText(replied, '下午3点'))!;
    expect(onlyTime).toEqual({ code: 'noDate' });
  });
});

describe('times of day', () => {
  const cases: [string, string][] = [
    ['14:32', '14:32:00'],
    ['14：32', '14:32:00'],
    ['14:32:10', '14:32:10'],
    ['14点32', '14:32:00'],
    ['14点32分', '14:32:00'],
    ['14点半', '14:30:00'],
    ['14点一刻', '14:15:00'],
    ['下午3点', '15:00:00'],
    ['下午3:30', '15:30:00'],
    ['下午3点半', '15:30:00'],
    ['晚上8点', '20:00:00'],
    ['上午九点', '09:00:00'],
    ['上午十点零五', '10:05:00'],
    ['晚上十一点', '23:00:00'],
    ['中午12点', '12:00:00'],
    ['中午1点', '13:00:00'],
    ['凌晨2点', '02:00:00'],
    ['15时', '15:00:00'],
    ['15时30分', '15:30:00'],
    ['3:30 PM', '15:30:00'],
    ['3:30pm', '15:30:00'],
    ['3 pm', '15:00:00'],
    ['12:10 AM', '00:10:00'],
    ['9:05 a.m.', '09:05:00'],
  ];
  for (const [text, time] of cases) it(`${text} is ${time}`, () => expect(readTime(text)).toBe(time));

  it('refuses what is no time', () => {
    for (const text of ['25:00', '14:75', '下午', '三点钟左右', '3', 'PM', '下午3:30 PM'])
      expect(readTime(text), text).toBeNull();
  });
});

describe('date and time together', () => {
  it('reads a day and a time of day in one cell, or joined from two columns, as Beijing time', () => {
    const cases: [string, string][] = [
      ['2026/5/24 14:32', '2026-05-24T14:32:00'],
      ['2026/5/24 下午3点', '2026-05-24T15:00:00'],
      ['2026年5月24日 上午九点', '2026-05-24T09:00:00'],
      ['2026年5月24日14:30', '2026-05-24T14:30:00'],
      ['5月24日 晚上8点', '2027-05-24T20:00:00'],
      ['5/24 14：32', '2027-05-24T14:32:00'],
      ['2026-05-24（周日） 14点半', '2026-05-24T14:30:00'],
      ['20260524 1430', '2026-05-24T14:30:00'],
      ['May 24 3:30 PM', '2027-05-24T15:30:00'],
      ['46166.625', '2026-05-24T15:00:00'],
    ];
    for (const [text, local] of cases)
      expect(valueFromText(arrival, text, { year: 2027 }), text).toEqual({ value: beijing(local) });
  });

  it('says which half is missing, in either language', () => {
    const noTime = reasonOf(valueFromText(arrival, '2026/5/24'))!;
    expect(noTime).toEqual({ code: 'noTime' });
    expect(reasonText(noTime, 'zh')).toContain('缺少时刻');
    expect(reasonText(noTime, 'en')).toContain('time of day is missing');
    const noDate = reasonOf(valueFromText(arrival, '下午3点'))!;
    expect(noDate).toEqual({ code: 'noDate' });
    expect(reasonText(noDate, 'zh')).toContain('缺少日期');
    expect(reasonText(noDate, 'en')).toContain('no date');
  });

  it('shows a stored time the way it reads back', () => {
    expect(textOfValue(arrival, beijing('2026-05-24T15:00:00'), 'zh')).toBe('2026-05-24 15:00');
  });
});

describe('choices, by label, alias or id, width, case and spaces aside', () => {
  const mode = field('attendees', 'arrivalMode');
  const role = field('attendees', 'role');
  it('reads what guests answer', () => {
    const cases: [string, string][] = [
      ['高铁', 'train'],
      ['动车', 'train'],
      ['火车', 'train'],
      ['高铁/火车', 'train'],
      [' 高 铁 ', 'train'],
      ['Train', 'train'],
      ['飞机', 'flight'],
      ['航班', 'flight'],
      ['PLANE', 'flight'],
      ['自驾', 'car'],
      ['开车', 'car'],
      ['大巴', 'coach'],
      ['其它', 'other'],
    ];
    for (const [text, id] of cases) expect(valueFromText(mode, text), text).toEqual({ value: id });
    expect(valueFromText(role, '两院院士')).toEqual({ value: 'academician' });
    expect(valueFromText(role, '教授')).toEqual({ value: 'expert' });
    expect(valueFromText(role, 'ＥＸＰＥＲＴ')).toEqual({ value: 'expert' });
  });

  it('refuses an unknown one listing the choices, and takes what the user said it means', () => {
    const reason = reasonOf(valueFromText(mode, '骑马'))!;
    expect(reasonText(reason, 'zh')).toBe('只能是：高铁/火车、航班、自驾/专车、大巴/客车、其他');
    expect(valueFromText(mode, '骑马', { meaning: { 骑马: 'other' } })).toEqual({ value: 'other' });
    expect(valueFromText(mode, '步行', { meaning: { 步行: null } })).toEqual({ value: null });
  });
});

describe('yes and no', () => {
  it('in every mark offices use', () => {
    for (const text of ['是', '√', '✓', '✔', '有', 'Y', 'y', 'yes', '1', 'TRUE', 'true', '需要', '是（高铁站）'])
      expect(yesNo(text), text).toBe(true);
    for (const text of ['否', '×', '✗', '✘', '无', 'N', 'no', '0', 'FALSE', '不需要', '否，自驾'])
      expect(yesNo(text), text).toBe(false);
    for (const text of ['也许', '待定', '是否']) expect(yesNo(text), text).toBeUndefined();
    const reason = reasonOf(valueFromText(field('attendees', 'needsPickup'), '也许'))!;
    expect(reasonText(reason, 'zh')).toBe('应为“是”或“否”');
    expect(reasonText(reason, 'en')).toBe('Must be yes or no');
  });
});

describe('what is not known yet', () => {
  it('待定, 暂无, – and the like are nothing for a date, a choice, a number or a link, and words in a text', () => {
    for (const text of ['待定', '未定', '暂无', '不详', '-', '—', '/', 'TBD', 'n/a'])
      for (const source of ['arrivalAt', 'arrivalMode', 'nights', 'organizationId', 'needsPickup'])
        expect(valueFromText(field('attendees', source), text), `${source} ${text}`).toEqual({ value: null });
    expect(valueFromText(field('attendees', 'hotel'), '待定')).toEqual({ value: '待定' });
    // 无 answers a yes/no question
    expect(valueFromText(field('attendees', 'needsPickup'), '无')).toEqual({ value: false });
  });

  it('an unknown choice is said in the reader’s language', () => {
    const reason = reasonOf(valueFromText(field('attendees', 'arrivalMode'), '骑马'))!;
    expect(reasonText(reason, 'en')).toBe('Must be one of: Train, Flight, Car, Coach, Other');
  });
});

describe('numbers', () => {
  const nights = field('attendees', 'nights');
  it('with a unit or in Chinese numerals', () => {
    for (const [text, n] of [
      ['2', 2],
      ['2晚', 2],
      ['两晚', 2],
      ['三天', 3],
      ['１', 1],
      ['十', 10],
    ] as const)
      expect(valueFromText(nights, text), text).toEqual({ value: n });
    expect(reasonOf(valueFromText(nights, '几晚'))).toEqual({ code: 'notNumber' });
  });
});

describe('names and phone numbers', () => {
  it('takes out the padding of two-character names, keeps rare characters', () => {
    expect(personName('陈 静')).toBe('陈静');
    expect(personName('陈　静')).toBe('陈静'); // an ideographic space
    expect(personName('欧阳 娜娜')).toBe('欧阳 娜娜'); // not two characters
    expect(personName('ＷＡＮＧ Ｌｅｉ')).toBe('WANG Lei');
    for (const rare of ['王堃', '李喆', '〇一', '𠀀先生']) expect(personName(rare)).toBe(rare);
    // through the validator every write passes: forms, the grid, import
    expect(convertValue(field('attendees', 'name'), ' 陈 静 ')).toEqual({ value: '陈静' });
    // a certificate's name is kept exactly as written
    expect(convertValue(field('attendees', 'certificateName'), '陈 静')).toEqual({ value: '陈 静' });
  });

  it('counts characters as people do: a rare character is one', () => {
    const name = field('attendees', 'name');
    expect(convertValue(name, '𠀀'.repeat(40))).toEqual({ value: '𠀀'.repeat(40) });
    expect(convertValue(name, '𠀀'.repeat(41))).toEqual({ reason: { code: 'tooLong', max: 40 } });
  });

  it('stores a mobile as its 11 digits and a landline as area code and number', () => {
    for (const text of [
      '13812345678',
      '+86 138 1234 5678',
      '0086 13812345678',
      '86-138-1234-5678',
      '１３８１２３４５６７８',
      '138-1234-5678',
    ])
      expect(phoneNumber(text), text).toBe('13812345678');
    expect(phoneNumber('0571-8888 6666')).toBe('0571-88886666');
    expect(phoneNumber('（0571）88886666')).toBe('0571-88886666');
    expect(phoneNumber('0571 88886666 转 123')).toBe('0571-88886666-123');
    expect(convertValue(field('attendees', 'phone'), '+86 138 1234 5678')).toEqual({ value: '13812345678' });
    const bad = convertValue(field('attendees', 'phone'), '打电话');
    expect(bad).toEqual({ reason: { code: 'badPhone' } });
    expect(reasonText((bad as { reason: Reason }).reason, 'en')).toContain('13812345678');
  });
});

describe('organisations first met by name', () => {
  const organizations = resourceByName.organizations;
  it('get a kind read from their name, and pass the validator', () => {
    const cases: [string, string][] = [
      ['浙江大学机械工程学院', 'university'],
      ['杭州市化工研究院', 'institute'],
      ['青岚市科学技术局', 'government'],
      ['省农业机械学会', 'association'],
      ['青岚日报社', 'media'],
      ['东临数控机床股份有限公司', 'enterprise'],
      ['某某工作室', 'other'],
    ];
    for (const [name, kind] of cases) {
      const record = recordFromName(organizations, name);
      expect(record, name).toEqual({ name, kind });
      expect(checkWrite(organizations, record).reasons, name).toEqual({});
    }
  });

  it('are offered near matches, never taken for them', () => {
    const known = [
      { id: 1, name: '杭州市化工研究院有限公司' },
      { id: 2, name: '青岚恒力智能装备有限责任公司' },
      { id: 3, name: '浙江大学' },
      { id: 4, name: '东临(集团)有限公司' },
    ];
    expect(nearNames('杭州市化工研究院', known).map((n) => n.id)).toEqual([1]);
    expect(nearNames('青岚恒力智能装备有限公司', known).map((n) => n.id)).toEqual([2]);
    expect(nearNames('东临（集团）有限公司', known).map((n) => n.id)).toEqual([4]);
    expect(nearNames('浙江大学机械工程学院', known).map((n) => n.id)).toEqual([3]);
    expect(nearNames('宁波港', known)).toEqual([]);
  });
});
