import {
  getField,
  isFinal,
  lifecycleOf,
  requiredForParent,
  stampsFor,
  systemFields,
  type Lang,
  type ResourceDef,
} from '../schema';
import { reasonText, type Reason } from '../schema/messages';
import { checkWrite, type Reasons } from '../schema/validate';
import type { Actor, AuditTrail } from './audit';
import { definitionChecks, type Conversion } from './customSchema';
import { HttpError, message } from './messages';
import { findById, sameId, sameValue } from './records';
import type { Data, Row } from './store/store';
import { withoutSecrets } from './users';

export interface WriteContext {
  data: Data;
  audit: AuditTrail;
  actor: Actor | null;
  lang: Lang;
  /** the hash of `body.password`, computed before the synchronous checks (scrypt is slow) */
  passwordHash?: string;
  /** the time of the write (reply dates, check-in times); the server's clock */
  now?: number;
  /** stored values a schema change converts, filled by the definition checks, written by the caller */
  conversions?: Conversion[];
}

type Body = Record<string, unknown>;

export function invalid(resource: ResourceDef, reasons: Reasons, lang: Lang): HttpError {
  const errors = Object.fromEntries(Object.entries(reasons).map(([key, reason]) => [key, reasonText(reason, lang)]));
  const list = Object.entries(errors)
    .map(([key, text]) => `${getField(resource, key)?.label[lang] ?? key}: ${text}`)
    .join(lang === 'zh' ? '；' : '; ');
  return new HttpError(400, message(lang, 'invalid', { list }), { errors });
}

const withoutSystemFields = (body: Body): Body =>
  Object.fromEntries(Object.entries(body).filter(([key]) => !(systemFields as readonly string[]).includes(key)));

/** How the data answers the questions a write asks of it. Plain scans for one write; an
 * import of thousands of rows passes indexes instead (see imports.ts). */
export interface Lookups {
  exists(resource: string, id: unknown): boolean;
  /** whether another record than `selfId` holds this value of a unique field */
  taken(resource: ResourceDef, field: string, value: unknown, selfId?: unknown): boolean;
}

export const scanLookups = (data: Data): Lookups => ({
  exists: (resource, id) => !!findById(data[resource], id),
  taken: (resource, field, value, selfId) => {
    const wanted = String(value).toLowerCase();
    return (data[resource.name] ?? []).some(
      (row) => !sameId(row.id, selfId) && String(row[field] ?? '').toLowerCase() === wanted,
    );
  },
});

/** What only the data can tell: references exist, unique values are free. */
export function checkAgainstData(
  lookups: Lookups,
  resource: ResourceDef,
  record: Row | Body,
  reasons: Reasons,
  selfId?: unknown,
) {
  for (const field of resource.fields) {
    const value = record[field.source];
    if (reasons[field.source] || value === null || value === undefined) continue;
    if (field.type === 'reference' && !lookups.exists(field.reference!, value)) {
      reasons[field.source] = { code: 'missingReference', id: String(value) };
    }
    if (field.unique && lookups.taken(resource, field.source, value, selfId)) reasons[field.source] = { code: 'taken' };
  }
}

/** A password is checked as text, then only its hash is kept. */
function storePassword(resource: ResourceDef, record: Body, ctx: WriteContext, creating: boolean, reasons: Reasons) {
  const field = resource.fields.find((f) => f.type === 'password');
  if (!field) return;
  if (creating && record[field.source] === null) reasons[field.source] = { code: 'required' } as Reason;
  if (record[field.source] !== null && record[field.source] !== undefined) record.passwordHash = ctx.passwordHash;
  delete record[field.source];
}

/** Checks a new record against the schema and the data; returns what to store. */
export function prepareCreate(ctx: WriteContext, resource: ResourceDef, body: Body): Body {
  const { record, reasons } = checkWrite(resource, body);
  checkAgainstData(scanLookups(ctx.data), resource, record, reasons);
  ctx.conversions = definitionChecks[resource.name]?.(ctx, record as Row, reasons);
  storePassword(resource, record, ctx, true, reasons);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  const now = new Date().toISOString();
  const { id: _id, ...fields } = record;
  return { ...fields, createdAt: now, updatedAt: now, version: 1 };
}

/**
 * The fields of an update that the user really changed. A client sends the version it
 * started from: whatever someone else changed since then is known from the audit trail, so
 * edits to different fields both survive, and only an edit to a field someone else changed
 * meanwhile is refused (409, with the current record and both values).
 */
function changedByUser(
  ctx: WriteContext,
  resource: ResourceDef,
  input: Body,
  existing: Row,
  startedFrom: unknown,
): Body {
  const current = typeof existing.version === 'number' ? existing.version : 1;
  if (startedFrom === undefined || startedFrom === null || startedFrom === current) return input;
  if (!Number.isInteger(startedFrom) || (startedFrom as number) < 1 || (startedFrom as number) > current) {
    throw new HttpError(400, message(ctx.lang, 'badVersion', { version: String(startedFrom) }));
  }
  const version = startedFrom as number;
  const known = ctx.audit.complete(resource.name, existing.id, version, current);
  const later = ctx.audit.since(resource.name, existing.id, version);
  // The record as the user saw it: undo, newest first, what happened after their version.
  const base: Row = { ...existing };
  const changedBy = new Map<string, { username: string | null; at: string }>();
  for (const entry of [...later].reverse()) {
    for (const [key, value] of Object.entries(entry.before ?? {})) base[key] = value;
    for (const key of Object.keys(entry.after ?? {})) if (!changedBy.has(key)) changedBy.set(key, entry);
  }
  const { record: proposed } = checkWrite(resource, input, base);
  const touched = Object.keys(input).filter((key) => getField(resource, key) && !sameValue(proposed[key], base[key]));
  const conflicts = touched.filter((key) => (!known || changedBy.has(key)) && !sameValue(proposed[key], existing[key]));
  if (conflicts.length > 0) {
    throw new HttpError(
      409,
      message(ctx.lang, 'conflict', {
        list: conflicts.map((key) => getField(resource, key)!.label[ctx.lang]).join(ctx.lang === 'zh' ? '、' : ', '),
      }),
      {
        conflicts: Object.fromEntries(
          conflicts.map((key) => [
            key,
            {
              mine: proposed[key],
              theirs: existing[key],
              by: changedBy.get(key)?.username ?? null,
              at: changedBy.get(key)?.at ?? null,
            },
          ]),
        ),
        current: withoutSecrets(existing),
      },
    );
  }
  return Object.fromEntries(touched.map((key) => [key, input[key]]));
}

/** Checks an update (merged over the stored record) and returns the fields to store. */
export function prepareUpdate(ctx: WriteContext, resource: ResourceDef, body: Body, existing: Row): Body {
  const input = changedByUser(ctx, resource, withoutSystemFields(body), existing, body.version);
  const { record, reasons } = checkWrite(resource, input, existing);
  checkAgainstData(scanLookups(ctx.data), resource, record, reasons, existing.id);
  ctx.conversions = definitionChecks[resource.name]?.(ctx, record as Row, reasons, existing);
  storePassword(resource, record, ctx, false, reasons);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  Object.assign(record, stampsFor(resource, record, existing, input, ctx.now ?? Date.now()));
  const changed = Object.keys(record).some(
    (key) => !(systemFields as readonly string[]).includes(key) && !sameValue(record[key], existing[key]),
  );
  if (!changed) return {};
  const { id: _id, ...fields } = record;
  const version = typeof existing.version === 'number' ? existing.version : 1;
  return { ...fields, updatedAt: new Date().toISOString(), version: version + 1 };
}

/** The change a new record makes to the record it refers to (see `setsParent` in the schema). */
export interface ParentUpdate {
  resource: ResourceDef;
  existing: Row;
  fields: Body;
}

/**
 * What a new record (a follow-up) changes in its parent (the agreement): checked here, with
 * the parent's rules (a status move its lifecycle allows), and refused as the new record's own
 * error, on the field that asked for it. Applied by the caller in the same step as the create.
 */
export function prepareParentUpdate(
  ctx: WriteContext,
  resource: ResourceDef,
  record: Body,
  resources: Record<string, ResourceDef>,
): ParentUpdate | null {
  const link = resource.setsParent;
  if (!link) return null;
  const parentResource = resources[getField(resource, link.reference)!.reference!];
  const existing = findById(ctx.data[parentResource.name], record[link.reference]);
  if (!existing) return null; // prepareCreate has already refused a missing reference
  // one dated before the latest of its siblings is history, entered late: it moves nothing
  const order = resource.sort.field;
  const latest = (ctx.data[resource.name] ?? [])
    .filter((row) => sameId(row[link.reference], existing.id))
    .reduce<unknown>(
      (max, row) => (max === undefined || String(row[order]) > String(max) ? row[order] : max),
      undefined,
    );
  if (latest !== undefined && String(record[order]) < String(latest)) {
    // a late entry is history: it moves nothing, and says so if it was asked to
    const lifecycleField = Object.entries(link.fields).find(([key]) => getField(parentResource, key)?.transitions)?.[1];
    if (
      lifecycleField &&
      record[lifecycleField] != null &&
      record[lifecycleField] !== existing[Object.keys(link.fields).find((k) => link.fields[k] === lifecycleField)!]
    )
      throw invalid(resource, { [lifecycleField]: { code: 'historyMoves', latest: String(latest) } }, ctx.lang);
    return null;
  }

  const changes: Body = {};
  for (const [parentField, ownField] of Object.entries(link.fields))
    if (record[ownField] !== null && record[ownField] !== undefined) changes[parentField] = record[ownField];
  // with a lifecycle: while the parent can still move, the other mirrored fields must be given
  // (an open agreement always has a next follow-up day); once it is final they are cleared
  const own: Reasons = {};
  for (const ownField of requiredForParent(resource, parentResource, existing, record))
    if (record[ownField] === null || record[ownField] === undefined) own[ownField] = { code: 'required' };
  const lifecycle = lifecycleOf(resource, parentResource);
  if (lifecycle && isFinal(parentResource, lifecycle, changes[lifecycle] ?? existing[lifecycle]))
    for (const parentField of Object.keys(link.fields)) if (parentField !== lifecycle) changes[parentField] = null;
  const { record: merged, reasons } = checkWrite(parentResource, changes, existing, resource.name);
  for (const [parentField, reason] of Object.entries(reasons)) own[link.fields[parentField] ?? parentField] = reason;
  if (Object.keys(own).length > 0) throw invalid(resource, own, ctx.lang);
  const changed = Object.keys(changes).filter((key) => !sameValue(merged[key], existing[key]));
  if (changed.length === 0) return null;
  const version = typeof existing.version === 'number' ? existing.version : 1;
  return {
    resource: parentResource,
    existing,
    fields: {
      ...Object.fromEntries(changed.map((key) => [key, merged[key]])),
      updatedAt: new Date().toISOString(),
      version: version + 1,
    },
  };
}
