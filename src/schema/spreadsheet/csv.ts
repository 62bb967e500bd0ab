import { cellText, neutralise, type ExportCell, type ExportTable } from './table';

// quoted where a spreadsheet could split or read the cell otherwise: commas, quotes, line
// breaks, and ; and = (some spreadsheets split on ;)
const quote = (text: string) => (/[",;=\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Excel reads UTF-8 CSV as Chinese only after this mark. */
export const CSV_BOM = '\uFEFF';

/** The header line, CRLF-ended. */
export const csvHeader = (headers: string[]) => headers.map((h) => quote(neutralise(h))).join(',') + '\r\n';

/** One row's line, CRLF-ended. */
export const csvLine = (cells: ExportCell[]) => cells.map((cell) => quote(cellText(cell))).join(',') + '\r\n';

/** CSV that Excel opens correctly in Chinese: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(table: ExportTable): string {
  return CSV_BOM + csvHeader(table.headers) + table.rows.map(csvLine).join('');
}
