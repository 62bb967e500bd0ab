import pg from 'pg';
import type { Row } from '../store';
import { CUSTOM_LIST_IDS_TABLE, ident, VERSION, type Column, type Table } from './tables';

/**
 * A stored row in the API's shape (camelCase keys, dates as 2026-05-24, times as ISO UTC,
 * custom fields flat beside the built-in ones) to a table's columns and back. Pure: the values
 * go to node-postgres as parameters, and come back as `pgTypes` leaves them (bigint, numeric,
 * date and timestamptz as PostgreSQL's text).
 *
 * Nothing is lost either way: a key that is no column goes to `custom`, and so does a value
 * its column cannot hold (text in a number field, a time written otherwise than as ISO UTC, from
 * a hand-edited data file): the column stays empty and the value is read back as it was.
 * Empty (null or absent) is NULL: a built-in field reads back as null, as every record the API
 * writes holds it; createdAt and updatedAt, absent from old records, stay absent.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isCalendarDate = (text: string) => {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

/** A time exactly as the API stores it (Date#toISOString): the only form that reads back the same. */
export const isIsoTime = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return false;
  const time = new Date(text);
  return !Number.isNaN(time.getTime()) && time.toISOString() === text;
};

/** Whether a column holds this value exactly as the row has it. */
export function fits(column: Column, value: unknown): boolean {
  switch (column.kind) {
    case 'text':
      return typeof value === 'string';
    case 'id':
    case 'reference':
      return Number.isSafeInteger(value);
    case 'integer':
      return Number.isSafeInteger(value) && (column.type !== 'integer' || Math.abs(value as number) < 2 ** 31);
    case 'float':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'datetime':
      return typeof value === 'string' && isIsoTime(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/** The value a column is given: JSON for jsonb (node-postgres would send an array as a SQL array). */
const parameter = (column: Column, value: unknown) => (column.kind === 'json' ? JSON.stringify(value) : value);

/**
 * The columns of a row, by column name, as parameters. For the custom lists' table, its list's
 * name fills `resource`.
 */
export function toColumns(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!table.byKey.has(key) && value !== undefined) custom[key] = value;
  for (const column of table.columns) {
    if (column.kind === 'custom' || column.kind === 'list') continue;
    const value = row[column.key];
    if (value === null || value === undefined) out[column.name] = column === VERSION ? 1 : null;
    else if (fits(column, value)) out[column.name] = parameter(column, value);
    else {
      out[column.name] = column === VERSION ? 1 : null;
      custom[column.key] = value;
    }
  }
  if (table.list !== undefined) out.resource = table.list;
  out.custom = JSON.stringify(custom);
  return out;
}

/** 2026-05-24 07:00:00+00, 2026-05-24 15:00:00.5+08 (timestamptz as text) → 2026-05-24T07:00:00.500Z */
export function isoFromTimestamp(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(text);
  if (!m) return new Date(text).toISOString();
  const [, day, time, fraction = '', hours, minutes = '00', seconds] = m;
  const offset = `${hours}:${minutes}`;
  const millis = (fraction + '000').slice(1, 4);
  const at = new Date(`${day}T${time}.${millis}${offset}`);
  // an offset with seconds (historic zones) moves the time by them
  if (seconds) at.setUTCSeconds(at.getUTCSeconds() - Math.sign(Number(hours + '1')) * Number(seconds));
  return at.toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A column's value as the API holds it. */
export function fromColumn(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'id':
    case 'reference':
    case 'integer':
    case 'float':
    case 'money':
      return Number(value);
    case 'date':
      if (value instanceof Date)
        return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
      return String(value);
    case 'datetime':
      return value instanceof Date ? value.toISOString() : isoFromTimestamp(String(value));
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    default:
      return value;
  }
}

/** A row of the table (as node-postgres gives it, by column name) in the API's shape. */
export function fromColumns(table: Table, record: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const column of table.columns) {
    if (column.kind === 'custom' || column.kind === 'list') continue;
    const value = fromColumn(column, record[column.name]);
    // times of records older than them stay absent
    if (value === null && (column.key === 'createdAt' || column.key === 'updatedAt')) continue;
    row[column.key] = value;
  }
  const custom = typeof record.custom === 'string' ? JSON.parse(record.custom) : record.custom;
  if (custom && typeof custom === 'object') Object.assign(row, custom);
  return row as Row;
}

/**
 * How node-postgres reads the types whose JavaScript form it would otherwise choose: bigint and
 * numeric as text (not rounded, not a string where a number belongs: fromColumns reads them),
 * date as text (not a Date at the server's local midnight), timestamptz as text.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if ([20, 1700, 1082, 1114, 1184].includes(oid)) return (text: string) => text;
    return defaultParser(oid, format);
  },
};

const defaultParser = (oid: number, format?: string) =>
  (pg.types.getTypeParser as (oid: number, format?: string) => (text: string) => unknown)(oid, format as never);

/** The columns a statement reads, aliased (`r."summit_id"`). */
export const selectList = (table: Table, alias: string) =>
  table.columns.map((c) => `${alias}.${ident(c.name)}`).join(', ');

/** One INSERT of several rows, their values as parameters (at most 65,535 in all: chunk larger
 * sets). A row without an id takes the next of its table's (a custom list's rows bring theirs:
 * takeIdStatement). */
export function insertStatement(table: Table, rows: Record<string, unknown>[]): { text: string; values: unknown[] } {
  const columns = table.columns;
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const record = toColumns(table, row);
    return `(${columns
      .map((c) => {
        // a new record of a built-in list without an id takes the next one
        if (c.kind === 'id' && record[c.name] === null && table.list === undefined) return 'DEFAULT';
        values.push(record[c.name] ?? (c === VERSION ? 1 : null));
        return `$${values.length}${c.kind === 'custom' || c.kind === 'json' ? '::jsonb' : ''}`;
      })
      .join(', ')})`;
  });
  return {
    text: `INSERT INTO ${ident(table.name)} (${columns.map((c) => ident(c.name)).join(', ')}) VALUES ${tuples.join(', ')}`,
    values,
  };
}

/** After rows were inserted with their own ids (a move across, a test): the next id taken is
 * past them, as the embedded store's counter is. */
export function nextIdStatement(table: Table): { text: string; values: unknown[] } {
  if (table.list !== undefined)
    return {
      text: `INSERT INTO ${ident(CUSTOM_LIST_IDS_TABLE)} (resource, next_id)
             SELECT $1, coalesce(max(id), 0) + 1 FROM ${ident(table.name)} WHERE resource = $1
             ON CONFLICT (resource) DO UPDATE SET next_id = greatest(${ident(CUSTOM_LIST_IDS_TABLE)}.next_id, excluded.next_id)`,
      values: [table.list],
    };
  return {
    text: `SELECT setval(pg_get_serial_sequence($1, 'id'), greatest(coalesce((SELECT max(id) FROM ${ident(table.name)}), 0) + 1, nextval(pg_get_serial_sequence($1, 'id'))), false)`,
    values: [table.name],
  };
}

/** The id a new record of a list takes (RecordStore.takeId): from the table's identity, or the
 * custom list's own counter; never handed out twice, even when its record is never written. */
export function takeIdStatement(table: Table): { text: string; values: unknown[] } {
  if (table.list !== undefined)
    return {
      text: `INSERT INTO ${ident(CUSTOM_LIST_IDS_TABLE)} AS ids (resource, next_id) VALUES ($1, 2)
             ON CONFLICT (resource) DO UPDATE SET next_id = ids.next_id + 1 RETURNING (next_id - 1)::text AS id`,
      values: [table.list],
    };
  return { text: `SELECT nextval(pg_get_serial_sequence($1, 'id'))::text AS id`, values: [table.name] };
}

/** Many rows as one INSERT of one array per column (`unnest`): a handful of parameters however
 * many rows, so an import's 50,000 rows go in a few statements that PostgreSQL parses at once.
 * A row of a built-in list without an id takes the next of its table's. */
export function insertManyStatement(
  table: Table,
  rows: Record<string, unknown>[],
  /** a condition the rows are inserted on */
  when?: string,
): { text: string; values: unknown[] } {
  const columns = table.columns;
  const records = rows.map((row) => toColumns(table, row));
  const values = columns.map((c) => records.map((record) => record[c.name] ?? (c === VERSION ? 1 : null)));
  const arrays = columns.map((c, i) => `$${i + 1}::${c.kind === 'custom' || c.kind === 'json' ? 'jsonb' : c.type}[]`);
  const select = columns.map((c, i) =>
    c.kind === 'id' && table.list === undefined
      ? `coalesce(u.c${i}, nextval(pg_get_serial_sequence(${`'${table.name}'`}, 'id')))`
      : `u.c${i}`,
  );
  return {
    text: `INSERT INTO ${ident(table.name)} (${columns.map((c) => ident(c.name)).join(', ')})
           SELECT ${select.join(', ')} FROM unnest(${arrays.join(', ')}) WITH ORDINALITY AS u(${columns.map((_, i) => `c${i}`).join(', ')}, n)${when ? ` WHERE ${when}` : ''} ORDER BY u.n`,
    values,
  };
}
