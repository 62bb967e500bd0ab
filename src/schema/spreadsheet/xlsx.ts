import type { Row, Workbook } from 'exceljs';
import type { ExportCell, ExportTable } from './table';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet's columns, set once before its rows: a format per column (not per cell of
 * 100,000: time and memory), and as wide as the header and the cells looked at. */
export function sheetColumns(headers: string[], rows: ExportCell[][]) {
  return headers.map((header, i) => {
    const first = rows.find((cells) => cells[i]?.kind !== 'empty')?.[i];
    const widest = rows.reduce((w, cells) => Math.max(w, width(shownText(cells[i]))), width(header));
    return { numFmt: first ? formatOf(first) : undefined, width: Math.min(60, widest + 2) };
  });
}

/** Adds one row of typed cells: real dates and numbers; a cell whose format differs from its
 * column's (a number field holding text) gets its own. Works on a workbook or a streamed one. */
export function addCells(
  sheet: { addRow(values: unknown[]): Row },
  cells: ExportCell[],
  columns: { numFmt?: string }[],
): Row {
  // a string cell is never run as a formula in XLSX: no apostrophe (CSV, read as text, needs one)
  const row = sheet.addRow(cells.map((cell) => (cell.kind === 'empty' ? null : cell.value)));
  cells.forEach((cell, i) => {
    const numFmt = formatOf(cell);
    if (cell.kind !== 'empty' && numFmt !== columns[i]?.numFmt) row.getCell(i + 1).numFmt = numFmt ?? 'General';
  });
  return row;
}

/**
 * An XLSX workbook (exceljs) built in memory: the header row bold and frozen. `ExcelJS` is
 * passed in so the browser loads it only when needed. The server streams large lists instead
 * (src/server/routes/export.ts), with the same columns and cells.
 */
export async function toXlsx(
  ExcelJS: { Workbook: new () => Workbook },
  table: ExportTable,
  sheetName: string,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huiwu';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = sheetColumns(table.headers, table.rows);
  sheet.columns = columns.map((column) => ({ width: column.width, style: { numFmt: column.numFmt } }));
  sheet.addRow(table.headers).font = { bold: true };
  for (const cells of table.rows) addCells(sheet, cells, columns);
  // exceljs answers a Buffer (a view); a worker can only hand over a whole ArrayBuffer
  const bytes = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

const formatOf = (cell: ExportCell): string | undefined =>
  cell.kind === 'date'
    ? cell.withTime
      ? 'yyyy-mm-dd hh:mm'
      : 'yyyy-mm-dd'
    : cell.kind === 'number' && cell.money
      ? MONEY_FORMAT[cell.money]
      : undefined;

/** 万元 as officials report them, to the hundredth (the cell holds the exact amount) */
export const MONEY_FORMAT = { yuan: '#,##0', wan: '#,##0.00' } as const;

/** how wide a cell shows: a date as its format, the rest as its text */
const shownText = (cell: ExportCell | undefined) =>
  !cell || cell.kind === 'empty'
    ? ''
    : cell.kind === 'date'
      ? cell.withTime
        ? '2026-01-01 00:00'
        : '2026-01-01'
      : String(cell.value);

/** Chinese characters take two columns of width. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 255 ? 2 : 1), 0);
