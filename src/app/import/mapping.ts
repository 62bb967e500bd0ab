import type { FieldDef, ResourceDef } from '../../schema';
import { NOT_KNOWN_YET, optionFor, valueFromText, yesNo } from '../../schema/fromText';
import type { ColumnTarget } from '../../schema/imports';
import { readDay, readTime } from '../../schema/text/dates';
import { enums } from '../../schema';

/** The fields a file's column can fill (never passwords or the audit trail's JSON). */
export const importableFields = (resource: ResourceDef) =>
  resource.fields.filter((field) => field.type !== 'password' && field.type !== 'json');

/** Headers compare without case, spaces, brackets or punctuation: "手机号码（必填）" ~ "手机号码必填". */
export const normaliseHeader = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()[\]【】:*·./、,，;；#'"“”‘’?？!！]/g, '');

/** What a field may be called in a spreadsheet: its labels, its key, its aliases; also
 * without a bracketed unit ("金额(元)" is also "金额"). */
function namesOf(field: FieldDef): string[] {
  const names = [field.label.zh, field.label.en, field.source, ...(field.aliases ?? [])];
  const bare = names.map((name) => name.replace(/[(（][^)）]*[)）]/g, ''));
  return [...new Set([...names, ...bare].map(normaliseHeader).filter(Boolean))];
}

/** A date-time field's names without their 时间/日期 ("抵达时间" → "抵达"): a header holding one of
 * them and 日期 is the field's date, one holding it and 时间 its time of day. */
const stemsOf = (field: FieldDef) =>
  [...new Set(namesOf(field).map((name) => name.replace(/(时间|日期|时刻|time|date|at)$/, '')))].filter(
    (stem) => stem.length >= 2,
  );
const DATE_WORD = /日期|date|日$|day/;
const TIME_WORD = /时间|时刻|钟点|time/;

/** Per resource, what the user chose for a header last time (null: ignore it). */
export type RememberedMapping = Record<string, ColumnTarget | null>;

/** Why a column was left out although its header names a field, or holds values no field takes. */
export type ColumnNote = { code: 'unfit'; field: string; kind: ValueKind } | { code: 'yesNoNoField' };

/** What the values of a column are, read from a sample of them. */
export type ValueKind = 'empty' | 'yesNo' | 'date' | 'time' | 'dateTime' | 'number' | 'phone' | 'email' | 'text';

const share = (samples: string[], test: (text: string) => boolean) =>
  samples.length === 0 ? 0 : samples.filter(test).length / samples.length;

/** What people write where a value is not known yet: not a value of any kind. */
const PLACEHOLDER = NOT_KNOWN_YET;

/** The kind most of a column's values are (four in five of them, placeholders aside). */
export function kindOf(values: string[]): ValueKind {
  const samples = values.filter((text) => !PLACEHOLDER.test(text.trim()));
  if (samples.length === 0) return 'empty';
  const most = (test: (text: string) => boolean) => share(samples, test) >= 0.8;
  if (most((t) => yesNo(t) !== undefined && !/^\d+$/.test(t.trim()))) return 'yesNo';
  if (most((t) => readTime(t) !== null)) return 'time';
  const day = (t: string) => readDay(t, 2000);
  if (most((t) => day(t) !== null && day(t)!.time !== null)) return 'dateTime';
  if (most((t) => day(t) !== null)) return 'date';
  if (most((t) => /^\+?[\d\s\-()（）]{7,}$/.test(t.trim()))) return 'phone';
  if (most((t) => /^-?[\d,.]+$/.test(t.trim()))) return 'number';
  if (most((t) => /@/.test(t))) return 'email';
  return 'text';
}

/** Whether most values (placeholders such as 待定 aside) pass a test: three in five. */
const mostly = (samples: string[], test: (text: string) => boolean) => {
  const real = samples.filter((text) => !PLACEHOLDER.test(text.trim()));
  return real.length === 0 || share(real, test) >= 0.6;
};

/** Whether a column's values fit a field: 是/否 never fills a name or a driver, an ID number
 * never a choice, hotel names never a count; a column of dates with a few 待定 among them still
 * fills a date (each cell then says why). */
function fits(field: FieldDef, kind: ValueKind, samples: string[]): boolean {
  const timeLike = kind === 'date' || kind === 'time' || kind === 'dateTime';
  const digits = kind === 'phone' || kind === 'number';
  switch (field.type) {
    case 'boolean':
      return kind === 'yesNo' || kind === 'number' || kind === 'empty';
    case 'date':
    case 'datetime':
      return (
        timeLike ||
        kind === 'number' ||
        kind === 'empty' ||
        mostly(samples, (t) => readDay(t, 2000) !== null || readTime(t) !== null)
      );
    case 'number':
    case 'money':
      return kind === 'number' || kind === 'empty' || mostly(samples, (t) => 'value' in valueFromText(field, t));
    case 'phone':
      return kind !== 'yesNo' && !timeLike;
    case 'enum':
      // a yes/no column fills a choice only if the choice has yes and no among its options
      if (digits) return false;
      return kind !== 'yesNo' || !!optionFor(enums[field.enum ?? ''] ?? [], '是');
    case 'reference':
      return kind !== 'yesNo' && !timeLike && !digits;
    default:
      return kind !== 'yesNo' && !timeLike;
  }
}

/** Fields whose values are read, not merely kept: on a tie between names, they know better. */
const TYPED = new Set(['boolean', 'number', 'money', 'date', 'datetime', 'enum', 'phone', 'email']);

/**
 * The field each column fills, best guess first: what the user chose for this header before,
 * then a header that is a field's name, then one that contains it ("嘉宾手机" holds "手机") —
 * each only where the column's values fit the field (是/否 is never a driver's name). A date
 * column and a time column of one date-time field (到达日期, 到达时间) fill it together. Each
 * field fills one column at most; fields the list fixes (its summit) fill none. Columns left
 * out for a reason say why.
 */
export function matchColumns(
  resource: ResourceDef,
  headers: string[],
  samples: string[][] = [],
  remembered: RememberedMapping = {},
  fixed: string[] = [],
): { columns: (ColumnTarget | null)[]; notes: (ColumnNote | null)[] } {
  const fields = importableFields(resource).filter((field) => !fixed.includes(field.source));
  const names = new Map(fields.map((field) => [field.source, namesOf(field)]));
  const kinds = headers.map((_, j) => kindOf(samples[j] ?? []));
  const columns: (ColumnTarget | null)[] = headers.map(() => null);
  const notes: (ColumnNote | null)[] = headers.map(() => null);
  const used = new Set<string>();
  const settled = new Set<number>();
  const assign = (column: number, target: ColumnTarget | null) => {
    settled.add(column);
    columns[column] = target;
    notes[column] = null;
    if (target) used.add(target);
  };
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    if (!Object.hasOwn(remembered, key)) return;
    const target = remembered[key];
    const source = target?.split(':')[0];
    if (target === null) assign(i, null);
    else if (source && names.has(source) && !used.has(target)) assign(i, target);
  });

  // a date-time field written in two columns: its date in one, its time of day in another
  for (const field of fields.filter((f) => f.type === 'datetime' && !used.has(f.source))) {
    const stems = stemsOf(field);
    const about = headers
      .map((header, j) => ({ j, header: normaliseHeader(header) }))
      .filter(({ j, header }) => !settled.has(j) && stems.some((stem) => header.includes(stem)));
    const date = about.find(({ j, header }) => DATE_WORD.test(header) || kinds[j] === 'date');
    const time = about.find(
      ({ j, header }) => j !== date?.j && (TIME_WORD.test(header) || kinds[j] === 'time') && kinds[j] !== 'date',
    );
    if (date && time && (kinds[date.j] === 'date' || kinds[date.j] === 'empty') && kinds[time.j] !== 'dateTime') {
      assign(date.j, `${field.source}:date`);
      assign(time.j, `${field.source}:time`);
      used.add(field.source);
    }
  }

  const passes: ((header: string, name: string) => boolean)[] = [
    (header, name) => header === name,
    (header, name) => name.length >= 2 && header.includes(name),
  ];
  for (const matches of passes) {
    headers.forEach((raw, i) => {
      const header = normaliseHeader(raw);
      if (settled.has(i) || !header) return;
      // the longest name that matches wins ("单位名称" before "单位"); of names as long, the one
      // the header ends with (单位电话 is a phone), then a field that reads its values
      const found: { field: FieldDef; name: string }[] = [];
      let unfit: string | null = null;
      for (const field of fields) {
        if (used.has(field.source)) continue;
        for (const name of names.get(field.source)!) {
          if (!matches(header, name)) continue;
          if (fits(field, kinds[i], samples[i] ?? [])) found.push({ field, name });
          else unfit ??= field.source;
        }
      }
      const longest = Math.max(0, ...found.map((f) => f.name.length));
      let tied = [...new Map(found.filter((f) => f.name.length === longest).map((f) => [f.field.source, f])).values()];
      if (tied.length > 1 && tied.some((f) => header.endsWith(f.name)))
        tied = tied.filter((f) => header.endsWith(f.name));
      if (tied.length > 1 && tied.some((f) => TYPED.has(f.field.type)))
        tied = tied.filter((f) => TYPED.has(f.field.type));
      if (tied.length === 1) assign(i, tied[0].field.source);
      else if (tied.length === 0 && unfit) notes[i] = { code: 'unfit', field: unfit, kind: kinds[i] };
    });
  }
  // yes/no with no field to take it: say so, so an admin may add one
  headers.forEach((_, i) => {
    if (!columns[i] && !notes[i] && !settled.has(i) && kinds[i] === 'yesNo') notes[i] = { code: 'yesNoNoField' };
  });
  return { columns, notes };
}

/** The field each column fills, by its header alone (see matchColumns). */
export const autoMap = (
  resource: ResourceDef,
  headers: string[],
  remembered: RememberedMapping = {},
  fixed: string[] = [],
): (ColumnTarget | null)[] => matchColumns(resource, headers, [], remembered, fixed).columns;

/**
 * Where the header is: files often start with a title row ("第三届智能制造高峰论坛嘉宾名单")
 * above it. The row among the first ten whose cells name the most fields; the first row when
 * none names any.
 */
export function findHeaderRow(resource: ResourceDef, rows: string[][], remembered: RememberedMapping = {}): number {
  let best = { index: 0, score: 0 };
  rows.slice(0, 10).forEach((cells, index) => {
    // headers the user matched by hand before count too; a later row must name strictly more
    const score = autoMap(resource, cells, remembered).filter(Boolean).length;
    if (score > best.score) best = { index, score };
  });
  return best.index;
}
