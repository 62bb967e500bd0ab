import pg from 'pg';
import { pgTypes } from './rows';

/**
 * The connections of a server to its database (DATABASE_URL), reading values as rows.ts expects
 * them. Times are read in any session zone; UTC here only makes psql's view of a session alike.
 */
export function openPool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    types: pgTypes,
    application_name: 'huiwu',
    options: '-c TimeZone=UTC',
    ...options,
  });
  // A connection that drops while it is lent out (`pool.connect()`: a write's transaction; the
  // database crashed or restarted) fails the statement in flight or the next one, and the pool
  // drops it when it comes back. But the client also emits 'error', which the pool listens for
  // only while the client is idle: unheard, that event would end the whole process.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Node's codes for a connection that could not be made, or broke */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** PostgreSQL's: a connection exception (class 08), the server shutting down or crashed
 * (57P01, 57P02), starting up (57P03) */
const SERVER_CODES = /^(08...|57P0[123])$/;

/**
 * Whether an error (or an error it was caused by) says the database cannot be reached just now:
 * down, restarting, or the connection broke. The API answers it 503 (api.ts), not 500: the
 * server itself is fine, and the pool connects again once the database is back.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  let e = error as { code?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++, e = e.cause as typeof e) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || SERVER_CODES.test(code)) return true;
    // pg's own, without a code: the socket ended, or a client that lost it was asked again
    if (/^Connection terminated|is not queryable/.test(String(e.message ?? ''))) return true;
  }
  return false;
}
