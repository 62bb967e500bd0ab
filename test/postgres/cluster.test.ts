import fs from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForFile } from '../helpers/postgres';

describe('the throw-away PostgreSQL cluster', () => {
  const cluster = postgresForFile();

  it('is PostgreSQL 15 or later, in UTF-8, with ICU collations and pg_trgm that reads Chinese', async () => {
    const c = cluster();
    const { rows } = await c.query<{ version: number; encoding: string }>(
      "SELECT current_setting('server_version_num')::int AS version, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    expect(rows[0].version).toBeGreaterThanOrEqual(150000);
    expect(rows[0].encoding).toBe('UTF8');
    const url = await c.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("CREATE COLLATION pinyin (provider = icu, locale = 'zh-u-co-pinyin')");
      const sorted = await client.query<{ name: string }>(
        "SELECT name FROM unnest(ARRAY['赵','钱','孙','李','王','张']) AS name ORDER BY name COLLATE pinyin",
      );
      expect(sorted.rows.map((r) => r.name)).toEqual(['李', '钱', '孙', '王', '张', '赵']);
      await client.query('CREATE EXTENSION pg_trgm');
      const trigrams = await client.query<{ t: string[] }>("SELECT show_trgm('张伟明') AS t");
      expect(trigrams.rows[0].t.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('gives each test a fresh database, copied from a template when asked', async () => {
    const c = cluster();
    const template = await c.createDatabase();
    const setup = new pg.Client({ connectionString: template });
    await setup.connect();
    await setup.query('CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2)');
    await setup.end();
    const copy = await c.createDatabase({ template: template.split('/').pop() });
    const client = new pg.Client({ connectionString: copy });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM t');
    await client.end();
    expect(rows[0].n).toBe(2);
  });

  it('keeps a committed row through a crash (pg_ctl stop -m immediate) and a restart', async () => {
    const c = cluster();
    const url = await c.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE t (x int); INSERT INTO t VALUES (42)');
    client.on('error', () => {});
    c.stop('immediate');
    c.start();
    await client.end().catch(() => {});
    const { rows } = await c.query('SELECT x FROM t', [], url.split('/').pop());
    expect(rows).toEqual([{ x: 42 }]);
  });

  it('is removed afterwards, directory and all', async () => {
    const { startPostgres } = await import('../helpers/postgres');
    const other = await startPostgres();
    expect(fs.existsSync(other.dir)).toBe(true);
    other.remove();
    expect(fs.existsSync(other.dir)).toBe(false);
    await expect(other.query('SELECT 1')).rejects.toThrow();
  });
});
