import type { FieldDef, Lang, ResourceDef } from '../index';
import { enums, eventWallClock } from '../index';
import { inUnit, moneyLabel, type MoneyUnit } from '../money';

/** One exported cell, typed, so XLSX gets real dates and numbers and CSV gets text. */
export type ExportCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; money?: MoneyUnit }
  | { kind: 'date'; value: Date; withTime: boolean }
  | { kind: 'empty' };

export interface ExportTable {
  headers: string[];
  rows: ExportCell[][];
}

/** Names of referenced records per reference field: id → name. */
export type ReferenceTitles = Record<string, Map<unknown, string>>;

/** A column's header: the field's label, an amount's with the unit its numbers are in. */
export const headerOf = (field: FieldDef, lang: Lang, unit: MoneyUnit = 'yuan') =>
  field.type === 'money' ? moneyLabel(field.label[lang], unit, lang) : field.label[lang];

/** A stored value as people read it in a spreadsheet: labels, names, real dates in Beijing
 * time, amounts in the unit asked. */
export function exportCell(
  field: FieldDef,
  value: unknown,
  titles: ReferenceTitles,
  lang: Lang,
  unit: MoneyUnit = 'yuan',
): ExportCell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', value: String(value) };
    case 'money':
      return typeof value === 'number'
        ? { kind: 'number', value: inUnit(value, unit), money: unit }
        : { kind: 'text', value: String(value) };
    case 'date':
      // a calendar day: midnight UTC, so the spreadsheet shows that very day
      return { kind: 'date', value: new Date(`${value}T00:00:00Z`), withTime: false };
    case 'datetime': {
      // spreadsheets have no zones: the wall-clock time in Beijing, carried as if it were UTC
      return { kind: 'date', value: eventWallClock(String(value)), withTime: true };
    }
    case 'enum': {
      const option = enums[field.enum ?? '']?.find((o) => o.id === value);
      return { kind: 'text', value: option ? option.label[lang] : String(value) };
    }
    case 'reference':
      return { kind: 'text', value: titles[field.source]?.get(value) ?? `#${value}` };
    case 'boolean':
      return { kind: 'text', value: value ? (lang === 'zh' ? '是' : 'Yes') : lang === 'zh' ? '否' : 'No' };
    case 'password':
    case 'json':
      return { kind: 'empty' };
    default:
      return { kind: 'text', value: String(value) };
  }
}

export function buildTable(
  resource: ResourceDef,
  columns: FieldDef[],
  rows: Record<string, unknown>[],
  titles: ReferenceTitles,
  lang: Lang,
  unit: MoneyUnit = 'yuan',
): ExportTable {
  return {
    headers: columns.map((field) => headerOf(field, lang, unit)),
    rows: rows.map((row) => columns.map((field) => exportCell(field, row[field.source], titles, lang, unit))),
  };
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is kept as
 * text by a leading apostrophe. Numbers are never touched: -5 stays a number. */
export const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** What a cell says as text (CSV). */
export function cellText(cell: ExportCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.withTime
        ? `${isoDay(cell.value)} ${pad(cell.value.getUTCHours())}:${pad(cell.value.getUTCMinutes())}`
        : isoDay(cell.value);
    default:
      return neutralise(cell.value);
  }
}
