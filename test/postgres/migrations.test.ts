import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { committedModel, modelJson, pendingStatements, writeMigration } from '../../src/server/store/postgres/cli';
import { EMPTY_MODEL, migrationSql, modelFromSchema, type DbModel } from '../../src/server/store/postgres/ddl';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../../src/server/store/postgres/migrate';
import { postgresForFile } from '../helpers/postgres';

const cluster = postgresForFile();
const pools: pg.Pool[] = [];
const poolFor = (url: string) => {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/** What a database holds, read back from its catalogue in the model's terms. */
async function introspect(pool: pg.Pool) {
  const columns = await pool.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const indexes = await pool.query<{ table: string; index: string }>(
    `SELECT tablename AS table, indexname AS index FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`,
  );
  const tables: Record<string, { columns: Record<string, string>; indexes: string[] }> = {};
  for (const row of columns.rows) (tables[row.table] ??= { columns: {}, indexes: [] }).columns[row.column] = row.type;
  for (const row of indexes.rows) tables[row.table].indexes.push(row.index);
  for (const table of Object.values(tables)) table.indexes.sort();
  return tables;
}

const expected = (model: DbModel) =>
  Object.fromEntries(
    Object.entries(model.tables).map(([name, table]) => [
      name,
      {
        columns: Object.fromEntries(
          Object.entries(table.columns).map(([column, def]) => [
            column,
            /^(timestamp with time zone|double precision|[a-z]+)/.exec(def)![1],
          ]),
        ),
        indexes: Object.keys(table.indexes).sort(),
      },
    ]),
  );

describe('migrations from the schema', () => {
  it('match the schema: a new field is one line in src/schema plus `npm run db -- migration`', () => {
    // when this fails, run `npm run db -- migration` and commit the file it writes
    expect(pendingStatements()).toEqual([]);
    expect(committedModel()).toEqual(modelFromSchema());
  });

  it('build, applied in order, exactly the tables, columns and indexes the model says', async () => {
    const pool = poolFor(await cluster().createDatabase());
    const { applied } = await migrate(pool);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    const tables = await introspect(pool);
    const { schema_migrations: recorded, ...rest } = tables;
    expect(recorded).toBeDefined();
    expect(rest).toEqual(expected(committedModel()));
    const collation = await pool.query(
      "SELECT collprovider, colliculocale FROM pg_collation WHERE collname = 'huiwu_pinyin'",
    );
    expect(collation.rows).toEqual([{ collprovider: 'i', colliculocale: 'zh-u-co-pinyin' }]);
    // a second start applies nothing
    expect((await migrate(pool)).applied).toEqual([]);
  });

  it('are applied once when two servers start at once (an advisory lock)', async () => {
    const url = await cluster().createDatabase();
    const [a, b] = await Promise.all([migrate(poolFor(url)), migrate(poolFor(url))]);
    const all = readMigrations().map((m) => m.name);
    expect([a.applied, b.applied].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const { rows } = await poolFor(url).query('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(all);
  });

  it('each in its own transaction: a failing one leaves nothing of itself, and stops the start', async () => {
    const pool = poolFor(await cluster().createDatabase());
    const migrations = [
      { name: '001_a', sql: 'CREATE TABLE a (x int)', checksum: '1' },
      { name: '002_b', sql: 'CREATE TABLE b (x int); SELECT no_such_function()', checksum: '2' },
    ];
    await expect(migrate(pool, migrations)).rejects.toThrow(/002_b failed/);
    const { rows } = await pool.query("SELECT to_regclass('a') AS a, to_regclass('b') AS b");
    expect(rows[0]).toEqual({ a: 'a', b: null });
    expect((await pool.query('SELECT name FROM schema_migrations')).rows).toEqual([{ name: '001_a' }]);
    // a recorded file edited afterwards, or a database migrated by a newer version, is refused
    await expect(migrate(pool, [{ ...migrations[0], checksum: 'changed' }])).rejects.toThrow(/changed after/);
    await expect(migrate(pool, [])).rejects.toThrow(/newer Huiwu/);
  });

  it('move values between `custom` and a column when a field is added to or removed from the schema', async () => {
    const model = committedModel();
    // the database as it was before attendees had a hotel
    const { hotel: _h, ...columns } = model.tables.attendees.columns;
    const { hotel: _k, ...keys } = model.tables.attendees.keys;
    const indexes = Object.fromEntries(
      Object.entries(model.tables.attendees.indexes).filter(([, statement]) => !statement.includes('"hotel"')),
    );
    const before: DbModel = {
      ...model,
      tables: { ...model.tables, attendees: { ...model.tables.attendees, columns, keys, indexes } },
    };
    const pool = poolFor(await cluster().createDatabase());
    for (const statement of migrationSql(EMPTY_MODEL, before)) await pool.query(statement);
    await pool.query(
      `INSERT INTO attendees (id, name, custom) VALUES (1, '王芳', '{"hotel": "锦江宾馆", "diet": "清真"}')`,
    );

    const adding = migrationSql(before, model);
    expect(adding.some((s) => s.startsWith('ALTER TABLE "attendees" ADD COLUMN "hotel" text'))).toBe(true);
    for (const statement of adding) await pool.query(statement);
    expect((await pool.query('SELECT hotel, custom FROM attendees')).rows).toEqual([
      { hotel: '锦江宾馆', custom: { diet: '清真' } },
    ]);

    // removed from the schema: the values stay, in custom, as the embedded store keeps them
    for (const statement of migrationSql(model, before)) await pool.query(statement);
    expect((await pool.query('SELECT custom FROM attendees')).rows).toEqual([
      { custom: { diet: '清真', hotel: '锦江宾馆' } },
    ]);
  });

  it('the generator writes the next numbered file and the model beside it, and nothing when they match', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-migrations-'));
    try {
      for (const file of fs.readdirSync(MIGRATIONS_DIR))
        fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
      expect(writeMigration('nothing', dir)).toBeNull();
      // as if the last migration had not been written yet
      const model = committedModel(dir);
      const { nights: _n, ...columns } = model.tables.attendees.columns;
      fs.writeFileSync(
        path.join(dir, 'model.json'),
        modelJson({ ...model, tables: { ...model.tables, attendees: { ...model.tables.attendees, columns } } }),
      );
      const file = writeMigration('nights', dir)!;
      expect(path.basename(file)).toBe(
        `${String(readMigrations(MIGRATIONS_DIR).length + 1).padStart(3, '0')}_nights.sql`,
      );
      expect(fs.readFileSync(file, 'utf8')).toContain('ALTER TABLE "attendees" ADD COLUMN "nights" integer;');
      expect(committedModel(dir)).toEqual(modelFromSchema());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
