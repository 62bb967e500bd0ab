import { allows, resourceByName, type FieldDef, type Role } from '../../schema';
import { nameKey } from '../../schema/fromText';
import { creatableByName, nearNames, recordFromName } from '../../schema/fromName';
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
      if (typeof choice === 'number') {
        return (data[target.name] ?? []).some((row) => row.id === choice) ? choice : null;
      }
      let entry = planned.get(key);
      if (!entry) {
        const { record, reasons } = checkWrite(target, recordFromName(target, name));
        if (Object.keys(reasons).length > 0) return null;
        const known = (data[target.name] ?? []).map((row) => ({
          id: row.id,
          name: String(row[target.titleField] ?? ''),
        }));
        const { [target.titleField]: _title, ...values } = recordFromName(target, name);
        entry = {
          resource: target.name,
          name: name.trim(),
          values,
          near: nearNames(name, known),
          lines: [],
          standIn: FIRST_STAND_IN + planned.size,
          record: record as Row,
        };
        planned.set(key, entry);
        byStandIn.set(entry.standIn, entry.name);
      }
      if (!entry.lines.includes(line)) entry.lines.push(line);
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
