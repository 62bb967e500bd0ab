import pg from 'pg';
import { pgTypes } from './rows';

/**
 * The connections of a server to its database (DATABASE_URL), reading values as rows.ts expects
 * them. Times are read in any session zone; UTC here only makes psql's view of a session alike.
 */
export function openPool(connectionString: string, options: pg.PoolConfig = {}): pg.Pool {
  return new pg.Pool({
    connectionString,
    types: pgTypes,
    application_name: 'huiwu',
    options: '-c TimeZone=UTC',
    ...options,
  });
}
