import { getField, stampsFor, systemFields, type Lang, type ResourceDef } from '../schema';
import { reasonText, type Reason } from '../schema/messages';
import { checkWrite, type Reasons } from '../schema/validate';
import type { CheckContext } from './hooks/types';
import { HttpError, message } from './messages';
import { present } from './present';
import { sameValue } from './records';
import type { Step, WriteView } from './store/recordStore';
import type { Row } from './store/store';

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

/** What only the data can tell of a record: the records its links name exist, its unique
 * values are free. Asked of the view by one write, of indexes by an import's thousands. */
type Question = { source: string; value: unknown } & ({ exists: string } | { unique: true });

function questionsOf(resource: ResourceDef, record: Row | Body, reasons: Reasons): Question[] {
  return resource.fields.flatMap((field): Question[] => {
    const value = record[field.source];
    if (reasons[field.source] || value === null || value === undefined) return [];
    const asked: Question[] = [];
    if (field.type === 'reference') asked.push({ source: field.source, value, exists: field.reference! });
    if (field.unique) asked.push({ source: field.source, value, unique: true });
    return asked;
  });
}

/** Each question the data answered no to, as the reason its field is refused. */
function refuse(questions: Question[], fails: boolean[], reasons: Reasons) {
  questions.forEach((q, i) => {
    if (fails[i])
      reasons[q.source] = 'exists' in q ? { code: 'missingReference', id: String(q.value) } : { code: 'taken' };
  });
}

/** How an import's indexes answer those questions (see import/lookups.ts). */
export interface Lookups {
  exists(resource: string, id: unknown): boolean;
  /** whether another record than `selfId` holds this value of a unique field */
  taken(resource: ResourceDef, field: string, value: unknown, selfId?: unknown): boolean;
}

export function checkAgainstData(
  lookups: Lookups,
  resource: ResourceDef,
  record: Row | Body,
  reasons: Reasons,
  selfId?: unknown,
) {
  const questions = questionsOf(resource, record, reasons);
  const fails = questions.map((q) =>
    'exists' in q ? !lookups.exists(q.exists, q.value) : lookups.taken(resource, q.source, q.value, selfId),
  );
  refuse(questions, fails, reasons);
}

async function checkAgainstView(
  view: WriteView,
  resource: ResourceDef,
  record: Row | Body,
  reasons: Reasons,
  existing?: Row,
) {
  // an update asks only of the values it changes: a guest's summit was there when it was set
  // and cannot go while guests point at it (a lock and a round trip fewer per edit)
  const questions = questionsOf(resource, record, reasons).filter(
    (q) => !existing || !sameValue(existing[q.source], q.value),
  );
  const selfId = existing?.id;
  // the parent this write moves (a follow-up's agreement) is held for its update at once: two
  // such writes that each held a share of it first would deadlock on the update
  const moves = resource.setsParent?.reference;
  const fails = await Promise.all(
    questions.map(async (q) => {
      if (!('exists' in q)) return view.taken(resource.name, q.source, q.value, selfId);
      return q.source === moves ? !(await view.find(q.exists, q.value)) : !(await view.exists(q.exists, q.value));
    }),
  );
  refuse(questions, fails, reasons);
}

/** Each hook's check of a record, one after another (each may add reasons the next reads). */
async function hookChecks(ctx: CheckContext, resource: ResourceDef, record: Row, reasons: Reasons, existing?: Row) {
  const steps: Step[] = [];
  for (const hooks of ctx.hooks(resource))
    steps.push(...((await hooks.check?.(ctx, resource, record, reasons, existing)) ?? []));
  return steps;
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
export async function checkCreate(ctx: CheckContext, resource: ResourceDef, body: Body): Promise<Step[]> {
  const { record, reasons } = checkWrite(resource, body);
  await checkAgainstView(ctx.view, resource, record, reasons);
  storePassword(resource, record, ctx, true, reasons);
  const { id: _id, ...fields } = record;
  const more = await hookChecks(ctx, resource, fields as Row, reasons);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  return [{ op: 'create', resource: resource.name, fields }, ...more];
}

/** Who made a change, as colleagues know them: the account's display name (the username the
 * trail kept, once the account is gone). */
const nameOf = async (ctx: CheckContext, entry: { userId: number | null; username: string | null } | undefined) => {
  if (!entry) return null;
  const user = entry.userId === null ? undefined : await ctx.view.find('users', entry.userId);
  return user?.displayName ? String(user.displayName) : entry.username;
};

/**
 * The fields of an update that the user really changed. A client sends the version it
 * started from: whatever someone else changed since then is known from the audit trail, so
 * edits to different fields both survive, and only an edit to a field someone else changed
 * meanwhile is refused (409, with the current record and both values).
 */
async function changedByUser(
  ctx: CheckContext,
  resource: ResourceDef,
  input: Body,
  existing: Row,
  startedFrom: unknown,
): Promise<Body> {
  const current = typeof existing.version === 'number' ? existing.version : 1;
  if (startedFrom === undefined || startedFrom === null || startedFrom === current) return input;
  if (!Number.isInteger(startedFrom) || (startedFrom as number) < 1 || (startedFrom as number) > current) {
    // named, not echoed: a version of a megabyte's text is not sent back whole
    throw new HttpError(400, message(ctx.lang, 'badVersion', { version: String(startedFrom).slice(0, 20) }));
  }
  const version = startedFrom as number;
  const known = await ctx.view.history.complete(resource.name, existing.id, version, current);
  const later = await ctx.view.history.since(resource.name, existing.id, version);
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
    const names = new Map<string, string | null>();
    for (const key of conflicts) names.set(key, await nameOf(ctx, changedBy.get(key)));
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
              by: names.get(key) ?? null,
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
export async function checkUpdate(
  ctx: CheckContext,
  resource: ResourceDef,
  body: Body,
  existing: Row,
): Promise<Step[]> {
  const input = await changedByUser(ctx, resource, withoutSystemFields(body), existing, body.version);
  const { record, reasons } = checkWrite(resource, input, existing);
  await checkAgainstView(ctx.view, resource, record, reasons, existing);
  storePassword(resource, record, ctx, false, reasons);
  const more = await hookChecks(ctx, resource, record as Row, reasons, existing);
  if (Object.keys(reasons).length > 0) throw invalid(resource, reasons, ctx.lang);
  Object.assign(record, stampsFor(resource, record, existing, input, ctx.now ?? Date.now()));
  const { id: _id, ...fields } = record;
  const changed = Object.keys(fields).some(
    (key) => !(systemFields as readonly string[]).includes(key) && !sameValue(fields[key], existing[key]),
  );
  return changed ? [{ op: 'update', resource: resource.name, row: existing, fields }, ...more] : more;
}
