import { allows, enums, getField, resourceByName, type FieldDef, type ResourceDef, type Role } from '../../../schema';
import { sortsByPinyin } from '../../../schema/text/collate';
import { namedByPersonalData } from '../../titles';
import type { ListQuery } from '../recordStore';
import { sortKey } from './ddl';
import { asText, bytewise, charsOf, pinyin, ref, searchedText, titleOf, wordsOf } from './expressions';
import { isCalendarDate, isIsoTime, selectList } from './rows';
import { fromOf, tableOf, type Column, type Table } from './tables';

/**
 * A list query in json-server's form (what protocol.ts makes of ra-data-simple-rest's: `_sort`,
 * `_order`, `_start`, `_end`, `field=value` repeated for alternatives, `_gte`, `_lte`, `_ne`,
 * `_like`, named filters already expanded, and `q`) as parameterised SQL with the embedded
 * store's answers (src/server/query.ts, listPath.ts, sortRows.ts, search.ts):
 *
 * - a condition compares as JavaScript compares the stored value's String(): a value that is
 *   not the canonical text of any value the column can hold ("007" for a number, 2026-02-30)
 *   matches nothing, and the rest are compared typed, so that the indexes serve them; a row
 *   without a value meets no condition on it, `_ne` included;
 * - `_gte`/`_lte` compare numbers as numbers and everything else as text, code point by code
 *   point (`COLLATE "C"`); `_like` is a case-insensitive regular expression (`~*`);
 * - words sort by pinyin (the ICU collation the migrations create), blanks last either way; a
 *   link by the name of the record it links to, when every role may read those names; other
 *   values as lodash's orderBy does (empty last ascending, first descending); ties by id;
 * - `q`: every word, lower-cased, in some text of the row (its own text fields, the labels of
 *   its choices in both languages, the names of the records it links to), phones and e-mails
 *   only when `personal`.
 *
 * Values only ever travel as parameters; the names in the SQL are the schema's own (tables.ts).
 */

export interface Statement {
  text: string;
  values: unknown[];
}

class Params {
  values: unknown[] = [];
  add = (value: unknown, cast = '') => {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  };
}

/** How a key of the query reaches its value: a typed column, or a key of the `custom` JSONB. */
type Accessor =
  | { column: Column; sql: string; field?: FieldDef }
  | { column?: undefined; doc: string; json: string; text: string; key: string; field?: FieldDef };

function accessor(table: Table, resource: ResourceDef, key: string, p: Params, alias = 'r'): Accessor {
  const column = table.byKey.get(key);
  const field = getField(resource, key);
  if (column) return { column, sql: ref(column, alias), field };
  // the key is a parameter, added once it is used (a parameter no statement uses has no type)
  let k: string | null = null;
  const param = () => (k ??= p.add(key, '::text'));
  return {
    doc: `${alias}.custom`,
    get json() {
      return `${alias}.custom -> ${param()}`;
    },
    get text() {
      return `(${alias}.custom ->> ${param()})`;
    },
    key,
    field,
  };
}

const FALSE = 'FALSE';
const canonicalNumber = (text: string) => {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : null;
};

/** The values among `values` a column can hold, typed, with the array cast they go as. */
function typedValues(column: Column, values: string[]): { typed: unknown[]; cast: string } {
  switch (column.kind) {
    case 'id':
    case 'reference':
    case 'integer':
      return {
        typed: values.map(canonicalNumber).filter((n) => n !== null && Number.isSafeInteger(n)),
        cast: '::bigint[]',
      };
    case 'float':
      return { typed: values.map(canonicalNumber).filter((n) => n !== null), cast: '::float8[]' };
    case 'money':
      return { typed: values.filter((v) => canonicalNumber(v) !== null), cast: '::numeric[]' };
    case 'date':
      return { typed: values.filter(isCalendarDate), cast: '::date[]' };
    case 'datetime':
      return { typed: values.filter(isIsoTime), cast: '::timestamptz[]' };
    case 'boolean':
      return {
        typed: values.filter((v) => v === 'true' || v === 'false').map((v) => v === 'true'),
        cast: '::boolean[]',
      };
    default:
      return { typed: values, cast: '::text[]' };
  }
}

/** The JSON values whose String() is `text`: what `custom @> {key: …}` may look for. */
const jsonCandidates = (text: string): unknown[] => {
  const out: unknown[] = [text];
  if (canonicalNumber(text) !== null) out.push(Number(text));
  if (text === 'true' || text === 'false') out.push(text === 'true');
  return out;
};

function equals(a: Accessor, values: string[], p: Params): string {
  if (a.column) {
    if (a.column.kind === 'json')
      return values.includes('[object Object]') ? `jsonb_typeof(${a.sql}) = 'object'` : FALSE;
    const { typed, cast } = typedValues(a.column, values);
    return typed.length === 0 ? FALSE : `${a.sql} = ANY(${p.add(typed, cast)})`;
  }
  // the exact test, and one the GIN index on custom can answer first
  const contains = [...new Set(values)]
    .flatMap(jsonCandidates)
    .map((value) => `${a.doc} @> ${p.add(JSON.stringify({ [a.key]: value }), '::jsonb')}`);
  return `(${contains.join(' OR ')}) AND ${a.text} = ANY(${p.add(values, '::text[]')})`;
}

function differs(a: Accessor, values: string[], p: Params): string {
  if (a.column) {
    if (a.column.kind === 'json')
      return values.includes('[object Object]')
        ? `${a.sql} IS NOT NULL AND jsonb_typeof(${a.sql}) <> 'object'`
        : `${a.sql} IS NOT NULL`;
    const { typed, cast } = typedValues(a.column, values);
    return typed.length === 0
      ? `${a.sql} IS NOT NULL`
      : `${a.sql} IS NOT NULL AND NOT (${a.sql} = ANY(${p.add(typed, cast)}))`;
  }
  return `${a.text} IS NOT NULL AND NOT (${a.text} = ANY(${p.add(values, '::text[]')}))`;
}

const textOf = (a: Accessor, alias = 'r') => (a.column ? asText(a.column, alias) : a.text);

function matchesPattern(a: Accessor, value: string, p: Params): string {
  return `${textOf(a)} ~* ${p.add(value)}`;
}

const NUMBER_KINDS = new Set(['id', 'reference', 'integer', 'float', 'money']);

function compares(a: Accessor, op: 'gte' | 'lte', value: string, p: Params): string {
  const sign = op === 'gte' ? '>=' : '<=';
  const n = Number(value);
  const asTextCompare = () => `${bytewise(textOf(a))} ${sign} ${p.add(value)}`;
  if (!a.column) {
    const numeric = Number.isNaN(n) ? FALSE : `(${a.json})::numeric ${sign} ${p.add(String(n), '::numeric')}`;
    return `CASE WHEN jsonb_typeof(${a.json}) = 'number' THEN ${numeric} ELSE ${asTextCompare()} END`;
  }
  const { column, sql } = a;
  if (NUMBER_KINDS.has(column.kind)) {
    if (Number.isNaN(n)) return FALSE;
    if (!Number.isFinite(n)) return (op === 'gte') === n > 0 ? FALSE : `${sql} IS NOT NULL`;
    if (column.kind === 'float') return `${sql} ${sign} ${p.add(n, '::float8')}`;
    if (column.kind === 'money') return `${sql} ${sign} ${p.add(String(n), '::numeric')}`;
    // whole numbers: at least 2.5 is at least 3
    const bound = op === 'gte' ? Math.ceil(n) : Math.floor(n);
    return Number.isSafeInteger(bound)
      ? `${sql} ${sign} ${p.add(bound, '::bigint')}`
      : `${sql} ${sign} ${p.add(String(n), '::numeric')}`;
  }
  if (column.kind === 'date' && isCalendarDate(value)) return `${sql} ${sign} ${p.add(value, '::date')}`;
  if (column.kind === 'datetime' && isIsoTime(value)) return `${sql} ${sign} ${p.add(value, '::timestamptz')}`;
  if (column.kind === 'text') return `${bytewise(sql)} ${sign} ${p.add(value)}`;
  return asTextCompare();
}

const OPERATOR = /_(gte|lte|ne|like)$/;

/** The conditions of a query's filters (not `q`, not `_` keys), each key's values as queryMatcher reads them. */
function filterConditions(table: Table, resource: ResourceDef, query: ListQuery, p: Params): string[] {
  const conditions: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (key.startsWith('_') || key === 'q') continue;
    const values = ([] as string[]).concat(raw).map(String);
    const op = OPERATOR.exec(key)?.[1] as 'gte' | 'lte' | 'ne' | 'like' | undefined;
    const a = accessor(table, resource, op ? key.slice(0, -op.length - 1) : key, p);
    if (op === undefined) conditions.push(equals(a, values, p));
    else if (op === 'ne') conditions.push(differs(a, values, p));
    else {
      const each = values.map((value) => (op === 'like' ? matchesPattern(a, value, p) : compares(a, op, value, p)));
      conditions.push(each.length === 0 ? FALSE : each.length === 1 ? each[0] : `(${each.join(' OR ')})`);
    }
  }
  return conditions;
}

/** LIKE's wildcards and its escape taken literally. */
const likeText = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Whether every role may read a list: only then do its names serve search and sort (no role
 * learns of names it may not read). */
const everyoneReads = (target: ResourceDef) => enums.userRole.every((role) => allows(role.id as Role, target, 'read'));

/** The ids of a list's records whose name holds the pattern, as a subquery. */
function namedLike(target: ResourceDef, pattern: string, p: Params, asText = false): string {
  const table = tableOf(target);
  const { from, scope } = fromOf(table, 't', p.add);
  const where = [scope, `lower(${titleOf(table, target.titleField, 't')}) LIKE ${pattern}`].filter(Boolean);
  return `SELECT ${asText ? 't.id::text' : 't.id'} FROM ${from} WHERE ${where.join(' AND ')}`;
}

/**
 * The search box as a condition: every word in some text of the row. `personal`: phones and
 * e-mails too (and the names of records named by them). Each word is the ids found each way,
 * one way per index (the row's own words by trigrams, a choice by its btree, a link through the
 * names of the linked list), together; what no index holds (an admin's fields) is one more way.
 */
export function searchCondition(
  table: Table,
  resource: ResourceDef,
  q: string,
  personal: boolean,
  p: Params,
): string | null {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const own = wordsOf(table, false, 's');
  const ownPersonal = personal ? wordsOf(table, true, 's') : null;
  const branch = (condition: string) => {
    const { from, scope } = fromOf(table, 's', p.add);
    return `SELECT s.id FROM ${from} WHERE ${[scope, condition].filter(Boolean).join(' AND ')}`;
  };
  return words
    .map((word) => {
      const pattern = p.add(likeText(word));
      const indexed: string[] = [];
      const unindexed: string[] = [];
      // a word of one or two characters has no trigram: its characters find the rows
      const short = [...word].length < 3;
      const like = (words: string) =>
        short
          ? `${charsOf(words)} @> ${p.add([...new Set(word)], '::text[]')} AND ${words} LIKE ${pattern}`
          : `${words} LIKE ${pattern}`;
      if (own) indexed.push(like(own));
      if (ownPersonal) indexed.push(like(ownPersonal));
      for (const field of resource.fields) {
        if (table.byKey.has(field.source) && searchedText(field)) continue; // in the row's own words
        const a = accessor(table, resource, field.source, p, 's');
        const ways = a.column ? indexed : unindexed;
        if (searchedText(field)) {
          if (!field.personal || personal)
            ways.push(`lower(coalesce(${a.column ? a.sql : a.text}, '')) LIKE ${pattern}`);
        } else if (field.type === 'enum') {
          const ids = (enums[field.enum ?? ''] ?? [])
            .filter((o) => o.label.zh.toLowerCase().includes(word) || o.label.en.toLowerCase().includes(word))
            .map((o) => o.id);
          if (ids.length > 0) ways.push(`${a.column ? a.sql : a.text} = ANY(${p.add(ids, '::text[]')})`);
        } else if (field.type === 'reference') {
          const target = resourceByName[field.reference ?? ''];
          if (!target || !everyoneReads(target) || (namedByPersonalData(target) && !personal)) continue;
          ways.push(
            a.column
              ? `${a.sql} IN (${namedLike(target, pattern, p)})`
              : `${a.text} IN (${namedLike(target, pattern, p, true)})`,
          );
        }
      }
      if (unindexed.length > 0) indexed.push(`(${unindexed.join(' OR ')})`);
      return indexed.length === 0 ? FALSE : `r.id IN (${indexed.map(branch).join(' UNION ALL ')})`;
    })
    .join(' AND ');
}

/** The list a link sorts by the names of (listPath.ts's linkedOf): named in words, read by every
 * role, not by personal data. */
function linkedList(field: FieldDef | undefined): ResourceDef | undefined {
  const target = field?.type === 'reference' ? resourceByName[field.reference ?? ''] : undefined;
  const title = target && getField(target, target.titleField);
  return target && !target.readers && sortsByPinyin(title) && !title!.personal ? target : undefined;
}

function orderBy(table: Table, resource: ResourceDef, key: string, order: 'asc' | 'desc', p: Params): string[] {
  const a = accessor(table, resource, key, p);
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const target = linkedList(a.field);
  if (target) {
    const linked = tableOf(target);
    const { from, scope } = fromOf(linked, 't', p.add);
    const title = linked.byKey.get(target.titleField);
    const name = title ? ref(title, 't') : `(t.custom ->> ${p.add(target.titleField, '::text')})`;
    const id = a.column ? a.sql : `CASE WHEN jsonb_typeof(${a.json}) = 'number' THEN (${a.json})::numeric END`;
    const where = [scope, `t.id = ${id}`].filter(Boolean).join(' AND ');
    return [`${pinyin(`(SELECT ${name} FROM ${from} WHERE ${where})`)} ${direction} NULLS LAST`];
  }
  // a choice in the order the schema declares its choices (then codes no longer declared, by
  // code), blanks last either way, as the embedded store's byDeclaredOrder
  if (a.field?.type === 'enum') {
    const value = a.column ? a.sql : a.text;
    const declared = (enums[a.field.enum ?? ''] ?? []).map((option) => option.id);
    const place = `COALESCE(array_position(${p.add(declared, '::text[]')}, ${value}), ${declared.length})`;
    return [`(${value} IS NULL OR ${value} = '') ASC`, `${place} ${direction}`, `${bytewise(value)} ${direction}`];
  }
  if (a.column) return [sortKey(a.column, order, 'r')];
  if (sortsByPinyin(a.field)) return [`${pinyin(a.text)} ${direction} NULLS LAST`];
  // as lodash orders JSON values: by the field's type, empty last ascending (null before absent)
  const type = a.field?.type;
  const value =
    type === 'number' || type === 'money' || type === 'reference'
      ? `CASE WHEN jsonb_typeof(${a.json}) = 'number' THEN (${a.json})::numeric END`
      : type === 'boolean'
        ? `CASE WHEN jsonb_typeof(${a.json}) = 'boolean' THEN (${a.json})::boolean END`
        : bytewise(a.text);
  const present = `(${a.doc} ? ${p.add(a.key, '::text')})`;
  return order === 'asc'
    ? [`${value} ASC NULLS LAST`, `${present} DESC`]
    : [`${value} DESC NULLS FIRST`, `${present} ASC`];
}

const number = (text: unknown, otherwise: number) => {
  const n = Math.trunc(Number(text));
  return Number.isNaN(n) ? otherwise : n;
};

export interface ListStatements {
  /** the page's rows, in the list's order (read them with rows.ts's fromColumns) */
  page: Statement;
  /** `total`: how many rows the filters match */
  count: Statement;
  /** `ids`: the ids of every row the filters match, in the list's order, as one text of ids
   * and commas (a million rows: 8 MB, one value, rather than a million rows to parse), and
   * `total` (RecordStore.scan: an export reads its rows by them, a page at a time) */
  ids: Statement;
}

/** The rows a list query matches: its table, parameters, FROM and WHERE (the filters, and `q`
 * when the query holds it, phones and e-mails searched only when `personal`). */
function matching(resource: ResourceDef, query: ListQuery, options: { personal?: boolean }) {
  const table = tableOf(resource);
  const p = new Params();
  const { from, scope } = fromOf(table, 'r', p.add);
  const search =
    query.q === undefined ? null : searchCondition(table, resource, String(query.q), !!options.personal, p);
  const conditions = [scope, ...filterConditions(table, resource, query, p), search].filter(Boolean);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { table, p, from, where };
}

/**
 * A page and its total. `q`, when the query holds it, is searched here (the embedded store
 * turns it into ids first; the answer is the same), phones and e-mails only when `personal`.
 */
export function listStatements(
  resource: ResourceDef,
  query: ListQuery,
  options: { personal?: boolean } = {},
): ListStatements {
  const { table, p, from, where } = matching(resource, query, options);
  const count = { text: `SELECT count(*)::int AS total FROM ${from}${where}`, values: p.values.slice() };

  const sort = typeof query._sort === 'string' && query._sort !== '' ? query._sort : null;
  const order = sort
    ? [...orderBy(table, resource, sort, query._order === 'desc' ? 'desc' : 'asc', p), 'r.id ASC']
    : ['r.id ASC'];
  const ids = {
    text: `SELECT count(*)::int AS total, coalesce(string_agg(r.id::text, ',' ORDER BY ${order.join(', ')}), '') AS ids FROM ${from}${where}`,
    values: p.values.slice(),
  };
  const start = Math.max(0, number(query._start ?? 0, 0));
  const end = query._end === undefined ? Infinity : Math.max(0, number(query._end, 0));
  const limit = end === Infinity ? '' : ` LIMIT ${p.add(Math.max(0, end - start), '::bigint')}`;
  const offset = start > 0 ? ` OFFSET ${p.add(start, '::bigint')}` : '';
  return {
    count,
    ids,
    page: {
      text: `SELECT ${selectList(table, 'r')} FROM ${from}${where} ORDER BY ${order.join(', ')}${limit}${offset}`,
      values: p.values,
    },
  };
}

/** The ids of the rows whose text holds every word of `q` (RecordStore.search), in id order. */
export function searchStatement(resource: ResourceDef, q: string, personal: boolean): Statement {
  const table = tableOf(resource);
  const p = new Params();
  const { from, scope } = fromOf(table, 'r', p.add);
  const conditions = [scope, searchCondition(table, resource, q, personal, p)].filter(Boolean);
  return {
    text: `SELECT r.id::text AS id FROM ${from}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY r.id`,
    values: p.values,
  };
}

/** What an aggregate computes (src/server/aggregates.ts), its fields already checked. */
export interface AggregateShape {
  groupBy?: { key: string; part?: 'month' | 'year' };
  sum?: string;
  max?: string;
}

/**
 * Counts, a sum, groups and a latest value per group over the rows a list query matches
 * (filters, named filters expanded, `q`), in one statement: `count`, `sum` (text, exact), and
 * per group `key`, `max`. A date's month or year is of its Beijing day, as the embedded store's
 * eventWallClock reads it. The groups come in no order: the store sorts them as the embedded
 * store does (words by pinyin), since there are few.
 */
export function aggregateStatement(
  resource: ResourceDef,
  query: ListQuery,
  shape: AggregateShape,
  options: { personal?: boolean } = {},
): Statement {
  const { table, p, from, where } = matching(resource, query, options);
  const select = ['count(*)::int AS count'];
  if (shape.sum) {
    const a = accessor(table, resource, shape.sum, p);
    const value = a.column ? a.sql : `CASE WHEN jsonb_typeof(${a.json}) = 'number' THEN (${a.json})::numeric END`;
    select.push(`coalesce(sum(${value}), 0)::text AS sum`);
  }
  if (!shape.groupBy) return { text: `SELECT ${select.join(', ')} FROM ${from}${where}`, values: p.values };
  const g = accessor(table, resource, shape.groupBy.key, p);
  let key: string;
  if (shape.groupBy.part) {
    const format = shape.groupBy.part === 'month' ? 'YYYY-MM' : 'YYYY';
    const length = format.length;
    const datetime = g.field?.type === 'datetime';
    if (g.column)
      key = datetime
        ? `to_char((${g.sql} AT TIME ZONE 'UTC') + interval '8 hours', '${format}')`
        : g.column.kind === 'date'
          ? `to_char(${g.sql}, '${format}')`
          : `left(${asText(g.column, 'r')}, ${length})`;
    else
      key = datetime
        ? `to_char(((${g.text})::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', '${format}')`
        : `left(${g.text}, ${length})`;
  } else key = g.column ? (g.column.kind === 'json' ? `${g.sql}::text` : g.sql) : `${g.json}`;
  select.push(`${key} AS key`);
  const position = select.length;
  if (shape.max) {
    const m = accessor(table, resource, shape.max, p);
    const value = !m.column
      ? `max(${bytewise(m.text)})`
      : m.column.kind === 'text'
        ? `max(${bytewise(m.sql)})`
        : m.column.kind === 'boolean'
          ? `bool_or(${m.sql})`
          : m.column.kind === 'json'
            ? 'NULL'
            : `max(${m.sql})`;
    select.push(`${value} AS max`);
  }
  return {
    text: `SELECT ${select.join(', ')} FROM ${from}${where} GROUP BY ${position}`,
    values: p.values,
  };
}
