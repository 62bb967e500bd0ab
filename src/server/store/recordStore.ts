import type { ResourceDef } from '../../schema';
import type { Aggregate, AggregateSpec } from '../aggregates';
import type { Actor, AuditEntry } from '../audit';
import type { Committed, Step } from '../commit';
import type { Data, Row } from './store';

/** A list query in json-server's form (`_sort`, `_start`, `status_ne`…), read once from the
 * request by protocol.ts; what every store answers. */
export type ListQuery = Record<string, string | string[]>;

/** A page of a list and the total it is part of. */
export interface Page {
  page: Row[];
  total: number;
}

/** A record's past, as the merges of concurrent edits read it. */
export interface History {
  /** the changes made to a record after `version`, oldest first */
  since(resource: string, id: unknown, version: number): AuditEntry[];
  /** whether every change after `version` up to `current` is known */
  complete(resource: string, id: unknown, version: number, current: number): boolean;
}

/**
 * What the API asks of a store, and all it asks. Reads answer promises, as a database's do: the routes know nothing of files, journals or
 * json-server. The embedded store (embedded.ts: the data in memory, a snapshot and a journal on
 * disk) is the first implementation.
 */
export interface RecordStore {
  /** the records as they are in this turn: what the synchronous checks right before a commit read */
  readonly data: Readonly<Data>;
  readonly history: History;
  /** the rows a query matches, sorted and sliced as it asks */
  page(resource: string, query: ListQuery): Promise<Page>;
  /** records by id, those that exist, in the order asked */
  get(resource: string, ids: readonly unknown[]): Promise<Row[]>;
  /** counts, sums and groups over the rows a filter matches */
  aggregate(resource: ResourceDef, query: ListQuery, spec: AggregateSpec): Promise<Aggregate>;
  /** the ids of the rows whose text holds every word of `q` (personal fields only when allowed) */
  search(resource: ResourceDef, q: string, personal: boolean): Promise<string[]>;
  /** an id for a record created in the next commit (an import links rows to new organisations) */
  takeId(resource: string): number;
  /**
   * The one write: every step applied, each update one version more, each with its audit entry
   * (this actor, exactly this change), all durable together or not at all. Synchronous up to
   * `durable`, so the checks made just before still hold. `followed` runs for each step once
   * all are applied, in the same turn (a schema rebuilt, sessions ended).
   */
  commit(
    actor: Actor | null,
    steps: Step[],
    followed?: (resource: string, before: Row | null, after: Row | null) => void,
  ): Committed;
  /** how many commits this store has made: a long import, planned between other requests,
   * knows by it whether the data moved under it before it commits */
  readonly commits: number;
  /** set once the disk refused a write: memory may hold what the disk does not */
  readonly failure: Error | null;
  /** set when the store opened read-only (a full disk): reads are served, a commit throws
   * ReadOnlyError */
  readonly readOnly: Error | null;
  /** the whole state written as one snapshot (restoring is opening: the snapshot, then the journal) */
  snapshot(): void;
  /** waits for pending writes, then lets the files go */
  close(): Promise<void>;
}
