import { MAX_NESTING, nestsTooDeep } from './nesting';
import { enums } from './enums';
import { EVENT_UTC_OFFSET, resourceByName, systemFields } from './index';
import { beijingDay } from './namedFilters';
import { plainLettersAndDigits, withoutInvisible } from './text/fold';
import { personName, phoneNumber } from './text/people';
import type { Reason } from './messages';
import type { FieldDef, Label, ResourceDef } from './types';

export type Reasons = Record<string, Reason>;
type Row = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
// Control characters never belong in a value, nor do the marks that override or isolate the
// text's direction (U+202E before 王五 shows it as 五王) or half of a surrogate pair (a character cut in
// two); line breaks and tabs only in long text. Each is named in its own words.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
const DIRECTION = /[\u202a-\u202e\u2066-\u2069]/;
const HALF_CHARACTER = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK = /[\r\n\t\u2028\u2029]/;
export const MIN_PASSWORD_LENGTH = 8;
// As stored (src/schema/text/people.ts tidies them first): a mobile's 11 digits (13812345678),
// a landline with its area code and extension (0571-88886666-802) or a local one (88886666),
// a 400/800 service line, or a number abroad (+852 2345 6789).
const PHONE =
  /^(1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,5})?|[2-9]\d{6,7}|[48]00-?\d{3}-?\d{4}|\+(?!86)\d{1,3}[\s-]?\d[\d\s-]{5,14})$/;
/** An e-mail address as every form and import takes it: something@somewhere.tld, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isCalendarDate = (text: string) => {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

type Converted = { value: unknown } | { reason: Reason };

/** Turns one present value into its stored form, or says why it cannot be. */
export function convertValue(field: FieldDef, raw: unknown): Converted {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'phone':
    case 'email': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { reason: { code: 'notText' } };
      // the same value however it was typed: ＡＢ１２ as AB12, 陈 静 as 陈静, a mobile number as
      // its 11 digits (+86 138-1234-5678), a landline as 0571-88886666, so search and matching find it
      // invisible characters dropped from one-line text, so two names that look alike compare
      // alike (long text keeps them: joiners make up emoji)
      const visible = field.type === 'longtext' ? String(raw) : withoutInvisible(String(raw));
      const trimmed = plainLettersAndDigits(visible.trim());
      const text = field.personName ? personName(trimmed) : field.type === 'phone' ? phoneNumber(trimmed) : trimmed;
      const direction = DIRECTION.exec(text)?.[0];
      if (direction)
        return { reason: { code: 'directionMark', char: `U+${direction.charCodeAt(0).toString(16).toUpperCase()}` } };
      if (HALF_CHARACTER.test(text)) return { reason: { code: 'halfCharacter' } };
      if (CONTROL.test(text) || (field.type !== 'longtext' && LINE_BREAK.test(text)))
        return { reason: { code: 'badCharacters' } };
      // counted as people count characters: 𠀀 is one, not two UTF-16 units
      if (field.maxLength !== undefined && [...text].length > field.maxLength)
        return { reason: { code: 'tooLong', max: field.maxLength } };
      if (field.type === 'phone' && !PHONE.test(text)) return { reason: { code: 'badPhone' } };
      if (field.type === 'email' && !EMAIL.test(text)) return { reason: { code: 'badEmail' } };
      const unknown = field.placeholders && unknownPlaceholder(text, field.placeholders);
      if (unknown) return { reason: unknown };
      return { value: text };
    }
    case 'number':
    case 'money': {
      const n = typeof raw === 'string' && DECIMAL.test(raw.trim()) ? Number(raw.trim()) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { reason: { code: 'notNumber' } };
      if (field.integer && !Number.isInteger(n)) return { reason: { code: 'notInteger' } };
      if (field.min !== undefined && n < field.min) return { reason: { code: 'tooSmall', min: field.min } };
      if (field.max !== undefined && n > field.max) return { reason: { code: 'tooBig', max: field.max } };
      return { value: n };
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw.trim())) return { reason: { code: 'notDate' } };
      // tomorrow in Beijing has not happened yet, wherever the browser is
      if (field.notFuture && raw.trim() > beijingDay()) return { reason: { code: 'future' } };
      return { value: raw.trim() };
    case 'datetime': {
      const match = typeof raw === 'string' ? DATETIME.exec(raw.trim()) : null;
      if (!match || !isCalendarDate(match[1])) return { reason: { code: 'notDateTime' } };
      // A time without a zone is Beijing time, whatever zone the server runs in.
      const text = (raw as string).trim().replace(' ', 'T');
      const time = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}${EVENT_UTC_OFFSET}`);
      if (Number.isNaN(time.getTime())) return { reason: { code: 'notDateTime' } };
      return { value: time.toISOString() };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return { reason: { code: 'notBoolean' } };
    case 'enum': {
      const options = enums[field.enum ?? ''] ?? [];
      if (typeof raw === 'string' && options.some((o) => o.id === raw)) return { value: raw };
      return { reason: { code: 'badOption', options: options.map((o) => o.id).join(', ') } };
    }
    case 'password': {
      // checked here, hashed by the server before anything is stored; counted as text is
      if (typeof raw !== 'string') return { reason: { code: 'notText' } };
      const length = [...raw].length;
      if (length < MIN_PASSWORD_LENGTH) return { reason: { code: 'tooShort', min: MIN_PASSWORD_LENGTH } };
      if (length > (field.maxLength ?? 200)) return { reason: { code: 'tooLong', max: field.maxLength ?? 200 } };
      return { value: raw };
    }
    case 'json':
      if (typeof raw !== 'object' || Array.isArray(raw)) return { reason: { code: 'notObject' } };
      if (nestsTooDeep(raw)) return { reason: { code: 'tooDeep', depth: MAX_NESTING } };
      return { value: raw };
    case 'reference': {
      const id = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return { reason: { code: 'notReference' } };
      return { value: id };
    }
  }
}

const compareKey = (field: FieldDef, value: unknown) =>
  field.type === 'datetime' ? new Date(String(value)).getTime() : String(value);

/**
 * Checks a create (no `existing`) or an update (the body is merged over `existing`, so a
 * partial body is enough) against the schema. Returns the record to store and the reasons
 * per field; store nothing when there are reasons. References are only checked for form;
 * whether the referenced record exists is the server's job.
 */
export function checkWrite(
  resource: ResourceDef,
  input: Row,
  existing?: Row,
  /** the resource whose new record makes this change (a follow-up moving its agreement) */
  via?: string,
): { record: Row; reasons: Reasons } {
  const reasons: Reasons = {};
  const known = new Set(resource.fields.map((field) => field.source));
  for (const key of Object.keys(input)) {
    if (!known.has(key) && !(systemFields as readonly string[]).includes(key)) {
      reasons[key] = { code: 'unknownField' };
    }
  }
  const record: Row = { ...existing };
  for (const field of resource.fields) {
    const given = Object.prototype.hasOwnProperty.call(input, field.source);
    let raw = given ? input[field.source] : record[field.source];
    if (!existing && !given && field.default !== undefined) raw = field.default;
    if (isEmpty(raw)) {
      // an update is not refused for a field it leaves alone (one made required after the record)
      if (field.required && (given || !existing)) reasons[field.source] = { code: 'required' };
      record[field.source] = null;
      continue;
    }
    const converted = convertValue(field, raw);
    if ('reason' in converted) reasons[field.source] = converted.reason;
    else record[field.source] = converted.value;
  }
  for (const field of resource.fields) {
    const same = field.notSameAs && resource.fields.find((o) => o.source === field.notSameAs);
    if (
      same &&
      !reasons[field.source] &&
      !isEmpty(record[field.source]) &&
      record[field.source] === record[same.source]
    ) {
      reasons[field.source] = { code: 'sameAs', other: same.label };
    }
    const other = field.notBefore && resource.fields.find((o) => o.source === field.notBefore);
    const value = record[field.source];
    const otherValue = other ? record[other.source] : null;
    if (!other || reasons[field.source] || isEmpty(value) || isEmpty(otherValue)) continue;
    if (compareKey(field, value) < compareKey(other, otherValue)) {
      reasons[field.source] = { code: 'beforeField', other: other.label };
    }
  }
  if (existing) checkChanges(resource, record, existing, reasons, via);
  return { record, reasons };
}

const resourceSingular = (name: string): Label => resourceByName[name]?.singular ?? { zh: name, en: name };

const optionLabel = (field: FieldDef, id: unknown) =>
  enums[field.enum ?? '']?.find((o) => o.id === id)?.label ?? { zh: String(id), en: String(id) };

/** What may not change the way an update would change it: fixed fields, fields that move only
 * through another record, and moves a lifecycle does not allow. */
function checkChanges(resource: ResourceDef, record: Row, existing: Row, reasons: Reasons, via?: string) {
  for (const field of resource.fields) {
    const before = existing[field.source] ?? null;
    const after = record[field.source] ?? null;
    if (reasons[field.source] || JSON.stringify(before) === JSON.stringify(after)) continue;
    if (field.immutable) reasons[field.source] = { code: 'immutable' };
    else if (field.setBy && field.setBy !== via) {
      reasons[field.source] = { code: 'setBy', via: resourceSingular(field.setBy) };
    } else if (field.transitions && before !== null && !field.transitions[String(before)]?.includes(String(after))) {
      reasons[field.source] = {
        code: 'badMove',
        from: optionLabel(field, before),
        to: optionLabel(field, after),
        allowed: (field.transitions[String(before)] ?? []).map((id) => optionLabel(field, id)),
      };
    }
  }
}

/** The first name in braces a template may not hold ({姓名} or {name} where those are known). */
function unknownPlaceholder(text: string, known: Label[]): Reason | null {
  for (const [, name] of text.matchAll(/\{([^{}]*)\}/g)) {
    if (known.some((label) => label.zh === name.trim() || label.en === name.trim())) continue;
    return {
      code: 'unknownPlaceholder',
      name,
      known: known.map((label) => `{${label.zh}}`).join(' '),
      knownEn: known.map((label) => `{${label.en}}`).join(' '),
    };
  }
  return null;
}
