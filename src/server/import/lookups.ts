import { resourceByName, type FieldDef, type ResourceDef } from '../../schema';
import { nameKey, type ReferenceNames } from '../../schema/fromText';
import type { Data } from '../store/store';
import type { Lookups } from '../checks';

/** name → id of every record a reference column may name; -1 when several share a name. */
export function referenceNames(data: Data, fields: FieldDef[]): ReferenceNames {
  const names: ReferenceNames = {};
  for (const field of fields) {
    const target = resourceByName[field.reference!];
    if (!target || names[target.name]) continue;
    const byName = new Map<string, number>();
    for (const row of data[target.name] ?? []) {
      const name = nameKey(row[target.titleField]);
      if (name) byName.set(name, byName.has(name) ? -1 : Number(row.id));
    }
    names[target.name] = byName;
  }
  return names;
}

/** Ids and unique values, indexed once, so each of ten thousand rows is checked in constant
 * time; records the import itself will create count as existing. */
export function indexedLookups(data: Data, resource: ResourceDef) {
  const ids = new Map<string, Set<string>>();
  const unique = new Map<string, Map<string, unknown>>();
  for (const field of resource.fields.filter((f) => f.unique)) {
    const holders = new Map<string, unknown>();
    for (const row of data[resource.name] ?? [])
      if (row[field.source] != null) holders.set(String(row[field.source]).toLowerCase(), row.id);
    unique.set(field.source, holders);
  }
  const idsOf = (target: string) => {
    let set = ids.get(target);
    if (!set) ids.set(target, (set = new Set((data[target] ?? []).map((row) => String(row.id)))));
    return set;
  };
  const lookups: Lookups & {
    claim(field: string, value: unknown, id: unknown): void;
    expect(target: string, id: unknown): void;
  } = {
    exists: (target, id) => idsOf(target).has(String(id)),
    taken(_resource, field, value, selfId) {
      const holder = unique.get(field)?.get(String(value).toLowerCase());
      return holder !== undefined && String(holder) !== String(selfId);
    },
    // a value claimed by an earlier row of the same file is taken for the later ones
    claim(field, value, id) {
      if (value != null) unique.get(field)?.set(String(value).toLowerCase(), id);
    },
    // a record this import creates first (a new organisation) exists for the rows naming it
    expect: (target, id) => void idsOf(target).add(String(id)),
  };
  return lookups;
}
