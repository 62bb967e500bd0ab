import type { CellValue, Workbook } from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { MAX_IMPORT_ROWS } from '../../schema/imports';

/** One sheet as text: every row, every cell, as people see it in Excel. */
export interface SheetText {
  /** the sheet's name (a text file's is its own name) */
  name: string;
  rows: string[][];
  /** each row's number in the file, as Excel shows it (empty rows are left out) */
  lines: number[];
  /** columns hidden in Excel, left out of `rows` */
  hiddenColumns: number;
  /** rows hidden in Excel (filtered out, or put aside), left out of `rows` */
  hiddenRows?: number;
}

/** A file as text: its sheets that hold anything, and how a text file was encoded. */
export interface BookText {
  sheets: SheetText[];
  /** Chinese Excel and WPS still save CSV as GB18030/GBK */
  encoding?: string;
}

/** What a page may be asked to read: a guest list is kilobytes, a province's a few megabytes. */
export const LIMITS = {
  /** the file as chosen */
  bytes: 30 * 1024 * 1024,
  /** an .xlsx unpacked (a zip bomb declares gigabytes) */
  unzipped: 300 * 1024 * 1024,
  /** rows, as many as one import takes, and a few for titles and notes */
  rows: MAX_IMPORT_ROWS + 100,
};

/** A file that cannot be read, and why: 'xls', 'xlsx', 'quotes' (at `line`), 'tooLarge',
 * 'tooManyRows', 'tooComplex'. */
export class UnreadableFile extends Error {
  constructor(
    reason: string,
    readonly line?: number,
  ) {
    super(reason);
  }
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
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

const isEmptyRow = (cells: string[]) => cells.every((text) => text.trim() === '');

/** Drops empty rows, remembering where the others were. */
function withLines(rows: string[][], lines: number[]) {
  const kept = rows.map((_, i) => i).filter((i) => !isEmptyRow(rows[i]));
  return { rows: kept.map((i) => rows[i]), lines: kept.map((i) => lines[i]) };
}

/** CSV, or tab- or semicolon-separated text (papaparse guesses which). */
export function parseDelimited(text: string, name = ''): SheetText {
  // guessed on the rows that hold something (empty ones confuse the guess), then parsed
  // whole so that each row keeps its line number
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: true, preview: 50 }).meta;
  const { data, errors } = Papa.parse<string[]>(text, { delimiter, preview: LIMITS.rows + 1 });
  if (data.length > LIMITS.rows) throw new UnreadableFile('tooManyRows');
  // an unclosed quote would swallow every row after it into one cell
  const quote = errors.find((e) => e.type === 'Quotes');
  if (quote) throw new UnreadableFile('quotes', (quote.row ?? 0) + 1);
  return {
    name,
    hiddenColumns: 0,
    ...withLines(
      data,
      data.map((_, i) => i + 1),
    ),
  };
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

/** How large an .xlsx says it is once unpacked, read from its directory without unpacking. */
function unzippedSize(bytes: Uint8Array): number {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new UnreadableFile('xlsx');
  }
  return total;
}

/** Every visible worksheet that holds anything, as text rows (empty rows and hidden columns
 * dropped). Merged cells read as their first cell, as Excel shows them. */
export async function readXlsx(ExcelJS: { Workbook: new () => Workbook }, bytes: ArrayBuffer): Promise<SheetText[]> {
  if (unzippedSize(new Uint8Array(bytes)) > LIMITS.unzipped) throw new UnreadableFile('tooLarge');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new UnreadableFile('xlsx');
  }
  const sheets: SheetText[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' || sheet.actualRowCount === 0) continue;
    if (sheet.actualRowCount > LIMITS.rows) throw new UnreadableFile('tooManyRows');
    const hidden = new Set<number>();
    for (let column = 1; column <= sheet.columnCount; column++) if (sheet.getColumn(column).hidden) hidden.add(column);
    const rows: string[][] = [];
    const lines: number[] = [];
    let hiddenRows = 0;
    sheet.eachRow((row, number) => {
      if (row.hidden) {
        hiddenRows++;
        return;
      }
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push(Array.from(cells, (text, i) => (hidden.has(i + 1) ? null : (text ?? ''))).filter((t) => t !== null));
      lines.push(number);
    });
    const read = withLines(rows, lines);
    if (read.rows.length > 0) sheets.push({ name: sheet.name, hiddenColumns: hidden.size, hiddenRows, ...read });
  }
  return sheets;
}

/** Any file people bring: .xlsx, or .csv/.tsv/.txt text. Old binary .xls is refused with a way out. */
export async function readSpreadsheet(file: { name: string; bytes: ArrayBuffer }): Promise<BookText> {
  if (file.bytes.byteLength > LIMITS.bytes) throw new UnreadableFile('tooLarge');
  const bytes = new Uint8Array(file.bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // PK: an .xlsx is a zip
    const { default: ExcelJS } = await import('exceljs');
    return { sheets: await readXlsx(ExcelJS, file.bytes) };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new UnreadableFile('xls'); // an OLE2 .xls
  const { text, encoding } = decodeText(bytes);
  // a picture, a program or a document chosen by mistake: said so, not read as a broken CSV
  if (notText(text)) throw new UnreadableFile('binary');
  return { sheets: [parseDelimited(text, file.name.replace(/\.[^.]+$/, ''))], encoding };
}

/**
 * Whether decoded text is no text: more than one character in 20 is a control character
 * (not a tab or a line end), U+FFFD (bytes the encoding cannot read) or private-use (what
 * GB18030 and UTF-16 make of random bytes). Real lists hold none; random bytes, one in eight.
 * Judged on the whole text, after decoding, so a BOM or a text header before the bytes hides
 * nothing.
 */
function notText(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) odd++;
  }
  return odd > text.length / 20;
}
