import type { ResourceDef } from '../../schema';
import { toImportFile, type ImportFile } from './importRequest';
import { autoMap, findHeaderRow, matchColumns, type ColumnNote, type RememberedMapping } from './mapping';
import type { BookText } from './readSpreadsheet';

/** How many values of a column are looked at to tell what it holds. */
const SAMPLE = 40;

/** The non-empty values of each column, first ones first. */
export const samplesOf = (file: ImportFile) =>
  file.headers.map((_, j) =>
    file.rows
      .map((cells) => cells[j]?.trim() ?? '')
      .filter(Boolean)
      .slice(0, SAMPLE),
  );

/** A sheet read as the import sees it: its header row, its records and each column's field. */
export interface PreparedSheet {
  sheet: number;
  headerRow: number;
  file: ImportFile;
  columns: ReturnType<typeof matchColumns>['columns'];
  notes: (ColumnNote | null)[];
}

/** One sheet under a given header row, its columns matched to fields by header and values. */
export function prepareSheet(
  resource: ResourceDef,
  name: string,
  book: BookText,
  sheet: number,
  headerRow: number,
  remembered: RememberedMapping = {},
  fixed: string[] = [],
): PreparedSheet {
  const file = toImportFile(name, book.sheets[sheet], headerRow, resource, book.encoding);
  const { columns, notes } = matchColumns(resource, file.headers, samplesOf(file), remembered, fixed);
  return { sheet, headerRow, file, columns, notes };
}

/**
 * A file as it arrived, made ready to preview with nothing chosen by hand: the sheet holding
 * the list (of several: the one whose header names most fields), the header under any title
 * rows, the lines that are not records set aside, each column matched to its field.
 */
export function prepareImport(
  resource: ResourceDef,
  name: string,
  book: BookText,
  remembered: RememberedMapping = {},
  fixed: string[] = [],
): PreparedSheet {
  let best = { sheet: 0, headerRow: 0, score: -1 };
  book.sheets.forEach((sheet, index) => {
    const headerRow = findHeaderRow(resource, sheet.rows, remembered);
    const score = autoMap(resource, sheet.rows[headerRow] ?? [], remembered).filter(Boolean).length;
    if (score > best.score) best = { sheet: index, headerRow, score };
  });
  return prepareSheet(resource, name, book, best.sheet, best.headerRow, remembered, fixed);
}
