import {
  stampsFor,
  getField,
  importKeysOf,
  resourceByName,
  sameValue,
  type FieldDef,
  type Lang,
  type ResourceDef,
} from '../schema';
import { valueFromText, type ReferenceNames } from '../schema/fromText';
import type { ImportReport, Outcome, RowResult } from '../schema/imports';
import { reasonText } from '../schema/messages';
import { checkWrite, type Reasons } from '../schema/validate';
import type { AuditTrail, Actor } from './audit';
import { HttpError, message } from './messages';
import type { JournalEntry } from './store/journal';
import type { Data, Row, Store } from './store/store';
import { checkAgainstData, type Lookups } from './writes';

/** At most this many rows in one import: a province's guest list fits many times over. */
export const MAX_IMPORT_ROWS = 50_000;

/** What the app sends: the file's cells as text, and which field each column fills. */
export interface ImportRequest {
  /** the field each column of the file fills; null ignores the column */
  columns: (string | null)[];
  rows: string[][];
  /** each row's line in the file, so messages name the line people see in Excel */
  lines?: number[];
  /** the fields that find the record a row updates (phone within a summit); none: always new */
  key?: string[] | null;
  /** values every row gets, whatever the file says (the summit whose guest list this is) */
  fixed?: Record<string, unknown>;
}

export type { ImportReport, Outcome, RowResult } from '../schema/imports';

interface Planned {
  result: RowResult;
  /** what to store: the whole new record, or the changed fields of an existing one */
  values?: Row | Record<string, unknown>;
  existing?: Row;
}

/** Text, ignoring case and spaces; phones by their digits, without China's +86:
 * "+86 138 1234 5678" is 13812345678. */
function keyPart(field: FieldDef, value: unknown): string {
  if (field.type === 'phone')
    return String(value)
      .replace(/\D/g, '')
      .replace(/^(?:00)?86(1\d{10})$/, '$1');
  if (typeof value === 'string') return value.replace(/\s+/g, '').toLowerCase();
  return JSON.stringify(value);
}

function keyOf(fields: FieldDef[], record: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const field of fields) {
    const value = record[field.source];
    if (value === null || value === undefined || value === '') return null;
    parts.push(keyPart(field, value));
  }
  return JSON.stringify(parts);
}

/**
 * The chosen key and, after it, the resource's other keys: a guest without a phone is still
 * found by name within the summit, and one first imported without a phone is found again when
 * the next file has it. Each key indexes the stored records and the file's earlier rows.
 */
function keyChain(data: Data, resource: ResourceDef, chosen: string[] | null) {
  if (!chosen) return null;
  const all = importKeysOf(resource);
  const from = all.findIndex((k) => JSON.stringify(k) === JSON.stringify(chosen));
  const chain = all.slice(from).map((sources) => {
    const fields = sources.map((source) => getField(resource, source)!);
    const stored = new Map<string, Row[]>();
    for (const row of data[resource.name] ?? []) {
      const key = keyOf(fields, row);
      if (key === null) continue;
      const same = stored.get(key);
      if (same) same.push(row);
      else stored.set(key, [row]);
    }
    return { fields, stored, inFile: new Map<string, { line: number; values: Record<string, unknown> }>() };
  });
  const fields = new Set(chain.flatMap((k) => k.fields));
  return {
    /** the stored records the row's first matching key finds, and an earlier line with any of its keys */
    match(values: Record<string, unknown>, line: number) {
      let matches: Row[] = [];
      let earlier: number | undefined;
      chain.forEach((key, k) => {
        const value = keyOf(key.fields, values);
        if (value === null) return;
        // a later key only finds records no earlier key tells apart: two 张伟 with different
        // phones are two people
        const agrees = (row: Record<string, unknown>) =>
          chain.slice(0, k).every((earlierKey) => {
            const mine = keyOf(earlierKey.fields, values);
            const theirs = keyOf(earlierKey.fields, row);
            return mine === null || theirs === null || mine === theirs;
          });
        if (matches.length === 0) matches = (key.stored.get(value) ?? []).filter(agrees);
        const before = key.inFile.get(value);
        if (before && agrees(before.values)) earlier ??= before.line;
        if (!before) key.inFile.set(value, { line, values });
      });
      return { matches, earlier };
    },
    /** whether a value equals the stored one as a key compares them */
    same(source: string, value: unknown, stored: unknown) {
      const field = [...fields].find((f) => f.source === source);
      return field ? stored != null && keyPart(field, value) === keyPart(field, stored) : undefined;
    },
  };
}

/** name → id of every record a reference column may name; -1 when several share a name. */
function referenceNames(data: Data, fields: FieldDef[]): ReferenceNames {
  const names: ReferenceNames = {};
  for (const field of fields) {
    const target = resourceByName[field.reference!];
    if (!target || names[target.name]) continue;
    const byName = new Map<string, number>();
    for (const row of data[target.name] ?? []) {
      const name = String(row[target.titleField] ?? '')
        .trim()
        .toLowerCase();
      if (name) byName.set(name, byName.has(name) ? -1 : Number(row.id));
    }
    names[target.name] = byName;
  }
  return names;
}

/** Ids and unique values, indexed once, so each of ten thousand rows is checked in constant time. */
function indexedLookups(data: Data, resource: ResourceDef) {
  const ids = new Map<string, Set<string>>();
  const unique = new Map<string, Map<string, unknown>>();
  for (const field of resource.fields.filter((f) => f.unique)) {
    const holders = new Map<string, unknown>();
    for (const row of data[resource.name] ?? [])
      if (row[field.source] != null) holders.set(String(row[field.source]).toLowerCase(), row.id);
    unique.set(field.source, holders);
  }
  const lookups: Lookups & { claim(field: string, value: unknown, id: unknown): void } = {
    exists(target, id) {
      let set = ids.get(target);
      if (!set) ids.set(target, (set = new Set((data[target] ?? []).map((row) => String(row.id)))));
      return set.has(String(id));
    },
    taken(_resource, field, value, selfId) {
      const holder = unique.get(field)?.get(String(value).toLowerCase());
      return holder !== undefined && String(holder) !== String(selfId);
    },
    // a value claimed by an earlier row of the same file is taken for the later ones
    claim(field, value, id) {
      if (value != null) unique.get(field)?.set(String(value).toLowerCase(), id);
    },
  };
  return lookups;
}

const errorTexts = (reasons: Reasons, lang: Lang) =>
  Object.fromEntries(Object.entries(reasons).map(([key, reason]) => [key, reasonText(reason, lang)]));

function badBody(lang: Lang, detail: string): never {
  throw new HttpError(400, message(lang, 'importBody', { detail }));
}

/** Checks the shape of what the app sent; returns the fields of its columns and its key. */
function readRequest(resource: ResourceDef, body: unknown, lang: Lang) {
  const request = body as ImportRequest;
  if (!request || typeof request !== 'object' || !Array.isArray(request.columns) || !Array.isArray(request.rows))
    badBody(lang, 'columns, rows');
  if (request.rows.length > MAX_IMPORT_ROWS)
    throw new HttpError(413, message(lang, 'importTooMany', { max: MAX_IMPORT_ROWS }));
  const columns = request.columns.map((source) => {
    if (source === null) return null;
    const field = typeof source === 'string' ? getField(resource, source) : undefined;
    if (!field || field.type === 'password' || field.type === 'json') badBody(lang, `column ${String(source)}`);
    return field;
  });
  for (const row of request.rows)
    if (!Array.isArray(row) || row.some((cell) => cell !== null && typeof cell !== 'string'))
      badBody(lang, 'rows must be lists of text');
  const key = request.key ?? null;
  const allowed = importKeysOf(resource).map((k) => JSON.stringify(k));
  if (key !== null && !allowed.includes(JSON.stringify(key))) badBody(lang, `key ${JSON.stringify(key)}`);
  const fixed = request.fixed ?? {};
  if (typeof fixed !== 'object' || Array.isArray(fixed)) badBody(lang, 'fixed');
  for (const source of Object.keys(fixed)) if (!getField(resource, source)) badBody(lang, `fixed ${source}`);
  return { request, columns, key, fixed };
}

/**
 * What importing these rows would do, row by row: a new record, an update of the record its
 * key finds, nothing (already the same), or invalid with the reason per cell. Reads only.
 */
function planImport(data: Data, resource: ResourceDef, body: unknown, lang: Lang, now = Date.now()) {
  const { request, columns, key, fixed } = readRequest(resource, body, lang);
  const names = referenceNames(
    data,
    columns.filter((f): f is FieldDef => f?.type === 'reference'),
  );
  const lookups = indexedLookups(data, resource);
  const keys = keyChain(data, resource, key);
  const lineOf = (i: number) => request.lines?.[i] ?? i + 2;

  const planned = request.rows.map((cells, i): Planned => {
    const values: Record<string, unknown> = {};
    const reasons: Reasons = {};
    columns.forEach((field, j) => {
      if (!field || Object.hasOwn(fixed, field.source)) return;
      const converted = valueFromText(field, cells[j] ?? '', names);
      if ('reason' in converted) reasons[field.source] = converted.reason;
      else if (converted.value !== null) values[field.source] = converted.value;
    });
    Object.assign(values, fixed);
    let existing: Row | undefined;
    if (keys) {
      const { matches, earlier } = keys.match(values, lineOf(i));
      if (earlier !== undefined) reasons[''] = { code: 'duplicateInFile', line: earlier };
      if (matches.length > 1) reasons[''] ??= { code: 'ambiguousMatch', count: matches.length };
      existing = matches[0];
    }
    // Every reason at once, so one look at the preview is enough to correct a row: what did
    // not convert, then what the schema and the data say about the rest.
    const refuse = (checked: Reasons, id?: Row['id']): Planned => ({
      result: { outcome: 'invalid', id, errors: errorTexts({ ...checked, ...reasons }, lang) },
    });

    if (existing) {
      // empty cells leave stored values alone: an import adds what the file knows; the key's
      // own fields compare as the key does ("139 0000 1111" finds 13900001111 and leaves it)
      const sameAsStored = (source: string, value: unknown) =>
        keys?.same(source, value, existing[source]) ?? sameValue(value, existing[source]);
      const changes = Object.fromEntries(
        Object.entries(values).filter(([source, value]) => !sameAsStored(source, value)),
      );
      const { record, reasons: checked } = checkWrite(resource, changes, existing);
      checkAgainstData(lookups, resource, record, checked, existing.id);
      const stamped = stampsFor(resource, record, existing, changes, now);
      Object.assign(changes, stamped);
      Object.assign(record, stamped);
      if (Object.keys(checked).length + Object.keys(reasons).length > 0) return refuse(checked, existing.id);
      if (Object.keys(changes).length === 0) return { result: { outcome: 'unchanged', id: existing.id } };
      for (const field of resource.fields)
        if (field.unique) lookups.claim(field.source, record[field.source], existing.id);
      return {
        result: { outcome: 'update', id: existing.id, changed: Object.keys(changes) },
        // as the schema stores them (a list's fixed "3" is the id 3)
        values: Object.fromEntries(Object.keys(changes).map((source) => [source, record[source]])),
        existing,
      };
    }
    const { record, reasons: checked } = checkWrite(resource, values);
    checkAgainstData(lookups, resource, record, checked);
    if (Object.keys(checked).length + Object.keys(reasons).length > 0) return refuse(checked);
    for (const field of resource.fields)
      if (field.unique) lookups.claim(field.source, record[field.source], `line ${i}`);
    return { result: { outcome: 'create' }, values: record };
  });
  const counts: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const { result } of planned) counts[result.outcome]++;
  return { planned, counts };
}

/**
 * An import: with `dryRun`, the preview; otherwise all or nothing. Any invalid row refuses the
 * whole import (400, with every row's outcome) and nothing is written; else every row is
 * written in one step, in memory and as one journal line, so a crash keeps all or none of it.
 */
export async function runImport(args: {
  store: Store;
  audit: AuditTrail;
  actor: Actor | null;
  resource: ResourceDef;
  body: unknown;
  dryRun: boolean;
  lang: Lang;
  /** the server's clock (a move's stamps) */
  now?: number;
}): Promise<ImportReport> {
  const { store, audit, actor, resource, body, dryRun, lang, now = Date.now() } = args;
  const { planned, counts } = planImport(store.data, resource, body, lang, now);
  const rows = planned.map((p) => p.result);
  if (dryRun) return { written: false, counts, rows };
  if (counts.invalid > 0)
    throw new HttpError(400, message(lang, 'importRefused', { count: counts.invalid }), {
      written: false,
      counts,
      rows,
    });

  // The checks above were the last word; from here memory changes, and if anything fails
  // before the journal holds it all, memory and disk differ: stop writing until a restart.
  try {
    return await commit(store, audit, actor, resource, planned, counts, rows);
  } catch (error) {
    store.journal.failure ??= error as Error;
    console.error('import failed after memory changed; stopping writes until restart', error);
    throw new HttpError(500, message(lang, 'diskFailed'));
  }
}

async function commit(
  store: Store,
  audit: AuditTrail,
  actor: Actor | null,
  resource: ResourceDef,
  planned: Planned[],
  counts: Record<Outcome, number>,
  rows: RowResult[],
): Promise<ImportReport> {
  const now = new Date().toISOString();
  const entries: JournalEntry[] = [];
  const collection = (store.data[resource.name] ??= []);
  for (const { result, values, existing } of planned) {
    if (result.outcome === 'create') {
      const { id: _id, ...fields } = values!;
      const row: Row = { ...fields, id: store.takeId(resource.name), createdAt: now, updatedAt: now, version: 1 };
      collection.push(row);
      result.id = row.id;
      entries.push({ r: resource.name, put: { ...row } });
      const trail = audit.record(actor, 'import', resource.name, null, row);
      if (trail) entries.push(trail);
    } else if (result.outcome === 'update') {
      const before = { ...existing! };
      Object.assign(existing!, values, { updatedAt: now, version: (Number(existing!.version) || 1) + 1 });
      entries.push({ r: resource.name, put: { ...existing! } });
      const trail = audit.record(actor, 'import', resource.name, before, existing!);
      if (trail) entries.push(trail);
    }
  }
  if (entries.length > 0) await store.journal.append(entries);
  return { written: true, counts, rows };
}
