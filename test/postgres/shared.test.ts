import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Sessions, type SessionStore } from '../../src/server/auth/sessions';
import { SignInPlaces, type PlaceStore } from '../../src/server/auth/signInPlaces';
import { LoginThrottle, MemoryAttempts, type AttemptStore } from '../../src/server/auth/throttle';
import { changesOfCommit, followSchema, LocalChangeBus, MAX_IDS, type Heard } from '../../src/server/changes';
import { PgChangeBus } from '../../src/server/store/postgres/changes';
import { PgAttempts, PgSignInPlaces } from '../../src/server/store/postgres/loginAttempts';
import { migrate } from '../../src/server/store/postgres/migrate';
import { openPool } from '../../src/server/store/postgres/pool';
import { PgSessions } from '../../src/server/store/postgres/sessions';
import { openSharedState } from '../../src/server/store/postgres/shared';
import { postgresForFile } from '../helpers/postgres';

/**
 * Several servers on one database behave as one: what one server keeps of sessions, login
 * attempts and sign-in places, another sees at once, and a change one server sends, the other
 * hears. Each behaviour is checked on the in-process implementations (the embedded store's,
 * one server) and on PostgreSQL with two instances over two pools, as two servers have.
 */

const cluster = postgresForFile();
let template = '';
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

beforeAll(async () => {
  template = 'huiwu_shared_template';
  const url = await cluster().createDatabase({ name: template });
  const pool = openPool(url, { max: 1 });
  await migrate(pool);
  await pool.end();
}, 60_000);

/** A migrated database of its own and its connection string. */
const database = () => cluster().createDatabase({ template });

/** A server's pool: each "server" has its own. */
const poolOf = (url: string, max = 10) => {
  const pool = openPool(url, { max });
  closing.push(() => pool.end());
  return pool;
};

const MINUTE = 60_000;

interface Pair<T> {
  /** the same state seen through two servers (one object twice in memory) */
  a: T;
  b: T;
  /** moves the clock of every session by `ms` into the past: as if that long had gone by */
  age?: (what: 'lastSeen' | 'started', ms: number) => Promise<void>;
  /** sessions kept, however the store keeps them */
  count?: () => Promise<number>;
}

const sessionStores: Record<string, () => Promise<Pair<SessionStore>>> = {
  memory: async () => {
    let offset = 0;
    const sessions = new Sessions(60, 12, () => Date.now() + offset);
    return {
      a: sessions,
      b: sessions,
      age: async (_what, ms) => {
        // memory has one clock: moving it ages both times; the tests move one at a time
        offset += ms;
      },
    };
  },
  postgres: async () => {
    const url = await database();
    const [one, two] = [poolOf(url), poolOf(url)];
    return {
      a: new PgSessions(one, 60, 12),
      b: new PgSessions(two, 60, 12),
      age: async (what, ms) => {
        const column = what === 'lastSeen' ? 'last_seen' : 'started';
        await one.query(`UPDATE sessions SET ${column} = ${column} - $1 * interval '1 millisecond'`, [ms]);
      },
      count: async () => Number((await one.query('SELECT count(*) AS n FROM sessions')).rows[0].n),
    };
  },
};

describe.each(Object.keys(sessionStores))('sessions (%s)', (kind) => {
  const make = sessionStores[kind];

  it('a session started through one server is touched and ended through the other', async () => {
    const { a, b } = await make();
    const session = await a.start(7);
    expect(session).toMatchObject({ userId: 7 });
    expect(session.id).toMatch(/^[\w-]{43}$/);
    const touched = await b.touch(session.id);
    expect(touched).toMatchObject({ id: session.id, userId: 7 });
    expect(touched!.lastSeen).toBeGreaterThanOrEqual(session.lastSeen);
    expect(await a.touch(session.id)).toMatchObject({ userId: 7 });
    await b.end(session.id);
    expect(await a.touch(session.id)).toBeUndefined();
    expect(await b.touch(session.id)).toBeUndefined();
    expect(await a.touch(undefined)).toBeUndefined();
    expect(await a.touch('no such session')).toBeUndefined();
  });

  it('ends every session of a user, through either server, but the one kept', async () => {
    const { a, b } = await make();
    const [one, two, three, other] = [await a.start(1), await b.start(1), await a.start(1), await b.start(2)];
    await b.endAllOf(1, three.id);
    expect(await a.touch(one.id)).toBeUndefined();
    expect(await a.touch(two.id)).toBeUndefined();
    expect(await a.touch(three.id)).toMatchObject({ userId: 1 });
    expect(await a.touch(other.id)).toMatchObject({ userId: 2 });
    await a.endAllOf(1);
    expect(await b.touch(three.id)).toBeUndefined();
    expect(await b.touch(other.id)).toMatchObject({ userId: 2 });
  });

  it('ends a session idle for longer than the limit, and one older than the maximum however busy', async () => {
    const { a, b, age } = await make();
    const idle = await a.start(3);
    await age!('lastSeen', 59 * MINUTE);
    expect(await b.touch(idle.id)).toMatchObject({ userId: 3 });
    await age!('lastSeen', 61 * MINUTE);
    expect(await b.touch(idle.id)).toBeUndefined();
    expect(await a.touch(idle.id)).toBeUndefined();

    // a request every 50 minutes: alive for 12 hours, then ended
    const busy = await a.start(4);
    for (let step = 1; step <= 15; step++) {
      await age!('started', 50 * MINUTE);
      const touched = await b.touch(busy.id);
      if (step * 50 <= 12 * 60) expect(touched, `after ${step * 50} minutes`).toMatchObject({ userId: 4 });
      else expect(touched, `after ${step * 50} minutes`).toBeUndefined();
    }
  });
});

describe('sessions in PostgreSQL', () => {
  it('keep the SHA-256 of the id, never the id; an expired session is deleted when met and at sign-ins', async () => {
    const url = await database();
    const pool = poolOf(url);
    const sessions = new PgSessions(pool, 60, 12);
    const session = await sessions.start(9);
    const { rows } = await pool.query<{ id_hash: Buffer; user_id: string }>('SELECT id_hash, user_id FROM sessions');
    expect(rows).toHaveLength(1);
    expect(rows[0].user_id).toBe('9');
    const { createHash } = await import('node:crypto');
    expect(rows[0].id_hash.equals(createHash('sha256').update(session.id).digest())).toBe(true);
    expect(rows[0].id_hash.toString('utf8')).not.toContain(session.id);

    await pool.query("UPDATE sessions SET last_seen = last_seen - interval '2 hours'");
    expect(await sessions.touch(session.id)).toBeUndefined();
    expect((await pool.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n).toBe(0);

    const old = await sessions.start(9);
    await pool.query("UPDATE sessions SET started = started - interval '13 hours'");
    await sessions.start(10);
    const left = await pool.query<{ user_id: string }>('SELECT user_id FROM sessions');
    expect(left.rows.map((r) => r.user_id)).toEqual(['10']);
    expect(await sessions.touch(old.id)).toBeUndefined();
  });

  it('hold while 100 requests of one session arrive at once over both servers', async () => {
    const url = await database();
    const a = new PgSessions(poolOf(url), 60, 12);
    const b = new PgSessions(poolOf(url), 60, 12);
    const session = await a.start(5);
    const touched = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).touch(session.id)));
    expect(touched.every((t) => t?.userId === 5)).toBe(true);
  });

  it('hold when 100 requests arrive at once after a pause, each of them touching the session', async () => {
    const url = await database();
    const [one, two] = [poolOf(url, 20), poolOf(url, 20)];
    const a = new PgSessions(one, 60, 12);
    const b = new PgSessions(two, 60, 12);
    for (let round = 0; round < 5; round++) {
      const session = await a.start(5);
      // past the 30 s after which a request writes last_seen: every one of these would
      await one.query(`UPDATE sessions SET last_seen = last_seen - interval '31 seconds'`);
      const touched = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).touch(session.id)));
      expect(touched.filter((t) => t?.userId !== 5)).toEqual([]);
    }
  });

  it('bring the account with the session: a request reads both in one round trip', async () => {
    const url = await database();
    const pool = poolOf(url);
    await pool.query(
      `INSERT INTO users (id, username, display_name, role, disabled, password_hash, version)
       VALUES (41, 'zhou', '周专员', 'official', false, 'hash', 3)`,
    );
    const sessions = new PgSessions(pool, 60, 12);
    const session = await sessions.start(41);
    expect((await sessions.touch(session.id))?.user).toMatchObject({
      id: 41,
      username: 'zhou',
      displayName: '周专员',
      role: 'official',
      version: 3,
    });
    // an account gone: the session alone, and the caller finds no account
    await pool.query('DELETE FROM users WHERE id = 41');
    const alone = await sessions.touch(session.id);
    expect(alone?.userId).toBe(41);
    expect(alone?.user).toBeUndefined();
  });

  it('write last_seen at most every tenth of the idle time (30 s at most): a busy session is read, not rewritten', async () => {
    const url = await database();
    const pool = poolOf(url);
    const sessions = new PgSessions(pool, 60, 12);
    const session = await sessions.start(6);
    const row = async () =>
      (
        await pool.query<{ xmin: string; seen: number }>(
          'SELECT xmin::text, (extract(epoch FROM last_seen) * 1000)::float8 AS seen FROM sessions',
        )
      ).rows[0];
    const written = await row();
    for (let i = 0; i < 20; i++) expect(await sessions.touch(session.id)).toMatchObject({ userId: 6 });
    expect(await row()).toEqual(written);
    // 31 s later the next request moves it, once
    await pool.query("UPDATE sessions SET last_seen = last_seen - interval '31 seconds'");
    const aged = await row();
    expect((await sessions.touch(session.id))!.lastSeen).toBeGreaterThan(aged.seen);
    const moved = await row();
    expect(moved.xmin).not.toBe(aged.xmin);
    await sessions.touch(session.id);
    expect(await row()).toEqual(moved);
  });
});

interface ThrottlePair {
  a: LoginThrottle;
  b: LoginThrottle;
  attempts?: () => Promise<Record<string, number>>;
}

const throttles: Record<string, () => Promise<ThrottlePair>> = {
  memory: async () => {
    const throttle = new LoginThrottle({ attempts: new MemoryAttempts(), places: new SignInPlaces() });
    return { a: throttle, b: throttle };
  },
  postgres: async () => {
    const url = await database();
    const [one, two] = [poolOf(url, 20), poolOf(url, 20)];
    const server = (pool: pg.Pool) =>
      new LoginThrottle({
        attempts: new PgAttempts(pool) as AttemptStore,
        places: new PgSignInPlaces(pool) as PlaceStore,
      });
    return {
      a: server(one),
      b: server(two),
      attempts: async () =>
        Object.fromEntries(
          (await one.query<{ key: string; count: number }>('SELECT key, count FROM login_attempts')).rows.map((r) => [
            r.key,
            r.count,
          ]),
        ),
    };
  },
};

describe.each(Object.keys(throttles))('login throttling (%s)', (kind) => {
  const make = throttles[kind];

  it('200 guesses at once, spread over both servers, check at most the budget: three free, one more', async () => {
    const { a, b } = await make();
    const keys = ['user:zhangsan', 'ip:10.0.0.9'];
    const attempts = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).begin(keys)));
    const admitted = attempts.filter((attempt) => attempt.end);
    expect(admitted).toHaveLength(4);
    const waits = attempts.filter((attempt) => !attempt.end).map((attempt) => attempt.wait);
    expect(waits.every((wait) => wait > 0 && wait <= 1000)).toBe(true);
    await Promise.all(admitted.map((attempt) => attempt.end!(false)));
    // still waiting on the other server too
    expect((await a.begin(keys)).wait).toBeGreaterThan(0);
    expect((await b.begin(['user:zhangsan'])).wait).toBeGreaterThan(0);
    // another name from another address is not held up
    expect((await b.begin(['user:lisi', 'ip:10.0.0.10'])).end).toBeDefined();
  });

  it('a key that waits counts nothing against the others of the attempt; a success clears the name', async () => {
    const { a, b, attempts } = await make();
    for (let i = 0; i < 4; i++) await (await a.begin(['user:wangwu']))!.end!(false);
    const refused = await b.begin(['ip:10.0.0.7', 'user:wangwu']);
    expect(refused.end).toBeUndefined();
    expect(refused.wait).toBeGreaterThan(0);
    if (attempts) expect(await attempts()).toEqual({ 'user:wangwu': 4 });

    const ok = await b.begin(['user:zhaoliu', 'ip:10.0.0.8']);
    await ok.end!(true);
    if (attempts) expect((await attempts())['user:zhaoliu']).toBeUndefined();
    if (attempts) expect((await attempts())['ip:10.0.0.8']).toBe(1);
  });

  it('where an account signed in before, learnt through one server, gives it its own budget on the other', async () => {
    const { a, b } = await make();
    expect(await b.loginKeys('chenqi', '10.0.0.1')).toEqual(['user:chenqi', 'ip:10.0.0.1']);
    await a.signedIn('chenqi', '10.0.0.1');
    await a.signedIn('chenqi', '10.0.0.1');
    expect(await b.loginKeys('chenqi', '10.0.0.1')).toEqual(['user:chenqi@10.0.0.1']);
    expect(await b.loginKeys('chenqi', '10.0.0.2')).toEqual(['user:chenqi', 'ip:10.0.0.2']);
  });
});

describe('login throttling in PostgreSQL', () => {
  it('waits twice as long after each further attempt, measured by the database clock', async () => {
    const url = await database();
    const pool = poolOf(url);
    const attempts = new PgAttempts(pool);
    const delays = { baseMs: 1000, maxMs: 15 * 60_000 };
    const key = [{ key: 'user:sun', free: 1 }];
    expect(await attempts.count(key, () => true, delays)).toBe('counted');
    expect(await attempts.count(key, () => true, delays)).toBe('counted');
    const first = await attempts.count(key, () => true, delays);
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThanOrEqual(1000);
    // the wait is over
    await pool.query("UPDATE login_attempts SET until = clock_timestamp() - interval '1 second'");
    expect(await attempts.count(key, () => true, delays)).toBe('counted');
    const second = await attempts.count(key, () => true, delays);
    expect(second).toBeGreaterThan(1900);
    expect(second).toBeLessThanOrEqual(2000);
    // a server with no room for another hash counts nothing
    await pool.query("UPDATE login_attempts SET until = clock_timestamp() - interval '1 second'");
    expect(await attempts.count(key, () => false, delays)).toBe('busy');
    // two admitted, one refused while waiting, one admitted, one refused, one busy: three counted
    expect((await pool.query('SELECT count FROM login_attempts')).rows).toEqual([{ count: 3 }]);
    // hundreds of waits later, the longest wait
    await pool.query("UPDATE login_attempts SET count = 5000, until = clock_timestamp() - interval '1 second'");
    expect(await attempts.count(key, () => true, delays)).toBe('counted');
    expect(await attempts.count(key, () => true, delays)).toBeGreaterThan(15 * 60_000 - 1000);
    // a day without attempts forgets the key
    await pool.query("UPDATE login_attempts SET until = clock_timestamp() - interval '25 hours'");
    await attempts.sweep();
    expect((await pool.query('SELECT count(*)::int AS n FROM login_attempts')).rows).toEqual([{ n: 0 }]);
  });
});

/** Waits until `heard` holds a change that `match` accepts, at most `ms`. */
async function hear(heard: Heard[], match: (change: Heard) => boolean, ms = 2000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = heard.find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`not heard within ${ms} ms; heard ${JSON.stringify(heard)}`);
}

describe('the change bus', () => {
  it('in one process: every listener hears each change once, as its own', async () => {
    const bus = new LocalChangeBus();
    const heard: Heard[] = [];
    const stop = bus.subscribe((change) => heard.push(change));
    await bus.publish({ kind: 'schema' });
    await bus.publish({ kind: 'records', resource: 'attendees', ids: [3] });
    stop();
    await bus.publish({ kind: 'schema' });
    expect(heard).toEqual([
      { kind: 'schema', mine: true },
      { kind: 'records', resource: 'attendees', ids: [3], mine: true },
    ]);
  });

  it("tells each list a commit wrote to, with its records' ids; a commit of thousands names only the list", () => {
    const steps = [{ resource: 'attendees' }, { resource: 'organizations' }, { resource: 'attendees' }];
    expect(changesOfCommit(steps, [{ id: 5 }, { id: 9 }, { id: 6 }])).toEqual([
      { kind: 'records', resource: 'attendees', ids: [5, 6] },
      { kind: 'records', resource: 'organizations', ids: [9] },
    ]);
    const many = Array.from({ length: MAX_IDS + 1 }, (_, i) => ({ id: i + 1 }));
    expect(
      changesOfCommit(
        many.map(() => ({ resource: 'attendees' })),
        many,
      ),
    ).toEqual([{ kind: 'records', resource: 'attendees', ids: [] }]);
  });

  const twoBuses = async () => {
    const url = await database();
    const [one, two] = [poolOf(url), poolOf(url)];
    const a = await PgChangeBus.open(one, url, { retryMs: 20, maxRetryMs: 200 });
    const b = await PgChangeBus.open(two, url, { retryMs: 20, maxRetryMs: 200 });
    closing.push(
      () => a.close(),
      () => b.close(),
    );
    const heardA: Heard[] = [];
    const heardB: Heard[] = [];
    a.subscribe((change) => heardA.push(change));
    b.subscribe((change) => heardB.push(change));
    return { url, one, two, a, b, heardA, heardB };
  };

  it('over PostgreSQL: a change sent by one server is heard by the other, and by the sender as its own', async () => {
    const { a, b, heardA, heardB } = await twoBuses();
    await a.publish({ kind: 'schema' });
    await b.publish({ kind: 'records', resource: 'attendees', ids: [12, 13] });
    await a.publish({ kind: 'records', resource: 'users', ids: [4] });
    await hear(heardB, (c) => c.kind === 'records' && c.resource === 'users');
    await hear(heardA, (c) => c.kind === 'records' && c.resource === 'users');
    expect(heardB).toEqual([
      { kind: 'schema', mine: false },
      { kind: 'records', resource: 'attendees', ids: [12, 13], mine: true },
      { kind: 'records', resource: 'users', ids: [4], mine: false },
    ]);
    expect(heardA).toEqual([
      { kind: 'schema', mine: true },
      { kind: 'records', resource: 'attendees', ids: [12, 13], mine: false },
      { kind: 'records', resource: 'users', ids: [4], mine: true },
    ]);
  });

  it('over PostgreSQL: a change sent in a write transaction is heard only if the write commits', async () => {
    const { one, a, heardB } = await twoBuses();
    const client = await one.connect();
    try {
      await client.query('BEGIN');
      await a.notifyIn(client, { kind: 'records', resource: 'attendees', ids: [1] });
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await a.notifyIn(client, { kind: 'records', resource: 'attendees', ids: [2] });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heardB).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await hear(heardB, (c) => c.kind === 'records');
    expect(heardB).toEqual([{ kind: 'records', resource: 'attendees', ids: [2], mine: false }]);
  });

  it('over PostgreSQL: listens again after its connection is killed, says resync, and hears what follows', async () => {
    const { one, a, b, heardB } = await twoBuses();
    const killed = await one.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE application_name = 'huiwu-changes' AND pid <> pg_backend_pid()`,
    );
    // both servers' listening connections are gone
    expect(killed.rows.map((r) => r.ended)).toEqual([true, true]);
    await hear(heardB, (c) => c.kind === 'resync');
    await b.whenListening();
    await a.whenListening();
    expect(b.connections).toBe(2);
    await a.publish({ kind: 'schema' });
    await hear(heardB, (c) => c.kind === 'schema');
    expect(heardB).toEqual([
      { kind: 'resync', mine: false },
      { kind: 'schema', mine: false },
    ]);
  });

  it("reloads a server's schema when another server changed a definition, or after a resync; never its own", async () => {
    const { one, a, b } = await twoBuses();
    const reloads = { a: 0, b: 0 };
    followSchema(a, () => void reloads.a++);
    followSchema(b, () => void reloads.b++);
    await a.publish({ kind: 'records', resource: 'customFields', ids: [1] });
    await a.publish({ kind: 'records', resource: 'attendees', ids: [1] });
    await a.publish({ kind: 'schema' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads).toEqual({ a: 0, b: 2 });
    await one.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'huiwu-changes'");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.whenListening();
    await b.whenListening();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reloads).toEqual({ a: 1, b: 3 });

    // in one process every change is this server's own: nothing to reload
    const local = new LocalChangeBus();
    let localReloads = 0;
    followSchema(local, () => void localReloads++);
    await local.publish({ kind: 'records', resource: 'customFields', ids: [1] });
    expect(localReloads).toBe(0);
  });
});

describe('the shared state of a server on PostgreSQL', () => {
  it('is opened in one call: two servers share sessions, budgets and changes', async () => {
    const url = await database();
    const [one, two] = [poolOf(url), poolOf(url)];
    const a = await openSharedState(one, url, { sessionMinutes: 30 });
    const b = await openSharedState(two, url, { sessionMinutes: 30 });
    closing.push(
      () => a.changes.close(),
      () => b.changes.close(),
    );
    const session = await a.sessions.start(2);
    expect(await b.sessions.touch(session.id)).toMatchObject({ userId: 2 });
    const spent = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).throttle.begin(['user:x'])));
    expect(spent.filter((attempt) => attempt.end)).toHaveLength(4);
    const heard: Heard[] = [];
    b.changes.subscribe((change) => heard.push(change));
    await a.changes.publish({ kind: 'schema' });
    await hear(heard, (change) => change.kind === 'schema');
  });
});

describe('the change bus when the database restarts', () => {
  it('keeps trying while it is down, listens again once it is back, and says resync', async () => {
    const url = await database();
    const pool = poolOf(url);
    const bus = await PgChangeBus.open(pool, url, { retryMs: 50, maxRetryMs: 500 });
    closing.push(() => bus.close());
    const heard: Heard[] = [];
    bus.subscribe((change) => heard.push(change));
    cluster().stop('fast');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard).toEqual([]);
    cluster().start();
    await hear(heard, (change) => change.kind === 'resync', 5000);
    await bus.whenListening();
    await bus.publish({ kind: 'schema' });
    await hear(heard, (change) => change.kind === 'schema');
    expect(bus.connections).toBe(2);
  });
});
