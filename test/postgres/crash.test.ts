import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../src/server/messages';
import { smallSeed } from '../fixtures/smallSeed';
import { openPool } from '../../src/server/store/postgres/pool';
import { postgresForFile } from '../helpers/postgres';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { ADMIN_PASSWORD, loginCookie, tempDir } from '../helpers/server';

/**
 * The crash rounds of two Huiwu servers on one PostgreSQL database (issue 18): six writers,
 * three through each server, create guests and edit their own guests as fast as they can, and
 * mid-burst
 *  - one server is killed (SIGKILL), then started again over the same database;
 *  - PostgreSQL itself crashes (`pg_ctl stop -m immediate`) and is started again, while both
 *    servers keep running: they answer errors meanwhile (an answer, not a dropped connection),
 *    and accept writes again by themselves once the database is back.
 * Afterwards every acknowledged write (a 2xx answer) is there: every acknowledged create with
 * its fields, every edited guest at the acknowledged version or later, holding the last
 * acknowledged value unless an unacknowledged edit of it came later; every write, acknowledged
 * or not, that is there is there whole: its audit entry holds its change, and each guest's
 * trail has versions 1…its version, each once.
 *
 * The test cluster runs with fsync=off (test/helpers/postgres.ts). `-m immediate` kills the
 * server processes, not the machine: the WAL a commit wrote is in the operating system's page
 * cache and is replayed on the next start, so what a commit acknowledged survives — this is a
 * crash of PostgreSQL, not a power loss (which fsync=off would not survive, and no test here
 * simulates).
 */

const cluster = postgresForFile();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (what: string, ok: () => boolean, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
};

interface Attempt {
  writer: number;
  seq: number;
  op: 'create' | 'update';
  /** the guest edited; a create's id once acknowledged */
  id?: number;
  /** a create's marker name */
  name?: string;
  /** the room it writes: unique to this attempt */
  room: string;
}
interface Acked extends Attempt {
  id: number;
  version: number;
}
interface Failed extends Attempt {
  /** the HTTP status, or 0 for no answer (a refused or dropped connection) */
  status: number;
  message: string;
}

interface Writer {
  index: number;
  server: 0 | 1;
  cookie: string;
}

/** What the writers did: every attempt, acknowledged or not. */
class Log {
  acked: Acked[] = [];
  failed: Failed[] = [];
  stopped = false;
  ackedAt = [0, 0];
  /** when each server last answered a write 2xx */
  lastAck = [0, 0];
}

const json = { 'Content-Type': 'application/json' };
const UNREACHABLE = message('en', 'databaseUnavailable');
const UNCONFIRMED = message('en', 'commitUnknown');

/** One writer: a create, then edits of its own guests, in turn (one create in three). Runs
 * until the log stops, or, when `giveUp` says its server is gone for good, at its first
 * failure. */
async function write(round: number, writer: Writer, urls: string[], log: Log, giveUp: (server: number) => boolean) {
  const mine: number[] = [];
  for (let seq = 0; !log.stopped; seq++) {
    const room = `r${round}-${writer.index}-${seq}`;
    const create = mine.length === 0 || seq % 3 === 0;
    const attempt: Attempt = create
      ? { writer: writer.index, seq, op: 'create', name: `崩溃${round}-${writer.index}-${seq}`, room }
      : { writer: writer.index, seq, op: 'update', id: mine[seq % mine.length], room };
    const url = urls[writer.server];
    try {
      const res = await fetch(create ? `${url}/api/attendees` : `${url}/api/attendees/${attempt.id}`, {
        method: create ? 'POST' : 'PATCH',
        headers: { ...json, Cookie: writer.cookie },
        body: JSON.stringify(
          create ? { summitId: 1, name: attempt.name, role: 'guest', invitation: 'invited', room } : { room },
        ),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      if (res.ok) {
        const body = JSON.parse(text);
        log.acked.push({ ...attempt, id: body.id, version: body.version });
        log.ackedAt[writer.server]++;
        log.lastAck[writer.server] = Date.now();
        if (create) mine.push(body.id);
        continue;
      }
      let message = text;
      try {
        message = JSON.parse(text).message;
      } catch {
        // not JSON: the whole text is shown by the test that expects a message
      }
      log.failed.push({ ...attempt, status: res.status, message });
    } catch (error) {
      log.failed.push({ ...attempt, status: 0, message: String((error as Error).cause ?? error) });
      if (giveUp(writer.server)) return;
    }
    await sleep(20);
  }
}

interface Row {
  id: number;
  name: string;
  summitId: number;
  room: string | null;
  version: number;
}
interface Entry {
  action: string;
  recordId: string;
  version: number;
  after: Record<string, unknown> | null;
}

const getJson = async <T>(url: string, cookie: string, pathAndQuery: string): Promise<T> => {
  const res = await fetch(`${url}/api${pathAndQuery}`, { headers: { Cookie: cookie } });
  if (res.status !== 200) throw new Error(`GET ${pathAndQuery}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** Every acknowledged write is there; every write that is there is there whole. */
async function checkAll(round: number, log: Log, url: string, cookie: string) {
  const range = encodeURIComponent('[0,100000]');
  const rows = await getJson<Row[]>(url, cookie, `/attendees?range=${range}`);
  const entries = await getJson<Entry[]>(
    url,
    cookie,
    `/audit?filter=${encodeURIComponent(JSON.stringify({ resource: 'attendees' }))}&range=${range}`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byName = new Map(rows.map((row) => [row.name, row]));
  const trails = new Map<number, Entry[]>();
  for (const entry of entries) {
    const id = Number(entry.recordId);
    trails.set(id, [...(trails.get(id) ?? []), entry]);
  }
  const problems: string[] = [];

  // the guests this round's writes made: acknowledged ones and unacknowledged ones that got in
  const marker = `崩溃${round}-`;
  const ours = rows.filter((row) => row.name.startsWith(marker));
  const attemptsByRecord = new Map<number, (Attempt & { acked: boolean })[]>();
  const all = [...log.acked.map((a) => ({ ...a, acked: true })), ...log.failed.map((f) => ({ ...f, acked: false }))];
  for (const attempt of all) {
    const id = attempt.op === 'create' ? (attempt.id ?? byName.get(attempt.name!)?.id) : attempt.id;
    if (id === undefined) continue;
    attemptsByRecord.set(id, [...(attemptsByRecord.get(id) ?? []), attempt]);
  }

  for (const ack of log.acked) {
    const row = byId.get(ack.id);
    if (!row) {
      problems.push(`acknowledged ${ack.op} of guest ${ack.id} (${ack.room}) is missing`);
      continue;
    }
    if (ack.op === 'create' && (row.name !== ack.name || row.summitId !== 1))
      problems.push(`acknowledged create ${ack.id}: ${JSON.stringify(row)}, not ${ack.name}`);
    if (row.version < ack.version)
      problems.push(`guest ${ack.id} at version ${row.version}, below the acknowledged ${ack.version}`);
    const entry = (trails.get(ack.id) ?? []).find((e) => e.version === ack.version);
    if (!entry) problems.push(`acknowledged ${ack.op} of guest ${ack.id} at version ${ack.version}: no audit entry`);
    else if (entry.action !== ack.op || entry.after?.room !== ack.room)
      problems.push(`guest ${ack.id} v${ack.version}: audit ${entry.action} ${JSON.stringify(entry.after)}`);
  }

  for (const row of ours) {
    const trail = (trails.get(row.id) ?? []).map((e) => e.version).sort((a, b) => a - b);
    // whole: one entry per version, from the create to the version the row holds
    if (trail.join() !== Array.from({ length: row.version }, (_, i) => i + 1).join())
      problems.push(`guest ${row.id} at version ${row.version} has the audit versions [${trail}]`);
    const last = (trails.get(row.id) ?? []).find((e) => e.version === row.version);
    if (last && last.after?.room !== row.room)
      problems.push(`guest ${row.id} holds room ${row.room}, its last audit entry ${JSON.stringify(last.after)}`);
    const attempts = (attemptsByRecord.get(row.id) ?? []).sort((a, b) => a.seq - b.seq);
    if (attempts.length === 0) {
      problems.push(`guest ${row.id} (${row.name}) was written by no attempt`);
      continue;
    }
    // the last acknowledged value, or one written after it without an answer
    const lastAcked = attempts.findLastIndex((a) => a.acked);
    const allowed = attempts.slice(Math.max(0, lastAcked)).map((a) => a.room);
    if (!allowed.includes(row.room ?? ''))
      problems.push(`guest ${row.id} holds room ${row.room}, not one of ${allowed.join(', ')}`);
  }
  expect(problems).toEqual([]);
  return {
    guests: ours.length,
    unacknowledgedPresent: ours.length - log.acked.filter((a) => a.op === 'create').length,
  };
}

/** A fresh database and the environment of a server over it. */
async function environment() {
  const dir = tempDir();
  const seedFile = path.join(dir, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify(smallSeed()));
  return {
    DATABASE_URL: await cluster().createDatabase(),
    HUIWU_DATA: path.join(dir, 'data.json'),
    HUIWU_SEED: seedFile,
  };
}

/** Six writers, three through each server: admin and two organisers each. */
async function writers(urls: string[]): Promise<Writer[]> {
  const admin = await loginCookie(urls[0], 'admin', ADMIN_PASSWORD);
  const list: Writer[] = [];
  for (let i = 0; i < 6; i++) {
    const server = (i % 2) as 0 | 1;
    if (i < 2) {
      list.push({ index: i, server, cookie: await loginCookie(urls[server], 'admin', ADMIN_PASSWORD) });
      continue;
    }
    const username = `crash${i}-${Date.now()}`;
    const password = `crash-password-${i}`;
    const res = await fetch(`${urls[0]}/api/users`, {
      method: 'POST',
      headers: { ...json, Cookie: admin },
      body: JSON.stringify({ username, displayName: username, role: 'organiser', password }),
    });
    expect(res.status).toBe(201);
    list.push({ index: i, server, cookie: await loginCookie(urls[server], username, password) });
  }
  return list;
}

/**
 * Writes through `from` (a guest of its own, then edits of it every 300 ms) until the change
 * stream of `to` names that guest; when it did.
 */
async function heardAcross(from: string, to: string, fromCookie: string, toCookie: string) {
  const created = await fetch(`${from}/api/attendees`, {
    method: 'POST',
    headers: { ...json, Cookie: fromCookie },
    body: JSON.stringify({ summitId: 1, name: '听见变化的嘉宾', role: 'guest', invitation: 'invited' }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const controller = new AbortController();
  const stream = await fetch(`${to}/api/attendees/changes`, {
    headers: { Cookie: toCookie },
    signal: controller.signal,
  });
  expect(stream.status).toBe(200);
  let heard = 0;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let text = '';
    try {
      for await (const chunk of stream.body!) {
        text += decoder.decode(chunk as Uint8Array, { stream: true });
        for (const [, data] of text.matchAll(/^event: change\ndata: (.*)$/gm))
          if ((JSON.parse(data).ids as unknown[]).map(Number).includes(id)) heard ||= Date.now();
      }
    } catch {
      // aborted
    }
  })();
  try {
    const end = Date.now() + 15_000;
    for (let n = 0; !heard; n++) {
      if (Date.now() > end) throw new Error(`${to} did not hear a write through ${from} within 15 s`);
      const res = await fetch(`${from}/api/attendees/${id}`, {
        method: 'PATCH',
        headers: { ...json, Cookie: fromCookie },
        body: JSON.stringify({ hotel: `heard-${n}` }),
      });
      expect(res.status).toBe(200);
      const next = Date.now() + 300;
      while (!heard && Date.now() < next) await sleep(10);
    }
    return heard;
  } finally {
    controller.abort();
    await reading;
  }
}

const alive = (server: ServerProcess) => server.child.exitCode === null && server.child.signalCode === null;
const started: ServerProcess[] = [];
const start = async (env: Record<string, string>) => {
  const server = await spawnServer(env);
  started.push(server);
  return server;
};
afterEach(() => {
  for (const server of started.splice(0)) if (alive(server)) server.child.kill('SIGKILL');
});

describe('a connection of the pool that the database drops', () => {
  it('while lent out (a write’s transaction) fails its statement, not the process, and is replaced', async () => {
    const url = await cluster().createDatabase();
    const pool = openPool(url, { max: 2 });
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => client.once('end', resolve));
      // between two statements of a transaction: no query of its own to fail, only 'error'
      await cluster().query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await ended;
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release();
      expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    } finally {
      await pool.end();
    }
  });
});

describe('two servers on one database, crashed mid-burst', () => {
  it('a server killed (SIGKILL) while six writers write through both: every acknowledged write is there', async () => {
    const env = await environment();
    // one after the other: the first applies the migrations and writes the seed
    const one = await start(env);
    const two = await start(env);
    const urls = [one.url, two.url];
    const log = new Log();
    let killed = false;
    const running = (await writers(urls)).map((w) => write(1, w, urls, log, (server) => server === 0 && killed));

    await until('300 writes are acknowledged', () => log.acked.length >= 300);
    const exited = new Promise((resolve) => one.child.once('exit', resolve));
    killed = true;
    one.child.kill('SIGKILL');
    await exited;
    const atKill = log.acked.length;
    // server two's writers go on without it
    const two0 = log.ackedAt[1];
    await until('server two acknowledges 60 more writes', () => log.ackedAt[1] >= two0 + 60);
    log.stopped = true;
    await Promise.all(running);
    expect(alive(two)).toBe(true);

    const again = await start(env);
    const cookie = await loginCookie(again.url, 'admin', ADMIN_PASSWORD);
    const found = await checkAll(1, log, again.url, cookie);
    const lostConnections = log.failed.filter((f) => f.status === 0).length;
    console.log(
      `SIGKILL round: ${log.acked.length} writes acknowledged (${atKill} before the kill), ` +
        `${log.failed.length} unacknowledged (${lostConnections} without an answer), ` +
        `${found.guests} guests, ${found.unacknowledgedPresent} of them from unacknowledged creates; lost 0`,
    );
    // the only failures: server one's writers losing their server
    expect(log.failed.filter((f) => f.status !== 0)).toEqual([]);
  }, 60_000);

  it('PostgreSQL crashed (pg_ctl stop -m immediate) under both servers: they answer errors, recover by themselves, lose no acknowledged write', async () => {
    const env = await environment();
    const one = await start(env);
    const two = await start(env);
    const urls = [one.url, two.url];
    const servers = [one, two];
    const log = new Log();
    const six = await writers(urls);
    const running = six.map((w) => write(2, w, urls, log, () => false));
    const c = cluster();
    try {
      await until('300 writes are acknowledged', () => log.acked.length >= 300);
      c.stop('immediate');
      const down = Date.now();
      const failedBefore = log.failed.length;
      // while it is down: every write answered with an error that says so, both servers up
      await until('each writer has failed at least twice', () => log.failed.length >= failedBefore + 12);
      await sleep(500);
      const probes = await Promise.all(
        urls.map(async (url, i) => {
          // writer i writes through server i
          const res = await fetch(`${url}/api/attendees/1`, { headers: { Cookie: six[i].cookie } });
          return { status: res.status, body: await res.json() };
        }),
      );
      for (const probe of probes) expect(probe).toEqual({ status: 503, body: { message: UNREACHABLE } });
      expect(servers.map(alive)).toEqual([true, true]);
      const acknowledgedWhileDown = log.acked.length;

      c.start();
      const up = Date.now();
      await until('each server acknowledges a write again', () => log.lastAck[0] > up && log.lastAck[1] > up, 30_000);
      const recovered = [log.lastAck[0] - up, log.lastAck[1] - up];
      const after = [...log.ackedAt];
      await until(
        'each server acknowledges 40 more writes',
        () => log.ackedAt[0] >= after[0] + 40 && log.ackedAt[1] >= after[1] + 40,
      );
      log.stopped = true;
      await Promise.all(running);
      expect(servers.map(alive)).toEqual([true, true]);
      // each server's change bus listens again (its own connection, outside the pool): a write
      // through one server is heard on the other's change stream
      const heardAgain = [
        await heardAcross(urls[0], urls[1], six[0].cookie, six[1].cookie),
        await heardAcross(urls[1], urls[0], six[1].cookie, six[0].cookie),
      ].map((at) => at - up);

      const cookie = await loginCookie(one.url, 'admin', ADMIN_PASSWORD);
      const found = await checkAll(2, log, one.url, cookie);
      const outage = log.failed.slice(failedBefore);
      // every write in the outage had an answer (the servers never dropped a connection): 503,
      // saying why
      // (or, for a write whose COMMIT was on its way, 500: it may or may not have been saved)
      expect(
        outage.filter(
          (f) => !(f.status === 503 && f.message === UNREACHABLE) && !(f.status === 500 && f.message === UNCONFIRMED),
        ),
      ).toEqual([]);
      console.log(
        `PostgreSQL crash round: ${log.acked.length} writes acknowledged (${acknowledgedWhileDown} before ` +
          `and during the outage of ${up - down} ms), ${log.failed.length} answered with an error ` +
          `(${[...new Set(log.failed.map((f) => `${f.status} ${f.message}`))].join('; ')}), ` +
          `writes accepted again ${recovered[0]} ms / ${recovered[1]} ms after the restart, ` +
          `each server's change stream hearing the other's writes by ${heardAgain[0]} / ${heardAgain[1]} ms, ` +
          `${found.guests} guests, ${found.unacknowledgedPresent} from unacknowledged creates; lost 0`,
      );
    } catch (error) {
      log.stopped = true;
      const outputs = servers.map((s, i) => `--- server ${i + 1}:\n${s.output().slice(-3000)}`).join('\n');
      throw new Error(`${(error as Error).message}\n${outputs}\n--- PostgreSQL:\n${c.log().slice(-2000)}`, {
        cause: error,
      });
    }
  }, 60_000);
});
