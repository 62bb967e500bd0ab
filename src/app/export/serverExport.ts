import { Unzip, UnzipInflate } from 'fflate';
import type { SortPayload } from 'react-admin';
import { type FieldDef, type Lang, type ResourceDef } from '../../schema';
import type { MoneyUnit } from '../../schema/money';
import { XLSX_TYPE } from '../../schema/spreadsheet/xlsx';
import { exportFileName } from './fileName';
import { apiUrl } from '../providers/httpClient';
import { i18nProvider } from '../providers/i18nProvider';

/**
 * Exports what the user sees: the list's filters and sort, the visible columns in their order,
 * every matching row, as XLSX or CSV. The server writes the file while sending it
 * (src/server/routes/export.ts), with what the user's role may see (a viewer's phones stay
 * masked); the tab only holds the finished file, so 100,000 guests fit an office laptop.
 * Progress counts the rows as they arrive.
 */
export async function exportList(args: {
  resource: ResourceDef;
  /** whose rows these are (a summit's name), to begin the file's name */
  of?: string;
  /** what the rows are, when not the whole list (a summit's certificate tab: 荣誉证书): names
   * the file after its owner and the sheet; the list's own label otherwise */
  what?: string;
  columns: FieldDef[];
  filter: Record<string, unknown>;
  sort: SortPayload;
  format: 'xlsx' | 'csv';
  lang: Lang;
  /** the unit amounts are written in */
  unit: MoneyUnit;
  onProgress: (done: number, total: number) => void;
}): Promise<{ blob: Blob; filename: string }> {
  const { resource, of, columns, filter, sort, format, lang, unit, onProgress } = args;
  const what = args.what ?? resource.label[lang];
  const name = exportFileName(of, what);
  const params = new URLSearchParams({
    format,
    filter: JSON.stringify(filter),
    sort: JSON.stringify([sort.field, sort.order]),
    columns: JSON.stringify(columns.map((f) => f.source)),
    name,
    // the sheet is named by what it holds, not the file's name: a summit's long name cut at
    // Excel's 31 characters said nothing
    sheet: what,
    unit,
  });
  const res = await fetch(`${apiUrl}/${resource.name}/export?${params}`, {
    headers: { 'Accept-Language': i18nProvider.getLocale() },
  });
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => ({}));
    throw new Error(body.message ?? i18nProvider.translate('huiwu.export.failed'));
  }
  const total = Number(res.headers.get('X-Export-Rows') ?? 0);
  const counter = rowCounter(format, (rows) => onProgress(Math.min(rows, total), total));
  // the count only moves the bar: should it fail, the file is still whole
  const count = (chunk: Uint8Array | undefined, done: boolean) => {
    try {
      counter(chunk, done);
    } catch {
      /* the bar stops; the download goes on */
    }
  };
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      count(value, done);
      if (done) break;
      chunks.push(value);
    }
  } catch {
    // the connection dropped, or the server stopped half-way: no half a file
    throw new Error(i18nProvider.translate('huiwu.export.interrupted'));
  }
  onProgress(total, total);
  return {
    blob: new Blob(chunks, { type: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_TYPE }),
    filename: `${name}.${format}`,
  };
}

/** Counts rows in the bytes as they arrive: CSV lines, or an XLSX sheet's rows as fflate
 * unpacks the stream (the server's zip has no row count to read). The header is not a row. */
function rowCounter(format: 'xlsx' | 'csv', onRows: (rows: number) => void) {
  let rows = -1;
  const marker = format === 'csv' ? '\r\n' : '</row>';
  const decoder = new TextDecoder();
  let tail = '';
  const countText = (chunk: Uint8Array, final: boolean) => {
    const text = tail + decoder.decode(chunk, { stream: !final });
    rows += text.split(marker).length - 1;
    // shorter than the marker: a marker split between two chunks is counted once
    tail = text.slice(-(marker.length - 1));
    onRows(rows);
  };
  if (format === 'csv')
    return (chunk: Uint8Array | undefined, done: boolean) => countText(chunk ?? new Uint8Array(), done);
  const unzip = new Unzip((file) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(file.name)) return;
    file.ondata = (error, chunk, final) => {
      if (!error) countText(chunk, final);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  return (chunk: Uint8Array | undefined, done: boolean) => unzip.push(chunk ?? new Uint8Array(), done);
}
