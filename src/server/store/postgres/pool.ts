import { createHash } from 'node:crypto';
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

/**
 * Statements sent together: on a pipelined connection (`pipeline: true`) each is written as soon
 * as it is asked for, the next without waiting for the answer to the one before; with the
 * socket corked meanwhile they leave in one packet, one system call (a write costs a server
 * more than the statement's own work). `send` asks for them, synchronously up to its first
 * wait, and its results are returned.
 */
export function together<T>(client: pg.PoolClient, send: () => T): T {
  const socket = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection
    ?.stream;
  socket?.cork?.();
  try {
    return send();
  } finally {
    socket?.uncork?.();
  }
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

const names = new Map<string, string>();

/**
 * A statement PostgreSQL parses and plans once per connection, then only runs: a prepared
 * statement named by its text's hash. For the statements every request sends whose best plan
 * does not depend on their values (a session by its hash, records by id, a row's update, its
 * audit row): parsing and planning them was most of their cost. Lists and searches are planned
 * for their values each time. (Behind PgBouncer in transaction mode, set its
 * `max_prepared_statements`.)
 */
export function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `huiwu_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return { name, text, values };
}

/**
 * A connection string as it may be printed: its password masked wherever it is given (after
 * the user name, `?password=`, or `password=` in the key=value form); one that does not parse
 * as a URL is shown by its name only.
 */
export const shownUrl = (url: string) => {
  if (!/^postgres(ql)?:\/\//i.test(url.trim()))
    return url.includes('=') ? url.replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)/gi, '$1***') : 'DATABASE_URL';
  try {
    const parsed = new URL(url.trim());
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()])
      if (key.toLowerCase() === 'password') parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
};
