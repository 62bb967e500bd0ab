import { resourceByName, type Lang, type ResourceDef, type Role } from '../../schema';
import type { ImportReport, NewRecord, RowResult } from '../../schema/imports';
import type { Actor } from '../audit';
import type { Step } from '../commit';
import { HttpError, message } from '../messages';
import { ReadOnlyError } from '../store/diskFull';
import type { RecordStore } from '../store/recordStore';
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
  for (let tries = 0; ; tries++) {
    const before = records.commits;
    // as the schema is now: a field an admin added meanwhile is a commit too
    const current = resourceByName[resource.name] ?? resource;
    const plan =
      tries < SLICED_TRIES
        ? await planImportInSlices(records.data, current, body, lang, role, now, dryRun ? signal : undefined)
        : planImport(records.data, current, body, lang, role, now);
    // a preview need only be true of the data it was shown against
    if (!dryRun && records.commits !== before) continue;
    // from here to the commit nothing awaits: no other request comes between
    const { counts, unmatched } = plan;
    const rows = plan.planned.map((p) => p.result);
    const report = { counts, rows, newRecords: plan.newRecords.map(publicRecord), unmatched };
    if (dryRun) return { written: false, ...report };
    if (counts.invalid > 0)
      throw new HttpError(400, message(lang, 'importRefused', { count: counts.invalid }), {
        written: false,
        ...report,
      });
    try {
      return await write(records, actor, current, plan, rows);
    } catch (error) {
      if (error instanceof ReadOnlyError) throw error;
      throw new HttpError(500, message(lang, 'diskFailed'));
    }
  }
}

/** The plan written: the new records the rows name first (their ids taken now, so the rows
 * link to them), then every row, in one commit with an audit entry each. */
async function write(
  records: RecordStore,
  actor: Actor | null,
  resource: ResourceDef,
  plan: Plan,
  rows: RowResult[],
): Promise<ImportReport> {
  const ids = new Map<unknown, Row['id']>();
  const steps: Step[] = plan.newRecords.map((record) => {
    const id = records.takeId(record.resource);
    ids.set(record.standIn, id);
    return { op: 'create', resource: record.resource, fields: { ...record.record, id }, action: 'import' };
  });
  // only links hold stand-ins: a number that happens to equal one elsewhere is left alone
  const links = new Set(resource.fields.filter((f) => f.type === 'reference').map((f) => f.source));
  const linked = (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, links.has(key) ? (ids.get(value) ?? value) : value]),
    );
  const written: RowResult[] = [];
  for (const { result, values, existing } of plan.planned) {
    if (result.outcome === 'create') {
      steps.push({ op: 'create', resource: resource.name, fields: linked(values!), action: 'import' });
      written.push(result);
    } else if (result.outcome === 'update') {
      steps.push({ op: 'update', resource: resource.name, row: existing!, fields: linked(values!), action: 'import' });
      written.push(result);
    }
  }
  const { rows: stored, durable } = records.commit(actor, steps);
  // each row's answer names the record it became
  written.forEach((result, i) => (result.id = stored[plan.newRecords.length + i].id));
  await durable;
  const newRecords = plan.newRecords.map((record) => ({ ...publicRecord(record), id: ids.get(record.standIn)! }));
  return { written: true, counts: plan.counts, rows, newRecords, unmatched: plan.unmatched };
}
