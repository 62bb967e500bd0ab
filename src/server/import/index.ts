import { importKeysOf, resourceByName, type Lang, type ResourceDef, type Role } from '../../schema';
import type { ImportReport, NewRecord } from '../../schema/imports';
import type { Actor } from '../audit';
import type { Step } from '../store/recordStore';
import { HttpError, message } from '../messages';
import { ReadOnlyError } from '../store/diskFull';
import { NotDurableError, WriteConflictError, type RecordStore, type WriteView } from '../store/recordStore';
import type { Row } from '../store/store';
import type { PlannedRecord } from './newNames';
import { planImport, planImportInSlices, type Plan } from './plan';

export { MAX_IMPORT_ROWS } from '../../schema/imports';

const publicRecord = ({ standIn: _s, record: _r, ...shown }: PlannedRecord): NewRecord => shown;

/** Plans made a slice at a time before one is made in one go (see runImport). */
const SLICED_TRIES = 2;

/**
 * An import: with `dryRun`, the preview; otherwise all or nothing. Any invalid row refuses the
 * whole import (400, with every row's outcome) and nothing is written; else the new records the
 * file names and every row are written in one step, in memory and as one journal line, so a
 * crash keeps all or none of it.
 *
 * Planned a slice at a time, so other requests are answered meanwhile. They may write between
 * slices: a plan is committed only when no commit came between its first slice and the commit,
 * so it is a plan of the very data the commit meets (check, then commit, with nothing between).
 * Otherwise it is planned again; after two such tries, in one go, holding the server as long.
 */
export async function runImport(args: {
  records: RecordStore;
  actor: Actor | null;
  role: Role | undefined;
  resource: ResourceDef;
  body: unknown;
  dryRun: boolean;
  lang: Lang;
  /** the server's clock (a move's stamps) */
  now?: number;
  /** the client has gone: a preview stops (a write goes on, as it would have) */
  signal?: AbortSignal;
}): Promise<ImportReport> {
  const { records, actor, role, resource, body, dryRun, lang, now = Date.now(), signal } = args;
  // as the schema is now: a field an admin added meanwhile is a commit too
  const current = () => resourceByName[resource.name] ?? resource;
  // A database shared by several servers: this server's commits do not tell whether the data
  // moved, so the commit is planned inside its write (in slices still), on what it reads there.
  if (records.shared && !dryRun) return importInside(args, current);
  for (let tries = 0; ; tries++) {
    const before = records.commits;
    const data = await records.load(importLists(current()));
    const sliced =
      tries < SLICED_TRIES
        ? await planImportInSlices(data, current(), body, lang, role, now, dryRun ? signal : undefined)
        : null;
    // a preview need only be true of the data it was shown against
    if (dryRun) return { written: false, ...reportOf(sliced ?? planImport(data, current(), body, lang, role, now)) };
    let report: ImportReport | null = null;
    try {
      await records.write(actor, async (view) => {
        // no other write comes in between from here: a plan made while others wrote is made
        // again, in slices while that may still settle, then at once, holding the writes
        if (sliced && records.commits !== before) return [];
        const plan = sliced ?? planImport(await view.load(importLists(current())), current(), body, lang, role, now);
        const written = await stepsOf(view, current(), plan, lang);
        report = written.report;
        return written.steps;
      });
    } catch (error) {
      throw refusalOf(error, lang);
    }
    if (report) return report;
  }
}

/** The lists an import's plan reads whole: its own, and those its links name. */
export const importLists = (resource: ResourceDef) => [
  resource.name,
  ...resource.fields.filter((f) => f.type === 'reference' && f.reference).map((f) => f.reference!),
];

/**
 * The stored records an import can match, when fewer than its whole list: with every key of the
 * list naming a field the page fixed (a summit's guest list: each key starts with summitId), and
 * no field unique across the list, only the records holding that value can be found by a row.
 */
function narrowedTo(resource: ResourceDef, body: unknown) {
  const { key, fixed } = (body ?? {}) as { key?: unknown; fixed?: unknown };
  if (!fixed || typeof fixed !== 'object' || !Array.isArray(key) || key.includes('id')) return undefined;
  if (resource.fields.some((f) => f.unique)) return undefined;
  const keys = importKeysOf(resource);
  const field = Object.keys(fixed).find((source) => keys.length > 0 && keys.every((k) => k.includes(source)));
  const value = field === undefined ? undefined : (fixed as Record<string, unknown>)[field];
  if (field === undefined || value === null || value === undefined || typeof value === 'object') return undefined;
  return { [resource.name]: { field, value } };
}

/** An import committed on a shared database: planned in its write's transaction, which reads
 * the lists it names whole (one such write at a time: see WriteView.load), so the rows and new
 * organisations it writes are those the data called for at its commit. */
async function importInside(args: Parameters<typeof runImport>[0], current: () => ResourceDef): Promise<ImportReport> {
  const { records, actor, role, body, lang, now = Date.now() } = args;
  let report: ImportReport | null = null;
  try {
    await records.write(actor, async (view) => {
      const data = await view.load(importLists(current()), narrowedTo(current(), body));
      const plan = await planImportInSlices(data, current(), body, lang, role, now);
      const written = await stepsOf(view, current(), plan, lang);
      report = written.report;
      return written.steps;
    });
  } catch (error) {
    throw refusalOf(error, lang);
  }
  return report!;
}

/** What a plan shows: the counts, each row's outcome, the new records it names. */
const reportOf = ({ counts, planned, newRecords, unmatched }: Plan) => ({
  counts,
  rows: planned.map((p) => p.result),
  newRecords: newRecords.map(publicRecord),
  unmatched,
});

/** A write refused as the client hears it: the plan's own refusal, a full disk, other writes
 * in its way every time, a commit the disk or the database did not confirm (api.ts answers the
 * last three), or else a write that did not reach the disk. */
const refusalOf = (error: unknown, lang: Lang) =>
  error instanceof HttpError ||
  error instanceof ReadOnlyError ||
  error instanceof WriteConflictError ||
  error instanceof NotDurableError
    ? error
    : new HttpError(500, message(lang, 'diskFailed'));

/** The plan as one write, refused whole (400, every row's outcome) when a row is invalid: the
 * new records the rows name first (their ids taken now, so the rows link to them), then every
 * row, each with an audit entry; and the report, each row's answer naming the record it becomes. */
async function stepsOf(view: WriteView, resource: ResourceDef, plan: Plan, lang: Lang) {
  if (plan.counts.invalid > 0)
    throw new HttpError(400, message(lang, 'importRefused', { count: plan.counts.invalid }), {
      written: false,
      ...reportOf(plan),
    });
  const ids = new Map<unknown, Row['id']>();
  const steps: Step[] = [];
  for (const record of plan.newRecords) {
    const id = await view.takeId(record.resource);
    ids.set(record.standIn, id);
    steps.push({ op: 'create', resource: record.resource, fields: { ...record.record, id }, action: 'import' });
  }
  // only links hold stand-ins: a number that happens to equal one elsewhere is left alone
  const links = new Set(resource.fields.filter((f) => f.type === 'reference').map((f) => f.source));
  const linked = (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, links.has(key) ? (ids.get(value) ?? value) : value]),
    );
  const report = reportOf(plan);
  for (const { result, values, existing } of plan.planned) {
    if (result.outcome === 'create') {
      const id = await view.takeId(resource.name);
      steps.push({ op: 'create', resource: resource.name, fields: { ...linked(values!), id }, action: 'import' });
      result.id = id;
    } else if (result.outcome === 'update') {
      steps.push({ op: 'update', resource: resource.name, row: existing!, fields: linked(values!), action: 'import' });
      result.id = existing!.id;
    }
  }
  const newRecords = plan.newRecords.map((record) => ({ ...publicRecord(record), id: ids.get(record.standIn)! }));
  return { steps, report: { written: true, ...report, newRecords } as ImportReport };
}
