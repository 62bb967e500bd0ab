import type { Workbook } from 'exceljs';
import { neutralise, type ExportCell, type ExportTable } from './table';

/**
 * An XLSX workbook (exceljs): real dates and numbers, the header row bold and frozen, columns
 * as wide as their content. `ExcelJS` is passed in so the browser loads it only on export.
 */
export async function toXlsx(
  ExcelJS: { Workbook: new () => Workbook },
  table: ExportTable,
  sheetName: string,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huiwu';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  // a column's format set once on the column, not on each of 100,000 cells (time and memory)
  const formats = table.headers.map((_, i) => {
    const first = table.rows.find((cells) => cells[i]?.kind !== 'empty')?.[i];
    return first ? formatOf(first) : undefined;
  });
  formats.forEach((numFmt, i) => {
    if (numFmt) sheet.getColumn(i + 1).numFmt = numFmt;
  });
  sheet.addRow(table.headers);
  sheet.getRow(1).font = { bold: true };
  const widths = table.headers.map((h) => width(h));
  for (const cells of table.rows) {
    const row = sheet.addRow(
      cells.map((cell) => {
        switch (cell.kind) {
          case 'empty':
            return null;
          case 'text':
            return neutralise(cell.value);
          default:
            return cell.value;
        }
      }),
    );
    cells.forEach((cell, i) => {
      const numFmt = formatOf(cell);
      if (numFmt !== formats[i] && cell.kind !== 'empty') row.getCell(i + 1).numFmt = numFmt ?? 'General';
      const text =
        cell.kind === 'date'
          ? cell.withTime
            ? '2026-01-01 00:00'
            : '2026-01-01'
          : cell.kind === 'empty'
            ? ''
            : String(cell.value);
      widths[i] = Math.max(widths[i], width(text));
    });
  }
  sheet.columns.forEach((column, i) => (column.width = Math.min(60, widths[i] + 2)));
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
      ? '#,##0'
      : undefined;

/** Chinese characters take two columns of width. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 255 ? 2 : 1), 0);
