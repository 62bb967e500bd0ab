import {
  allows,
  resourceByName,
  sameValue,
  stampsFor,
  type FieldDef,
  type Lang,
  type ResourceDef,
  type Role,
} from '../../schema';
import { textOfValue, valueFromText } from '../../schema/fromText';
import type { ImportReport, Outcome, RowResult } from '../../schema/imports';
import { reasonText, type Reason } from '../../schema/messages';
import { checkWrite, convertValue, type Reasons } from '../../schema/validate';
import type { Data, Row } from '../store/store';
import { checkAgainstData } from '../checks';
import { keyChain } from './keys';
import { indexedLookups, referenceNames } from './lookups';
import { newNamePlanner, type PlannedRecord } from './newNames';
import { readRequest, textFor, type FieldSource } from './request';

export interface Planned {
  result: RowResult;
  /** what to store: the whole new record, or the changed fields of an existing one */
  values?: Row | Record<string, unknown>;
  existing?: Row;
}

export interface Plan {
  planned: Planned[];
  counts: Record<Outcome, number>;
  newRecords: PlannedRecord[];
  unmatched: ImportReport['unmatched'];
}

const errorTexts = (reasons: Reasons, lang: Lang) =>
  Object.fromEntries(Object.entries(reasons).map(([key, reason]) => [key, reasonText(reason, lang)]));

/** The year of the record a row's date belongs to (a guest's summit), for dates written without one. */
function yearReader(data: Data, resource: ResourceDef) {
  const from = resource.yearFrom;
  if (!from) return () => undefined;
  const target = resource.fields.find((f) => f.source === from.reference)?.reference;
  const years = new Map<string, number | undefined>();
  for (const row of data[target ?? ''] ?? []) {
    const year = Number(String(row[from.field] ?? '').slice(0, 4));
    years.set(String(row.id), Number.isInteger(year) && year > 0 ? year : undefined);
  }
  return (values: Record<string, unknown>) => years.get(String(values[from.reference]));
}

/** A referenced record's name by id, looked up once per resource. */
function titleReader(data: Data) {
  const titles = new Map<string, Map<string, string>>();
  return (reference: string, id: unknown) => {
    let byId = titles.get(reference);
    if (!byId) {
      const title = resourceByName[reference]?.titleField ?? 'name';
      byId = new Map((data[reference] ?? []).map((row) => [String(row.id), String(row[title] ?? '')]));
      titles.set(reference, byId);
    }
    return byId.get(String(id));
  };
}

/**
 * What importing these rows would do, row by row: a new record, an update of the record its
 * key finds, nothing (already the same), or invalid with the reason per cell; and the records
 * the file names that it would create. Reads only, in one go.
 */
export function planImport(
  data: Data,
  resource: ResourceDef,
  body: unknown,
  lang: Lang,
  role: Role | undefined,
  now = Date.now(),
): Plan {
  const steps = planning(data, resource, body, lang, role, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work done between two yields to the event loop: other requests are answered meanwhile. */
const SLICE_MS = 20;

/**
 * The same plan, a slice at a time, so 50,000 rows hold no other request for seconds. Between
 * slices other requests may write: the plan may then mix states, and only a caller that knows
 * nothing was written meanwhile may commit it. Stops, with `signal`'s reason, once it is aborted.
 */
export async function planImportInSlices(
  data: Data,
  resource: ResourceDef,
  body: unknown,
  lang: Lang,
  role: Role | undefined,
  now = Date.now(),
  signal?: AbortSignal,
): Promise<Plan> {
  const steps = planning(data, resource, body, lang, role, now);
  let until = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() < until) continue;
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    until = performance.now() + SLICE_MS;
  }
}

/** The plan, yielding after each index it builds and each row. */
function* planning(
  data: Data,
  resource: ResourceDef,
  body: unknown,
  lang: Lang,
  role: Role | undefined,
  now: number,
): Generator<void, Plan, void> {
  const { request, sources, key, fixed, badCells } = readRequest(resource, body, lang);
  yield;
  // records of a list the role may not read are neither found by name nor named back
  const readable = (reference: string) =>
    !!resourceByName[reference] && allows(role, resourceByName[reference], 'read');
  const names = referenceNames(
    data,
    sources.map((s) => s.field).filter((f) => f.type === 'reference' && readable(f.reference!)),
  );
  yield;
  const lookups = indexedLookups(data, resource);
  yield;
  const byId = key?.[0] === 'id' ? new Map((data[resource.name] ?? []).map((row) => [String(row.id), row])) : null;
  const keys = key && !byId ? yield* keyChain(data, resource, key) : null;
  yield;
  const newNames = newNamePlanner(data, request, role);
  const yearOf = yearReader(data, resource);
  const titleOf = titleReader(data);
  const unmatched = new Map<string, Map<string, number>>();
  const lineOf = (i: number) => request.lines?.[i] ?? i + 2;
  const pastedOnto = new Map<string, number>();
  // the list's fixed values as stored ("3" is the summit 3), so an unchanged one is no change
  const fixedValues = Object.fromEntries(
    Object.entries(fixed).map(([source, value]) => {
      const field = resource.fields.find((f) => f.source === source)!;
      const stored = value === null || value === '' ? null : convertValue(field, value);
      return [source, stored && 'value' in stored ? stored.value : value];
    }),
  );
  const fromFile = sources.filter((source) => !Object.hasOwn(fixed, source.field.source));
  const isDate = (f: FieldDef) => f.type === 'date' || f.type === 'datetime';

  /** A value as the preview shows it, references by name (a new one marked so). */
  const shown = (field: FieldDef, value: unknown) => {
    if (field.type !== 'reference' || value == null)
      return textOfValue(field, value, lang, undefined, request.units?.[field.source]);
    const created = newNames.nameOf(value);
    if (created !== undefined) return `${created}${lang === 'zh' ? '（新建）' : ' (new)'}`;
    return textOfValue(field, value, lang, readable(field.reference!) ? titleOf(field.reference!, value) : undefined);
  };

  const planRow = (cells: string[], i: number): Planned => {
    const line = lineOf(i);
    // a paste onto a row of the grid (an update by id), not a new row
    const onRecord = !!byId && request.ids![i] != null;
    const values: Record<string, unknown> = {};
    const reasons: Reasons = {};
    const raw: Record<string, string> = {};
    const read = (field: FieldDef, text: string, year?: number) => {
      const converted = valueFromText(field, text, {
        names,
        year,
        meaning: request.meaning?.[field.source],
        moneyUnit: request.units?.[field.source],
      });
      if ('value' in converted) {
        // the ids this import keeps for new records are its own, never typed (#9007199253740991)
        if (field.type === 'reference' && newNames.isStandIn(converted.value)) {
          reasons[field.source] = { code: 'missingReference', id: String(converted.value) };
          return;
        }
        if (converted.value === null) {
          // an empty cell pasted onto a row clears it, as in Excel; an import leaves it alone
          if (onRecord) values[field.source] = null;
          return;
        }
        // as it will be stored (陈 静 → 陈静, +86 phones → 11 digits), so keys compare stored forms
        const stored = convertValue(field, converted.value);
        if ('reason' in stored) reasons[field.source] = stored.reason;
        else values[field.source] = stored.value;
        return;
      }
      if (converted.reason.code === 'unknownName') {
        const id = newNames.resolve(field, text, line);
        if (id !== null) {
          values[field.source] = id;
          lookups.expect(field.reference!, id);
          return;
        }
      }
      if (converted.reason.code === 'badOption' || converted.reason.code === 'notBoolean') {
        const counts = unmatched.get(field.source) ?? new Map<string, number>();
        counts.set(text, (counts.get(text) ?? 0) + 1);
        unmatched.set(field.source, counts);
      }
      reasons[field.source] = converted.reason;
    };
    // dates last: a date without a year takes the year of the row's summit, read first
    const readAll = (only: (source: FieldSource) => boolean) => {
      for (const source of fromFile.filter(only)) {
        const text = textFor(source, cells);
        raw[source.field.source] = text;
        if (!text && !onRecord) continue; // an empty cell leaves the stored value alone
        read(source.field, text, yearOf({ ...fixed, ...values }));
      }
    };
    readAll((source) => !isDate(source.field));
    readAll((source) => isDate(source.field));
    const emptied: Record<string, string> = {};
    /** A bad cell need not cost the row: left empty, if the user chose so and the row stands without it. */
    const empty = (source: string, reason: Reason) => {
      emptied[source] = `${raw[source]}: ${reasonText(reason, lang)}`;
      delete values[source];
      delete reasons[source];
    };
    // before the row is matched: a phone that cannot be read must not make a known guest new
    if (badCells === 'emptyCell')
      for (const [source, reason] of Object.entries(reasons))
        if (source && reason.code !== 'required') empty(source, reason);
    // what the list fixes: every row's on an import; on a paste (by id) only the new rows'
    const fixedHere = onRecord ? {} : fixedValues;
    Object.assign(values, fixedHere);

    let existing: Row | undefined;
    if (byId) {
      const id = request.ids![i];
      if (id !== null && id !== undefined) {
        existing = byId.get(String(id));
        const version = request.versions?.[i];
        // one record, once: each row is checked against the record as stored, not as the row before left it
        const earlier = pastedOnto.get(String(id));
        if (!existing)
          return {
            result: {
              outcome: 'invalid',
              errors: errorTexts({ '': { code: 'missingReference', id: String(id) } }, lang),
            },
          };
        if (earlier !== undefined) reasons[''] = { code: 'duplicateInFile', line: earlier };
        else if (typeof version === 'number' && existing.version !== version) reasons[''] = { code: 'changedSince' };
        pastedOnto.set(String(id), line);
      }
    } else if (keys) {
      const { matches, earlier } = keys.match(values, line);
      if (earlier !== undefined) reasons[''] = { code: 'duplicateInFile', line: earlier };
      if (matches.length > 1) reasons[''] ??= { code: 'ambiguousMatch', count: matches.length };
      existing = matches[0];
    }

    /** The row checked as it would be written: the record, and every reason at once (what did
     * not read, then what the schema and the data say), so one look is enough to correct it. */
    const check = () => {
      if (existing) {
        // empty cells leave stored values alone: an import adds what the file knows; the key's
        // own fields compare as the key does ("139 0000 1111" finds 13900001111 and leaves it)
        const sameAsStored = (source: string, value: unknown) =>
          keys?.same(source, value, existing![source]) ?? sameValue(value, existing![source]);
        const changes = Object.fromEntries(Object.entries(values).filter(([s, v]) => !sameAsStored(s, v)));
        const { record, reasons: checked } = checkWrite(resource, changes, existing);
        checkAgainstData(lookups, resource, record, checked, existing.id);
        const stamped = stampsFor(resource, record, existing, changes, now);
        Object.assign(changes, stamped);
        Object.assign(record, stamped);
        return { record, changes, all: { ...checked, ...reasons } };
      }
      const { record, reasons: checked } = checkWrite(resource, values);
      checkAgainstData(lookups, resource, record, checked);
      return { record, changes: record, all: { ...checked, ...reasons } };
    };
    let { record, changes, all } = check();
    // what only the data can refuse (a reference gone, a value taken): emptied the same way
    const cellOnly = (source: string, reason: Reason) =>
      source !== '' && Object.hasOwn(raw, source) && reason.code !== 'required' && reason.code !== 'taken';
    if (
      badCells === 'emptyCell' &&
      Object.keys(all).length > 0 &&
      Object.entries(all).every(([s, r]) => cellOnly(s, r))
    ) {
      for (const [source, reason] of Object.entries(all)) empty(source, reason);
      ({ record, changes, all } = check());
    }
    const extras = Object.keys(emptied).length ? { emptied } : {};
    if (Object.keys(all).length > 0)
      return { result: { outcome: 'invalid', id: existing?.id, errors: errorTexts(all, lang), ...extras } };

    const interpretations: Record<string, string> = {};
    for (const [source, text] of Object.entries(raw)) {
      if (!text || Object.hasOwn(emptied, source)) continue;
      const field = resource.fields.find((f) => f.source === source)!;
      const value = existing ? (Object.hasOwn(changes, source) ? record[source] : existing[source]) : record[source];
      const reading = shown(field, value);
      if (reading !== text.trim()) interpretations[source] = reading;
    }
    const readings = Object.keys(interpretations).length ? { read: interpretations } : {};
    for (const field of resource.fields)
      if (field.unique) lookups.claim(field.source, record[field.source], existing?.id ?? `line ${i}`);
    if (!existing) return { result: { outcome: 'create', ...readings, ...extras }, values: record };
    if (Object.keys(changes).length === 0)
      return { result: { outcome: 'unchanged', id: existing.id, ...readings, ...extras } };
    const changed = Object.keys(changes);
    const diff = Object.fromEntries(
      changed.map((source) => {
        const field = resource.fields.find((f) => f.source === source)!;
        return [source, [shown(field, existing![source] ?? null), shown(field, record[source])] as [string, string]];
      }),
    );
    return {
      result: { outcome: 'update', id: existing.id, changed, diff, ...readings, ...extras },
      // as the schema stores them (a list's fixed "3" is the id 3)
      values: Object.fromEntries(changed.map((source) => [source, record[source]])),
      existing,
    };
  };

  const planned: Planned[] = [];
  const counts: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  // only the new records some row that will be written still names (only links hold stand-ins)
  const used = new Set<number>();
  const links = resource.fields.filter((f) => f.type === 'reference').map((f) => f.source);
  for (const [i, cells] of request.rows.entries()) {
    const row = planRow(cells, i);
    planned.push(row);
    counts[row.result.outcome]++;
    for (const source of links) if (newNames.isStandIn(row.values?.[source])) used.add(row.values![source] as number);
    yield;
  }
  return {
    planned,
    counts,
    newRecords: newNames.planned(used),
    unmatched: Object.fromEntries(
      [...unmatched].map(([source, texts]) => [
        source,
        [...texts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count),
      ]),
    ),
  };
}
