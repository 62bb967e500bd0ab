import type { Actor, AuditTrail } from '../audit';
import { updated, type Row } from '../records';
import { ReadOnlyError } from './diskFull';
import type { JournalEntry } from './journal';
import type { Store } from './store';
import type { Step } from './recordStore';

export interface Committed {
  /** per step, the record as this commit left it (a deleted one as it was): copies, so the
   * answer says what this request wrote, whatever the next request does to the live row */
  rows: Row[];
  /** resolved once every step is on disk; the request is answered after it */
  durable: Promise<void>;
}

/**
 * The only place a write happens. Applies the steps to memory, each update one version more,
 * each step with its own audit entry (the before and after of exactly this change, by this
 * actor), and appends them all as one journal line, so they land on disk together or not at
 * all. Nothing here awaits: the checks a caller made just before still hold when the steps
 * apply, and no other request can come in between.
 */
export function commit(
  store: Store,
  audit: AuditTrail,
  actor: Actor | null,
  steps: Step[],
  /** what follows each step, once all are applied, in the same turn (a schema rebuilt) */
  followed?: (resource: string, before: Row | null, after: Row | null) => void,
): Committed {
  // before memory changes: a refused write leaves nothing behind
  if (store.readOnly) throw new ReadOnlyError(store.readOnly);
  const now = new Date().toISOString();
  const entries: JournalEntry[] = [];
  const rows: Row[] = [];
  const befores: (Row | null)[] = [];
  const trail = (step: Step, before: Row | null, after: Row | null) => {
    if (step.audit === false) return;
    const entry = audit.record(actor, step.action ?? step.op, step.resource, before, after);
    if (entry) entries.push(entry);
  };
  for (const step of steps) {
    const collection = (store.data[step.resource] ??= []);
    if (step.op === 'create') {
      const { id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = step.fields;
      const row: Row = {
        ...fields,
        id: typeof id === 'number' ? id : store.takeId(step.resource),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      collection.push(row);
      entries.push({ r: step.resource, put: { ...row } });
      trail(step, null, row);
      rows.push({ ...row });
      befores.push(null);
    } else if (step.op === 'update') {
      const after = updated(step.row, step.fields, now);
      if (!after) {
        rows.push({ ...step.row });
        befores.push({ ...step.row });
        continue;
      }
      const before = { ...step.row };
      // the live row, in place: the lists and indexes that hold it stay right
      Object.assign(step.row, after);
      entries.push({ r: step.resource, put: { ...step.row } });
      trail(step, before, step.row);
      rows.push({ ...step.row });
      befores.push(before);
    } else {
      const index = collection.indexOf(step.row);
      if (index !== -1) collection.splice(index, 1);
      entries.push({ r: step.resource, del: step.row.id });
      trail(step, step.row, null);
      rows.push({ ...step.row });
      befores.push({ ...step.row });
    }
  }
  if (followed) steps.forEach((step, i) => followed(step.resource, befores[i], step.op === 'delete' ? null : rows[i]));
  const durable = store.journal.append(entries);
  // Memory now holds what the disk may refuse: then nothing more is written or served until a
  // restart reads back what the disk holds (the journal keeps the failure).
  durable.catch((error: Error) => {
    store.journal.failure ??= error;
    console.error('journal write failed; stopping writes until restart', error);
  });
  return { rows, durable };
}
