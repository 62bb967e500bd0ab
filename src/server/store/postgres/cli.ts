import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { EMPTY_MODEL, migrationFile, migrationSql, modelFromSchema, type DbModel } from './ddl';
import { migrate, MIGRATIONS_DIR, readMigrations } from './migrate';
import { exportToPostgres, importFromPostgres, MoveError, type Counts } from './move';
import { shownUrl } from './pool';
import { configFromEnv } from '../../config';

/**
 * `npm run db -- migration [name]`: writes the next migration, the SQL that takes the database
 * from what the committed migrations built (db/migrations/model.json) to what the schema asks
 * for, and the new model beside it. `npm run db -- check`: fails while they differ.
 * `npm run db -- migrate`: applies the migrations to $DATABASE_URL.
 * `npm run db -- export [--data <file>] [--database <url>] [--replace]`: the embedded store's data
 * into PostgreSQL; `npm run db -- import [...]`: a database into a new data file (move.ts).
 */
const MODEL_FILE = path.join(MIGRATIONS_DIR, 'model.json');

export const committedModel = (dir = MIGRATIONS_DIR): DbModel => {
  const file = path.join(dir, 'model.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : EMPTY_MODEL;
};

export const modelJson = (model: DbModel) => `${JSON.stringify(model, null, 2)}\n`;

/** The statements still missing from the committed migrations; none when they match the schema. */
export const pendingStatements = (dir = MIGRATIONS_DIR) => migrationSql(committedModel(dir), modelFromSchema());

export function writeMigration(name: string, dir = MIGRATIONS_DIR): string | null {
  const statements = pendingStatements(dir);
  if (statements.length === 0) return null;
  fs.mkdirSync(dir, { recursive: true });
  const next = readMigrations(dir).length + 1;
  const file = path.join(dir, `${String(next).padStart(3, '0')}_${name.replace(/[^\w-]+/g, '_')}.sql`);
  fs.writeFileSync(file, migrationFile(statements));
  fs.writeFileSync(path.join(dir, 'model.json'), modelJson(modelFromSchema()));
  return file;
}

const USAGE =
  'usage: npm run db -- migration [name] | check | migrate | export [--data <file>] [--database <url>] [--replace] | import [--data <file>] [--database <url>] [--replace]';

/** --data, --database and --replace; null for anything else. */
export function moveOptions(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const options = { dataFile: configFromEnv(env).dataFile, databaseUrl: env.DATABASE_URL ?? '', replace: false };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : args[++i]);
    if (flag === '--replace' && inline === undefined) options.replace = true;
    else if (flag === '--data') options.dataFile = path.resolve(value() ?? '');
    else if (flag === '--database') options.databaseUrl = value() ?? '';
    else return null;
  }
  return options;
}

const plural = (n: number) => n.toLocaleString('en-US');
export const countsLine = (counts: Counts) => {
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return `${counts.map(([list, n]) => `${list} ${plural(n)}`).join(', ')} (${plural(total)} records in ${counts.length} lists)`;
};

async function move(command: 'export' | 'import', args: string[]) {
  const options = moveOptions(args);
  if (!options || (args.includes('--data') && !options.dataFile)) {
    console.error(USAGE);
    return 2;
  }
  if (!options.databaseUrl) {
    console.error(`${command}: no database: set DATABASE_URL or give --database <url>`);
    return 2;
  }
  const started = Date.now();
  const relative = path.relative(process.cwd(), options.dataFile);
  const file = relative && !relative.startsWith('..') ? relative : options.dataFile;
  try {
    if (command === 'export') {
      const counts = await exportToPostgres(options);
      console.log(`exported ${file} into ${shownUrl(options.databaseUrl)}: ${countsLine(counts)}, ${seconds(started)}`);
    } else {
      const counts = await importFromPostgres(options);
      console.log(`imported ${shownUrl(options.databaseUrl)} into ${file}: ${countsLine(counts)}, ${seconds(started)}`);
    }
    return 0;
  } catch (error) {
    // one line, whatever went wrong: refused (nothing written), or failed (a database error)
    const text = error instanceof Error ? error.message : String(error);
    console.error(`${command} ${error instanceof MoveError ? 'refused' : 'failed'}: ${text.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main([command, ...args]: string[]) {
  switch (command) {
    case 'migration': {
      const file = writeMigration(args[0] ?? (readMigrations().length === 0 ? 'tables' : 'schema'));
      console.log(
        file
          ? `wrote ${path.relative(process.cwd(), file)} and ${path.relative(process.cwd(), MODEL_FILE)}`
          : 'the migrations already match the schema',
      );
      return 0;
    }
    case 'check': {
      const pending = pendingStatements();
      if (pending.length === 0) return 0;
      console.error(
        `the schema changed since the last migration; run \`npm run db -- migration\`:\n${pending.join(';\n')}`,
      );
      return 1;
    }
    case 'migrate': {
      if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to the database to migrate');
      const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
      try {
        const { applied } = await migrate(pool);
        console.log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'nothing to apply');
      } finally {
        await pool.end();
      }
      return 0;
    }
    case 'export':
    case 'import':
      return move(command, args);
    default:
      console.error(USAGE);
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname))
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
