import { useGetManyAggregate, type RaRecord } from 'react-admin';
import { resourceByName, type ResourceDef } from '../../schema';

/** The records the rows refer to (organizations, summits …), per reference field: one batched
 * request per referenced resource, shared with the rest of the app. Their names label the
 * cells; a summit's dates give the year of a date typed without one. */
export function useReferenceTitles(resource: ResourceDef, rows: RaRecord[]) {
  const titles: Record<string, Map<unknown, string>> = {};
  const linked: Record<string, Map<unknown, RaRecord>> = {};
  // The schema's reference fields are fixed for a resource, so the hooks run in a fixed order.
  for (const field of resource.fields.filter((f) => f.type === 'reference')) {
    const target = resourceByName[field.reference!];
    const ids = [...new Set(rows.map((row) => row[field.source]).filter((id) => id !== null && id !== undefined))];
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const { data } = useGetManyAggregate(target.name, { ids });
    titles[field.source] = new Map((data ?? []).map((row) => [row.id, String(row[target.titleField] ?? `#${row.id}`)]));
    linked[field.source] = new Map((data ?? []).map((row) => [row.id, row]));
  }
  /** The year a row's dates written without one belong to (see `yearFrom` in the schema). */
  const yearOf = (row: RaRecord | undefined) => {
    const from = resource.yearFrom;
    if (!from || !row) return undefined;
    const year = Number(String(linked[from.reference]?.get(row[from.reference])?.[from.field] ?? '').slice(0, 4));
    return year > 0 ? year : undefined;
  };
  return { titles, yearOf };
}
