/**
 * What one server tells the others (and its own listeners) after a commit: the schema's
 * definitions changed (reload the custom schema), a user's sessions ended, records of a list
 * changed (the check-in desk's live count). `resync` is said to a server's own listeners when
 * it may have missed changes (its connection to the database dropped and came back): anything
 * may have changed.
 */
export type Change =
  | { kind: 'schema' }
  | { kind: 'sessions'; userId: number }
  | { kind: 'records'; resource: string; ids: (string | number)[] }
  | { kind: 'resync' };

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
