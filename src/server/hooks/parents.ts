import {
  enums,
  getField,
  isFinal,
  lifecycleOf,
  requiredForParent,
  resourceByName,
  sameValue,
  type Label,
  type ResourceDef,
} from '../../schema';
import { reasonText } from '../../schema/messages';
import { checkWrite, type Reasons } from '../../schema/validate';
import { invalid } from '../checks';
import type { CheckContext } from './types';
import type { Step } from '../store/recordStore';
import { HttpError, message } from '../messages';
import { sameId, type Row } from '../records';
import type { Hooks } from './types';

/**
 * A record that moves the record it belongs to (a follow-up, its agreement: see `setsParent`
 * in the schema). The parent's moved fields are what its children's history says: a new child
 * is checked as a move (the lifecycle allows it; one dated before the latest is history and
 * moves nothing), and any change to the children (a new one, one edited, one deleted) leaves
 * the parent equal to its history, in the same commit. A delete that would leave a history the
 * lifecycle does not allow is refused, saying where.
 */

type Body = Record<string, unknown>;

function link(child: ResourceDef) {
  const setsParent = child.setsParent!;
  const parentResource = resourceByName[getField(child, setsParent.reference)!.reference!];
  return { ...setsParent, parentResource };
}

/** The parent's moved fields before any child: as the parent was created (its audit entry),
 * else the lifecycle's default and nothing. */
async function initialState(ctx: CheckContext, child: ResourceDef, parent: Row): Promise<Body> {
  const { fields, parentResource } = link(child);
  const created = (await ctx.view.history.since(parentResource.name, parent.id, 0)).find((e) => !e.before && e.after);
  return Object.fromEntries(
    Object.keys(fields).map((field) => [
      field,
      created?.after && Object.hasOwn(created.after, field)
        ? created.after[field]
        : (getField(parentResource, field)?.default ?? null),
    ]),
  );
}

/** The parent's moved fields as its children's history leaves them, or the first move its
 * lifecycle does not allow. */
export async function derive(ctx: CheckContext, child: ResourceDef, parent: Row, children: Row[]) {
  const { fields, parentResource } = link(child);
  const lifecycle = lifecycleOf(child, parentResource);
  const transitions = lifecycle ? getField(parentResource, lifecycle)!.transitions! : {};
  const order = child.sort.field;
  const history = [...children].sort(
    (a, b) => String(a[order]).localeCompare(String(b[order])) || Number(a.id) - Number(b.id),
  );
  const state = await initialState(ctx, child, parent);
  for (const row of history) {
    for (const [parentField, own] of Object.entries(fields)) {
      const value = row[own];
      if (value === null || value === undefined) continue;
      if (parentField === lifecycle && value !== state[parentField]) {
        const allowed = transitions[String(state[parentField])] ?? [];
        if (!allowed.includes(String(value))) return { state, broken: { row, from: state[parentField], to: value } };
      }
      state[parentField] = value;
    }
  }
  if (lifecycle && isFinal(parentResource, lifecycle, state[lifecycle]))
    for (const parentField of Object.keys(fields)) if (parentField !== lifecycle) state[parentField] = null;
  return { state, broken: null };
}

/** The step that makes the parent equal to what its children say, or none. */
async function follow(
  ctx: CheckContext,
  child: ResourceDef,
  parent: Row,
  children: Row[],
  refuse: (broken: NonNullable<Awaited<ReturnType<typeof derive>>['broken']>) => never,
): Promise<Step[]> {
  const { parentResource } = link(child);
  const { state, broken } = await derive(ctx, child, parent, children);
  if (broken) refuse(broken);
  const changes = Object.fromEntries(
    Object.entries(state).filter(([field, value]) => !sameValue(value, parent[field])),
  );
  return Object.keys(changes).length
    ? [{ op: 'update', resource: parentResource.name, row: parent, fields: changes }]
    : [];
}

const siblings = (ctx: CheckContext, child: ResourceDef, parent: Row) =>
  ctx.view.where(child.name, child.setsParent!.reference, parent.id);

/** A new child: the move it asks for, checked as the parent's own (the lifecycle allows it; a
 * late entry, dated before the latest, is history and may not move the status). */
async function checkNewChild(ctx: CheckContext, child: ResourceDef, record: Row, reasons: Reasons): Promise<Step[]> {
  const { reference, fields, parentResource } = link(child);
  const parent = await ctx.view.find(parentResource.name, record[reference]);
  if (!parent || Object.keys(reasons).length > 0) return []; // a missing parent is refused already
  const order = child.sort.field;
  const all = await siblings(ctx, child, parent);
  const latest = all.reduce<unknown>(
    (max, row) => (max === undefined || String(row[order]) > String(max) ? row[order] : max),
    undefined,
  );
  const lifecycle = lifecycleOf(child, parentResource);
  if (latest !== undefined && String(record[order]) < String(latest)) {
    const own = lifecycle ? fields[lifecycle] : undefined;
    if (own && record[own] != null && record[own] !== parent[lifecycle!])
      reasons[own] = { code: 'historyMoves', latest: String(latest) };
    return [];
  }
  // while the parent stays open after it, every mirrored field must be given (a next day)
  for (const own of requiredForParent(child, parentResource, parent, record))
    if (record[own] === null || record[own] === undefined) reasons[own] = { code: 'required' };
  const changes: Body = {};
  for (const [parentField, own] of Object.entries(fields)) if (record[own] != null) changes[parentField] = record[own];
  if (lifecycle && isFinal(parentResource, lifecycle, changes[lifecycle] ?? parent[lifecycle]))
    for (const parentField of Object.keys(fields)) if (parentField !== lifecycle) changes[parentField] = null;
  // the parent's own rules (a move its lifecycle allows), reported on the child's field
  const { record: merged, reasons: theirs } = checkWrite(parentResource, changes, parent, child.name);
  for (const [parentField, reason] of Object.entries(theirs)) reasons[fields[parentField] ?? parentField] = reason;
  if (Object.keys(reasons).length > 0) return [];
  const changed = Object.fromEntries(
    Object.keys(changes)
      .filter((k) => !sameValue(merged[k], parent[k]))
      .map((k) => [k, merged[k]]),
  );
  return Object.keys(changed).length
    ? [{ op: 'update', resource: parentResource.name, row: parent, fields: changed }]
    : [];
}

export const parentHooks: Hooks = {
  async check(ctx, child, record, reasons, existing) {
    if (!existing) return checkNewChild(ctx, child, record, reasons);
    // an edited child: the parent follows the history as it will be
    const { reference, parentResource } = link(child);
    const parent = await ctx.view.find(parentResource.name, existing[reference]);
    if (!parent || Object.keys(reasons).length > 0) return [];
    const children = (await siblings(ctx, child, parent)).map((row) =>
      sameId(row.id, existing.id) ? { ...existing, ...record } : row,
    );
    return follow(ctx, child, parent, children, (broken) => {
      throw invalid(child, { '': { code: 'historyBreaks', ...describe(broken, parentResource, child) } }, ctx.lang);
    });
  },
  async remove(ctx, child, existing) {
    const { reference, parentResource } = link(child);
    const parent = await ctx.view.find(parentResource.name, existing[reference]);
    if (!parent) return [];
    const children = (await siblings(ctx, child, parent)).filter((row) => !sameId(row.id, existing.id));
    return follow(ctx, child, parent, children, (broken) => {
      const reason = { code: 'historyBreaks' as const, ...describe(broken, parentResource, child) };
      throw new HttpError(409, message(ctx.lang, 'historyBreaks', { detail: reasonText(reason, ctx.lang) }));
    });
  },
};

/** A broken move in words: its date, from what to what. */
function describe(broken: { row: Row; from: unknown; to: unknown }, parentResource: ResourceDef, child: ResourceDef) {
  const lifecycle = lifecycleOf(child, parentResource)!;
  const options = enums[getField(parentResource, lifecycle)!.enum ?? ''] ?? [];
  const label = (value: unknown): Label =>
    options.find((o) => o.id === value)?.label ?? { zh: String(value), en: String(value) };
  return { on: String(broken.row[child.sort.field]), from: label(broken.from), to: label(broken.to) };
}
