import { describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { reasonText } from '../../src/schema/messages';
import { checkWrite, convertValue } from '../../src/schema/validate';

const attendees = resourceByName.attendees;
const field = (resource: string, source: string) => resourceByName[resource].fields.find((f) => f.source === source)!;

describe('checkWrite', () => {
  it('fills defaults on create and stores absent optional fields as null', () => {
    const { record, reasons } = checkWrite(attendees, { summitId: 1, name: ' 张伟 ' });
    expect(reasons).toEqual({});
    expect(record).toMatchObject({
      name: '张伟',
      role: 'guest',
      invitation: 'toInvite',
      certificate: false,
      hotel: null,
    });
  });

  it('merges an update over the stored record and re-checks the whole of it', () => {
    const stored = { id: 1, summitId: 1, name: '张伟', role: 'expert', invitation: 'invited' };
    expect(checkWrite(attendees, { hotel: '兴化宾馆' }, stored)).toMatchObject({
      reasons: {},
      record: { name: '张伟', role: 'expert', hotel: '兴化宾馆' },
    });
    expect(checkWrite(attendees, { name: '' }, stored).reasons).toEqual({ name: { code: 'required' } });
  });

  it('does not apply defaults on update: a cleared optional field stays cleared', () => {
    const stored = { id: 1, summitId: 1, name: '张伟', role: 'expert', invitation: 'invited', certificate: true };
    expect(checkWrite(attendees, { certificate: null }, stored).record.certificate).toBeNull();
  });

  it('names every bad field with its reason', () => {
    const { reasons } = checkWrite(attendees, {
      summitId: 'x',
      name: 'a'.repeat(41),
      role: 'king',
      email: 'a@b',
      age: 3,
    });
    expect(Object.keys(reasons).sort()).toEqual(['age', 'email', 'name', 'role', 'summitId']);
    expect(reasonText(reasons.name, 'zh')).toBe('不能超过 40 个字');
    expect(reasonText(reasons.role, 'en')).toMatch(/^Must be one of: academician, expert/);
  });

  it('compares a date with the one it must not precede', () => {
    const summit = { name: '论坛', kind: 'forum', status: 'planning', startsOn: '2026-12-05' };
    expect(checkWrite(resourceByName.summits, { ...summit, endsOn: '2026-12-04' }).reasons.endsOn?.code).toBe(
      'beforeField',
    );
    expect(checkWrite(resourceByName.summits, { ...summit, endsOn: '2026-12-05' }).reasons).toEqual({});
  });
});

describe('convertValue', () => {
  it('accepts Chinese mobile and landline numbers, storing mobiles as their 11 digits, and refuses words', () => {
    const phone = field('attendees', 'phone');
    for (const mobile of ['13812345678', '+86 138 1234 5678', '138-1234-5678', '86 13812345678'])
      expect(convertValue(phone, mobile)).toEqual({ value: '13812345678' });
    for (const landline of ['0571-88886666', '010-12345678'])
      expect(convertValue(phone, landline)).toEqual({ value: landline });
    expect(convertValue(phone, '请联系秘书')).toEqual({ reason: { code: 'badPhone' } });
  });

  it('reads numbers from text and checks bounds', () => {
    const amount = field('agreements', 'amount');
    expect(convertValue(amount, '16000000')).toEqual({ value: 16_000_000 });
    expect(convertValue(amount, -1)).toEqual({ reason: { code: 'tooSmall', min: 0 } });
    expect(convertValue(amount, 'a lot')).toEqual({ reason: { code: 'notNumber' } });
  });

  it('accepts real calendar dates only, and normalises date-times to UTC', () => {
    const on = field('followups', 'on');
    expect(convertValue(on, '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(convertValue(on, '2025-02-29')).toEqual({ reason: { code: 'notDate' } });
    expect(convertValue(field('attendees', 'arrivalAt'), '2026-12-04T17:12:00+08:00')).toEqual({
      value: '2026-12-04T09:12:00.000Z',
    });
    // without a zone, a time is Beijing time, whatever the server's zone
    expect(convertValue(field('attendees', 'arrivalAt'), '2026-12-04 17:12')).toEqual({
      value: '2026-12-04T09:12:00.000Z',
    });
  });

  it('takes references as positive whole numbers, also from text', () => {
    const summitId = field('attendees', 'summitId');
    expect(convertValue(summitId, '3')).toEqual({ value: 3 });
    expect(convertValue(summitId, 0)).toEqual({ reason: { code: 'notReference' } });
  });
});
