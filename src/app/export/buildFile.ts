import { getField, resourceByName, type FieldDef, type Lang } from '../../schema';
import type { CustomRows } from '../../schema/custom';
import { toCsv } from './csv';
import { buildTable, type ReferenceTitles } from './table';

/** Everything needed to write an export file; plain data, so it can cross to a worker. */
export interface FileJob {
  resource: string;
  /** the columns, by field, in order */
  columns: string[];
  rows: Record<string, unknown>[];
  /** per reference column, [id, name] pairs */
  titles: Record<string, [unknown, string][]>;
  lang: Lang;
  format: 'xlsx' | 'csv';
  /** the admins' fields and lists, for a worker, which has a schema of its own to extend */
  customSchema?: Partial<CustomRows>;
}

/** The file's bytes (XLSX) or text (CSV). */
export async function buildFile(job: FileJob): Promise<ArrayBuffer | string> {
  const resource = resourceByName[job.resource];
  const columns = job.columns.map((source) => getField(resource, source)).filter((f): f is FieldDef => !!f);
  const titles: ReferenceTitles = Object.fromEntries(
    Object.entries(job.titles).map(([source, pairs]) => [source, new Map(pairs)]),
  );
  const table = buildTable(resource, columns, job.rows, titles, job.lang);
  if (job.format === 'csv') return toCsv(table);
  const [{ default: ExcelJS }, { toXlsx }] = await Promise.all([import('exceljs'), import('./xlsx')]);
  return toXlsx(ExcelJS, table, resource.label[job.lang]);
}
