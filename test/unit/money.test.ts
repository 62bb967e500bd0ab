import { describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { valueFromText } from '../../src/schema/fromText';
import { formatMoney, fromUnit, inUnit, moneyLabel, unitOfHeader } from '../../src/schema/money';

// Money is stored in yuan and read, shown and written in the unit the reader chose: 元 or 万元.
const amount = resourceByName.agreements.fields.find((f) => f.source === 'amount')!;
const audience = resourceByName.lectures.fields.find((f) => f.type === 'number')!;

describe('money in one unit', () => {
  it('shows yuan as ¥12,000,000 and 万元 as 1,200万元, exact to the yuan', () => {
    expect(formatMoney(12_000_000, 'yuan', 'zh')).toBe('¥12,000,000');
    expect(formatMoney(12_000_000, 'wan', 'zh')).toBe('1,200万元');
    expect(formatMoney(203_000_000, 'wan', 'zh')).toBe('20,300万元');
    expect(formatMoney(12_345_678, 'wan', 'zh')).toBe('1,234.5678万元');
    expect(formatMoney(12_000_000, 'yuan', 'en')).toBe('CN¥12,000,000');
    expect(formatMoney(12_000_000, 'wan', 'en')).toBe('1,200 × 10k yuan');
  });

  it('converts between yuan and the unit, to the fen', () => {
    expect(inUnit(120_000, 'wan')).toBe(12);
    expect(fromUnit(12, 'wan')).toBe(120_000);
    expect(fromUnit(0.12345, 'wan')).toBe(1234.5);
    expect(fromUnit(12, 'yuan')).toBe(12);
  });

  it('labels a column with its unit, and finds the unit a header names', () => {
    expect(moneyLabel('金额', 'wan', 'zh')).toBe('金额（万元）');
    expect(moneyLabel('Amount', 'yuan', 'en')).toBe('Amount (yuan)');
    expect(unitOfHeader('金额（万元）')).toBe('wan');
    expect(unitOfHeader('投资额/万')).toBe('wan');
    expect(unitOfHeader('Amount (10k yuan)')).toBe('wan');
    expect(unitOfHeader('金额(元)')).toBe('yuan');
    expect(unitOfHeader('合同金额')).toBeUndefined();
  });

  it('reads 12 typed in 万元 as 120,000 yuan; 12万 and 1.2亿 whatever the unit; 12元 as yuan', () => {
    expect(valueFromText(amount, '12', { moneyUnit: 'wan' })).toEqual({ value: 120_000 });
    expect(valueFromText(amount, '1,200.5', { moneyUnit: 'wan' })).toEqual({ value: 12_005_000 });
    expect(valueFromText(amount, '12', { moneyUnit: 'yuan' })).toEqual({ value: 12 });
    expect(valueFromText(amount, '12')).toEqual({ value: 12 });
    for (const unit of ['yuan', 'wan'] as const) {
      expect(valueFromText(amount, '12万', { moneyUnit: unit })).toEqual({ value: 120_000 });
      expect(valueFromText(amount, '12万元', { moneyUnit: unit })).toEqual({ value: 120_000 });
      expect(valueFromText(amount, '1.2亿', { moneyUnit: unit })).toEqual({ value: 120_000_000 });
      expect(valueFromText(amount, '2.03亿元', { moneyUnit: unit })).toEqual({ value: 203_000_000 });
    }
    expect(valueFromText(amount, '12元', { moneyUnit: 'wan' })).toEqual({ value: 12 });
    expect(valueFromText(amount, '很多', { moneyUnit: 'wan' })).toEqual({ reason: { code: 'notNumber' } });
    // a count is no amount: the unit is money's only
    expect(valueFromText(audience, '12', { moneyUnit: 'wan' })).toEqual({ value: 12 });
  });
});
