import express from 'express';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { apiErrorHandler, collections, createApi } from '../../src/server/api';
import { ensureAdmin } from '../../src/server/auth/accounts';
import { LoginThrottle } from '../../src/server/auth/throttle';
import { embeddedStore } from '../../src/server/store/embedded';
import { PgAttempts, PgSignInPlaces } from '../../src/server/store/postgres/loginAttempts';
import { migrate } from '../../src/server/store/postgres/migrate';
import { openPool } from '../../src/server/store/postgres/pool';
import { PgSessions } from '../../src/server/store/postgres/sessions';
import type { RecordStore } from '../../src/server/store/recordStore';
import { openStore, type Store } from '../../src/server/store/store';
import { postgresForFile } from '../helpers/postgres';

/**
 * Two API servers whose sessions and login throttling live in one PostgreSQL database, through
 * the real auth routes and requireSession: a sign-in through one is a session on the other, a
 * logout or an account change through one ends it on both, and guesses spread over both meet
 * one budget. (The records are one store object shared by both here: sharing them is the
 * PostgreSQL RecordStore's part, tested with it.)
 */

const cluster = postgresForFile();
const ADMIN = 'admin-pass-2026';
let store: Store;
let records: RecordStore;
let dir: string;
const pools: pg.Pool[] = [];
const servers: Server[] = [];
let A = '';
let B = '';

async function apiServer(url: string) {
  const pool = openPool(url, { max: 10 });
  pools.push(pool);
  const app = express();
  app.use(
    '/api',
    createApi({
      records,
      sessions: new PgSessions(pool, 60, 12),
      throttle: new LoginThrottle({ attempts: new PgAttempts(pool), places: new PgSignInPlaces(pool) }),
    }),
  );
  app.use('/api', apiErrorHandler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-servers-'));
  const seedFile = path.join(dir, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify({ summits: [{ id: 1, name: '智能制造峰会' }] }));
  store = openStore({ dataFile: path.join(dir, 'data.json'), seedFile, collections });
  records = embeddedStore(store, resourceByName);
  await ensureAdmin(records, ADMIN);
  const url = await cluster().createDatabase();
  const pool = openPool(url, { max: 1 });
  await migrate(pool);
  await pool.end();
  [A, B] = [await apiServer(url), await apiServer(url)];
}, 60_000);

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await Promise.all(pools.map((pool) => pool.end()));
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const login = (api: string, username: string, password: string) =>
  fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0];

const call = (api: string, cookie: string, url: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${api}${url}`, {
    method: init.method ?? 'GET',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe('two servers on one database', () => {
  it('a session started through one server is served, and ended, through the other', async () => {
    const res = await login(A, 'admin', ADMIN);
    expect(res.status).toBe(200);
    const admin = cookieOf(res);
    expect((await call(B, admin, '/auth/me')).status).toBe(200);
    expect((await call(B, admin, '/summits')).status).toBe(200);
    expect((await call(B, admin, '/auth/logout', { method: 'POST', body: {} })).status).toBe(200);
    expect((await call(A, admin, '/auth/me')).status).toBe(401);
    expect((await call(B, admin, '/summits')).status).toBe(401);
  });

  it("an account's role changed through one server ends its sessions on both before the answer", async () => {
    const admin = cookieOf(await login(B, 'admin', ADMIN));
    const created = await call(A, admin, '/users', {
      method: 'POST',
      body: { username: 'lixia', displayName: '李霞', role: 'organiser', password: 'lixia-pass-1' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const [one, two] = [
      cookieOf(await login(A, 'lixia', 'lixia-pass-1')),
      cookieOf(await login(B, 'lixia', 'lixia-pass-1')),
    ];
    expect((await call(B, one, '/summits')).status).toBe(200);
    expect((await call(A, two, '/summits')).status).toBe(200);
    expect((await call(B, admin, `/users/${id}`, { method: 'PATCH', body: { role: 'viewer' } })).status).toBe(200);
    for (const api of [A, B])
      for (const cookie of [one, two]) expect((await call(api, cookie, '/auth/me')).status).toBe(401);
    expect((await call(A, admin, '/auth/me')).status).toBe(200);
  });

  it('a new password set through one server ends the other sessions of the account on both, not its own', async () => {
    const here = cookieOf(await login(A, 'lixia', 'lixia-pass-1'));
    const there = cookieOf(await login(B, 'lixia', 'lixia-pass-1'));
    const changed = await call(B, here, '/auth/password', {
      method: 'POST',
      body: { current: 'lixia-pass-1', password: 'lixia-pass-2' },
    });
    expect(changed.status).toBe(200);
    expect((await call(A, here, '/auth/me')).status).toBe(200);
    expect((await call(A, there, '/auth/me')).status).toBe(401);
    expect((await call(B, there, '/auth/me')).status).toBe(401);
  });

  it('40 wrong passwords at once, spread over both servers, check at most four, and the wait holds on both', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(i % 2 ? A : B, 'lixia', `guess-${i}`).then((res) => res.status)),
    );
    expect(answers.filter((status) => status === 401)).toHaveLength(4);
    expect(answers.filter((status) => status === 429)).toHaveLength(36);
    // the same address as the guesses here, so the account's own budget at its usual place
    // (where it signed in before) is the one spent: a further try waits, through either server
    const wait = await login(A, 'lixia', 'lixia-pass-2');
    expect(wait.status).toBe(429);
    expect(Number(wait.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(B, 'lixia', 'lixia-pass-2')).status).toBe(429);
  });
});
