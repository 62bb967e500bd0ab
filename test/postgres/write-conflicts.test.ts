import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request, Response as ExpressResponse } from 'express';
import { apiErrorHandler } from '../../src/server/api';
import { tableOf } from '../../src/server/store/postgres/tables';
import { WriteConflictError, type Step } from '../../src/server/store/recordStore';
import { postgresForFile } from '../helpers/postgres';
import { rowsOf, sessionFor, startTestServer, tempDir, type TestServer } from '../helpers/server';

/**
 * A write that meets other writes in its way every time it is planned, past the store's
 * retries (rows changed under it, serialization failures, deadlocks), or a lock it cannot have
 * within the database's lock_timeout, is no fault of the server's: it is refused with
 * WriteConflictError, which the API answers 503 with Retry-After and a message saying that
 * nothing was saved and to try again — never 500 "internal error".
 */

const cluster = postgresForFile();
let server: TestServer;
let database: string;

beforeAll(async () => {
  const url = await cluster().createDatabase();
  database = new URL(url).pathname.slice(1);
  // what a DBA may set: a write waits this long for a lock, then PostgreSQL gives up (55P03)
  await cluster().query(`ALTER DATABASE "${database}" SET lock_timeout = '300ms'`);
  server = await startTestServer({ databaseUrl: url, dir: tempDir() });
}, 120_000);
afterAll(() => server?.close());

/** What the API answers for an error: status, Retry-After, message. */
function answerTo(error: unknown, lang = 'en') {
  const answer = { status: 0, retryAfter: null as string | null, message: '' };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => void (name === 'Retry-After' && (answer.retryAfter = value)),
    status(status: number) {
      answer.status = status;
      return this;
    },
    json: (body: { message: string }) => void (answer.message = body.message),
  };
  apiErrorHandler(
    error,
    { headers: { 'accept-language': lang } } as Request,
    res as unknown as ExpressResponse,
    () => {},
  );
  return answer;
}

/** A transaction of its own on the test's database, holding what `sql` locks until `release`. */
async function holding(sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: cluster().url(database) });
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, values);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

describe('PostgreSQL store: a write other writes keep in the way of', () => {
  it('whose rows keep changing under it is refused with WriteConflictError once its retries are spent', async () => {
    const [guest] = await rowsOf(server.client, 'attendees', { summitId: 1 });
    const table = tableOf('attendees').name;
    let plans = 0;
    const refusal = await server.records
      .write(null, async (view) => {
        plans++;
        const [row] = (await view.where('attendees', 'summitId', 1)).filter((r) => r.id === guest.id);
        // another server writes the guest after this plan read it, every time
        await cluster().query(`UPDATE "${table}" SET version = version + 1 WHERE id = $1`, [guest.id], database);
        return [{ op: 'update', resource: 'attendees', row, fields: { room: 'R-never' } } satisfies Step];
      })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WriteConflictError);
    expect(plans).toBeGreaterThan(1);
    expect(answerTo(refusal)).toMatchObject({ status: 503, retryAfter: '2', message: expect.stringMatching(/busy/) });
    const [after] = await server.client.getMany('attendees', { ids: [guest.id] }).then((r) => r.data);
    expect(after.room).not.toBe('R-never');
  });

  it('refused for serialization failures every time is refused with WriteConflictError, not PostgreSQL’s error', async () => {
    let plans = 0;
    const refusal = await server.records
      .write(null, async () => {
        plans++;
        throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
      })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WriteConflictError);
    expect(plans).toBeGreaterThan(1);
  });

  it('that waits past lock_timeout for a row another transaction holds answers 503 with Retry-After, and saves nothing', async () => {
    const [guest] = await rowsOf(server.client, 'attendees', { summitId: 1 });
    const lock = await holding(`SELECT 1 FROM "${tableOf('attendees').name}" WHERE id = $1 FOR UPDATE`, [guest.id]);
    try {
      for (const lang of ['en', 'zh']) {
        const res = await sessionFor(server.url, server.cookie, lang).api(`/attendees/${guest.id}`, {
          method: 'PATCH',
          body: JSON.stringify({ room: 'R-blocked' }),
        });
        expect(res.status).toBe(503);
        expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
        const body = await res.json();
        expect(body.message).toMatch(lang === 'en' ? /busy.*not saved.*try again/i : /数据库正忙.*没有保存.*再试/);
        expect(body.message).not.toMatch(/internal|内部|disk|磁盘/i);
      }
    } finally {
      await lock.release();
    }
    const [after] = await rowsOf(server.client, 'attendees', { id: guest.id });
    expect(after.room).not.toBe('R-blocked');
    // the lock gone, the same request passes
    const again = await server.api(`/attendees/${guest.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ room: 'R-free' }),
    });
    expect(again.status).toBe(200);
  });

  it('an import that waits past lock_timeout for its list answers 503 too, not “the disk refused”', async () => {
    const before = (await rowsOf(server.client, 'attendees', {}, 1000)).length;
    const lock = await holding('SELECT pg_advisory_xact_lock(hashtext($1))', ['huiwu:list:attendees']);
    let res: Response;
    try {
      res = await server.api('/attendees/import', {
        method: 'POST',
        body: JSON.stringify({
          columns: ['summitId', 'name', 'phone'],
          key: ['summitId', 'phone'],
          rows: [['智能制造高峰论坛', '锁住的嘉宾', '13600009999']],
        }),
      });
    } finally {
      await lock.release();
    }
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBeTruthy();
    expect((await res.json()).message).toMatch(/busy.*not saved/i);
    expect((await rowsOf(server.client, 'attendees', {}, 1000)).length).toBe(before);
  });
});
