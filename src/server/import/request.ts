import { getField, importKeysOf, type FieldDef, type Lang, type ResourceDef } from '../../schema';
import { MAX_IMPORT_ROWS, type BadCells, type ImportRequest } from '../../schema/imports';
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

function badBody(lang: Lang, detail: string): never {
  throw new HttpError(400, message(lang, 'importBody', { detail }));
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
  const bySource = new Map<string, FieldSource>();
  request.columns.forEach((target, index) => {
    if (target === null) return;
    const [source, part] = typeof target === 'string' ? target.split(':') : [];
    const field = source ? getField(resource, source) : undefined;
    if (!field || field.type === 'password' || field.type === 'json') badBody(lang, `column ${String(target)}`);
    if (part !== undefined && (!['date', 'time'].includes(part) || field.type !== 'datetime'))
      badBody(lang, `column ${String(target)}`);
    const entry = bySource.get(field.source) ?? { field, columns: [] };
    entry.columns.push({ index, part: part as 'date' | 'time' | undefined });
    bySource.set(field.source, entry);
  });
  for (const row of request.rows)
    if (!Array.isArray(row) || row.some((cell) => cell !== null && typeof cell !== 'string'))
      badBody(lang, 'rows must be lists of text');
  const key = request.key ?? null;
  const allowed = [...importKeysOf(resource), ['id']].map((k) => JSON.stringify(k));
  if (key !== null && !allowed.includes(JSON.stringify(key))) badBody(lang, `key ${JSON.stringify(key)}`);
  if (key?.[0] === 'id' && (!Array.isArray(request.ids) || request.ids.length !== request.rows.length))
    badBody(lang, 'ids');
  const fixed = request.fixed ?? {};
  if (!isPlainObject(fixed)) badBody(lang, 'fixed');
  for (const [source, value] of Object.entries(fixed)) {
    if (!getField(resource, source)) badBody(lang, `fixed ${source}`);
    if (value !== null && typeof value === 'object') badBody(lang, `fixed ${source}`);
  }
  for (const choice of [request.meaning, request.names]) {
    if (choice === undefined) continue;
    if (!isPlainObject(choice) || Object.values(choice).some((inner) => !isPlainObject(inner)))
      badBody(lang, 'meaning, names');
    for (const inner of Object.values(choice))
      for (const value of Object.values(inner as object))
        if (value !== null && typeof value === 'object') badBody(lang, 'meaning, names');
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
