import { enums } from './enums';
import { EVENT_UTC_OFFSET, eventWallClock } from './eventTime';
import { resourceByName } from './index';
import type { Reason } from './messages';
import { fromUnit, inUnit, type MoneyUnit } from './money';
import { foldForMatch, halfWidth, smallNumber, withoutInvisible } from './text/fold';
import { readDay, readTime } from './text/dates';
import type { EnumOption, FieldDef, Lang } from './types';

/**
 * The one lenient reading of text, shared by typing in the grid, paste, import and forms:
 * values as people write them in Excel, WPS or a chat message, turned into what the store
 * holds. Dates like 2026/5/24, 2026年5月24日 or 5月24日 (the year from the context), times like
 * 下午3点 or 14：32, choices by their labels or aliases (高铁, 飞机), yes/no as 是/否 or √/×,
 * numbers with separators, 万 or a unit (2晚), references by name. Names and phone numbers are
 * tidied by the validator (src/schema/validate.ts), which every write passes.
 */

/** Names of referenced records, per resource, by `nameKey`: name → id (-1: several share it). */
export type ReferenceNames = Record<string, Map<string, number>>;

export interface ReadContext {
  /** referenced records by name */
  names?: ReferenceNames;
  /** the year a date written without one belongs to (the summit's) */
  year?: number;
  /** what the user said a text means for this field (the import's value mapping): text → value */
  meaning?: Record<string, unknown>;
  /** the unit an amount written without one is in (万元: 12 is 120,000 yuan); yuan if none */
  moneyUnit?: MoneyUnit;
}

export type FromText = { value: unknown } | { reason: Reason };

/** How a record's name is compared with what people type: case, width, spaces and invisible
 * characters copied along from documents aside. */
export const nameKey = (name: unknown) =>
  withoutInvisible(halfWidth(String(name ?? '')))
    .replace(/\s+/g, '')
    .toLowerCase();

/** The words an option is known by: its id, labels, each half of a label such as 高铁/火车, and
 * its aliases. */
const wordsOf = (option: EnumOption) => [
  option.id,
  option.label.zh,
  option.label.en,
  ...option.label.zh.split('/'),
  ...(option.aliases ?? []),
];

/** The option a text names, width, case, spaces and separators aside. */
export function optionFor(options: EnumOption[], text: string): EnumOption | undefined {
  const folded = foldForMatch(text);
  if (folded === '') return undefined;
  return options.find((option) => wordsOf(option).some((word) => foldForMatch(word) === folded));
}

const TRUE = new Set(['true', 'yes', 'y', '是', '有', '√', '✓', '✔', '1', '需要', '要', '需']);
const FALSE = new Set(['false', 'no', 'n', '否', '无', '×', '✗', '✘', '0', '不需要', '不要', '不需', '没有']);

/** Yes or no as a text says it (是, √, Y, 1, TRUE…), or undefined. "是（高铁站）" is yes. */
export function yesNo(text: string): boolean | undefined {
  const folded = halfWidth(text).trim().toLowerCase();
  if (TRUE.has(folded)) return true;
  if (FALSE.has(folded)) return false;
  const lead = /^(是|否|有|无|需要|不需要)\s*[(（,，:：;；]/.exec(folded);
  return lead ? TRUE.has(lead[1]) : undefined;
}

// a count with its unit, as lists write it: 2晚, 两晚, 3人, 1间
const UNIT = /^(.+?)\s*(晚|天|夜|日|人|名|位|个|间|次|场)$/;

function readNumber(field: FieldDef, raw: string, unit: MoneyUnit = 'yuan'): FromText {
  const text = halfWidth(raw).trim();
  if (text.length > 40) return { reason: { code: 'notNumber' } }; // no number is written longer
  const scaled = /^(-?[\d,.]+)\s*(万|亿)元?$/.exec(text);
  const counted = !scaled && UNIT.exec(text);
  if (counted) {
    const n = smallNumber(counted[1]) ?? (/^\d+(\.\d+)?$/.test(counted[1]) ? Number(counted[1]) : null);
    return n === null ? { reason: { code: 'notNumber' } } : { value: n };
  }
  const chinese = smallNumber(text);
  if (chinese !== null && field.type === 'number') return { value: chinese };
  const number = (scaled ? scaled[1] : text)
    .replace(/^(CN)?[¥￥]\s*/, '')
    .replace(/元$/, '')
    .replace(/\s/g, '');
  // commas only as thousands separators: "1,5" is not fifteen
  if (/[,，]/.test(number) && !/^-?\d{1,3}([,，]\d{3})*(\.\d+)?$/.test(number))
    return { reason: { code: 'notNumber' } };
  const plain = number.replace(/[,，]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { reason: { code: 'notNumber' } };
  if (scaled) return { value: Math.round(Number(plain) * (scaled[2] === '亿' ? 1e8 : 1e4) * 100) / 100 };
  // an amount in the reader's unit, unless it says 元
  if (field.type === 'money' && unit !== 'yuan' && !/元$/.test(text)) return { value: fromUnit(Number(plain), unit) };
  return { value: Number(plain) };
}

/** What people write where a value is not known yet (待定, 暂无, –): nothing, for a date, a
 * number, a choice or a link; a text field keeps the words. */
export const NOT_KNOWN_YET = /^(待定|未定|待确认|暂无|不详|无|[-–—]+|\/|tbd|n\/?a)$/i;
const KEPT_AS_TEXT = new Set(['text', 'longtext']);

export function valueFromText(field: FieldDef, raw: string, context: ReadContext = {}): FromText {
  // our own exports keep formula-like text as text with a leading apostrophe: take it off
  const text = raw.trim().replace(/^'(?=[=+\-@\t\r])/, '');
  if (text === '') return { value: null };
  if (context.meaning && Object.hasOwn(context.meaning, text)) return { value: context.meaning[text] ?? null };
  // 无 is an answer for yes/no; elsewhere these mean "not known yet"
  if (NOT_KNOWN_YET.test(text) && !KEPT_AS_TEXT.has(field.type) && !(field.type === 'boolean' && text === '无'))
    return { value: null };
  switch (field.type) {
    case 'date': {
      const day = readDay(text, context.year);
      if (day && !day.time) return { value: day.date };
      return { reason: { code: day ? 'notDate' : readTime(text) ? 'noDate' : 'notDate' } };
    }
    case 'datetime': {
      if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
        return { value: new Date(text).toISOString() };
      }
      const day = readDay(text, context.year);
      // wall-clock text is Beijing time, as the server reads a time without a zone; stored
      // as the server stores it (UTC), so an unchanged time compares equal
      if (day?.time) return { value: new Date(`${day.date}T${day.time}${EVENT_UTC_OFFSET}`).toISOString() };
      if (day) return { reason: { code: 'noTime' } };
      return { reason: { code: readTime(text) ? 'noDate' : 'notDateTime' } };
    }
    case 'number':
    case 'money':
      return readNumber(field, text, context.moneyUnit);
    case 'boolean': {
      const value = yesNo(text);
      return value === undefined ? { reason: { code: 'notBoolean' } } : { value };
    }
    case 'enum': {
      const options = enums[field.enum ?? ''] ?? [];
      const option = optionFor(options, text);
      return option
        ? { value: option.id }
        : {
            reason: {
              code: 'badOption',
              options: options.map((o) => o.label.zh).join('、'),
              optionsEn: options.map((o) => o.label.en).join(', '),
            },
          };
    }
    case 'reference': {
      const byName = context.names?.[field.reference ?? ''];
      const id = byName?.get(nameKey(text));
      const what = resourceByName[field.reference ?? '']?.singular;
      if (id === -1) return { reason: { code: 'ambiguousName', name: text, what } };
      if (id !== undefined) return { value: id };
      // an id only when written as one: "360" may well be a name
      if (/^#\d+$/.test(text)) return { value: Number(text.slice(1)) };
      return { reason: { code: 'unknownName', name: text, what } };
    }
    default:
      return { value: text };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A stored value as the text the reading above gives back exactly: what the preview shows
 * after "→" when a cell was read from an unusual form (下午3点 → 2026-05-24 15:00); an amount
 * in the unit its column is read in (1.2亿 → 12000 in 万元).
 */
export function textOfValue(field: FieldDef, value: unknown, lang: Lang, title?: string, unit?: MoneyUnit): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? String(inUnit(value, unit ?? 'yuan')) : String(value);
    case 'datetime': {
      const at = eventWallClock(String(value));
      return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
    }
    case 'enum':
      return enums[field.enum ?? '']?.find((o) => o.id === value)?.label[lang] ?? String(value);
    case 'boolean':
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
    case 'reference':
      return title ?? `#${value}`;
    default:
      return String(value);
  }
}
