import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../src/schema/imports';
import { guestListBody } from '../helpers/guestList';
import { newSummit, rowsOf, startTestServer, type Session, type TestServer } from '../helpers/server';

// Large imports while others work: one organiser's 50,000-row file neither holds everyone's
// requests nor, sent many times at once, the server's memory. The server runs in this process,
// so while it plans in one go nothing here runs either: a request sent during an import is
// answered before it only if the import gives the event loop back.
let server: TestServer;
let organiser: Session;

beforeAll(async () => {
  server = await startTestServer();
  organiser = await server.userWithRole('organiser');
});
afterAll(() => server.close());

const importOf = (who: Session, body: string | object, dryRun = false, init: RequestInit = {}) =>
  who.api(`/attendees/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The total of a list under a filter, as the grid's footer shows it. */
const totalOf = async (resource: string, filter: object) =>
  (
    await server.client.getList(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 1 },
    })
  ).total;

describe('a 50,000-row import', () => {
  it('leaves the server answering: five one-row pages, one after another, all before the preview', async () => {
    const summitId = await newSummit(server.client, '大名单预览峰会');
    const body = JSON.stringify(guestListBody(MAX_IMPORT_ROWS, summitId));
    const order: string[] = [];
    const preview = importOf(server, body, true).then(async (res) => {
      order.push('import');
      return { status: res.status, body: await res.json() };
    });
    // the body sent and read (these timers wait as long as the server holds the thread)
    await later(1000);
    for (let i = 0; i < 5; i++) {
      const res = await server.api(`/attendees?range=[0,0]&sort=["id","ASC"]`);
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveLength(1);
      order.push('get');
    }
    const { status, body: report } = await preview;
    expect(order).toEqual(['get', 'get', 'get', 'get', 'get', 'import']);
    expect(status).toBe(200);
    expect(report.counts).toEqual({ create: MAX_IMPORT_ROWS, update: 0, unchanged: 0, invalid: 0 });
    expect(report.written).toBe(false);
    expect(await totalOf('attendees', { summitId })).toBe(0);
  });

  it('is written against the data as it is when written: a guest added meanwhile is updated, not doubled', async () => {
    const summitId = await newSummit(server.client, '大名单写入峰会');
    const rows = 20_000;
    const body = guestListBody(rows, summitId, { phoneFrom: 13_100_000_000 });
    const phone = body.rows[rows - 1][4];
    const order: string[] = [];
    const written = importOf(server, body).then(async (res) => {
      order.push('import');
      return { status: res.status, body: await res.json() };
    });
    await later(1000);
    // an organiser adds the file's last guest by hand while the file is planned
    const { data: added } = await organiser.client.create('attendees', {
      data: { summitId, name: '手工添加的嘉宾', phone },
    });
    order.push('create');
    const { status, body: report } = await written;
    expect(order).toEqual(['create', 'import']);
    expect(status).toBe(200);
    expect(report.counts).toEqual({ create: rows - 1, update: 1, unchanged: 0, invalid: 0 });
    expect(report.rows[rows - 1]).toMatchObject({ outcome: 'update', id: added.id });
    const same = await rowsOf(server.client, 'attendees', { summitId, phone }, 10);
    expect(same.map((g) => g.id)).toEqual([added.id]);
    expect(same[0]).toMatchObject({ name: body.rows[rows - 1][0], version: 2 });
    const trail = await rowsOf(server.client, 'audit', { resource: 'attendees', recordId: String(added.id) }, 10);
    expect(trail.map((e) => [e.action, e.version, e.username])).toEqual([
      ['create', 1, expect.stringMatching(/^organiser/)],
      ['import', 2, 'admin'],
    ]);
    expect(await totalOf('attendees', { summitId })).toBe(rows);
  });
});
