import type { Lang, ResourceDef, Role } from '../../schema';
import type { ImportReport, NewRecord, RowResult } from '../../schema/imports';
import type { AuditTrail, Actor } from '../audit';
import { HttpError, message } from '../messages';
import type { JournalEntry } from '../store/journal';
import type { Row, Store } from '../store/store';
import type { PlannedRecord } from './newNames';
import { planImport, type Plan } from './plan';

export { MAX_IMPORT_ROWS } from '../../schema/imports';

const publicRecord = ({ standIn: _s, record: _r, ...shown }: PlannedRecord): NewRecord => shown;

/**
 * An import: with `dryRun`, the preview; otherwise all or nothing. Any invalid row refuses the
 * whole import (400, with every row's outcome) and nothing is written; else the new records the
 * file names and every row are written in one step, in memory and as one journal line, so a
 * crash keeps all or none of it.
 */
export async function runImport(args: {
  store: Store;
  audit: AuditTrail;
  actor: Actor | null;
  role: Role | undefined;
  resource: ResourceDef;
  body: unknown;
  dryRun: boolean;
  lang: Lang;
  /** the server's clock (a move's stamps) */
  now?: number;
}): Promise<ImportReport> {
  const { store, audit, actor, role, resource, body, dryRun, lang, now = Date.now() } = args;
  const plan = planImport(store.data, resource, body, lang, role, now);
  const { counts, unmatched } = plan;
  const rows = plan.planned.map((p) => p.result);
  const report = { counts, rows, newRecords: plan.newRecords.map(publicRecord), unmatched };
  if (dryRun) return { written: false, ...report };
  if (counts.invalid > 0)
    throw new HttpError(400, message(lang, 'importRefused', { count: counts.invalid }), { written: false, ...report });

  // The checks above were the last word; from here memory changes, and if anything fails
  // before the journal holds it all, memory and disk differ: stop writing until a restart.
  try {
    return await commit(store, audit, actor, resource, plan, rows);
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
  plan: Plan,
  rows: RowResult[],
): Promise<ImportReport> {
  const now = new Date().toISOString();
  const entries: JournalEntry[] = [];
  const add = (collection: string, fields: Record<string, unknown>) => {
    const { id: _id, ...values } = fields;
    const row: Row = { ...values, id: store.takeId(collection), createdAt: now, updatedAt: now, version: 1 };
    (store.data[collection] ??= []).push(row);
    entries.push({ r: collection, put: { ...row } });
    const trail = audit.record(actor, 'import', collection, null, row);
    if (trail) entries.push(trail);
    return row;
  };
  // first the records the rows name, so each row links to its new organisation's own id
  const ids = new Map<unknown, Row['id']>();
  const newRecords = plan.newRecords.map((record) => {
    const row = add(record.resource, record.record);
    ids.set(record.standIn, row.id);
    return { ...publicRecord(record), id: row.id };
  });
  // only links hold stand-ins: a number that happens to equal one elsewhere is left alone
  const links = new Set(resource.fields.filter((f) => f.type === 'reference').map((f) => f.source));
  const linked = (values: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, links.has(key) ? (ids.get(value) ?? value) : value]),
    );
  for (const { result, values, existing } of plan.planned) {
    if (result.outcome === 'create') result.id = add(resource.name, linked(values!)).id;
    else if (result.outcome === 'update') {
      const before = { ...existing! };
      Object.assign(existing!, linked(values!), { updatedAt: now, version: (Number(existing!.version) || 1) + 1 });
      entries.push({ r: resource.name, put: { ...existing! } });
      const trail = audit.record(actor, 'import', resource.name, before, existing!);
      if (trail) entries.push(trail);
    }
  }
  if (entries.length > 0) await store.journal.append(entries);
  return { written: true, counts: plan.counts, rows, newRecords, unmatched: plan.unmatched };
}
