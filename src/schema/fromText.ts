import { enums } from './enums';
import { EVENT_UTC_OFFSET, resourceByName } from './index';
import type { Reason } from './messages';
import type { FieldDef } from './types';

/**
 * Values as people type them in Excel or WPS, turned into what the store holds: dates like
 * 2025/5/25 or 2025年5月25日, enum labels in either language, yes/no in either language,
 * numbers with thousands separators or 万, references by name. Shared by paste and import.
 */

/** Names of referenced records, per resource, lower-cased: name → id (-1: several share it). */
export type ReferenceNames = Record<string, Map<string, number>>;

export type FromText = { value: unknown } | { reason: Reason };

// 2025-5-25, 2025/05/25, 2025.5.25, 2025年5月25日, 20250525; then, for times, 14:30, 14:30:00, 14时30分
const DAY = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))/;
const TIME = /^\s*[T ]?\s*(\d{1,2})\s*[:：时]\s*(\d{2})\s*分?(?:\s*[:：]\s*(\d{2}))?\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The date (and time) in a text, as YYYY-MM-DD and HH:mm, or null when it is not a real one. */
function parseDay(text: string): { date: string; time: string | null } | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const rest = text.slice(m[0].length);
  if (rest.trim() === '') return { date, time: null };
  const t = TIME.exec(rest);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  return { date, time: `${pad(Number(t[1]))}:${t[2]}:${t[3] ?? '00'}` };
}

// Excel counts days from 1899-12-30; a date cell that lost its format shows as such a number
// (45800 is 2025-05-23). Five digits cover 1927 to 2173 and never look like 20250525.
const SERIAL = /^\d{5}(\.\d+)?$/;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial as YYYY-MM-DD and HH:mm:ss (null when it has no time of day). */
function fromSerial(text: string): { date: string; time: string | null } {
  const ms = Math.round((Number(text) * DAY_MS) / 1000) * 1000;
  const d = new Date(EXCEL_EPOCH + ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = ms % DAY_MS === 0 ? null : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time };
}

const TRUE = new Set(['true', 'yes', 'y', '是', '有', '√', '✓', '1', '需要']);
const FALSE = new Set(['false', 'no', 'n', '否', '无', '×', '✗', '0', '不需要']);

export function valueFromText(field: FieldDef, raw: string, references: ReferenceNames = {}): FromText {
  // our own exports keep formula-like text as text with a leading apostrophe: take it off
  const text = raw.trim().replace(/^'(?=[=+\-@\t\r])/, '');
  if (text === '') return { value: null };
  switch (field.type) {
    case 'date': {
      const day = SERIAL.test(text) ? fromSerial(text) : parseDay(text);
      return day && !day.time ? { value: day.date } : { reason: { code: 'notDate' } };
    }
    case 'datetime': {
      if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
        return { value: new Date(text).toISOString() };
      }
      const day = SERIAL.test(text) ? fromSerial(text) : parseDay(text);
      // wall-clock text is Beijing time, as the server reads a time without a zone; stored
      // as the server stores it (UTC), so an unchanged time compares equal
      return day?.time
        ? { value: new Date(`${day.date}T${day.time}${EVENT_UTC_OFFSET}`).toISOString() }
        : { reason: { code: 'notDateTime' } };
    }
    case 'number':
    case 'money': {
      const wan = /^(-?[\d,.]+)\s*万元?$/.exec(text);
      const number = (wan ? wan[1] : text)
        .replace(/^(CN)?[¥￥]\s*/, '')
        .replace(/元$/, '')
        .replace(/\s/g, '');
      // commas only as thousands separators: "1,5" is not fifteen
      if (/[,，]/.test(number) && !/^-?\d{1,3}([,，]\d{3})*(\.\d+)?$/.test(number))
        return { reason: { code: 'notNumber' } };
      const plain = number.replace(/[,，]/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(plain)) return { reason: { code: 'notNumber' } };
      return { value: wan ? Math.round(Number(plain) * 10000 * 100) / 100 : Number(plain) };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { value: true };
      if (FALSE.has(lower)) return { value: false };
      return { reason: { code: 'notBoolean' } };
    }
    case 'enum': {
      const options = enums[field.enum ?? ''] ?? [];
      const lower = text.toLowerCase();
      const option = options.find(
        (o) => o.id.toLowerCase() === lower || o.label.zh === text || o.label.en.toLowerCase() === lower,
      );
      return option
        ? { value: option.id }
        : { reason: { code: 'badOption', options: options.map((o) => o.label.zh).join('、') } };
    }
    case 'reference': {
      const byName = references[field.reference ?? ''];
      const id = byName?.get(text.toLowerCase());
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
