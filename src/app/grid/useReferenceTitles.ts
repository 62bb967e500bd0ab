import { useGetManyAggregate, type RaRecord } from 'react-admin';
import { resourceByName, type ResourceDef } from '../../schema';

/** The names of the records the rows refer to (organizations, summits …), per reference
 * field: one batched request per referenced resource, shared with the rest of the app. */
export function useReferenceTitles(resource: ResourceDef, rows: RaRecord[]) {
  const titles: Record<string, Map<unknown, string>> = {};
  // The schema's reference fields are fixed for a resource, so the hooks run in a fixed order.
  for (const field of resource.fields.filter((f) => f.type === 'reference')) {
    const target = resourceByName[field.reference!];
    const ids = [...new Set(rows.map((row) => row[field.source]).filter((id) => id !== null && id !== undefined))];
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const { data } = useGetManyAggregate(target.name, { ids });
    titles[field.source] = new Map((data ?? []).map((row) => [row.id, String(row[target.titleField] ?? `#${row.id}`)]));
  }
  return titles;
}
