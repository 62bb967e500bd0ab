import { agreements } from './resources/agreements';
import { attendees } from './resources/attendees';
import { ceremonies } from './resources/ceremonies';
import { followups } from './resources/followups';
import { lectures } from './resources/lectures';
import { organizations } from './resources/organizations';
import { series } from './resources/series';
import { summits } from './resources/summits';
import type { FieldDef, ResourceDef } from './types';

export * from './types';
export { enums } from './enums';

/** Menu order: events, then people, then projects. */
export const resources: ResourceDef[] = [
  summits,
  series,
  lectures,
  ceremonies,
  attendees,
  organizations,
  agreements,
  followups,
];

export const resourceByName: Record<string, ResourceDef> = Object.fromEntries(
  resources.map((r) => [r.name, r]),
);

/** Fields the server owns: never validated as input, never written by clients. */
export const systemFields = ['id', 'createdAt', 'updatedAt'] as const;

export const getField = (resource: ResourceDef, source: string): FieldDef | undefined =>
  resource.fields.find((field) => field.source === source);

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

/** Events happen in China: a time typed without a zone, or a day of a date-time filter, is
 * Beijing time (China has no daylight saving, so the offset is fixed). */
export const EVENT_TIME_ZONE = 'Asia/Shanghai';
export const EVENT_UTC_OFFSET = '+08:00';
