import { getField, importKeysOf, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { MAX_CELL_LENGTH, MAX_IMPORT_ROWS, type BadCells, type ImportRequest } from '../../schema/imports';
import { isMoneyUnit } from '../../schema/money';
import { HttpError, message } from '../messages';

/** Where a field's text comes from: one column, two (a date and a time), or several joined. */
export interface FieldSource {
  field: FieldDef;
  /** the columns that write it, in order, each with its part */
  columns: { index: number; part?: 'date' | 'time' }[];
}

export interface ReadRequest {
  request: ImportRequest;
  sources: FieldSource[];
  /** the key that finds the record a row updates; ['id'] for a paste onto the grid's rows */
  key: string[] | null;
  fixed: Record<string, unknown>;
  badCells: BadCells;
}

/** More columns than any list has fields, many times over; one field from at most a few. */
const MAX_COLUMNS = 500;
const MAX_COLUMNS_PER_FIELD = 4;

function badBody(lang: Lang, detail: string): never {
  // what was wrong, never the whole of it back: a 20 MB name is not echoed
  throw new HttpError(
    400,
    message(lang, 'importBody', { detail: detail.length > 80 ? `${detail.slice(0, 80)}…` : detail }),
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the shape of what the app sent: which field each column fills, the key, the choices. */
export function readRequest(resource: ResourceDef, body: unknown, lang: Lang): ReadRequest {
  const request = body as ImportRequest;
  if (!isPlainObject(request) || !Array.isArray(request.columns) || !Array.isArray(request.rows))
    badBody(lang, 'columns, rows');
  if (request.rows.length > MAX_IMPORT_ROWS)
    throw new HttpError(413, message(lang, 'importTooMany', { max: MAX_IMPORT_ROWS }));
  if (request.columns.length > MAX_COLUMNS) badBody(lang, `at most ${MAX_COLUMNS} columns`);
  const rowCount = request.rows.length;
  /** a list with one scalar per row (line numbers, ids, versions), or absent */
  const perRow = (name: string, value: unknown, scalar: (item: unknown) => boolean, required = false) => {
    if (value === undefined && !required) return;
    if (!Array.isArray(value) || value.length !== rowCount || !value.every(scalar)) badBody(lang, name);
  };
  const wholeOrNull = (item: unknown) => item === null || (typeof item === 'number' && Number.isSafeInteger(item));
  const bySource = new Map<string, FieldSource>();
  request.columns.forEach((target, index) => {
    if (target === null) return;
    // named by its place: the entry itself may be anything a client sent
    const [source, part, ...more] = typeof target === 'string' ? target.split(':') : [];
    const field = source ? getField(resource, source) : undefined;
    if (!field || field.type === 'password' || field.type === 'json' || more.length)
      badBody(lang, `column ${index + 1}: ${typeof target === 'string' ? target : typeof target}`);
    if (part !== undefined && (!['date', 'time'].includes(part) || field.type !== 'datetime'))
      badBody(lang, `column ${index + 1}: ${target}`);
    const entry = bySource.get(field.source) ?? { field, columns: [] };
    if (entry.columns.length >= MAX_COLUMNS_PER_FIELD) badBody(lang, `column ${index + 1}: ${field.source} again`);
    entry.columns.push({ index, part: part as 'date' | 'time' | undefined });
    bySource.set(field.source, entry);
  });
  // each cell text or empty, named by its row and its column's field when it is not
  const isCell = (cell: unknown) => cell === null || (typeof cell === 'string' && cell.length <= MAX_CELL_LENGTH);
  request.rows.forEach((row, r) => {
    if (!Array.isArray(row)) badBody(lang, `row ${r + 1}: a list of cells`);
    const c = row.findIndex((cell) => !isCell(cell));
    const target = request.columns[c];
    if (c >= 0)
      badBody(
        lang,
        `row ${r + 1}, column ${c + 1}${typeof target === 'string' ? ` (${target})` : ''}: text of at most ${MAX_CELL_LENGTH} characters`,
      );
  });
  perRow('lines', request.lines, (line) => typeof line === 'number' && Number.isSafeInteger(line) && line > 0);
  const key = request.key ?? null;
  if (key !== null && (!Array.isArray(key) || !key.every((k) => typeof k === 'string'))) badBody(lang, 'key');
  const allowed = [...importKeysOf(resource), ['id']].map((k) => JSON.stringify(k));
  if (key !== null && !allowed.includes(JSON.stringify(key))) badBody(lang, `key ${JSON.stringify(key)}`);
  if (key?.[0] === 'id') {
    perRow(
      'ids',
      request.ids,
      (id) =>
        id === null ||
        (typeof id === 'number' && Number.isSafeInteger(id)) ||
        (typeof id === 'string' && id.length < 40),
      true,
    );
    perRow('versions', request.versions, wholeOrNull);
  } else if (request.ids !== undefined || request.versions !== undefined) badBody(lang, 'ids, versions');
  const fixed = request.fixed ?? {};
  if (!isPlainObject(fixed)) badBody(lang, 'fixed');
  for (const [source, value] of Object.entries(fixed)) {
    if (!getField(resource, source)) badBody(lang, `fixed ${source}`);
    if (value !== null && typeof value === 'object') badBody(lang, `fixed ${source}`);
  }
  // per field, text → what it means: only fields of this list, only plain values
  if (request.meaning !== undefined) {
    if (!isPlainObject(request.meaning)) badBody(lang, 'meaning');
    for (const [source, inner] of Object.entries(request.meaning))
      if (
        !getField(resource, source) ||
        !isPlainObject(inner) ||
        Object.values(inner).some((v) => v !== null && typeof v === 'object')
      )
        badBody(lang, `meaning ${source}`);
  }
  // per money field, the unit of its numbers
  if (request.units !== undefined) {
    if (!isPlainObject(request.units)) badBody(lang, 'units');
    for (const [source, unit] of Object.entries(request.units))
      if (getField(resource, source)?.type !== 'money' || !isMoneyUnit(unit)) badBody(lang, `units ${source}`);
  }
  // per linked list, name → an id, 'new' or null
  if (request.names !== undefined) {
    if (!isPlainObject(request.names)) badBody(lang, 'names');
    for (const [target, inner] of Object.entries(request.names))
      if (
        !isPlainObject(inner) ||
        !Object.values(inner).every(
          (v) => v === null || v === 'new' || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0),
        )
      )
        badBody(lang, `names ${target}`);
  }
  const badCells = request.badCells ?? 'refuseRow';
  if (badCells !== 'refuseRow' && badCells !== 'emptyCell') badBody(lang, 'badCells');
  return { request, sources: [...bySource.values()], key, fixed, badCells };
}

/** The text a row gives a field: one cell, or a date cell and a time cell joined. */
export function textFor(source: FieldSource, cells: string[]): string {
  const text = (index: number) => (cells[index] ?? '').trim();
  const dated = source.columns.find((c) => c.part === 'date');
  const timed = source.columns.find((c) => c.part === 'time');
  if (dated || timed) {
    const [day, time] = [dated ? text(dated.index) : '', timed ? text(timed.index) : ''];
    // a time column may hold a whole date and time (an Excel date cell showing only its time)
    if (/^\d{4}[-/.年]/.test(time)) return time;
    return day && time ? `${day} ${time}` : day || time;
  }
  return source.columns
    .map((c) => text(c.index))
    .filter(Boolean)
    .join(' ');
}
