import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ident, MIGRATIONS_TABLE } from './tables';

/** db/migrations: plain SQL files, applied in the order of their names (001_tables.sql, …). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../db/migrations', import.meta.url));

/** The one advisory lock migrations take: two servers starting at once apply them once. */
export const MIGRATION_LOCK = 0x68756977; // "huiw"

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Brings a database up to the migrations: under an advisory lock (a second server waits, then
 * finds them applied), each not yet applied in a transaction of its own with the row that records
 * it. A recorded migration whose file changed since, or one this code does not have (a newer
 * Huiwu ran here), stops the start: the database is not what this code expects.
 */
export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<{ applied: string[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await applyMigrations(client, migrations, { ownTransactions: true });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * The migrations not yet applied, on a client that holds the migration lock: each in a
 * transaction of its own (`migrate`), or all inside the caller's, which holds the lock as
 * pg_advisory_xact_lock (`npm run db -- export`: the tables and the rows land together, or not).
 */
export async function applyMigrations(
  client: pg.ClientBase,
  migrations: Migration[],
  { ownTransactions }: { ownTransactions: boolean },
): Promise<{ applied: string[] }> {
  const table = ident(MIGRATIONS_TABLE);
  const applied: string[] = [];
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${table}`);
  const done = new Map(rows.map((row) => [row.name, row.checksum]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new Error(
      `the database has migrations this version does not know (${unknown.join(', ')}): a newer Huiwu migrated it`,
    );
  for (const migration of migrations) {
    if (done.has(migration.name)) {
      if (done.get(migration.name) !== migration.checksum)
        throw new Error(`migration ${migration.name} was changed after it was applied; add a new one instead`);
      continue;
    }
    if (ownTransactions) await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
      if (ownTransactions) await client.query('COMMIT');
    } catch (error) {
      if (ownTransactions) await client.query('ROLLBACK');
      throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied };
}
