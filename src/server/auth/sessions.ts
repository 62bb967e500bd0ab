import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: number;
  started: number;
  lastSeen: number;
  /** the account as it stands, when the store read it with the session (one round trip to a
   * database instead of two); otherwise the caller reads it */
  user?: Record<string, unknown>;
}

/**
 * Where sessions live: in this process (`Sessions`, the embedded store's) or in the database
 * (`PgSessions` in store/postgres/sessions.ts, so that any of several servers answers any
 * request). Each ends a session after `idleMinutes` without a request and `maxHours` after
 * sign-in however busy. Every answer is a promise, as a database's is.
 */
export interface SessionStore {
  /** a new session of this user, with a fresh random id */
  start(userId: number): Promise<Session>;
  /** The live session for this id, touched; undefined when unknown, idle too long or too old. */
  touch(id: string | undefined): Promise<Session | undefined>;
  /** Which of these ids are of live sessions, none of them touched (a live-update stream
   * asks, every few seconds, whether the session that opened it has ended: logged out,
   * expired, its account disabled); one question for any number of ids. */
  live(ids: readonly string[]): Promise<Set<string>>;
  end(id: string | undefined): Promise<void>;
  /** Ends every session of a user (disabled, demoted, password set), but `except`. */
  endAllOf(userId: number, except?: string): Promise<void>;
}

/** A session id: 32 random bytes, URL-safe. */
export const newSessionId = () => randomBytes(32).toString('base64url');

/**
 * Server-side sessions behind an opaque random id (sent as an HttpOnly cookie), ending after
 * `idleMinutes` without a request, and `maxHours` after sign-in however busy (a stolen or
 * forgotten session on a shared tablet does not live for ever). In memory: a restart logs
 * everyone out, which is the safe way round.
 */
export class Sessions implements SessionStore {
  private byId = new Map<string, Session>();

  constructor(
    private readonly idleMinutes: number,
    private readonly maxHours = 12,
    private readonly now: () => number = Date.now,
  ) {}

  async start(userId: number): Promise<Session> {
    const now = this.now();
    const session = { id: newSessionId(), userId, started: now, lastSeen: now };
    this.byId.set(session.id, session);
    return { ...session };
  }

  async touch(id: string | undefined): Promise<Session | undefined> {
    const session = id ? this.byId.get(id) : undefined;
    if (!session) return undefined;
    if (this.expired(session)) {
      this.byId.delete(session.id);
      return undefined;
    }
    session.lastSeen = this.now();
    return { ...session };
  }

  async live(ids: readonly string[]): Promise<Set<string>> {
    return new Set(
      ids.filter((id) => {
        const session = this.byId.get(id);
        return session !== undefined && !this.expired(session);
      }),
    );
  }

  private expired(session: Session) {
    const now = this.now();
    return now - session.lastSeen > this.idleMinutes * 60_000 || now - session.started > this.maxHours * 3_600_000;
  }

  async end(id: string | undefined) {
    if (id) this.byId.delete(id);
  }

  async endAllOf(userId: number, except?: string) {
    for (const [id, session] of this.byId) if (session.userId === userId && id !== except) this.byId.delete(id);
  }
}
