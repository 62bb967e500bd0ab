import fs from 'node:fs';
import type pg from 'pg';
import { resourceByName } from '../../../schema';
import type { RecordStore } from '../recordStore';
import { readSnapshot } from '../snapshotFile';
import type { Data } from '../store';
import { migrate } from './migrate';
import { openPool, shownUrl } from './pool';
import { insertStatement, nextIdStatement } from './rows';
import { postgresStore } from './store';
import { openSharedState } from './shared';
import type { SessionStore } from '../../auth/sessions';
import type { LoginThrottle } from '../../auth/throttle';
import { builtInTables, CUSTOM_LISTS_TABLE, ident, tableOf } from './tables';

/** The connection string as a message may show it: never its password. */

/**
 * The PostgreSQL store of a server (DATABASE_URL): the pool, the migrations applied, and on a
 * database with no records at all, the seed written in (as the embedded store starts a new data
 * file from it); with what the servers of one database share besides the records (sessions,
 * login attempts, the change bus: shared.ts). A database that cannot be reached, or refuses,
 * stops the start with one line.
 */
export async function openPostgresStore(options: {
  url: string;
  seedFile?: string;
  pool?: pg.PoolConfig;
  sessionMinutes?: number;
  sessionMaxHours?: number;
  throttle?: { free?: number; baseMs?: number };
}): Promise<{ records: RecordStore; sessions: SessionStore; throttle: LoginThrottle }> {
  // pipelined: a write sends its BEGIN with its first statement, its COMMIT with its last
  const pool = openPool(options.url, { pipeline: true, ...options.pool });
  // an idle connection the database dropped (a restart): the next query opens another
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  try {
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      throw new Error(`cannot connect to the database ${shownUrl(options.url)}: ${(error as Error).message}`);
    }
    await migrate(pool);
    if (options.seedFile && fs.existsSync(options.seedFile) && (await isEmpty(pool)))
      await writeSeed(pool, readSnapshot(options.seedFile) as Data);
    const { sessions, throttle, changes } = await openSharedState(pool, options.url, options);
    return { records: postgresStore(pool, resourceByName, changes), sessions, throttle };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

async function isEmpty(pool: pg.Pool) {
  const tables = [...builtInTables().map((t) => t.name), CUSTOM_LISTS_TABLE];
  const { rows } = await pool.query(
    `SELECT ${tables.map((name) => `EXISTS (SELECT 1 FROM ${ident(name)})`).join(' OR ')} AS any`,
  );
  return !rows[0].any;
}

/** The seed's records as they are (ids, versions), in one transaction; ids go on past them. */
async function writeSeed(pool: pg.Pool, data: Data) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const custom = new Set((data.customResources ?? []).map((row) => String(row.name)));
    for (const [name, rows] of Object.entries(data)) {
      if (!Array.isArray(rows) || (!resourceByName[name] && !custom.has(name))) continue;
      const table = tableOf(name);
      const most = Math.max(1, Math.floor(60_000 / table.columns.length));
      for (let i = 0; i < rows.length; i += most) {
        const insert = insertStatement(
          table,
          rows.slice(i, i + most).map((row) => ({ version: 1, ...row })),
        );
        await client.query(insert.text, insert.values);
      }
      const next = nextIdStatement(table);
      await client.query(next.text, next.values);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
