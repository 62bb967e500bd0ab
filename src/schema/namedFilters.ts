import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { EVENT_OFFSET_MINUTES } from './eventTime';
import type { ResourceDef } from './types';

dayjs.extend(utc);

/** The calendar day in Beijing at a moment (plus some days), whatever zone the machine is in. */
export const beijingDay = (at: Date | number = Date.now(), addDays = 0) =>
  dayjs(at).utcOffset(EVENT_OFFSET_MINUTES).add(addDays, 'day').format('YYYY-MM-DD');

/** Who is asking, for filters such as "mine" (the officer is the user's display name). */
export type Asker = { displayName?: unknown } & Record<string, unknown>;

const placeholder = (value: unknown, now: Date | number, me: Asker): unknown => {
  if (value === '$today') return beijingDay(now);
  if (value === '$yesterday') return beijingDay(now, -1);
  if (value === '$me') return me.displayName ?? '\u0000nobody';
  return value;
};

// not an empty list: that matches nothing (getMany of no ids)
const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * A list filter with its named filters ({"overdue": true}) replaced by what they mean, on
 * `now`'s Beijing day. A condition the filter also sets on its own narrows both: status
 * [signed, stalled] with overdue's open statuses is just those two.
 */
export function expandNamedFilters(
  resource: ResourceDef,
  filter: Record<string, unknown>,
  now: Date | number,
  me: Asker = {},
): Record<string, unknown> {
  const named = resource.namedFilters ?? {};
  const out: Record<string, unknown> = {};
  const conditions: [string, unknown][] = [];
  // an empty value means "no condition", as in a list's own filters: it must not undo a named one
  for (const [key, value] of Object.entries(filter)) {
    if (!Object.hasOwn(named, key)) {
      if (!isEmpty(value)) conditions.push([key, value]);
    } else if (value === true || value === 'true')
      for (const [k, v] of Object.entries(named[key].where))
        conditions.push([k, Array.isArray(v) ? v.map((x) => placeholder(x, now, me)) : placeholder(v, now, me)]);
  }
  for (const [key, value] of conditions) {
    if (!Object.hasOwn(out, key)) out[key] = value;
    else if (key.endsWith('_lte')) out[key] = String(out[key]) < String(value) ? out[key] : value;
    else if (key.endsWith('_gte')) out[key] = String(out[key]) > String(value) ? out[key] : value;
    else if (key.endsWith('_ne')) out[key] = [...list(out[key]), ...list(value)];
    else if (!key.endsWith('_like')) {
      const wanted = new Set(list(value).map(String));
      out[key] = list(out[key]).filter((v) => wanted.has(String(v)));
    }
  }
  return out;
}

/** Whether a record meets a named filter on `now`'s day (the grid marks overdue agreements):
 * the filter expanded once, then tested per row. Only the conditions named filters use: a
 * value among a list, on or before, on or after. */
export function namedFilterTest(resource: ResourceDef, name: string, now: Date | number, me: Asker = {}) {
  const where = Object.entries(expandNamedFilters(resource, { [name]: true }, now, me)).map(([key, value]) => ({
    field: key.replace(/_(gte|lte)$/, ''),
    op: key.endsWith('_lte') ? 'lte' : key.endsWith('_gte') ? 'gte' : 'in',
    value,
    values: list(value).map(String),
  }));
  return (row: Record<string, unknown>) =>
    where.every(({ field, op, value, values }) => {
      const actual = row[field];
      if (actual === null || actual === undefined) return false;
      if (op === 'lte') return String(actual) <= String(value);
      if (op === 'gte') return String(actual) >= String(value);
      return values.includes(String(actual));
    });
}
