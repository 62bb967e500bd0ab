import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOf } from '../../src/server/store/postgres/tables';
import { NotDurableError } from '../../src/server/store/recordStore';
import { postgresForFile } from '../helpers/postgres';
import { rowsOf, sessionFor, startTestServer, tempDir, type TestServer } from '../helpers/server';

/**
 * A COMMIT PostgreSQL does not confirm is told as it is, never as the embedded store's "the
 * disk refused the change": refused by the database (nothing was saved), or the connection
 * lost during the COMMIT (it may or may not have been saved: reload to check). A deferred
 * constraint trigger makes the COMMIT itself fail: it raises, or ends its own backend.
 */

const cluster = postgresForFile();
let server: TestServer;
let database: string;

beforeAll(async () => {
  const url = await cluster().createDatabase();
  database = new URL(url).pathname.slice(1);
  server = await startTestServer({ databaseUrl: url, dir: tempDir() });
  const table = tableOf('series').name;
  await cluster().query(
    `CREATE FUNCTION huiwu_test_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.name = 'refused at commit' THEN
         RAISE EXCEPTION 'refused at commit' USING ERRCODE = 'check_violation';
       END IF;
       IF NEW.name = 'connection lost at commit' THEN
         PERFORM pg_terminate_backend(pg_backend_pid());
         PERFORM pg_sleep(5);
       END IF;
       RETURN NULL;
     END $$`,
    [],
    database,
  );
  await cluster().query(
    `CREATE CONSTRAINT TRIGGER huiwu_test_at_commit AFTER INSERT OR UPDATE ON "${table}"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION huiwu_test_at_commit()`,
    [],
    database,
  );
}, 120_000);
afterAll(() => server?.close());

const create = (lang: string, name: string) =>
  sessionFor(server.url, server.cookie, lang).api('/series', { method: 'POST', body: JSON.stringify({ name }) });

describe('PostgreSQL store: a COMMIT the database does not confirm', () => {
  it('refused by PostgreSQL: 500 saying the database refused it and nothing was saved, not the disk', async () => {
    const en = await create('en', 'refused at commit');
    expect(en.status).toBe(500);
    const body = await en.json();
    expect(body.message).toMatch(/database refused.*not saved/i);
    expect(body.message).not.toMatch(/disk|restart/i);
    expect(body.saved).toBe(false);
    const zh = await (await create('zh', 'refused at commit')).json();
    expect(zh.message).toMatch(/数据库没有接受.*没有保存/);
    expect(zh.message).not.toMatch(/磁盘|重启/);
    expect((await rowsOf(server.client, 'series', {}, 1000)).map((s) => s.name)).not.toContain('refused at commit');
  });

  it('the connection lost during the COMMIT: 500 saying it may or may not have been saved', async () => {
    const en = await create('en', 'connection lost at commit');
    expect(en.status).toBe(500);
    const body = await en.json();
    expect(body.message).toMatch(/could not confirm.*may or may not have been saved/i);
    expect(body.message).not.toMatch(/disk|restart/i);
    expect(body.saved).toBeNull();
    const zh = await (await create('zh', 'connection lost at commit')).json();
    expect(zh.message).toMatch(/无法确认是否已保存.*可能已经保存，也可能没有/);
    // the server goes on, on another connection
    const ok = await create('en', 'after the lost connection');
    expect(ok.status).toBe(201);
  });

  it('the store rejects with NotDurableError telling the outcome', async () => {
    const write = (name: string) =>
      server.records
        .write(null, async () => [{ op: 'create', resource: 'series', fields: { name } }])
        .catch((error: unknown) => error);
    const refused = await write('refused at commit');
    expect(refused).toBeInstanceOf(NotDurableError);
    expect(refused).toMatchObject({ outcome: 'refused' });
    const lost = await write('connection lost at commit');
    expect(lost).toBeInstanceOf(NotDurableError);
    expect(lost).toMatchObject({ outcome: 'unknown' });
  });
});
