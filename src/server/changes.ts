/**
 * What one server tells the others (and its own listeners): records of a list changed, by a
 * commit (the check-in desk's live count; a change to `customFields` or `customResources` is
 * the schema changing), or the schema changed otherwise (data moved in by `npm run db`).
 * `resync` is said to a server's own listeners when it may have missed changes (its connection
 * to the database dropped and came back): anything may have changed. Sessions need no change:
 * in the database, a session ended is ended for every server at once.
 */
export type Change =
  { kind: 'records'; resource: string; ids: (string | number)[] } | { kind: 'schema' } | { kind: 'resync' };

/** A change as a listener hears it: `mine` when this server (this bus) sent it. */
export type Heard = Change & { mine: boolean };

export type ChangeListener = (change: Heard) => void;

/**
 * How the servers of one store hear of each other's changes: in this process for the embedded
 * store (`LocalChangeBus`: one server owns the data file), over PostgreSQL's LISTEN/NOTIFY for
 * several servers on one database (`PgChangeBus`, store/postgres/changes.ts). Every listener
 * hears every change once, its own server's included, in the order they were sent.
 */
export interface ChangeBus {
  publish(change: Change): Promise<void>;
  /** listens until the returned function is called */
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** A record change names at most this many ids (a NOTIFY payload is under 8,000 bytes): an
 * import of thousands says only which list changed. */
export const MAX_IDS = 200;

export const recordsChanged = (resource: string, ids: readonly unknown[]): Change => ({
  kind: 'records',
  resource,
  ids: ids.length > MAX_IDS ? [] : ids.filter((id): id is string | number => ['string', 'number'].includes(typeof id)),
});

/** What a commit tells: per list it wrote to, the ids of its steps' records (`rows[i]` is step
 * i's record as the commit left it), in the order the lists were first written. */
export function changesOfCommit(steps: readonly { resource: string }[], rows: readonly { id?: unknown }[]): Change[] {
  const ids = new Map<string, unknown[]>();
  steps.forEach((step, i) => {
    if (!ids.has(step.resource)) ids.set(step.resource, []);
    ids.get(step.resource)!.push(rows[i]?.id);
  });
  return [...ids].map(([resource, changed]) => recordsChanged(resource, changed));
}

/** Calls each listener, keeping one listener's failure from the others. */
export function deliver(listeners: Iterable<ChangeListener>, change: Heard) {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      console.error('a change listener failed', error);
    }
  }
}

/** The embedded store's bus: one process (one server owns the data file), its listeners told at once. */
export class LocalChangeBus implements ChangeBus {
  private listeners = new Set<ChangeListener>();

  async publish(change: Change) {
    deliver([...this.listeners], { ...change, mine: true });
  }

  subscribe(listener: ChangeListener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close() {
    this.listeners.clear();
  }
}

/** The lists whose rows are the schema's own definitions (an admin's fields and lists). */
export const DEFINITION_LISTS = new Set(['customFields', 'customResources']);

/**
 * Keeps this server's schema in step with the others': `reload` (read the definitions, rebuild
 * the schema) when another server committed a definition or said the schema changed, and after
 * a resync. This server's own definition writes rebuild it already (hooks/definitions.ts), so
 * on the embedded store, where every change is this server's, it never reloads.
 */
export function followSchema(changes: ChangeBus, reload: () => void | Promise<void>) {
  return changes.subscribe((change) => {
    const theirs =
      change.kind === 'resync' ||
      (!change.mine &&
        (change.kind === 'schema' || (change.kind === 'records' && DEFINITION_LISTS.has(change.resource))));
    if (!theirs) return;
    Promise.resolve()
      .then(reload)
      .catch((error) => console.error('could not reload the schema another server changed', error));
  });
}
