import type { DataProvider, SortPayload } from 'react-admin';
import { resourceByName, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { customSchemaRows } from '../customSchema/liveSchema';
import { buildFile, type FileJob } from './buildFile';

const CHUNK = 2500;
/** ids per getMany: they travel in the URL, which servers cap at 16 KB */
const IDS_PER_REQUEST = 500;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file built in a worker, fed rows as they arrive (in the page itself where there are no workers). */
function fileBuilder() {
  if (typeof Worker === 'undefined') {
    const rows: Record<string, unknown>[] = [];
    return {
      add: (chunk: Record<string, unknown>[]) => void rows.push(...chunk),
      finish: (job: Omit<FileJob, 'rows'>) => buildFile({ ...job, rows }),
      stop: () => {},
    };
  }
  const worker = new Worker(new URL('./fileWorker.ts', import.meta.url), { type: 'module' });
  // a worker that fails while loading or taking rows must fail the export, not hang it
  let failed: Error | null = null;
  let fail: (error: Error) => void = (error) => {
    failed = error;
  };
  worker.onerror = (event) => fail(new Error(event.message || 'export worker failed'));
  worker.onmessageerror = () => fail(new Error('export worker could not read the rows'));
  return {
    add: (chunk: Record<string, unknown>[]) => {
      if (failed) throw failed;
      worker.postMessage({ rows: chunk });
    },
    finish: (job: Omit<FileJob, 'rows'>) =>
      new Promise<ArrayBuffer | string>((resolve, reject) => {
        if (failed) return reject(failed);
        fail = reject;
        worker.onmessage = (event: MessageEvent<{ file?: ArrayBuffer | string; error?: string }>) =>
          event.data.error === undefined ? resolve(event.data.file!) : reject(new Error(event.data.error));
        worker.postMessage({ finish: job });
      }),
    stop: () => worker.terminate(),
  };
}

/**
 * Exports what the user sees: the list's filters and sort, the visible columns in their order,
 * every matching row (fetched in chunks, past react-admin's 1,000-row cap), as XLSX or CSV.
 * The server's answers are what the user's role may see (a viewer's phones stay masked). The
 * file is written in a worker, so the page stays responsive through 100,000 rows.
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
  const builder = fileBuilder();
  try {
    const references = columns.filter((f) => f.type === 'reference');
    // only the referenced ids stay here; the rows go on to the worker chunk by chunk
    const ids: Record<string, Set<unknown>> = Object.fromEntries(references.map((f) => [f.source, new Set()]));
    await fetchAll(dataProvider, resource.name, filter, sort, onProgress, (chunk) => {
      for (const field of references)
        for (const row of chunk) if (row[field.source] != null) ids[field.source].add(row[field.source]);
      builder.add(chunk);
    });
    const titles: FileJob['titles'] = {};
    for (const field of references)
      titles[field.source] = [...(await fetchTitlesOf(dataProvider, field, [...ids[field.source]]))];
    const file = await builder.finish({
      resource: resource.name,
      columns: columns.map((f) => f.source),
      titles,
      lang,
      format,
      customSchema: customSchemaRows(),
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return {
      blob: new Blob([file], { type: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_TYPE }),
      filename: `${resource.label[lang]}-${stamp}.${format}`,
    };
  } finally {
    builder.stop();
  }
}

/** Every row matching a filter, in chunks of 1,000 (react-admin's lists stop at one page). */
export async function fetchAll(
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown>,
  sort: SortPayload,
  onProgress: (done: number, total: number) => void = () => {},
  /** each chunk as it arrives; the rows are then not kept */
  onChunk?: (chunk: Record<string, unknown>[]) => void,
) {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1, done = 0; ; page++) {
    const { data, total = 0 } = await dataProvider.getList(resource, {
      filter,
      sort,
      pagination: { page, perPage: CHUNK },
    });
    done += data.length;
    if (onChunk) onChunk(data);
    else rows.push(...data);
    onProgress(done, total);
    if (data.length < CHUNK || done >= total) return rows;
  }
}

/** The names of the records a reference field of these rows points at: id → name. */
export const fetchTitles = (dataProvider: DataProvider, field: FieldDef, rows: Record<string, unknown>[]) =>
  fetchTitlesOf(dataProvider, field, [
    ...new Set(rows.map((row) => row[field.source]).filter((id) => id !== null && id !== undefined)),
  ]);

/** The names of these records of the field's resource: id → name. */
async function fetchTitlesOf(dataProvider: DataProvider, field: FieldDef, ids: unknown[]) {
  const target = resourceByName[field.reference!];
  const names = new Map<unknown, string>();
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const { data } = await dataProvider.getMany(target.name, {
      ids: ids.slice(i, i + IDS_PER_REQUEST) as (string | number)[],
    });
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
