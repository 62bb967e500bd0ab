import type { ResourceDef } from '../../schema';
import type { Aggregate, AggregateSpec } from '../aggregates';
import type { Actor, AuditAction, AuditEntry } from '../audit';
import type { ChangeBus } from '../changes';
import type { Data, Row } from './store';

/** A list query in json-server's form (`_sort`, `_start`, `status_ne`…), read once from the
 * request by protocol.ts; what every store answers. */
export type ListQuery = Record<string, string | string[]>;

/**
 * Set on a list query whose `q` the store searches itself (RecordStore.searchesInList): whether
 * the asker may find records by phones and e-mails. A symbol, so no request can set it.
 */
export const SEARCH_PERSONAL: unique symbol = Symbol('search personal data');

/** Whether a query's `q` may match personal data (false unless the API said so). */
export const searchesPersonal = (query: ListQuery) =>
  (query as ListQuery & { [SEARCH_PERSONAL]?: boolean })[SEARCH_PERSONAL] === true;

/** A page of a list and the total it is part of. */
export interface Page {
  page: Row[];
  total: number;
}

/**
 * Every row a query matches, in its order, a page at a time (RecordStore.scan): `total` rows,
 * which and in what order decided when the scan began; each row as it is when its page is
 * read (one deleted meanwhile is left out). Memory holds one page, not the list.
 */
export interface Scan {
  total: number;
  pages: AsyncIterable<Row[]>;
}

/**
 * One step of a write: a new record, fields of a stored one, a stored one gone. A request's
 * steps (the record, its dependants, the record its new child moves, an import's rows and the
 * organisations they name) are committed together.
 */
export type Step = (
  | { op: 'create'; resource: string; fields: Record<string, unknown>; action?: AuditAction }
  | { op: 'update'; resource: string; row: Row; fields: Record<string, unknown>; action?: AuditAction }
  | { op: 'delete'; resource: string; row: Row; action?: AuditAction }
) & {
  /** false: no audit entry. An account's own preferences (src/server/auth/preferences.ts): no
   * record, nobody else's business, and saved at every column resized; the outbox's sending
   * (a mail keeps its own tries and answers); the mail settings (their password is a secret) */
  audit?: false;
};

/** A record's past, as the merges of concurrent edits read it. */
export interface History {
  /** the changes made to a record after `version`, oldest first */
  since(resource: string, id: unknown, version: number): Promise<AuditEntry[]>;
  /** whether every change after `version` up to `current` is known */
  complete(resource: string, id: unknown, version: number, current: number): Promise<boolean>;
}

/**
 * What a write reads while it is checked: the records as they stand, with no other write in
 * between until its steps are committed (the embedded store runs writes one at a time; a
 * database reads them in the write's transaction, the rows it changes locked).
 */
export interface WriteView {
  /** one record, or undefined */
  find(resource: string, id: unknown): Promise<Row | undefined>;
  /** whether a record is there, kept there until this write commits (a reference's target: a
   * guest's summit), while other writes referring to it go on (a database locks it FOR KEY
   * SHARE, where `find` locks it FOR UPDATE and a summit's guests would queue on their summit) */
  exists(resource: string, id: unknown): Promise<boolean>;
  /** the records whose `field` holds `value` (a summit's guests, an agreement's follow-ups) */
  where(resource: string, field: string, value: unknown): Promise<Row[]>;
  /** every record of a list: for the small ones (accounts, the schema's definitions) and the
   * rare write that must see them all (a field's type converted) */
  all(resource: string): Promise<Row[]>;
  /** whether a record other than `selfId` holds this value of a unique field, letter case aside */
  taken(resource: string, field: string, value: unknown, selfId?: unknown): Promise<boolean>;
  /** an id for a record created by this write (an import links rows to new organisations) */
  takeId(resource: string): Promise<number>;
  /** the named lists whole, as this write sees them (an import planned inside its write), or
   * of a list named in `only` the records whose field holds that value (a summit's guests); a
   * database store lets no other write change these lists until this one commits */
  load(lists: readonly string[], only?: Record<string, { field: string; value: unknown }>): Promise<Data>;
  readonly history: History;
}

/** Decides a write's steps from what it reads; throws to refuse (nothing is written). */
export type Plan = (view: WriteView) => Promise<Step[]>;

/** What follows each step of a commit, once all are applied (a schema rebuilt, sessions ended). */
export type Followed = (resource: string, before: Row | null, after: Row | null) => void | Promise<void>;

/**
 * Where a write the checks allowed was not confirmed durable, which is what the client is told:
 * - `disk`: the embedded store's disk refused it; nothing of it is kept (until a restart, memory
 *   may hold it: RecordStore.failure);
 * - `refused`: the database answered the COMMIT with an error; nothing of it is kept;
 * - `unknown`: the connection to the database broke (or the server was shut down) during the
 *   COMMIT: the database may have kept it or not, and no one can tell this server which.
 */
export type NotDurableOutcome = 'disk' | 'refused' | 'unknown';

/** The disk (or the database) did not confirm a write the checks allowed (`outcome`: whether
 * it may have been kept all the same). */
export class NotDurableError extends Error {
  constructor(
    message: string,
    readonly outcome: NotDurableOutcome = 'disk',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A write the checks allowed that could not be committed for other writes in its way, however
 * often it was planned again (a database's serialization failures, deadlocks, rows changed
 * under it, or a lock not had within the database's lock_timeout): nothing of it is kept, and
 * the same request may well succeed a moment later. The API answers 503 with Retry-After.
 */
export class WriteConflictError extends Error {}

/**
 * What the API asks of a store, and all it asks: the routes know nothing of files, journals or
 * json-server. Reads answer promises, as a database's do. The embedded store (embedded.ts: the
 * data in memory, a snapshot and a journal on disk) is the first implementation.
 */
export interface RecordStore {
  /**
   * The named lists whole (at least those: the embedded store answers its memory, every list,
   * at no cost): what start-up reads (the schema's definitions), an import's preview plans
   * against, and the embedded store's imports plan against before their write.
   */
  load(lists: readonly string[]): Promise<Data>;
  /** Whether other writes (of other servers on one database) may commit while a write is
   * planned outside the store: then an import plans inside its write (WriteView.load), since
   * `commits` cannot tell it the data moved. */
  readonly shared: boolean;
  /** Whether `page` and `aggregate` search a query's `q` themselves (in SQL, with the filters),
   * told by SEARCH_PERSONAL whether personal data counts; otherwise the API turns `q` into the
   * ids `search` finds before it asks. */
  readonly searchesInList: boolean;
  readonly history: History;
  /** the rows a query matches, sorted and sliced as it asks */
  page(resource: string, query: ListQuery): Promise<Page>;
  /** every row a query matches (its filters and sort; `_start`/`_end` aside), `size` rows a
   * page: an export of a million rows without a million rows in memory */
  scan(resource: string, query: ListQuery, size: number): Promise<Scan>;
  /** records by id, those that exist, in the order asked */
  get(resource: string, ids: readonly unknown[]): Promise<Row[]>;
  /** counts, sums and groups over the rows a filter matches */
  aggregate(resource: ResourceDef, query: ListQuery, spec: AggregateSpec): Promise<Aggregate>;
  /** the ids of the rows whose text holds every word of `q` (personal fields only when allowed) */
  search(resource: ResourceDef, q: string, personal: boolean): Promise<string[]>;
  /**
   * The one write: `plan` reads what its checks need and returns the steps; every step is then
   * applied, each update one version more, each with its audit entry (this actor, exactly this
   * change), all durable together or not at all, with no other write between the reads and the
   * commit. Resolves, once durable, with each step's record as this write left it (none when
   * the plan has no step); rejects with the plan's refusal, NotDurableError, or WriteConflictError.
   */
  write(actor: Actor | null, plan: Plan, followed?: Followed): Promise<Row[]>;
  /**
   * Where the store tells of its commits (`records` changes, each list's ids) and where a server
   * hears of the commits of others on the same data: in process for the embedded store, over
   * LISTEN/NOTIFY for PostgreSQL (sent inside the write's transaction). Told once durable.
   */
  readonly changes: ChangeBus;
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
