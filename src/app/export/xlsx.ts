import type { Workbook } from 'exceljs';
import { neutralise, type ExportTable } from './table';

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
      const target = row.getCell(i + 1);
      if (cell.kind === 'date') target.numFmt = cell.withTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
      if (cell.kind === 'number' && cell.money) target.numFmt = '#,##0';
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
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Chinese characters take two columns of width. */
const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 255 ? 2 : 1), 0);
