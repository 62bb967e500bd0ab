import type { CellValue, Workbook } from 'exceljs';
import Papa from 'papaparse';

/** A spreadsheet as text: every row, every cell, as people see it in Excel. */
export interface SheetText {
  rows: string[][];
  /** each row's number in the file, as Excel shows it (empty rows are left out) */
  lines: number[];
  /** how a text file was encoded (Chinese Excel still saves CSV as GB18030/GBK) */
  encoding?: string;
}

/**
 * The text of a CSV or TSV file, whatever Excel or WPS saved it as: UTF-8 with or without a
 * BOM, UTF-16 ("Unicode text"), or GB18030, the superset of GBK and GB2312. Bytes that are not
 * valid UTF-8 can only be the Chinese legacy encoding here.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

const isEmptyRow = (cells: string[]) => cells.every((text) => text.trim() === '');

/** Drops empty rows, remembering where the others were. */
function withLines(rows: string[][], lines: number[]): Omit<SheetText, 'encoding'> {
  const kept = rows.map((_, i) => i).filter((i) => !isEmptyRow(rows[i]));
  return { rows: kept.map((i) => rows[i]), lines: kept.map((i) => lines[i]) };
}

/** CSV, or tab- or semicolon-separated text (papaparse guesses which). */
export function parseDelimited(text: string): Omit<SheetText, 'encoding'> {
  // guessed on the rows that hold something (empty ones confuse the guess), then parsed
  // whole so that each row keeps its line number
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: true, preview: 50 }).meta;
  const { data, errors } = Papa.parse<string[]>(text, { delimiter });
  // an unclosed quote would swallow every row after it into one cell
  const quote = errors.find((e) => e.type === 'Quotes');
  if (quote) throw new UnreadableFile('quotes', (quote.row ?? 0) + 1);
  return withLines(
    data,
    data.map((_, i) => i + 1),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Spreadsheets have no time zones: a date cell's wall-clock time is carried as UTC. */
function dateText(value: Date): string {
  const d = new Date(Math.round(value.getTime() / 1000) * 1000); // 09:59:59.999 is 10:00
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${pad(d.getUTCSeconds())}` : ''}`;
  // a time-only cell (14:30) is a time on Excel's day zero, 1899-12-30: the time alone
  if (d.getUTCFullYear() < 1900) return time;
  return seconds === 0 ? day : `${day} ${time}`;
}

/** One exceljs cell as text: dates as 2026-05-25 14:30, formulas by their result, rich text joined. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The first worksheet that holds anything, as text rows (empty rows dropped). */
export async function readXlsx(
  ExcelJS: { Workbook: new () => Workbook },
  bytes: ArrayBuffer,
): Promise<Omit<SheetText, 'encoding'>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  const rows: string[][] = [];
  const lines: number[] = [];
  sheet?.eachRow((row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (text) => text ?? ''));
    lines.push(number);
  });
  return withLines(rows, lines);
}

/** A file that cannot be read, and why: 'xls', 'xlsx', or 'quotes' (at `line`). */
export class UnreadableFile extends Error {
  constructor(
    reason: string,
    readonly line?: number,
  ) {
    super(reason);
  }
}

/** Any file people bring: .xlsx, or .csv/.tsv/.txt text. Old binary .xls is refused with a way out. */
export async function readSpreadsheet(file: { name: string; bytes: ArrayBuffer }): Promise<SheetText> {
  const bytes = new Uint8Array(file.bytes);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // PK: an .xlsx is a zip
  if (zip) {
    const { default: ExcelJS } = await import('exceljs');
    try {
      return await readXlsx(ExcelJS, file.bytes);
    } catch {
      throw new UnreadableFile('xlsx');
    }
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new UnreadableFile('xls'); // an OLE2 .xls
  const { text, encoding } = decodeText(bytes);
  return { ...parseDelimited(text), encoding };
}
