import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBody, startChoices } from '../../src/app/import/importRequest';
import { resourceByName } from '../../src/schema';
import type { ColumnTarget } from '../../src/schema/imports';
import { MAX_IMPORT_ROWS } from '../../src/schema/imports';
import { IMPORT_LIMIT } from '../../src/server/api';
import { guestListBody } from '../helpers/guestList';
import { newSummit, rowsOf, startTestServer, type Session, type TestServer, onPostgres } from '../helpers/server';

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

  // On PostgreSQL a 50,000-row commit takes about three times as long as in memory (the rows,
  // their audit rows and the trigram indexes written in one transaction): a longer wait there.
  it(
    'is written against the data as it is when written: a guest added meanwhile is updated, not doubled',
    {
      timeout: onPostgres ? 120_000 : undefined,
    },
    async () => {
      const summitId = await newSummit(server.client, '大名单写入峰会');
      const rows = MAX_IMPORT_ROWS;
      const body = guestListBody(rows, summitId, { phoneFrom: 13_100_000_000 });
      const phone = body.rows[rows - 1][4];
      const written = importOf(server, body).then(async (res) => ({ status: res.status, body: await res.json() }));
      await later(1000);
      // an organiser adds the file's last guest by hand, most likely while the file is planned
      const { data: added } = await organiser.client.create('attendees', {
        data: { summitId, name: '手工添加的嘉宾', phone },
      });
      const { status, body: report } = await written;
      expect(status).toBe(200);
      const trail = await rowsOf(server.client, 'audit', { resource: 'attendees', recordId: String(added.id) }, 10);
      const same = await rowsOf(server.client, 'attendees', { summitId, phone }, 10);
      // which came first is the server's to say (a loaded machine may finish the file first): the
      // guest added by hand before the import was committed is updated by it, never doubled
      if (report.counts.update === 1) {
        expect(report.counts).toEqual({ create: rows - 1, update: 1, unchanged: 0, invalid: 0 });
        expect(report.rows[rows - 1]).toMatchObject({ outcome: 'update', id: added.id });
        expect(same.map((g) => g.id)).toEqual([added.id]);
        expect(same[0]).toMatchObject({ name: body.rows[rows - 1][0], version: 2 });
        expect(trail.map((e) => [e.action, e.version, e.username])).toEqual([
          ['create', 1, expect.stringMatching(/^organiser/)],
          ['import', 2, 'admin'],
        ]);
        expect(await totalOf('attendees', { summitId })).toBe(rows);
      } else {
        // the file committed first: the hand-added guest came after it, as a record of its own
        expect(report.counts).toEqual({ create: rows, update: 0, unchanged: 0, invalid: 0 });
        const imported = (
          await rowsOf(
            server.client,
            'audit',
            { resource: 'attendees', recordId: String(report.rows[rows - 1].id) },
            10,
          )
        )[0];
        expect(imported.id).toBeLessThan(trail[0].id);
        expect(same).toHaveLength(2);
      }
    },
  );
});

describe('imports sent at once', () => {
  it('eight at once, by two users: each answered as written, one organisation for a shared name, one audit entry per write', async () => {
    const summitId = await newSummit(server.client, '八路并发导入峰会');
    const rows = 500;
    /** import i's guests: phones of their own, all naming one new organisation */
    const bodyOf = (i: number, hotel: string) => {
      const body = guestListBody(rows, summitId, { phoneFrom: 13_200_000_000 + i * rows });
      for (const row of body.rows) {
        row[1] = '八方联合研究院';
        row[11] = hotel;
      }
      return body;
    };
    const who = (i: number) => (i % 2 ? organiser : server);
    const round = (hotel: string) =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          importOf(who(i), bodyOf(i, hotel)).then(async (res) => ({ status: res.status, body: await res.json() })),
        ),
      );

    const first = await round('青岚宾馆');
    expect(first.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const { body } of first) expect(body.counts).toEqual({ create: rows, update: 0, unchanged: 0, invalid: 0 });
    const orgs = await rowsOf(server.client, 'organizations', { name: '八方联合研究院' });
    expect(orgs).toHaveLength(1);
    const creators = first.filter((r) => r.body.newRecords.length > 0);
    expect(creators).toHaveLength(1);
    expect(creators[0].body.newRecords).toEqual([expect.objectContaining({ name: '八方联合研究院', id: orgs[0].id })]);
    expect(await totalOf('attendees', { summitId })).toBe(8 * rows);
    expect(await totalOf('attendees', { summitId, organizationId: orgs[0].id })).toBe(8 * rows);
    const ids = first.flatMap((r) => r.body.rows.map((row: { id: number }) => row.id));
    expect(new Set(ids).size).toBe(8 * rows);

    // the same guests again, another hotel: every one updated once, to version 2
    const second = await round('东湖假日酒店');
    expect(second.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const [i, { body }] of second.entries()) {
      expect(body.counts).toEqual({ create: 0, update: rows, unchanged: 0, invalid: 0 });
      expect(body.rows.map((row: { id: number }) => row.id)).toEqual(
        first[i].body.rows.map((row: { id: number }) => row.id),
      );
    }
    expect(await totalOf('attendees', { summitId, hotel: '东湖假日酒店', version: 2 })).toBe(8 * rows);
    for (const [i, { body }] of first.entries()) {
      for (const row of [body.rows[0], body.rows[rows - 1]]) {
        const trail = await rowsOf(server.client, 'audit', { resource: 'attendees', recordId: String(row.id) }, 10);
        const by = i % 2 ? expect.stringMatching(/^organiser/) : 'admin';
        expect(trail.map((e) => [e.action, e.version, e.username])).toEqual([
          ['import', 1, by],
          ['import', 2, by],
        ]);
        expect(trail[1].after).toEqual({ hotel: '东湖假日酒店' });
      }
    }
  });

  it('too many waiting: a 503 that says when to come back; the rest answered in turn', async () => {
    const summitId = await newSummit(server.client, '排队导入峰会');
    const running = importOf(server, guestListBody(MAX_IMPORT_ROWS, summitId), true);
    await later(1000);
    // four files of 19 MB (notes too long to import, quick to read) while the first is planned:
    // three of the largest size may be in, the one planned counted
    const note = '备'.repeat(10_000);
    const big = JSON.stringify({
      columns: ['name', 'note'],
      rows: Array.from({ length: 650 }, (_, i) => [`排队嘉宾${i}`, note]),
      fixed: { summitId },
    });
    expect(Buffer.byteLength(big)).toBeGreaterThan(19_000_000);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        importOf(server, big, true).then(async (res) => ({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: await res.json(),
        })),
      ),
    );
    const refused = answers.filter((a) => a.status === 503);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toEqual({
      status: 503,
      retryAfter: '15',
      body: { message: 'The server is busy with other imports; try again in 15 s' },
    });
    for (const answer of answers.filter((a) => a.status !== 503)) {
      expect(answer.status).toBe(200);
      expect(answer.body.counts).toEqual({ create: 0, update: 0, unchanged: 0, invalid: 650 });
    }
    expect((await running).status).toBe(200);
  });
});

describe('an upload that arrives slowly', () => {
  it('holds up nobody: it takes its turn once it has arrived, and others are answered meanwhile', async () => {
    const summitId = await newSummit(server.client, '慢速上传峰会');
    const body = JSON.stringify({ columns: ['name'], rows: [['慢速嘉宾']], fixed: { summitId } });
    const { request } = await import('node:http');
    const url = new URL(`${server.url}/api/attendees/import?dryRun=true`);
    let slowAnswered = false;
    const quick = later(300).then(() =>
      importOf(server, { columns: ['name'], rows: [['快速嘉宾']], fixed: { summitId } }, true),
    );
    const slow = new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Cookie: organiser.cookie,
          },
        },
        (res) => {
          slowAnswered = true;
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      // half the body now, the rest only once the quick import below has been answered
      req.write(body.slice(0, 10));
      quick.then(() => req.end(body.slice(10)));
    });
    const quickAnswer = await quick;
    expect(quickAnswer.status).toBe(200);
    expect(slowAnswered).toBe(false);
    expect(await slow).toBe(200);
  });
});

describe('an import over the size limit', () => {
  const tooLarge = (summitId: number) =>
    JSON.stringify({
      columns: ['name', 'note'],
      rows: Array.from({ length: 720 }, (_, i) => [`超大嘉宾${i}`, '备'.repeat(10_000)]),
      fixed: { summitId },
    });

  it('is a 413 that says the limit and what to do, before it is read; nothing is written', async () => {
    const summitId = await newSummit(server.client, '超大导入峰会');
    const body = tooLarge(summitId);
    expect(Buffer.byteLength(body)).toBeGreaterThan(20 * 1024 * 1024);
    const res = await importOf(server, body);
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe(
      'The import is too large (limit 20 MB, enough for 50,000 rows of a full guest list): split the file',
    );
    const zh = await server.api('/attendees/import', {
      method: 'POST',
      body,
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect((await zh.json()).message).toBe('导入内容过大（上限 20 MB，足够 50,000 行完整的嘉宾名单），请拆分文件');
    expect(await totalOf('attendees', { summitId })).toBe(0);
  });

  it('sent without a length (chunked): the same 413 once the limit is passed', async () => {
    const summitId = await newSummit(server.client, '分块超大导入峰会');
    const bytes = new TextEncoder().encode(tooLarge(summitId));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 1 << 20) controller.enqueue(bytes.subarray(at, at + (1 << 20)));
        controller.close();
      },
    });
    const res = await importOf(server, '', false, { body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).message).toMatch(/^The import is too large \(limit 20 MB/);
    expect(await totalOf('attendees', { summitId })).toBe(0);
  });

  it('is not what a wide sheet of 50,000 rows sends: the app leaves out the columns it ignores', () => {
    const full = guestListBody(MAX_IMPORT_ROWS, 1);
    // as many columns again, left unmapped (a partner's own codes, remarks, a second phone)
    const file = {
      name: '宽表.xlsx',
      headers: [...full.columns, ...full.columns.map((c) => `其他${c}`)],
      rows: full.rows.map((row) => [...row, ...row]),
      lines: full.lines,
      skipped: [],
      hiddenColumns: 0,
      hiddenRows: 0,
    };
    const columns: (ColumnTarget | null)[] = [...full.columns, ...full.columns.map(() => null)];
    expect(Buffer.byteLength(JSON.stringify(file.rows))).toBeGreaterThan(IMPORT_LIMIT);
    const body = importBody(resourceByName.attendees, file, startChoices(columns, full.key, full.fixed));
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(IMPORT_LIMIT);
    expect(body.rows[0]).toEqual([...full.rows[0], ...full.columns.map(() => '')]);
  });
});
