import type pg from 'pg';
import type { AttemptKey, AttemptStore } from '../../auth/throttle';
import type { PlaceStore } from '../../auth/signInPlaces';
import { ident } from './tables';
import { LOGIN_ATTEMPTS_TABLE, SIGNIN_PLACES_TABLE } from './serverTables';

const A = ident(LOGIN_ATTEMPTS_TABLE);
const P = ident(SIGNIN_PLACES_TABLE);

/** A key not tried for a day starts again (the in-memory count forgets at a restart). */
const FORGOTTEN_AFTER = '1 day';
/** One attempt in this many sweeps the forgotten keys. */
const SWEEP_EVERY = 1000;

/**
 * Login attempts counted in PostgreSQL: the servers of one database share every budget, so 200
 * guesses sent at once, spread over two servers, still check at most the budget. The count is
 * one statement, `INSERT … ON CONFLICT DO UPDATE … WHERE until <= now() RETURNING`: a key's row
 * is locked while it is counted, so simultaneous attempts meet each other's counts; a key
 * still waiting is left as it is and missing from what the statement returns. The keys of one
 * attempt (the name's and the address's) are counted in one transaction, in the order of their
 * names (no two attempts lock them the other way round): when one of them waits, it is rolled
 * back and nothing is counted, as in memory. Waits are measured by the database's clock.
 */
export class PgAttempts implements AttemptStore {
  private attempts = 0;

  constructor(private readonly pool: pg.Pool) {}

  async count(keys: AttemptKey[], admit: () => boolean, delays: { baseMs: number; maxMs: number }) {
    if (++this.attempts % SWEEP_EVERY === 0) await this.sweep();
    const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ key: string }>(
        `WITH k AS (SELECT * FROM unnest($1::text[], $2::int[]) AS k(key, free))
         INSERT INTO ${A} AS a (key, count, until)
         SELECT k.key, 1, clock_timestamp() + ${delay('1', 'k.free')} FROM k ORDER BY k.key
         ON CONFLICT (key) DO UPDATE
           SET count = a.count + 1,
               until = clock_timestamp() + ${delay('a.count + 1', '(SELECT k.free FROM k WHERE k.key = a.key)')}
         WHERE a.until <= clock_timestamp()
         RETURNING a.key`,
        [ordered.map((k) => k.key), ordered.map((k) => k.free), delays.baseMs, delays.maxMs],
      );
      if (rows.length < ordered.length) {
        const { rows: waits } = await client.query<{ wait: number }>(
          `SELECT ceil(max(extract(epoch FROM until - clock_timestamp()) * 1000))::float8 AS wait
             FROM ${A} WHERE key = ANY($1::text[])`,
          [ordered.map((k) => k.key)],
        );
        await client.query('ROLLBACK');
        return Math.max(1, waits[0]?.wait ?? 1);
      }
      if (!admit()) {
        await client.query('ROLLBACK');
        return 'busy' as const;
      }
      await client.query('COMMIT');
      return 'counted' as const;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async clear(keys: string[]) {
    if (keys.length > 0) await this.pool.query(`DELETE FROM ${A} WHERE key = ANY($1::text[])`, [keys]);
  }

  /** Keys not tried for a day go (a spray of made-up names must not grow the table for ever). */
  async sweep() {
    await this.pool.query(`DELETE FROM ${A} WHERE until < clock_timestamp() - interval '${FORGOTTEN_AFTER}'`);
  }
}

/** The wait after the `count`th attempt on a key with `free` attempts, as an interval
 * (throttle.ts's delayAfter; $3 the first wait, $4 the longest, in ms). */
const delay = (count: string, free: string) =>
  `(CASE WHEN ${count} <= ${free} THEN 0
         ELSE least($3::float8 * power(2, least(${count} - ${free} - 1, 60)), $4::float8) END) * interval '1 millisecond'`;

/** Where each account signed in before, shared by the servers of one database. */
export class PgSignInPlaces implements PlaceStore {
  constructor(private readonly pool: pg.Pool) {}

  async has(account: string, address: string) {
    const { rows } = await this.pool.query(`SELECT 1 FROM ${P} WHERE account = $1 AND address = $2`, [
      account,
      address,
    ]);
    return rows.length > 0;
  }

  async add(account: string, address: string) {
    try {
      await this.pool.query(`INSERT INTO ${P} (account, address) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        account,
        address,
      ]);
    } catch (error) {
      // a database that refuses this line must not refuse the sign-in: the place is not kept
      console.error('could not remember where an account signed in', error);
    }
  }
}
