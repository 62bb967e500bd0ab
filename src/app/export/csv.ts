import { cellText, neutralise, type ExportTable } from './table';

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV that Excel opens correctly in Chinese: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(table: ExportTable): string {
  const lines = [
    table.headers.map((h) => quote(neutralise(h))),
    ...table.rows.map((row) => row.map((cell) => quote(cellText(cell)))),
  ];
  return '\uFEFF' + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
