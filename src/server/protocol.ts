import { EVENT_UTC_OFFSET, expandNamedFilters, getField, systemFields, type Asker, type ResourceDef } from '../schema';

/**
 * The edge between ra-data-simple-rest (sort=[f,o]&range=[a,b]&filter={...}) and json-server
 * (_sort/_order/_start/_end/q/field_gte/...). Only what this function builds reaches
 * json-server, so raw json-server parameters (_embed, _expand) never do.
 */
export class QueryError extends Error {}

export interface ListQuery {
  /** the json-server query */
  query: Record<string, string | string[]>;
  start: number;
}

const OPERATOR = /(_gte|_lte|_ne|_like)$/;

const parseJson = (name: string, text: unknown): unknown => {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new QueryError(`"${name}" must be given once, as JSON`);
  try {
    return JSON.parse(text);
  } catch {
    throw new QueryError(`"${name}" is not valid JSON: ${text}`);
  }
};

/** json-server's _like is a regular expression; users type plain text. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isKnownField = (resource: ResourceDef, source: string) =>
  (systemFields as readonly string[]).includes(source) || getField(resource, source) !== undefined;

const scalar = (key: string, value: unknown): string => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new QueryError(`filter "${key}" must be text, a number, true/false or a list of them`);
};

/** `now` decides what named filters mean (overdue: a next follow-up day before today in Beijing). */
export function translateListQuery(
  resource: ResourceDef,
  raw: Record<string, unknown>,
  now: number = Date.now(),
  me: Asker = {},
): ListQuery {
  const query: Record<string, string | string[]> = {};
  let start = 0;

  const sort = parseJson('sort', raw.sort);
  if (sort !== undefined) {
    if (
      !Array.isArray(sort) ||
      typeof sort[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())
    ) {
      throw new QueryError('"sort" must look like ["field","ASC"]');
    }
    if (!isKnownField(resource, sort[0])) throw new QueryError(`cannot sort by unknown field "${sort[0]}"`);
    query._sort = sort[0];
    query._order = String(sort[1]).toLowerCase();
  }

  const range = parseJson('range', raw.range);
  if (range !== undefined) {
    if (!Array.isArray(range) || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0] - 1) {
      throw new QueryError('"range" must look like [0,24]');
    }
    start = range[0];
    query._start = String(range[0]);
    query._end = String(range[1] + 1);
  }

  const given = parseJson('filter', raw.filter) ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new QueryError('"filter" must be a JSON object');
  }
  const filter = expandNamedFilters(resource, given as Record<string, unknown>, now, me);
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      query.q = scalar(key, value);
      continue;
    }
    const source = key.replace(OPERATOR, '');
    if (!isKnownField(resource, source)) throw new QueryError(`cannot filter by unknown field "${source}"`);
    if (/_(gte|lte)$/.test(key) && getField(resource, source)?.type === 'boolean')
      throw new QueryError(`"${source}" is yes or no: filter it by value, not by range`);
    let values = Array.isArray(value) ? value.map((v) => scalar(key, v)) : [scalar(key, value)];
    if (getField(resource, source)?.type === 'datetime') values = values.map((v) => dayBound(key, v));
    query[key] = key.endsWith('_like') ? values.map(escapeRegExp) : values;
    // An empty list matches nothing (getMany of no ids): json-server would ignore it instead.
    if (values.length === 0) query[key] = ['\u0000no match'];
  }
  return { query, start };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date typed against a date-time field means a whole Beijing day: from its first to its
 * last millisecond (stored times are UTC, so a plain string comparison would cut the day). */
function dayBound(key: string, value: string): string {
  if (!DAY.test(value)) return value;
  const time = key.endsWith('_gte') ? '00:00:00.000' : key.endsWith('_lte') ? '23:59:59.999' : null;
  if (!time) return value;
  // 9999-99-99 or 2026-02-30 looks like a day and is none: the query's mistake, not the server's
  const [year, month, day] = value.split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw new QueryError(`"${value}" is not a date`);
  return new Date(`${value}T${time}${EVENT_UTC_OFFSET}`).toISOString();
}

export const contentRange = (resource: string, start: number, count: number, total: number) =>
  `${resource} ${start}-${Math.max(start, start + count - 1)}/${total}`;
