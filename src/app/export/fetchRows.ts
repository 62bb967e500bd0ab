import type { DataProvider, SortPayload } from 'react-admin';
import { resourceByName, type FieldDef } from '../../schema';

const CHUNK = 2500;
/** ids per getMany: they travel in the URL, which servers cap at 16 KB */
const IDS_PER_REQUEST = 500;

/** Every row matching a filter, in chunks of 2,500 (react-admin's lists stop at one page). */
export async function fetchAll(
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown>,
  sort: SortPayload,
  onProgress: (done: number, total: number) => void = () => {},
) {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1, done = 0; ; page++) {
    const { data, total = 0 } = await dataProvider.getList(resource, {
      filter,
      sort,
      pagination: { page, perPage: CHUNK },
    });
    done += data.length;
    rows.push(...data);
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
