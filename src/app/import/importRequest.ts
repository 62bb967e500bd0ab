import type { FieldDef, ResourceDef } from '../../schema';
import type { SheetText } from './readSpreadsheet';

export type { ImportReport, Outcome, RowResult } from '../../schema/imports';

/** A file ready to send: the rows under its header, each with the line Excel shows for it. */
export interface ImportFile {
  name: string;
  headers: string[];
  rows: string[][];
  lines: number[];
  encoding?: string;
  /** total rows at the foot of the sheet (合计 9人), left out */
  totals: number;
}

export interface ImportChoices {
  /** per column of the file, the field it fills (null: ignored) */
  columns: (string | null)[];
  key: string[] | null;
  /** values every row gets: what the list is fixed to (the summit it shows) */
  fixed: Record<string, unknown>;
}

/** The body of POST /api/:resource/import, for some of the file's rows. */
export const importBody = (file: ImportFile, choices: ImportChoices, only?: number[]) => {
  const picked = only ?? file.rows.map((_, i) => i);
  return {
    columns: choices.columns,
    key: choices.key,
    fixed: choices.fixed,
    rows: picked.map((i) => file.rows[i]),
    lines: picked.map((i) => file.lines[i]),
  };
};

/** Required fields that neither a column, the list nor a default fills: every row would fail. */
export const missingRequired = (resource: ResourceDef, choices: ImportChoices): FieldDef[] =>
  resource.fields.filter(
    (field) =>
      field.required &&
      field.default === undefined &&
      !choices.columns.includes(field.source) &&
      !Object.hasOwn(choices.fixed, field.source),
  );

/** A row that sums up the others ("合计", "共计 9 人"), not a record. */
const TOTAL = /^(合计|总计|小计|共计|total|sum)[:：]?$/i;

/** The rows under the header row, all as wide as the header (Excel drops trailing blanks). */
export function toImportFile(name: string, sheet: SheetText, headerRow: number): ImportFile {
  const headers = (sheet.rows[headerRow] ?? []).map((h) => h.trim());
  const width = sheet.rows.slice(headerRow + 1).reduce((w, cells) => Math.max(w, cells.length), headers.length);
  while (headers.length < width) headers.push('');
  const rows = sheet.rows.slice(headerRow + 1).map((cells) => Array.from({ length: width }, (_, j) => cells[j] ?? ''));
  const lines = sheet.lines.slice(headerRow + 1);
  const kept = rows.map((_, i) => i).filter((i) => !rows[i].some((cell) => TOTAL.test(cell.trim())));
  return {
    name,
    headers,
    rows: kept.map((i) => rows[i]),
    lines: kept.map((i) => lines[i]),
    encoding: sheet.encoding,
    totals: rows.length - kept.length,
  };
}
