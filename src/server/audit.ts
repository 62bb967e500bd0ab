import { sameValue } from './records';
import type { JournalEntry } from './store/journal';
import type { Row, Store } from './store/store';

export interface Actor {
  id: number;
  username: string;
}

export const actorOf = (user: Row | undefined): Actor | null =>
  user ? { id: user.id as number, username: String(user.username) } : null;

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'status';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: AuditAction;
  resource: string;
  recordId: string;
  version: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Bookkeeping fields that change on every write and say nothing a reader needs. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'version']);
/** Never copied into the trail: a hash is still a secret. */
const SECRET = 'passwordHash';

function visible(row: Row | null): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([key]) => !IGNORED.has(key) && key !== SECRET));
}

/** The fields that differ, each side holding only those (a changed password shows as such). */
export function difference(before: Row, after: Row) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !IGNORED.has(key)));
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    if (sameValue(before[key], after[key])) continue;
    if (key === SECRET) {
      a.password = '••••••';
      continue;
    }
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

/** What an audit entry holds of a write: the fields that changed (an update), or the record
 * (a create, a delete); null when an update changed nothing. */
export function auditChange(
  before: Row | null,
  after: Row | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null {
  if (before && after) {
    const change = difference(before, after);
    return Object.keys(change.after).length === 0 ? null : change;
  }
  return { before: visible(before), after: visible(after) };
}

/**
 * The append-only audit trail, kept in the store's `audit` collection (journalled with the
 * write it describes, in the same line) and indexed by record, which is also what lets the
 * server tell which fields changed since the version a client started from.
 */
export class AuditTrail {
  private byRecord = new Map<string, AuditEntry[]>();

  constructor(private readonly store: Store) {
    for (const entry of this.rows()) this.index(entry);
  }

  private rows(): AuditEntry[] {
    return (this.store.data.audit ??= []) as unknown as AuditEntry[];
  }

  private index(entry: AuditEntry) {
    const key = `${entry.resource}/${entry.recordId}`;
    const list = this.byRecord.get(key) ?? [];
    list.push(entry);
    this.byRecord.set(key, list);
  }

  /** Adds an entry for one write and returns the journal entry that makes it durable. */
  record(
    actor: Actor | null,
    action: AuditAction,
    resource: string,
    before: Row | null,
    after: Row | null,
  ): JournalEntry | null {
    const change = auditChange(before, after);
    if (!change) return null; // nothing changed
    const record = (after ?? before)!;
    const entry: AuditEntry = {
      id: this.store.takeId('audit'),
      at: new Date().toISOString(),
      userId: actor?.id ?? null,
      username: actor?.username ?? null,
      action,
      resource,
      recordId: String(record.id),
      version: typeof record.version === 'number' ? record.version : null,
      ...change,
    };
    this.rows().push(entry);
    this.index(entry);
    return { r: 'audit', put: entry as unknown as Row };
  }

  /** The changes made to a record after `version`, oldest first. */
  since(resource: string, id: unknown, version: number): AuditEntry[] {
    return (this.byRecord.get(`${resource}/${String(id)}`) ?? []).filter((entry) => (entry.version ?? 0) > version);
  }

  /** Whether the trail knows every change after `version` (each version in turn). */
  complete(resource: string, id: unknown, version: number, current: number): boolean {
    const seen = new Set(this.since(resource, id, version).map((entry) => entry.version));
    for (let v = version + 1; v <= current; v++) if (!seen.has(v)) return false;
    return true;
  }
}
