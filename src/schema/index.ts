import { agreements } from './resources/agreements';
import { attendees } from './resources/attendees';

export { INVITATION_GROUPS, inInvitationGroup } from './resources/attendees';
import { audit } from './resources/audit';
import { ceremonies } from './resources/ceremonies';
import { checkins } from './resources/checkins';
import { customFields } from './resources/customFields';
import { customResources } from './resources/customResources';
import { followups } from './resources/followups';
import { leaves } from './resources/leaves';
import { lectures } from './resources/lectures';
import { organizations } from './resources/organizations';
import { outbox } from './resources/outbox';
import { series } from './resources/series';
import { summits } from './resources/summits';
import { users } from './resources/users';
import type { FieldDef, ResourceDef, Role } from './types';

export * from './types';
import { enums } from './enums';

export { enums };

/** Menu order: events, then people, then projects, then administration. */
export const resources: ResourceDef[] = [
  summits,
  series,
  lectures,
  ceremonies,
  attendees,
  checkins,
  leaves,
  organizations,
  agreements,
  followups,
  outbox,
  users,
  customResources,
  customFields,
  audit,
];

// The resources themselves, as an enumeration (the audit trail's "which kind of record").
enums.resourceName = resources.map((r) => ({ id: r.name, label: r.label }));
/** The lists admins may add fields to or link to: not the schema's own, not the audit trail
 * (src/schema/custom.ts keeps the enumerations up to date as lists are added). */
/** The resources whose rows define the schema: a write to one changes what the API accepts. */
export const DEFINITION_RESOURCES = new Set(['customFields', 'customResources']);
export const NOT_EXTENSIBLE = new Set([...DEFINITION_RESOURCES, 'audit']);
enums.listName = enums.resourceName.filter((o) => !NOT_EXTENSIBLE.has(o.id));

export const resourceByName: Record<string, ResourceDef> = Object.fromEntries(resources.map((r) => [r.name, r]));

/** Fields the server owns: never validated as input, never written by clients. `version`
 * counts the record's changes; a client sends back the one it started from. */
export const systemFields = ['id', 'createdAt', 'updatedAt', 'version'] as const;

export type Action = 'read' | 'write';

/** What a role may do with a resource: the server enforces it, the app hides what it may not. */
export function allows(role: Role | undefined, resource: ResourceDef, action: Action): boolean {
  if (!role) return false;
  if (action === 'write' && resource.readOnly) return false;
  if (role === 'admin') return true;
  if (action === 'write') return resource.writers.includes(role);
  return resource.readers ? resource.readers.includes(role) : true;
}

/** Personal data masked for viewers, as China's personal-information law expects for people
 * who do not need it: 138****5678, z***@example.cn. */
export const roleSeesPersonalData = (role: Role | undefined) => role !== 'viewer';

export function maskPersonal(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return '****';
}

export { getField } from './fields';

/** How a picker offers a list's records: by their names, which the server sorts by pinyin. */
export const pickerSort = (target: ResourceDef) => ({ field: target.titleField, order: 'ASC' as const });

export interface Dependant {
  resource: ResourceDef;
  field: FieldDef;
}

/** Who points at `target`: the fields of other resources that reference it. */
export const dependantsOf = (target: string): Dependant[] =>
  resources.flatMap((resource) =>
    resource.fields
      .filter((field) => field.type === 'reference' && field.reference === target)
      .map((field) => ({ resource, field })),
  );

export { EVENT_OFFSET_MINUTES, EVENT_OFFSET_MS, EVENT_TIME_ZONE, EVENT_UTC_OFFSET, eventWallClock } from './eventTime';

/** Two stored values are the same when their JSON is (null and absent alike). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether people may import rows of this resource from a spreadsheet: not accounts (they
 * carry passwords), not the audit trail (nobody writes it), not follow-ups (each one moves its
 * agreement through the lifecycle, one decision at a time). */
export const importable = (resource: ResourceDef) =>
  !resource.readOnly &&
  !resource.noImport &&
  !resource.setsParent &&
  !resource.fields.some((field) => field.type === 'password');

/** The keys an imported row may be matched by: the declared ones, then each unique field. */
export const importKeysOf = (resource: ResourceDef): string[][] => {
  const keys = [...(resource.importKeys ?? [])];
  for (const field of resource.fields)
    if (field.unique && !keys.some((k) => k.length === 1 && k[0] === field.source)) keys.push([field.source]);
  return keys;
};
export { beijingDay, expandNamedFilters, namedFilterTest, type Asker } from './namedFilters';
export {
  allowedMoves,
  childDefaults,
  childFieldFor,
  isFinal,
  lifecycleOf,
  parentLink,
  requiredForParent,
} from './children';
export { stampsFor } from './stamps';
export { planPickups, type PickupPlan, type PickupGroup, type PickupConflict } from './pickups';
