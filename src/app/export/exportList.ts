import type { DataProvider, SortPayload } from 'react-admin';
import { resourceByName, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { toCsv } from './csv';
import { buildTable, type ReferenceTitles } from './table';

const CHUNK = 1000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Exports what the user sees: the list's filters and sort, the visible columns in their order,
 * every matching row (fetched in chunks, past react-admin's 1,000-row cap), as XLSX or CSV.
 * The server's answers are what the user's role may see (a viewer's phones stay masked).
 */
export async function exportList(args: {
  dataProvider: DataProvider;
  resource: ResourceDef;
  columns: FieldDef[];
  filter: Record<string, unknown>;
  sort: SortPayload;
  format: 'xlsx' | 'csv';
  lang: Lang;
  onProgress: (done: number, total: number) => void;
}): Promise<{ blob: Blob; filename: string }> {
  const { dataProvider, resource, columns, filter, sort, format, lang, onProgress } = args;
  const rows = await fetchAll(dataProvider, resource.name, filter, sort, onProgress);
  const titles: ReferenceTitles = {};
  for (const field of columns.filter((f) => f.type === 'reference'))
    titles[field.source] = await fetchTitles(dataProvider, field, rows);
  const table = buildTable(resource, columns, rows, titles, lang);
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `${resource.label[lang]}-${stamp}.${format}`;
  if (format === 'csv') return { blob: new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), filename };
  const [{ default: ExcelJS }, { toXlsx }] = await Promise.all([import('exceljs'), import('./xlsx')]);
  const buffer = await toXlsx(ExcelJS, table, resource.label[lang]);
  return {
    blob: new Blob([buffer], { type: XLSX_TYPE }),
    filename,
  };
}

/** Every row matching a filter, in chunks of 1,000 (react-admin's lists stop at one page). */
export async function fetchAll(
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown>,
  sort: SortPayload,
  onProgress: (done: number, total: number) => void = () => {},
) {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const { data, total = 0 } = await dataProvider.getList(resource, {
      filter,
      sort,
      pagination: { page, perPage: CHUNK },
    });
    rows.push(...data);
    onProgress(rows.length, total);
    if (data.length < CHUNK || rows.length >= total) return rows;
  }
}

/** The names of the records a reference field of these rows points at: id → name. */
export async function fetchTitles(dataProvider: DataProvider, field: FieldDef, rows: Record<string, unknown>[]) {
  const target = resourceByName[field.reference!];
  const ids = [...new Set(rows.map((row) => row[field.source]).filter((id) => id !== null && id !== undefined))];
  const names = new Map<unknown, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { data } = await dataProvider.getMany(target.name, { ids: ids.slice(i, i + CHUNK) as (string | number)[] });
    for (const row of data) names.set(row.id, String(row[target.titleField] ?? `#${row.id}`));
  }
  return names;
}

/** Hands a file to the browser's download. */
export function download({ blob, filename }: { blob: Blob; filename: string }) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
