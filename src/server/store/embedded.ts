import type { ResourceDef } from '../../schema';
import { aggregate } from '../aggregates';
import { AuditTrail } from '../audit';
import { changesOfCommit, LocalChangeBus, type ChangeBus } from '../changes';
import { commit } from './embeddedCommit';
import { findById, sameId } from '../records';
import { createListPath } from './listPath';
import { createSearch } from './search';
import { NotDurableError, type History, type RecordStore, type Step, type WriteView } from './recordStore';
import type { Row, Store } from './store';

/**
 * The embedded store: every record in memory, answered from kept sort orders and indexes
 * (listPath.ts) and kept search text (search.ts); every write one journal line (embeddedCommit.ts)
 * on top of the snapshot (store.ts). Writes run one at a time, each from its first read to its
 * commit: whatever a write's checks await, no other write comes in between.
 */
export function embeddedStore(
  store: Store,
  resources: Record<string, ResourceDef>,
  changes: ChangeBus = new LocalChangeBus(),
): RecordStore {
  // Records from before versions existed start at 1 (the admins' lists' too).
  const lists = [...Object.keys(resources), ...(store.data.customResources ?? []).map((row) => String(row.name))];
  for (const name of new Set(lists)) for (const row of store.data[name] ?? []) row.version ??= 1;
  const audit = new AuditTrail(store);
  const listPath = createListPath(store, resources);
  const search = createSearch(store);
  let commits = 0;

  /** Each list's records by id, built on first use and kept by the commits that add and remove
   * them: a record's page and every write find their row without a pass over 100,000. A list
   * that grew some other way (the audit trail, written beside the steps) is indexed afresh. */
  const indexes = new Map<string, { rows: Row[]; size: number; byId: Map<string, Row> }>();
  const indexOf = (resource: string) => {
    const rows = store.data[resource] ?? [];
    let index = indexes.get(resource);
    if (!index || index.rows !== rows || index.size !== rows.length) {
      const byId = new Map<string, Row>();
      // the first of two rows claiming one id wins, as a scan would find it
      for (const row of rows)
        if (row.id !== null && row.id !== undefined && !byId.has(String(row.id))) byId.set(String(row.id), row);
      index = { rows, size: rows.length, byId };
      indexes.set(resource, index);
    }
    return index;
  };
  /** After a commit: its new rows found from the end of their lists (where they were added),
   * its deleted ones forgotten. A large import's lists are indexed afresh instead. */
  const keepIndexes = (steps: Step[], written: Row[]) => {
    const created = new Map<string, number>();
    for (const step of steps)
      if (step.op === 'create') created.set(step.resource, (created.get(step.resource) ?? 0) + 1);
    for (const [resource, count] of created) if (count > 100) indexes.delete(resource);
    steps.forEach((step, i) => {
      const index = indexes.get(step.resource);
      if (!index) return;
      const key = String(written[i].id);
      if (step.op === 'delete') index.byId.delete(key);
      if (step.op === 'create') {
        const row = index.rows.findLast((r) => String(r.id) === key);
        if (row) index.byId.set(key, row);
      }
      index.size = index.rows.length;
    });
  };

  const history: History = {
    since: async (resource, id, version) => audit.since(resource, id, version),
    complete: async (resource, id, version, current) => audit.complete(resource, id, version, current),
  };
  const rowsOf = (resource: string) => store.data[resource] ?? [];
  /** the live rows: an update step changes the row it names, in place */
  const view: WriteView = {
    find: async (resource, id) => indexOf(resource).byId.get(String(id)) ?? findById(rowsOf(resource), id),
    exists: async (resource, id) => (await view.find(resource, id)) !== undefined,
    where: async (resource, field, value) => rowsOf(resource).filter((row) => sameId(row[field], value)),
    all: async (resource) => [...rowsOf(resource)],
    taken: async (resource, field, value, selfId) => {
      const wanted = String(value).toLowerCase();
      return rowsOf(resource).some(
        (row) => !sameId(row.id, selfId) && String(row[field] ?? '').toLowerCase() === wanted,
      );
    },
    takeId: async (resource) => store.takeId(resource),
    load: async () => store.data,
    history,
  };
  /** Each list's changed ids, told to the listeners of the bus. */
  const tell = (steps: Step[], rows: Row[]) => {
    for (const change of changesOfCommit(steps, rows)) void changes.publish(change);
  };
  /** the write running now, and those queued behind it */
  let writing: Promise<unknown> = Promise.resolve();

  return {
    load: async () => store.data,
    shared: false,
    searchesInList: false,
    history,
    changes,
    page: async (resource, query) => listPath(resource, query),
    // the rows are in memory already: only their order is made, then handed out in slices
    async scan(resource, query, size) {
      const { _start: _s, _end: _e, ...all } = query;
      const { page: rows, total } = await listPath(resource, all);
      return { total, pages: slicesOf(rows, size) };
    },
    async get(resource, ids) {
      const { byId } = indexOf(resource);
      return ids.map((id) => byId.get(String(id))).filter((row) => row !== undefined);
    },
    aggregate: async (resource, query, spec) => aggregate(store.data[resource.name] ?? [], resource, query, spec),
    search: async (resource, q, personal) => search(resource, q, personal),
    get commits() {
      return commits;
    },
    async write(actor, plan, followed) {
      let planned: Step[] = [];
      const turn = writing.then(async () => {
        const steps = (planned = await plan(view));
        if (steps.length === 0) return { rows: [], durable: Promise.resolve() };
        commits++;
        try {
          const committed = commit(store, audit, actor, steps, followed);
          keepIndexes(steps, committed.rows);
          return committed;
        } catch (error) {
          // applied in part: the lists it touched are indexed afresh on their next read
          for (const step of steps) indexes.delete(step.resource);
          throw error;
        }
      });
      writing = turn.catch(() => undefined);
      const { rows, durable } = await turn;
      // the next write may begin meanwhile: the journal writes lines in order
      await durable.catch((error: Error) => {
        throw new NotDurableError(error.message);
      });
      // who listens hears of it once it is on disk (the check-in desks' live count)
      tell(planned, rows);
      return rows;
    },
    get failure() {
      return store.journal.failure;
    },
    get readOnly() {
      return store.readOnly;
    },
    snapshot: () => store.snapshot(),
    close: async () => {
      await store.close();
      await changes.close();
    },
  };
}

/** `rows`, `size` at a time. */
async function* slicesOf(rows: Row[], size: number) {
  for (let i = 0; i < rows.length; i += Math.max(1, size)) yield rows.slice(i, i + Math.max(1, size));
}
