import { allows, resourceByName, type FieldDef, type ResourceDef, type Role } from '../../schema';
import { nameKey } from '../../schema/fromText';
import { creatableByName, nearNameIndex, recordFromName } from '../../schema/fromName';
import type { ImportRequest, NewRecord } from '../../schema/imports';
import { checkWrite } from '../../schema/validate';
import type { Data, Row } from '../store/store';

// Rows naming a record the import creates hold a stand-in id until the commit gives it its own
const FIRST_STAND_IN = Number.MAX_SAFE_INTEGER - 1_000_000;

/**
 * The records a file names that do not exist yet (an organisation new to Huiwu): each is
 * planned once, however many rows name it, with the known records it may be another name for.
 * The user's choice per name comes in the request: an existing record, new (the default), or
 * none. Only records the user may create, whose fields a name alone can fill.
 */
export function newNamePlanner(data: Data, request: ImportRequest, role: Role | undefined) {
  const planned = new Map<string, NewRecord & { standIn: number; record: Row }>();
  // per linked list, its ids and its names indexed for near matches, made once per import
  const ids = new Map<string, Set<unknown>>();
  const idsOf = (name: string) => {
    let set = ids.get(name);
    if (!set) ids.set(name, (set = new Set((data[name] ?? []).map((row) => row.id))));
    return set;
  };
  const finders = new Map<string, ReturnType<typeof nearNameIndex>>();
  const nearFinder = (target: ResourceDef) => {
    let finder = finders.get(target.name);
    if (!finder)
      finders.set(
        target.name,
        (finder = nearNameIndex(
          (data[target.name] ?? []).map((row) => ({ id: row.id, name: String(row[target.titleField] ?? '') })),
        )),
      );
    return finder;
  };
  const byStandIn = new Map<number, string>();
  // the user's choices by the name as compared (变体 单位 is 变体单位), whichever spelling they keyed
  const choices = new Map<string, number | 'new' | null>();
  for (const [target, inner] of Object.entries(request.names ?? {}))
    for (const [name, choice] of Object.entries(inner)) choices.set(`${target}\u0000${nameKey(name)}`, choice);
  return {
    /** What an unknown name in a reference cell becomes: an id (chosen or stand-in), or null. */
    resolve(field: FieldDef, name: string, line: number): number | null {
      const target = resourceByName[field.reference ?? ''];
      if (!creatableByName(target) || !allows(role, target, 'write')) return null;
      const key = `${target.name}\u0000${nameKey(name)}`;
      const choice = choices.get(key);
      if (choice === null) return null;
      if (typeof choice === 'number') return idsOf(target.name).has(choice) ? choice : null;
      let entry = planned.get(key);
      if (!entry) {
        const { record, reasons } = checkWrite(target, recordFromName(target, name));
        if (Object.keys(reasons).length > 0) return null;
        const { [target.titleField]: _title, ...values } = recordFromName(target, name);
        entry = {
          resource: target.name,
          name: name.trim(),
          values,
          near: nearFinder(target).near(name),
          lines: [],
          standIn: FIRST_STAND_IN + planned.size,
          record: record as Row,
        };
        planned.set(key, entry);
        byStandIn.set(entry.standIn, entry.name);
      }
      if (entry.lines[entry.lines.length - 1] !== line) entry.lines.push(line);
      return entry.standIn;
    },
    /** the name a stand-in id stands for */
    nameOf: (id: unknown) => byStandIn.get(id as number),
    /** the planned records, only those some valid row still names */
    planned: (used: Set<number>) => [...planned.values()].filter((entry) => used.has(entry.standIn)),
    isStandIn: (id: unknown) => typeof id === 'number' && id >= FIRST_STAND_IN,
  };
}

export type NewNamePlanner = ReturnType<typeof newNamePlanner>;
export type PlannedRecord = ReturnType<NewNamePlanner['planned']>[number];
