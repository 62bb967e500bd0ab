import { useEffect } from 'react';
import { useStore } from 'react-admin';
import { systemFields, type ResourceDef } from '../../schema';

type Params = { sort?: string; order?: string; filter?: Record<string, unknown>; [key: string]: unknown };

const OPERATOR = /_(gte|lte|ne|like)$/;

/** A list's kept sort and filters without the fields that are gone (an admin hid one), or null when nothing is. */
function withoutUnknown(resource: ResourceDef, params: Params | undefined): Params | null {
  if (!params) return null;
  const known = new Set<string>([...systemFields, ...resource.fields.map((f) => f.source)]);
  const named = new Set(Object.keys(resource.namedFilters ?? {}));
  const badSort = !!params.sort && !known.has(params.sort);
  const filter = params.filter ?? {};
  const keep = Object.keys(filter).filter(
    (key) => key === 'q' || named.has(key) || known.has(key.replace(OPERATOR, '')),
  );
  if (!badSort && keep.length === Object.keys(filter).length) return null;
  const cleaned: Params = { ...params, filter: Object.fromEntries(keep.map((key) => [key, filter[key]])) };
  if (badSort) {
    cleaned.sort = resource.sort.field;
    cleaned.order = resource.sort.order;
  }
  return cleaned;
}

/**
 * Lists keep each user's sort and filters. Once a field they name is hidden or deleted the
 * server refuses them, and the list would never load again: they are dropped first. Returns
 * whether the kept parameters are ready to use.
 */
export function useKnownListParams(storeKey: string, resource: ResourceDef): boolean {
  const [params, setParams] = useStore<Params | undefined>(storeKey);
  const cleaned = withoutUnknown(resource, params);
  useEffect(() => {
    if (cleaned) setParams(cleaned);
  }, [cleaned, setParams]);
  return cleaned === null;
}
