import { createHash } from 'node:crypto';
import type pg from 'pg';
import { newSessionId, type Session, type SessionStore } from '../../auth/sessions';
import { prepared } from './pool';
import { fromColumns, selectList } from './rows';
import { ident, tableOf } from './tables';
import { SESSIONS_TABLE } from './serverTables';

const T = ident(SESSIONS_TABLE);
const USERS = tableOf('users');

/** What the table keeps of an id: its SHA-256, so a copy of the table opens no session. */
const hashOf = (id: string) => createHash('sha256').update(id).digest();

/** Times as milliseconds since 1970, as the in-memory sessions keep them. */
const MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

interface SessionRow {
  session_user_id: number;
  session_started: number;
  session_last_seen: number;
  [column: string]: unknown;
}

/**
 * Sessions in PostgreSQL, so that any server of one database answers any request: a session
 * started through one server is touched and ended through another. The limits are those of
 * the in-memory sessions (`idleMinutes` without a request, `maxHours` after sign-in), judged by
 * the database's clock, one for every server. A touch is one statement: it moves `last_seen`
 * of a live session and deletes an expired one, so two servers never disagree on whether a
 * session lives.
 */
export class PgSessions implements SessionStore {
  private readonly idle: string;
  private readonly max: string;
  private readonly touchEvery: string;

  constructor(
    private readonly pool: pg.Pool,
    idleMinutes: number,
    maxHours = 12,
  ) {
    this.idle = `${Number(idleMinutes) * 60} seconds`;
    this.max = `${Number(maxHours) * 3600} seconds`;
    this.touchEvery = `${Math.min(30, Number(idleMinutes) * 6)} seconds`;
  }

  async start(userId: number): Promise<Session> {
    const id = newSessionId();
    const { rows } = await this.pool.query<SessionRow>(
      `INSERT INTO ${T} (id_hash, user_id, started, last_seen) VALUES ($1, $2, now(), now())
       RETURNING user_id::float8 AS session_user_id, ${MS('started')} AS session_started,
                 ${MS('last_seen')} AS session_last_seen`,
      [hashOf(id), userId],
    );
    // the expired sessions go at each sign-in (a touch deletes only the one it meets)
    await this.pool.query(`DELETE FROM ${T} WHERE last_seen < now() - $1::interval OR started < now() - $2::interval`, [
      this.idle,
      this.max,
    ]);
    return sessionOf(id, rows[0]);
  }

  /** Moves `last_seen` only when it is older than a tenth of the idle time (30 s at most):
   * every request touches its session, and a write per request (an fsync, and one row that all
   * of a user's tabs queue on) would cap the whole server at a few hundred requests a second. */
  async touch(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    const live = `id_hash = $1 AND last_seen >= now() - $2::interval AND started >= now() - $3::interval`;
    // with the account, as the store reads it (a request needs both). The session is read as
    // the statement found it, beside its touch: a touch that waited for another request's touch
    // of the same session, then matched nothing, returned nothing, a 401 to a live session.
    const { rows } = await this.pool.query<SessionRow>(
      prepared(
        `WITH expired AS (
         DELETE FROM ${T} WHERE id_hash = $1 AND (last_seen < now() - $2::interval OR started < now() - $3::interval)
       ), touched AS (
         UPDATE ${T} SET last_seen = now() WHERE ${live} AND last_seen < now() - $4::interval
       ), session AS (
         SELECT user_id, started, CASE WHEN last_seen < now() - $4::interval THEN now() ELSE last_seen END AS last_seen
           FROM ${T} WHERE ${live}
       )
       SELECT s.user_id::float8 AS session_user_id, ${MS('s.started')} AS session_started,
              ${MS('s.last_seen')} AS session_last_seen, ${selectList(USERS, 'u')}
         FROM session s LEFT JOIN ${ident(USERS.name)} u ON u.id = s.user_id`,
        [hashOf(id), this.idle, this.max, this.touchEvery],
      ),
    );
    const row = rows[0];
    if (!row) return undefined;
    const session = sessionOf(id, row);
    return row.id === null || row.id === undefined ? session : { ...session, user: fromColumns(USERS, row) };
  }

  async live(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const byHash = new Map(ids.map((id) => [hashOf(id).toString('hex'), id]));
    const { rows } = await this.pool.query<{ hash: string }>(
      `SELECT encode(id_hash, 'hex') AS hash FROM ${T}
        WHERE id_hash = ANY($1::bytea[]) AND last_seen >= now() - $2::interval AND started >= now() - $3::interval`,
      [ids.map(hashOf), this.idle, this.max],
    );
    return new Set(rows.map((row) => byHash.get(row.hash)!).filter((id) => id !== undefined));
  }

  async end(id: string | undefined): Promise<void> {
    if (id) await this.pool.query(`DELETE FROM ${T} WHERE id_hash = $1`, [hashOf(id)]);
  }

  async endAllOf(userId: number, except?: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${T} WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2`, [
      userId,
      except ? hashOf(except) : null,
    ]);
  }
}

const sessionOf = (id: string, row: SessionRow): Session => ({
  id,
  userId: row.session_user_id,
  started: row.session_started,
  lastSeen: row.session_last_seen,
});
