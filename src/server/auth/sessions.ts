import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: number;
  started: number;
  lastSeen: number;
}

/**
 * Server-side sessions behind an opaque random id (sent as an HttpOnly cookie), ending after
 * `idleMinutes` without a request, and `maxHours` after sign-in however busy (a stolen or
 * forgotten session on a shared tablet does not live for ever). In memory: a restart logs
 * everyone out, which is the safe way round.
 */
export class Sessions {
  private byId = new Map<string, Session>();

  constructor(
    private readonly idleMinutes: number,
    private readonly maxHours = 12,
    private readonly now: () => number = Date.now,
  ) {}

  start(userId: number): Session {
    const now = this.now();
    const session = { id: randomBytes(32).toString('base64url'), userId, started: now, lastSeen: now };
    this.byId.set(session.id, session);
    return session;
  }

  /** The live session for this id, touched; undefined when unknown or idle too long. */
  touch(id: string | undefined): Session | undefined {
    const session = id ? this.byId.get(id) : undefined;
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastSeen > this.idleMinutes * 60_000 || now - session.started > this.maxHours * 3_600_000) {
      this.byId.delete(session.id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  end(id: string | undefined) {
    if (id) this.byId.delete(id);
  }

  /** Ends every session of a user (disabled, password reset). */
  endAllOf(userId: number, except?: string) {
    for (const [id, session] of this.byId) if (session.userId === userId && id !== except) this.byId.delete(id);
  }
}
