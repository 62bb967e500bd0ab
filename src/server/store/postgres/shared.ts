import type pg from 'pg';
import type { SessionStore } from '../../auth/sessions';
import { LoginThrottle } from '../../auth/throttle';
import { PgChangeBus, type PgChangeBusOptions } from './changes';
import { PgAttempts, PgSignInPlaces } from './loginAttempts';
import { PgSessions } from './sessions';

/**
 * What the servers of one database share besides the records, for a server on PostgreSQL
 * (DATABASE_URL): sessions, login throttling and sign-in places in tables, and the change bus
 * over LISTEN/NOTIFY. The embedded store's counterparts are `new Sessions(…)`,
 * `new LoginThrottle({ placesFile })` and the store's own `LocalChangeBus`. The migrations
 * (002_server_state.sql) must have run.
 */
export async function openSharedState(
  pool: pg.Pool,
  connectionString: string,
  options: {
    sessionMinutes?: number;
    sessionMaxHours?: number;
    throttle?: { free?: number; baseMs?: number };
    changes?: PgChangeBusOptions;
  } = {},
): Promise<{ sessions: SessionStore; throttle: LoginThrottle; changes: PgChangeBus }> {
  const changes = await PgChangeBus.open(pool, connectionString, options.changes);
  return {
    sessions: new PgSessions(pool, options.sessionMinutes ?? 60, options.sessionMaxHours ?? 12),
    throttle: new LoginThrottle({
      ...options.throttle,
      attempts: new PgAttempts(pool),
      places: new PgSignInPlaces(pool),
    }),
    changes,
  };
}
