import compression from 'compression';
import express from 'express';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resourceByName } from '../../src/schema';
import { collections } from '../../src/server/api';
import { LocalChangeBus, type ChangeBus } from '../../src/server/changes';
import { changeRoutes } from '../../src/server/routes/changes';
import { PgChangeBus } from '../../src/server/store/postgres/changes';
import { migrate } from '../../src/server/store/postgres/migrate';
import { openPool } from '../../src/server/store/postgres/pool';
import { embeddedStore } from '../../src/server/store/embedded';
import type { Row } from '../../src/server/store/store';
import { openStore } from '../../src/server/store/store';
import { postgresForFile } from '../helpers/postgres';

/**
 * The check-in desk hears of check-ins made anywhere: `GET /api/attendees/changes` streams an
 * event each time a summit's guests change, through this server (the embedded store tells its
 * commits) or, over one PostgreSQL database, through another server (LISTEN/NOTIFY) — within
 * two seconds, only for the summit asked about, and only for a role that may read the list.
 */

const cluster = postgresForFile();
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

/** The guests the fake store knows, by id (a change's ids are matched against their summit). */
type Guests = Map<string, Row>;

/** A server with only the change stream, signed in as `role`. */
async function serve(changes: ChangeBus, guests: Guests, role = 'organiser', options = {}) {
  const app = express();
  // as the app serves the API: compressed
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.user = { id: 1, role };
    next();
  });
  const records = {
    changes,
    get: async (_resource: string, ids: readonly unknown[]) =>
      ids.map((id) => guests.get(String(id))).filter((r): r is Row => !!r),
  };
  app.use('/api', changeRoutes({ records }, options));
  app.use(
    '/api',
    (error: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(error.status ?? 500).json({});
    },
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  let closed = false;
  const close = () =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      closed = true;
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  closing.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, close };
}

/** Opens an event stream; its events as they come. */
async function listen(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const events: { event: string; data: unknown }[] = [];
  let ended = false;
  if (response.ok) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event) events.push({ event, data: data ? JSON.parse(data) : null });
          }
        }
      } catch {
        // aborted
      }
      ended = true;
    })();
  }
  closing.push(async () => controller.abort());
  return { response, events, ended: () => ended };
}

async function waitFor<T>(what: () => T | undefined | false, ms = 2000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const guests: Guests = new Map([
  ['1', { id: 1, summitId: 1, name: '张三' }],
  ['2', { id: 2, summitId: 2, name: '李四' }],
]);

describe('the check-in desk hears of check-ins', () => {
  it('through another server of one PostgreSQL database, within two seconds, for its own summit only', async () => {
    const url = await cluster().createDatabase();
    const pool = openPool(url, { max: 4 });
    closing.push(() => pool.end());
    await migrate(pool);
    const [busA, busB] = [await PgChangeBus.open(pool, url), await PgChangeBus.open(pool, url)];
    closing.push(
      () => busA.close(),
      () => busB.close(),
    );
    const serverB = await serve(busB, guests);
    const desk = await listen(`${serverB.url}/attendees/changes?filter=${encodeURIComponent('{"summitId":1}')}`);
    expect(desk.response.status).toBe(200);
    expect(desk.response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    // server A's store commits a check-in of a guest of summit 2, then one of summit 1, each
    // telling of it inside its transaction
    for (const id of [2, 1]) {
      const client = await pool.connect();
      await client.query('BEGIN');
      await busA.notifyIn(client, { kind: 'records', resource: 'attendees', ids: [id] });
      await client.query('COMMIT');
      client.release();
    }
    const sent = Date.now();
    await waitFor(() => desk.events.length > 0);
    expect(Date.now() - sent).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(desk.events).toEqual([{ event: 'change', data: { ids: [1] } }]);

    // a guest deleted (not found any more) may have been the desk's; a change of another list is not
    await busA.publish({ kind: 'records', resource: 'organizations', ids: [1] });
    await busA.publish({ kind: 'records', resource: 'attendees', ids: [99] });
    await waitFor(() => desk.events.length > 1);
    expect(desk.events[1]).toEqual({ event: 'change', data: { ids: [99] } });

    // the listening connection killed: the desk is told to reload, what it may have missed
    await pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'huiwu-changes'");
    await waitFor(() => desk.events.length > 2);
    expect(desk.events[2]).toEqual({ event: 'change', data: { ids: [] } });
    await busB.whenListening();
    await busA.whenListening();
    await busA.publish({ kind: 'records', resource: 'attendees', ids: [1] });
    await waitFor(() => desk.events.length > 3);
    expect(desk.events[3]).toEqual({ event: 'change', data: { ids: [1] } });
  });

  it('through the same server on the embedded store: a commit is told once on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-changes-'));
    closing.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const seedFile = path.join(dir, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify({ summits: [{ id: 1, name: '峰会' }], attendees: [] }));
    const store = openStore({ dataFile: path.join(dir, 'data.json'), seedFile, collections });
    const records = embeddedStore(store, resourceByName);
    closing.push(() => records.close());
    const app = express();
    app.use((_req, res, next) => {
      res.locals.user = { id: 1, role: 'viewer' };
      next();
    });
    app.use('/api', changeRoutes({ records }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    closing.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const desk = await listen(`${url}/attendees/changes?filter={"summitId":1}`);
    const [guest] = await records.write(null, async () => [
      { op: 'create', resource: 'attendees', fields: { summitId: 1, name: '王五' } },
    ]);
    await waitFor(() => desk.events.length > 0);
    expect(desk.events).toEqual([{ event: 'change', data: { ids: [guest.id] } }]);
  });

  it('refuses a list the role may not read, and a filter that is not a link', async () => {
    const bus = new LocalChangeBus();
    const viewer = await serve(bus, guests, 'viewer');
    expect((await fetch(`${viewer.url}/users/changes`)).status).toBe(403);
    expect((await fetch(`${viewer.url}/nothing/changes`)).status).toBe(404);
    for (const filter of ['{"phone":"139"}', '{"name":"张三"}', '[1]', 'nonsense', '{"summitId":{"a":1}}'])
      expect((await fetch(`${viewer.url}/attendees/changes?filter=${encodeURIComponent(filter)}`)).status).toBe(400);
  });

  it('ends its streams when the server stops, and after its lifetime (the browser opens it again)', async () => {
    const bus = new LocalChangeBus();
    const short = await serve(bus, guests, 'organiser', { lifetimeMs: 300, heartbeatMs: 100 });
    const desk = await listen(`${short.url}/attendees/changes`);
    await waitFor(() => desk.ended(), 3000);

    const server = await serve(bus, guests);
    const open = await listen(`${server.url}/attendees/changes`);
    await bus.publish({ kind: 'records', resource: 'attendees', ids: [5] });
    await waitFor(() => open.events.length > 0);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await waitFor(() => open.ended());
  });
});
