import type { ResourceDef } from '../../schema';
import { aggregate } from '../aggregates';
import { AuditTrail } from '../audit';
import { commit, type Step } from '../commit';
import { createListPath } from './listPath';
import { sameId } from '../records';
import { createSearch } from './search';
import type { RecordStore } from './recordStore';
import type { Row, Store } from './store';

/**
 * The embedded store: every record in memory, answered from kept sort orders and indexes
 * (listPath.ts) and kept search text (search.ts); every write one journal line (commit.ts)
 * on top of the snapshot (store.ts). Single-threaded: a commit is never interleaved.
 */
export function embeddedStore(store: Store, resources: Record<string, ResourceDef>): RecordStore {
  const audit = new AuditTrail(store);
  const listPath = createListPath(store, resources);
  const search = createSearch(store);

  /** Each list's records by id, built on first use: a record's page and every write find their
   * row without a pass over 100,000. A new record is found from the end of its list once, then
   * kept; a deleted one is forgotten by the commit that deletes it. */
  const ids = new Map<string, { rows: Row[]; byId: Map<string, Row> }>();
  const byId = (resource: string, id: unknown): Row | undefined => {
    const rows = store.data[resource] ?? [];
    let index = ids.get(resource);
    if (!index || index.rows !== rows) {
      index = { rows, byId: new Map(rows.map((row) => [String(row.id), row])) };
      ids.set(resource, index);
    }
    const key = String(id);
    let row = index.byId.get(key);
    // rows written beside the steps (the audit trail's) are found once, then kept
    if (!row && (row = rows.findLast((r) => sameId(r.id, key)))) index.byId.set(key, row);
    return row;
  };
  const forgetDeleted = (steps: Step[], written: Row[]) =>
    steps.forEach((step, i) => {
      if (step.op === 'delete') ids.get(step.resource)?.byId.delete(String(written[i].id));
    });

  return {
    get data() {
      return store.data;
    },
    history: audit,
    page: (resource, query) => listPath(resource, query),
    get(resource, ids) {
      const found = ids.map((id) => byId(resource, id));
      return found.filter((row) => row !== undefined);
    },
    aggregate: (resource, query, spec) => aggregate(store.data[resource.name] ?? [], resource, query, spec),
    search,
    takeId: (resource) => store.takeId(resource),
    commit(actor, steps, followed) {
      const committed = commit(store, audit, actor, steps, followed);
      forgetDeleted(steps, committed.rows);
      return committed;
    },
    get failure() {
      return store.journal.failure;
    },
    get readOnly() {
      return store.readOnly;
    },
    snapshot: () => store.snapshot(),
    close: () => store.close(),
  };
}
