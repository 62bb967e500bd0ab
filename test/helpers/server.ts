import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { resourceByName } from '../../src/schema';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app';
import { afterAll, describe, it } from 'vitest';
import { smallSeed } from '../fixtures/smallSeed';
import { startPostgres, type TestCluster } from './postgres';

export const ADMIN_PASSWORD = 'admin-test-password';

/** A signed-in API user: ra-data-simple-rest's own client, and plain fetch for the rest. */
export interface Session {
  cookie: string;
  client: ReturnType<typeof simpleRestProvider>;
  /** a plain fetch against /api, for what the client does not show (headers, raw bodies) */
  api(pathAndQuery: string, init?: RequestInit): Promise<Response>;
}

export interface TestServer extends RunningServer, Session {
  dir: string;
  dataFile: string;
  /** logs in (as another user) and returns that user's session */
  login(username: string, password: string): Promise<Session>;
  /** creates a user as admin and logs in as them */
  userWithRole(role: string): Promise<Session & { id: number; username: string; password: string }>;
}

/**
 * The store the API tests run on: HUIWU_TEST_STORE=postgres (the `postgres` project of
 * vite.config.ts) puts every test server on PostgreSQL — one throw-away cluster per test file,
 * started when its first server starts, and a fresh database per server folder (a restart over
 * the same folder finds the same database, as it would find the same data file).
 */
export const onPostgres = process.env.HUIWU_TEST_STORE === 'postgres';

/** A test about the embedded store's files (journal, lock, snapshot, the disk): not on PostgreSQL. */
export const itEmbedded = it.skipIf(onPostgres);
export const describeEmbedded = onPostgres ? describe.skip : describe;

let cluster: Promise<TestCluster> | null = null;
if (onPostgres) afterAll(async () => (await cluster?.catch(() => null))?.remove());

/** The database of a server folder: made on its first start, the same on a restart. */
export async function databaseFor(dir: string): Promise<string> {
  const file = path.join(dir, 'database-url');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  cluster ??= startPostgres();
  const url = await (await cluster).createDatabase();
  fs.writeFileSync(file, url);
  return url;
}

/** The cluster of this test file (PostgreSQL only): to stop and start it, to read its log. */
export const testCluster = () => {
  cluster ??= startPostgres();
  return cluster;
};

/**
 * What the store holds as text, to tell that a refused request wrote nothing (the same text
 * before and after) or what it wrote: the embedded store's journal, every row of every list
 * on PostgreSQL (as the API's rows: `"passwordHash":"scrypt$…"` in both).
 */
export async function storedText(server: TestServer): Promise<string> {
  if (!onPostgres) return fs.readFileSync(`${server.dataFile}.journal`, 'utf8');
  return JSON.stringify(await server.records.load(Object.keys(resourceByName)));
}

export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-test-'));

export function sessionFor(baseUrl: string, cookie: string, lang = 'en'): Session {
  const httpClient = (url: string, init: fetchUtils.Options = {}) => {
    const headers = new Headers(init.headers ?? { Accept: 'application/json' });
    headers.set('Accept-Language', lang);
    if (cookie) headers.set('Cookie', cookie);
    return fetchUtils.fetchJson(url, { ...init, headers });
  };
  return {
    cookie,
    client: simpleRestProvider(`${baseUrl}/api`, httpClient),
    api: (pathAndQuery, init = {}) =>
      fetch(`${baseUrl}/api${pathAndQuery}`, {
        ...init,
        headers: {
          'Content-Type': 'application/json',
          'Accept-Language': lang,
          ...(cookie ? { Cookie: cookie } : {}),
          ...(init.headers ?? {}),
        },
      }),
  };
}

/** Logs in through the API and returns the session cookie (name=value). */
export async function loginCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** The real server on a free port, over a fresh copy of a seed in a temporary folder, with
 * an admin session ready. */
export async function startTestServer(
  options: { seed?: object; dir?: string; lang?: string } & Partial<Omit<ServerOptions, 'dataFile' | 'seedFile'>> = {},
): Promise<TestServer> {
  const { seed, dir = tempDir(), lang = 'en', ...serverOptions } = options;
  const seedFile = path.join(dir, 'seed.json');
  if (!fs.existsSync(seedFile)) fs.writeFileSync(seedFile, JSON.stringify(seed ?? smallSeed()));
  const dataFile = path.join(dir, 'data.json');
  const databaseUrl = onPostgres ? await databaseFor(dir) : undefined;
  const server = await startServer({
    port: 0,
    dataFile,
    seedFile,
    adminPassword: ADMIN_PASSWORD,
    databaseUrl,
    ...serverOptions,
  });
  const admin = sessionFor(server.url, await loginCookie(server.url, 'admin', ADMIN_PASSWORD), lang);
  const login = async (username: string, password: string) =>
    sessionFor(server.url, await loginCookie(server.url, username, password), lang);
  let count = 0;
  return {
    ...server,
    ...admin,
    dir,
    dataFile,
    login,
    userWithRole: async (role) => {
      const username = `${role}${++count}`;
      const password = `${role}-password-${count}`;
      const { data } = await admin.client.create('users', {
        data: { username, displayName: username, role, password },
      });
      return { ...(await login(username, password)), id: data.id as number, username, password };
    },
  };
}

/** The real server over a fresh copy of the demo data (db/seed.json). */
export function startDemoServer(options: Parameters<typeof startTestServer>[0] = {}) {
  const dir = tempDir();
  fs.copyFileSync(path.resolve('db/seed.json'), path.join(dir, 'seed.json'));
  return startTestServer({ ...options, dir });
}

/** A resource's records in id order, as a user's list would fetch them: the first `perPage`. */
export async function rowsOf(
  client: Session['client'],
  resource: string,
  filter: Record<string, unknown> = {},
  perPage = 100,
) {
  const { data } = await client.getList(resource, {
    filter,
    sort: { field: 'id', order: 'ASC' },
    pagination: { page: 1, perPage },
  });
  return data;
}

/** A new summit (a forum of two days, planning) for a test's own guests; its id. */
export async function newSummit(client: Session['client'], name: string, startsOn = '2027-05-25') {
  const endsOn = new Date(Date.parse(startsOn) + 86_400_000).toISOString().slice(0, 10);
  const { data } = await client.create('summits', {
    data: { name, kind: 'forum', startsOn, endsOn, status: 'planning' },
  });
  return data.id as number;
}
