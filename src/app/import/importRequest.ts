import { getField, type FieldDef, type ResourceDef } from '../../schema';
import { unitOfHeader } from '../../schema/money';
import type { BadCells, ColumnTarget, ImportRequest } from '../../schema/imports';
import { autoMap, normaliseHeader } from './mapping';
import type { SheetText } from './readSpreadsheet';

export type { ImportReport, NewRecord, Outcome, RowResult } from '../../schema/imports';

/** A line of the sheet that is not a record, and why it was left out. */
export interface SkippedLine {
  line: number;
  text: string;
  why: 'total' | 'note' | 'section' | 'header';
}

/** A sheet ready to send: the rows under its header, each with the line Excel shows for it. */
export interface ImportFile {
  name: string;
  /** the sheet it comes from, when the file has several */
  sheet?: string;
  headers: string[];
  rows: string[][];
  lines: number[];
  encoding?: string;
  /** lines under the header that are not records: totals (合计), notes (注：…, 制表人), section
   * headings (一、院士专家), the header repeated on each printed page */
  skipped: SkippedLine[];
  hiddenColumns: number;
  hiddenRows: number;
}

export interface ImportChoices {
  /** per column of the file, the field (or date or time of a field) it fills; null: ignored */
  columns: (ColumnTarget | null)[];
  key: string[] | null;
  /** values every row gets: what the list is fixed to (the summit it shows) */
  fixed: Record<string, unknown>;
  /** per field, what a text no option matches means */
  meaning: Record<string, Record<string, unknown>>;
  /** per referenced resource, what each unknown name becomes */
  names: Record<string, Record<string, number | 'new' | null>>;
  badCells: BadCells;
}

export const startChoices = (
  columns: (ColumnTarget | null)[],
  key: string[] | null,
  fixed: Record<string, unknown>,
) => ({
  columns,
  key,
  fixed,
  meaning: {},
  names: {},
  badCells: 'refuseRow' as BadCells,
});

/** The body of POST /api/:resource/import, for some of the file's rows. An amount column's
 * header says its unit (金额（万元）, as the app's own exports write it); without one, yuan. */
export const importBody = (
  resource: ResourceDef,
  file: ImportFile,
  choices: ImportChoices,
  only?: number[],
): ImportRequest => {
  const picked = only ?? file.rows.map((_, i) => i);
  const units = Object.fromEntries(
    choices.columns.flatMap((target, j) => {
      const unit = unitOfHeader(file.headers[j] ?? '');
      return target && unit && getField(resource, target)?.type === 'money' ? [[target, unit]] : [];
    }),
  );
  // cells of ignored columns are not sent: a wide sheet's 50,000 rows stay within the server's limit
  const used = choices.columns.map((target) => target !== null);
  const sent = (row: string[]) => row.map((cell, j) => (used[j] ? cell : ''));
  return {
    columns: choices.columns,
    key: choices.key,
    fixed: choices.fixed,
    meaning: choices.meaning,
    names: choices.names,
    units,
    badCells: choices.badCells,
    rows: picked.map((i) => sent(file.rows[i])),
    lines: picked.map((i) => file.lines[i]),
  };
};

/** Required fields that neither a column, the list nor a default fills: every row would fail. */
export const missingRequired = (resource: ResourceDef, choices: Pick<ImportChoices, 'columns' | 'fixed'>): FieldDef[] =>
  resource.fields.filter(
    (field) =>
      field.required &&
      field.default === undefined &&
      !choices.columns.some((target) => target?.split(':')[0] === field.source) &&
      !Object.hasOwn(choices.fixed, field.source),
  );

/** A row that sums up the others ("合计", "共计 9 人", "Total: 12"), by its first cell. */
const TOTAL = /^(合计|总计|小计|共计)|^(total|sum)\s*(:|：|$|\d)/i;
/** A note under (or within) the list: 注：…, 备注：…, 制表人：…, 联系人：… 电话 …, 单位（盖章） */
const NOTE =
  /^(注|备注|说明|附注|附件|制表|填表|审核|审批|报送|联系人|联系电话|经办人|单位盖章|盖章|签字)[人]?[:：\s（(]/;
/** A numbered heading between groups of rows, in Chinese: 一、院士专家, 2. 企业代表 */
const SECTION = /^([一二三四五六七八九十]+|\d{1,2})[、.．]\s*\p{Script=Han}/u;

/** Why a row under the header is not a record, or null when it is one. */
function notARecord(cells: string[], header: string[]): SkippedLine['why'] | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return null;
  // a total's other cells are counts, or nothing
  if (TOTAL.test(filled[0]) && filled.slice(1).every((cell) => /^[\d\s,.，人个位名项元万]*$/.test(cell)))
    return 'total';
  // a cell merged across the row: Excel repeats its text in every cell it covers
  const merged = filled.every((cell) => cell === filled[0]) && (filled.length >= 3 || filled.length === cells.length);
  if (NOTE.test(filled[0]) && (filled.length <= 2 || merged)) return 'note';
  if (merged && filled.length >= 2) return 'section';
  if (filled.length === 1 && SECTION.test(filled[0])) return 'section';
  const norm = (texts: string[]) => texts.map((t) => normaliseHeader(t)).join('|');
  if (norm(cells) === norm(header)) return 'header';
  return null;
}

/**
 * The headers of a sheet: the header row, each cell read with the group heading merged above
 * it where the header alone names no field ("抵达信息" over "日期" is 抵达信息·日期).
 */
export function headersOf(resource: ResourceDef, sheet: SheetText, headerRow: number, width: number): string[] {
  const own = Array.from({ length: width }, (_, j) => (sheet.rows[headerRow]?.[j] ?? '').trim());
  const group = headerRow > 0 ? sheet.rows[headerRow - 1] : undefined;
  // a title merged across the whole sheet is no group heading
  const aboveTexts = (group ?? []).map((t) => t.trim()).filter(Boolean);
  if (!group || aboveTexts.every((t) => t === aboveTexts[0])) return own;
  const alone = autoMap(resource, own);
  return own.map((header, j) => {
    const above = (group[j] ?? '').trim();
    if (!header || !above || above === header || alone[j]) return header;
    // only a heading spanning several columns (merged), not a title or a stray note
    const spans = (group[j - 1] ?? '').trim() === above || (group[j + 1] ?? '').trim() === above;
    return spans ? `${above}·${header}` : header;
  });
}

/** The rows under the header row, all as wide as the header (Excel drops trailing blanks),
 * without the lines that are not records. */
export function toImportFile(
  name: string,
  sheet: SheetText,
  headerRow: number,
  resource?: ResourceDef,
  encoding?: string,
): ImportFile {
  const below = sheet.rows.slice(headerRow + 1);
  const width = below.reduce((w, cells) => Math.max(w, cells.length), sheet.rows[headerRow]?.length ?? 0);
  const headers = resource
    ? headersOf(resource, sheet, headerRow, width)
    : Array.from({ length: width }, (_, j) => (sheet.rows[headerRow]?.[j] ?? '').trim());
  const rows = below.map((cells) => Array.from({ length: width }, (_, j) => cells[j] ?? ''));
  const lines = sheet.lines.slice(headerRow + 1);
  const skipped: SkippedLine[] = [];
  const kept: number[] = [];
  rows.forEach((cells, i) => {
    const why = notARecord(cells, sheet.rows[headerRow] ?? []);
    if (why) skipped.push({ line: lines[i], text: cells.filter((c) => c.trim()).join(' · '), why });
    else kept.push(i);
  });
  return {
    name,
    sheet: sheet.name,
    headers,
    rows: kept.map((i) => rows[i]),
    lines: kept.map((i) => lines[i]),
    encoding,
    skipped,
    hiddenColumns: sheet.hiddenColumns,
    hiddenRows: sheet.hiddenRows ?? 0,
  };
}
