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
import type { Step } from './commit';
import type { CheckContext } from './hooks/types';
import { HttpError, message } from './messages';
import { present } from './present';
import { findById, sameId, sameValue } from './records';
import type { Data, Row } from './store/store';

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
function storePassword(resource: ResourceDef, record: Body, ctx: CheckContext, creating: boolean, reasons: Reasons) {
  const field = resource.fields.find((f) => f.type === 'password');
  if (!field) return;
  if (creating && record[field.source] === null) reasons[field.source] = { code: 'required' } as Reason;
  if (record[field.source] !== null && record[field.source] !== undefined) record.passwordHash = ctx.passwordHash;
  delete record[field.source];
}

/** Checks a new record against the schema, the data and the resource's own rules; returns the
 * steps that write it (and what goes with it). */
export function checkCreate(ctx: CheckContext, resource: ResourceDef, body: Body): Step[] {
  const { record, reasons } = checkWrite(resource, body);
  checkAgainstData(scanLookups(ctx.data), resource, record, reasons);
  storePassword(resource, record, ctx, true, reasons);
  const { id: _id, ...fields } = record;
  const more = ctx.hooks(resource).flatMap((hooks) => hooks.check?.(ctx, resource, fields as Row, reasons) ?? []);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  return [{ op: 'create', resource: resource.name, fields }, ...more];
}

/** Who made a change, as colleagues know them: the account's display name (the username the
 * trail kept, once the account is gone). */
const nameOf = (ctx: CheckContext, entry: { userId: number | null; username: string | null } | undefined) => {
  if (!entry) return null;
  const user = ctx.data.users?.find((row) => row.id === entry.userId);
  return user?.displayName ? String(user.displayName) : entry.username;
};

/**
 * The fields of an update that the user really changed. A client sends the version it
 * started from: whatever someone else changed since then is known from the audit trail, so
 * edits to different fields both survive, and only an edit to a field someone else changed
 * meanwhile is refused (409, with the current record and both values).
 */
function changedByUser(
  ctx: CheckContext,
  resource: ResourceDef,
  input: Body,
  existing: Row,
  startedFrom: unknown,
): Body {
  const current = typeof existing.version === 'number' ? existing.version : 1;
  if (startedFrom === undefined || startedFrom === null || startedFrom === current) return input;
  if (!Number.isInteger(startedFrom) || (startedFrom as number) < 1 || (startedFrom as number) > current) {
    // named, not echoed: a version of a megabyte's text is not sent back whole
    throw new HttpError(400, message(ctx.lang, 'badVersion', { version: String(startedFrom).slice(0, 20) }));
  }
  const version = startedFrom as number;
  const known = ctx.history.complete(resource.name, existing.id, version, current);
  const later = ctx.history.since(resource.name, existing.id, version);
  // The record as the user saw it: undo, newest first, what happened after their version.
  const base: Row = { ...existing };
  const changedBy = new Map<string, { userId: number | null; username: string | null; at: string }>();
  for (const entry of [...later].reverse()) {
    for (const [key, value] of Object.entries(entry.before ?? {})) base[key] = value;
    for (const key of Object.keys(entry.after ?? {})) if (!changedBy.has(key)) changedBy.set(key, entry);
  }
  const { record: proposed } = checkWrite(resource, input, base);
  // a key that is no field stays, so that the checks refuse it as they would from the current version
  const touched = Object.keys(input).filter((key) => !getField(resource, key) || !sameValue(proposed[key], base[key]));
  const conflicts = touched.filter(
    (key) => getField(resource, key) && (!known || changedBy.has(key)) && !sameValue(proposed[key], existing[key]),
  );
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
              by: nameOf(ctx, changedBy.get(key)),
              at: changedBy.get(key)?.at ?? null,
            },
          ]),
        ),
        // what this writer may see of it: no hidden field's value, no secret
        current: present(resource, existing, ctx.role),
      },
    );
  }
  return Object.fromEntries(touched.map((key) => [key, input[key]]));
}

/** Checks an update (merged over the stored record) against the schema, the data and the
 * resource's own rules; returns the steps that write it, none when nothing changes. */
export function checkUpdate(ctx: CheckContext, resource: ResourceDef, body: Body, existing: Row): Step[] {
  const input = changedByUser(ctx, resource, withoutSystemFields(body), existing, body.version);
  const { record, reasons } = checkWrite(resource, input, existing);
  checkAgainstData(scanLookups(ctx.data), resource, record, reasons, existing.id);
  storePassword(resource, record, ctx, false, reasons);
  const more = ctx
    .hooks(resource)
    .flatMap((hooks) => hooks.check?.(ctx, resource, record as Row, reasons, existing) ?? []);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  Object.assign(record, stampsFor(resource, record, existing, input, ctx.now ?? Date.now()));
  const { id: _id, ...fields } = record;
  const changed = Object.keys(fields).some(
    (key) => !(systemFields as readonly string[]).includes(key) && !sameValue(fields[key], existing[key]),
  );
  return changed ? [{ op: 'update', resource: resource.name, row: existing, fields }, ...more] : more;
}
