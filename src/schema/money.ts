import type { Label, Lang } from './types';

/**
 * Money is stored in yuan and shown in one unit, the reader's choice: 元 (¥12,000,000) or 万元
 * (1,200万元), in which officials report. Every place that shows, reads or writes an amount
 * goes through here: cells, pages, the board, the dashboard, the ledger, exports.
 */
export type MoneyUnit = 'yuan' | 'wan';

export const MONEY_UNITS: readonly MoneyUnit[] = ['yuan', 'wan'];

const FACTOR: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000 };

export const UNIT_LABEL: Record<MoneyUnit, Label> = {
  yuan: { zh: '元', en: 'yuan' },
  wan: { zh: '万元', en: '10k yuan' },
};

export const isMoneyUnit = (value: unknown): value is MoneyUnit => value === 'yuan' || value === 'wan';

/** Yuan in the unit: 12,000,000 yuan is 1,200 万元. */
export const inUnit = (yuan: number, unit: MoneyUnit) => yuan / FACTOR[unit];

/** An amount in the unit, as yuan to the fen: 12 万元 is 120,000. */
export const fromUnit = (amount: number, unit: MoneyUnit) => Math.round(amount * FACTOR[unit] * 100) / 100;

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (unit: MoneyUnit, lang: Lang) => {
  const key = `${unit}:${lang}`;
  if (!formats.has(key))
    formats.set(
      key,
      new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
        ...(unit === 'yuan' ? { style: 'currency', currency: 'CNY' } : {}),
        // to the yuan in either unit: totals add up as shown
        maximumFractionDigits: unit === 'yuan' ? 0 : 4,
      }),
    );
  return formats.get(key)!;
};

/** An amount as people read it: ¥12,000,000 or 1,200万元 (CN¥12,000,000, 1,200 × 10k yuan). */
export function formatMoney(yuan: number, unit: MoneyUnit, lang: Lang): string {
  const number = numberFormat(unit, lang).format(inUnit(yuan, unit));
  if (unit === 'yuan') return number;
  return lang === 'zh' ? `${number}${UNIT_LABEL.wan.zh}` : `${number} × ${UNIT_LABEL.wan.en}`;
}

/** A money field's label with its unit, where numbers are typed or written without one: 金额（万元）. */
export const moneyLabel = (label: string, unit: MoneyUnit, lang: Lang) =>
  lang === 'zh' ? `${label}（${UNIT_LABEL[unit].zh}）` : `${label} (${UNIT_LABEL[unit].en})`;

/** The unit a column's header names (金额（万元）, 投资额/万元, Amount (10k yuan)), if any. */
export function unitOfHeader(header: string): MoneyUnit | undefined {
  if (/万|10k|10,000/i.test(header)) return 'wan';
  if (/元|yuan|cny|rmb|¥|￥/i.test(header)) return 'yuan';
  return undefined;
}
