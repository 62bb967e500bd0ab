import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type pg from 'pg';
import { readJournal, type JournalEntry } from '../journal';
import { linesOf } from '../lines';
import { lockDataFile } from '../lock';
import { laidOutByRecord, readSnapshot } from '../snapshotFile';
import type { Row } from '../store';
import { applyMigrations, MIGRATION_LOCK, readMigrations } from './migrate';
import { openPool, shownUrl } from './pool';
import { fromColumns, selectList, toColumns } from './rows';
import {
  builtInTables,
  CUSTOM_LIST_IDS_TABLE,
  CUSTOM_LISTS_TABLE,
  ident,
  MIGRATIONS_TABLE,
  tableOf,
  type Table,
} from './tables';

/**
 * Moving the data across (`npm run db -- export | import`, issue #18 item 4): the embedded
 * store's data file (with its journal) into PostgreSQL, and a database back into a new data file.
 * Every list moves, built-in and admins' own, with ids, versions, times and every field; the
 * definitions, the audit trail, the accounts' preferences and the users with their password hashes;
 * and the next id of every list, so that no id is handed out twice after the move.
 *
 * Both ways stream: the data file is read a record at a time and written in batches of rows
 * (one JSON parameter each, json_populate_recordset), the database is read through a cursor and
 * written a batch at a time, so memory stays what a batch and the journal take, whatever the
 * size of the data.
 */

/** A refusal or a failure the CLI prints as one line (exit code 1). */
export class MoveError extends Error {}

export type Counts = Array<[list: string, records: number]>;

const META = '_meta';
/** rows per statement: ~1.5 MB of JSON for guests */
const BATCH = 2000;

/** Where a URL's password is, hidden for printing. */

// ---------------------------------------------------------------- the data file, as the server opens it

type Piece = { list: string } | { row: unknown } | { key: string; value: unknown };

/** The file was not laid out one record per line after all (a hand-edited one): read it whole. */
class NotByRecord extends Error {}

const OPENS = /^\{?("(?:[^"\\]|\\.)*"):\[$/;
const VALUE = /^\{?("(?:[^"\\]|\\.)*"):(.*)[,}]$/;

/**
 * The data file's lists and records, a record at a time, in the layout snapshotFile.ts writes
 * (the server's own files); any other layout (a seed copied over, a hand-edited file) through
 * readSnapshot itself, whole, as the server reads it.
 */
function* piecesOf(file: string): Generator<Piece> {
  if (!laidOutByRecord(file)) return yield* wholePieces(readWhole(file));
  let rows = false;
  let comma = false;
  let count = 0;
  let closed = false;
  const lists = new Set<string>();
  for (const line of linesOf(file)) {
    if (closed) {
      if (line.trim() !== '') throw new NotByRecord();
    } else if (rows) {
      const closing = line === '],' || line === ']}';
      if (count > 0 && comma === closing) throw new NotByRecord();
      if (closing) [rows, closed] = [false, line === ']}'];
      else {
        comma = line.endsWith(',');
        count++;
        try {
          yield { row: JSON.parse(comma ? line.slice(0, -1) : line) };
        } catch (error) {
          if (error instanceof SyntaxError) throw new NotByRecord();
          throw error;
        }
      }
    } else {
      const opens = OPENS.exec(line);
      const value = opens ? null : VALUE.exec(line);
      // the same list twice: JSON.parse keeps the last, so the whole reading decides
      const key = opens ? JSON.parse(opens[1]) : value ? JSON.parse(value[1]) : null;
      if (key === null || lists.has(key)) throw new NotByRecord();
      lists.add(key);
      if (opens) {
        [rows, count, comma] = [true, 0, false];
        yield { list: key };
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value![2]);
        } catch {
          throw new NotByRecord();
        }
        yield { key, value: parsed };
        closed = line.endsWith('}');
      }
    }
  }
  if (!closed) throw new NotByRecord();
}

/** The file read whole, as the server reads one laid out otherwise; refused as the server refuses it. */
function readWhole(file: string) {
  try {
    return readSnapshot(file);
  } catch (error) {
    throw new MoveError((error as Error).message.replace(/; refusing to start$/, '; refusing to export it'));
  }
}

function* wholePieces(data: Record<string, unknown>): Generator<Piece> {
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) {
      yield { key, value };
      continue;
    }
    yield { list: key };
    for (const row of value) yield { row };
  }
}

/** The journal's last word on each record it names: the record as put, or null (deleted). */
function journalOverlay(entries: JournalEntry[]) {
  const overlay = new Map<string, Map<unknown, Row | null>>();
  const takenIds = new Map<string, number>();
  for (const entry of entries) {
    const rows = overlay.get(entry.r) ?? overlay.set(entry.r, new Map()).get(entry.r)!;
    if ('put' in entry) {
      rows.set(entry.put.id, entry.put);
      // an id seen in the journal is taken, even if its record was deleted since (store.ts)
      const id = Number(entry.put.id);
      if (Number.isFinite(id)) takenIds.set(entry.r, Math.max(takenIds.get(entry.r) ?? 1, id + 1));
    } else rows.set(entry.del, null);
  }
  return { overlay, takenIds };
}

/** The data file and its journal, checked as the server checks them when it opens them. */
function checkDataFile(dataFile: string) {
  const journalFile = `${dataFile}.journal`;
  if (!fs.existsSync(dataFile)) {
    if (fs.existsSync(journalFile))
      throw new MoveError(
        `${dataFile} is missing but its journal ${journalFile} is not: put the data file back (the server refuses to start on it too)`,
      );
    throw new MoveError(`there is no data file at ${dataFile} (set HUIWU_DATA or --data to the one to export)`);
  }
  try {
    return readJournal(journalFile).entries;
  } catch (error) {
    throw new MoveError((error as Error).message.replace(/; refusing to start/, '; refusing to export it'));
  }
}

/** read as code points, a pair is one character: what is left is half of one */
const LONE_SURROGATE = /\p{Cs}/u;

/** What a record of a list holds that PostgreSQL cannot: NUL, half a surrogate pair. */
function unstorable(value: unknown, where: string): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return `${where} holds the character U+0000`;
    if (LONE_SURROGATE.test(value)) return `${where} holds half a character (a lone surrogate)`;
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const problem = unstorable(key, `${where}'s key ${JSON.stringify(key)}`) ?? unstorable(inner, `${where}.${key}`);
      if (problem) return problem;
    }
  }
  return null;
}
/** in JSON.stringify's text: an escaped NUL or lone surrogate (or a look-alike, checked exactly) */
const SUSPECT = /\\u0000|\\ud[89a-f]/i;

// ---------------------------------------------------------------- writing rows into PostgreSQL

/** Rows of one list, sent a batch at a time as one JSON parameter. */
class TableWriter {
  readonly table: Table;
  count = 0;
  maxId = 0;
  private batch: string[] = [];
  private rows: Row[] = [];
  private sending: Promise<unknown> = Promise.resolve();
  private readonly statement: string;

  constructor(
    private readonly client: pg.PoolClient,
    readonly list: string,
  ) {
    this.table = tableOf(list);
    const columns = this.table.columns.map((c) => ident(c.name)).join(', ');
    this.statement = `INSERT INTO ${ident(this.table.name)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${ident(this.table.name)}, $1::json)`;
  }

  async add(row: unknown) {
    if (!row || typeof row !== 'object' || Array.isArray(row))
      throw new MoveError(
        `${this.list}: ${JSON.stringify(row)?.slice(0, 60)} is not a record; fix it in the data file`,
      );
    const record = row as Row;
    if (!Number.isSafeInteger(record.id))
      throw new MoveError(
        `${this.list}: the record with id ${JSON.stringify(record.id)} has no whole-number id, which PostgreSQL needs; fix it in the data file`,
      );
    this.maxId = Math.max(this.maxId, record.id as number);
    const columns = toColumns(this.table, record);
    // jsonb columns come as JSON text already: written into the batch as they are
    const fields = this.table.columns.map((c) => {
      const value = columns[c.name];
      const text =
        (c.kind === 'json' || c.kind === 'custom') && typeof value === 'string' ? value : JSON.stringify(value ?? null);
      return `${JSON.stringify(c.name)}:${text}`;
    });
    this.batch.push(`{${fields.join(',')}}`);
    this.rows.push(record);
    this.count++;
    if (this.batch.length >= BATCH) await this.flush();
    // the file is read synchronously: a turn of the event loop now and then lets the batch
    // being sent reach the socket while the next one is made
    else if (this.batch.length % 200 === 0) await nextTurn();
  }

  /** Sends what is gathered; the next batch is made while this one is written. */
  async flush() {
    if (this.batch.length === 0) return this.sending;
    const text = `[${this.batch.join(',')}]`;
    const rows = this.rows;
    [this.batch, this.rows] = [[], []];
    if (SUSPECT.test(text))
      for (const row of rows) {
        const problem = unstorable(row, `${this.list} ${row.id}`);
        if (problem) throw new MoveError(`${problem}, which PostgreSQL cannot store; fix it in the data file`);
      }
    await this.sending;
    this.sending = this.client.query(this.statement, [text]).catch((error: pg.DatabaseError) => {
      if (error.code === '23505')
        throw new MoveError(
          `${this.list}: two records have the same id (${error.detail ?? error.message}); fix the data file`,
        );
      throw new MoveError(`${this.list}: ${error.message}`);
    });
    // caught here too, so that a failure is never unhandled while the next batch is made
    this.sending.catch(() => {});
  }

  async done() {
    await this.flush();
    await this.sending;
  }
}

/** The tables of Huiwu's data, existing in this database: the built-in lists and the custom lists'. */
const recordTables = () => [...builtInTables().map((t) => t.name), CUSTOM_LISTS_TABLE];

async function existingTables(client: pg.ClientBase): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
  );
  return new Set(rows.map((r) => r.name));
}

/** The records a database holds, per table (only those with some). */
async function recordsHeld(client: pg.ClientBase): Promise<Array<[string, number]>> {
  const tables = await existingTables(client);
  const present = recordTables().filter((t) => tables.has(t));
  if (present.length === 0) return [];
  const { rows } = await client.query<{ t: string; n: string }>(
    present.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${ident(t)}`).join(' UNION ALL '),
  );
  return rows.filter((r) => Number(r.n) > 0).map((r) => [r.t, Number(r.n)]);
}

/** The indexes of the lists' tables that no constraint needs (not their primary keys). */
async function secondaryIndexes(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
        AND NOT i.indisprimary AND NOT i.indisunique AND NOT i.indisexclusion
      ORDER BY t.relname, c.relname`,
    [recordTables()],
  );
  return rows;
}

/** Huiwu servers connected to this database (openPool names them), this connection aside. */
async function serversConnected(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name IN ('huiwu', 'huiwu-changes')
        AND pid <> pg_backend_pid()`,
  );
  return Number(rows[0].n);
}

export interface ExportOptions {
  dataFile: string;
  databaseUrl: string;
  /** replace what the database holds (in the same transaction as the copy) */
  replace?: boolean;
}

/**
 * The embedded store's data into PostgreSQL. The data file is locked as a server locks it for the
 * whole move, and read as the server opens it: the snapshot, then the journal's changes over it.
 * A database holding records is refused unless `replace`; the copy (and the replacing) is one
 * transaction, so a failure leaves the database as it was.
 */
export async function exportToPostgres(options: ExportOptions): Promise<Counts> {
  const { dataFile, databaseUrl } = options;
  checkDataFile(dataFile);
  let unlock: () => void;
  try {
    unlock = lockDataFile(dataFile);
  } catch (error) {
    throw new MoveError(`${(error as Error).message} (export reads the data file only while no server has it open)`);
  }
  let entries: JournalEntry[];
  try {
    // read once no server can write to it
    entries = checkDataFile(dataFile);
  } catch (error) {
    unlock();
    throw error;
  }
  const pool = openPool(databaseUrl, { max: 1, application_name: 'huiwu-move' });
  try {
    const client = await connect(pool, databaseUrl);
    try {
      const servers = await serversConnected(client);
      if (servers > 0)
        throw new MoveError(
          `${servers} connection(s) of a Huiwu server are open on ${shownUrl(databaseUrl)}; stop its servers before exporting into it`,
        );
      const { overlay, takenIds } = journalOverlay(entries);
      try {
        return await copyIn(client, piecesOf(dataFile), overlay, takenIds, options);
      } catch (error) {
        if (!(error instanceof NotByRecord)) throw error;
        // laid out otherwise after all: read whole, as the server would read it
        return await copyIn(
          client,
          wholePieces(readWhole(dataFile)),
          journalOverlay(entries).overlay,
          takenIds,
          options,
        );
      }
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    unlock();
  }
}

async function connect(pool: pg.Pool, url: string) {
  try {
    return await pool.connect();
  } catch (error) {
    throw new MoveError(`could not connect to ${shownUrl(url)}: ${(error as Error).message}`);
  }
}

async function copyIn(
  client: pg.PoolClient,
  pieces: Iterable<Piece>,
  overlay: Map<string, Map<unknown, Row | null>>,
  takenIds: Map<string, number>,
  { databaseUrl, dataFile, replace = false }: ExportOptions,
): Promise<Counts> {
  await client.query('BEGIN');
  try {
    // a server that started meanwhile holds its tables: wait a little, then say so
    await client.query(`SET LOCAL lock_timeout = '10s'`);
    // no server migrates (starts) until this transaction ends: the tables, if new, come with
    // the rows, so a refused or failed export leaves the database as it was
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const held = await recordsHeld(client);
    if (held.length > 0 && !replace)
      throw new MoveError(
        `${shownUrl(databaseUrl)} already holds records (${held.map(([t, n]) => `${t} ${n}`).join(', ')}); nothing was written. Add --replace to replace them with ${dataFile}'s`,
      );
    await applyMigrations(client, readMigrations(), { ownTransactions: false }).catch((error: Error) => {
      throw new MoveError(`could not prepare the database: ${error.message}`);
    });
    if (replace) {
      // everything Huiwu keeps but the record of its migrations: the lists, the id counters,
      // and whatever else names the accounts being replaced (sessions)
      const tables = [...(await existingTables(client))].filter((t) => t !== MIGRATIONS_TABLE);
      if (tables.length > 0) await client.query(`TRUNCATE ${tables.map(ident).join(', ')} RESTART IDENTITY`);
    }
    // filled empty: the lists' own indexes (trigram ones above all) are built once at the end,
    // much faster than row by row; dropped and made again in this transaction, all or nothing
    const indexes = await secondaryIndexes(client);
    for (const { name } of indexes) await client.query(`DROP INDEX ${ident(name)}`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const counts: Counts = [];
    const nextIds = new Map<string, number>();
    let meta: unknown;
    let writer: TableWriter | null = null;
    const seen = new Set<string>();

    const finish = async () => {
      if (!writer) return;
      const rows = overlay.get(writer.list);
      // the journal's new records (and those the snapshot no longer held)
      if (rows) for (const row of rows.values()) if (row) await writer.add(row);
      overlay.delete(writer.list);
      await writer.done();
      counts.push([writer.list, writer.count]);
      nextIds.set(writer.list, writer.maxId + 1);
      writer = null;
    };

    for (const piece of pieces) {
      if ('list' in piece) {
        await finish();
        if (piece.list === META)
          throw new MoveError(`the data file's "${META}" is a list; it should be the ids' counters`);
        seen.add(piece.list);
        writer = new TableWriter(client, piece.list);
      } else if ('row' in piece) {
        let row = piece.row as Row;
        const changed = overlay.get(writer!.list);
        const id = row && typeof row === 'object' ? row.id : undefined;
        if (changed?.has(id)) {
          const last = changed.get(id)!;
          changed.delete(id);
          if (last === null) continue;
          row = last;
        }
        await writer!.add(row);
      } else {
        await finish();
        if (piece.key !== META)
          throw new MoveError(`the data file's "${piece.key}" is not a list of records; nothing was written`);
        meta = piece.value;
      }
    }
    await finish();
    // lists only the journal has (a first custom list, the first preferences)
    for (const list of [...overlay.keys()]) {
      if (seen.has(list)) continue;
      writer = new TableWriter(client, list);
      await finish();
    }

    // the next id: past every id the file or its journal ever held, and its counter
    const counters = (meta as { nextId?: Record<string, unknown> } | undefined)?.nextId ?? {};
    const lists = new Set([...nextIds.keys(), ...Object.keys(counters), ...takenIds.keys()]);
    for (const list of lists) {
      const next = Math.max(nextIds.get(list) ?? 1, Number(counters[list]) || 1, takenIds.get(list) ?? 1);
      const table = tableOf(list);
      if (table.list === undefined)
        await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2, false)`, [table.name, next]);
      else if (next > 1)
        await client.query(
          `INSERT INTO ${ident(CUSTOM_LIST_IDS_TABLE)} (resource, next_id) VALUES ($1, $2)
           ON CONFLICT (resource) DO UPDATE SET next_id = excluded.next_id`,
          [list, next],
        );
    }
    for (const { definition } of indexes) await client.query(definition);
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (error instanceof MoveError || error instanceof NotByRecord) throw error;
    const e = error as pg.DatabaseError;
    if (e.code === '55P03')
      throw new MoveError('the database is busy (a Huiwu server is using it?); stop its servers and export again');
    throw error;
  }
}

// ---------------------------------------------------------------- PostgreSQL into a new data file

export interface ImportOptions {
  dataFile: string;
  databaseUrl: string;
  /** replace an existing data file (and drop its journal) */
  replace?: boolean;
}

/** `<file>.tmp-<pid>`, as lines.ts names it: a crash's leftover is removed by the server's start. */
const tempOf = (file: string) => `${file}.tmp-${process.pid}`;

/**
 * A database into a new embedded data file, in the layout the server writes (so it reads it a
 * record at a time), with the ids' counters. Read in one REPEATABLE READ transaction, so the file
 * is the database as it was at one moment, even while servers write to it; written to a
 * temporary file, synced, then renamed into place.
 */
export async function importFromPostgres(options: ImportOptions): Promise<Counts> {
  const { dataFile, databaseUrl, replace = false } = options;
  const journalFile = `${dataFile}.journal`;
  if (!replace && (fs.existsSync(dataFile) || fs.existsSync(journalFile)))
    throw new MoveError(
      `${fs.existsSync(dataFile) ? dataFile : journalFile} already exists; nothing was written. Add --replace to replace it with the database's data, or choose another file with --data`,
    );
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  let unlock: () => void;
  try {
    unlock = lockDataFile(dataFile);
  } catch (error) {
    throw new MoveError(`${(error as Error).message} (import writes a data file no server has open)`);
  }
  const pool = openPool(databaseUrl, { max: 1, application_name: 'huiwu-move' });
  const temp = tempOf(dataFile);
  try {
    const client = await connect(pool, databaseUrl);
    let handle: fs.promises.FileHandle | null = null;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await checkMigrations(client, databaseUrl);
      handle = await fs.promises.open(temp, 'w');
      const out = new Output(handle);
      const counts = await copyOut(client, out);
      await out.end();
      await handle.sync();
      await handle.close();
      handle = null;
      await client.query('COMMIT');
      // the old file's journal would be applied over the new data at the next start
      fs.rmSync(journalFile, { force: true });
      fs.renameSync(temp, dataFile);
      const dir = fs.openSync(path.dirname(dataFile), 'r');
      try {
        fs.fsyncSync(dir);
      } finally {
        fs.closeSync(dir);
      }
      return counts;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await handle?.close().catch(() => {});
      client.release();
    }
  } finally {
    fs.rmSync(temp, { force: true });
    await pool.end();
    unlock();
  }
}

/** The database must be what this version's migrations make it, column for column. */
async function checkMigrations(client: pg.ClientBase, url: string) {
  const tables = await existingTables(client);
  if (!tables.has(MIGRATIONS_TABLE))
    throw new MoveError(`${shownUrl(url)} holds no Huiwu data (no migrations were applied to it)`);
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY name`);
  const mine = readMigrations().map((m) => m.name);
  const theirs = rows.map((r) => r.name);
  if (theirs.join() !== mine.join())
    throw new MoveError(
      `${shownUrl(url)} was migrated by another version of Huiwu (its migrations: ${theirs.join(', ') || 'none'}; this version's: ${mine.join(', ')}); import with the version that serves it`,
    );
}

/** Text written to a file a megabyte at a time. */
class Output {
  private pieces: string[] = [];
  private size = 0;
  constructor(private readonly handle: fs.promises.FileHandle) {}
  async write(text: string) {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  private async flush() {
    const buffer = Buffer.from(this.pieces.join(''));
    [this.pieces, this.size] = [[], 0];
    for (let offset = 0; offset < buffer.length;)
      offset += (await this.handle.write(buffer, offset, buffer.length - offset)).bytesWritten;
  }
  end = () => this.flush();
}

/** The lists of a database: the built-in ones, then admins' lists and the accounts' preferences. */
async function listsOf(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ resource: string }>(
    `SELECT resource FROM ${ident(CUSTOM_LISTS_TABLE)} UNION SELECT resource FROM ${ident(CUSTOM_LIST_IDS_TABLE)} ORDER BY resource`,
  );
  return [...builtInTables().map((t) => t.resource), ...rows.map((r) => r.resource)];
}

/** The id a list's next record takes, as its identity or counter holds it. */
async function nextIdOf(client: pg.ClientBase, table: Table): Promise<number> {
  if (table.list !== undefined) {
    const { rows } = await client.query<{ next: string }>(
      `SELECT next_id AS next FROM ${ident(CUSTOM_LIST_IDS_TABLE)} WHERE resource = $1`,
      [table.list],
    );
    return Number(rows[0]?.next ?? 1);
  }
  const { rows: seq } = await client.query<{ name: string }>(`SELECT pg_get_serial_sequence($1, 'id') AS name`, [
    table.name,
  ]);
  const { rows } = await client.query<{ last: string; called: boolean }>(
    `SELECT last_value AS last, is_called AS called FROM ${seq[0].name}`,
  );
  return Number(rows[0].last) + (rows[0].called ? 1 : 0);
}

async function copyOut(client: pg.PoolClient, out: Output): Promise<Counts> {
  const counts: Counts = [];
  const nextId: Record<string, number> = {};
  const lists = await listsOf(client);
  for (const [index, list] of lists.entries()) {
    const table = tableOf(list);
    const where = table.list !== undefined ? `WHERE r.resource = ${client.escapeLiteral(table.list)}` : '';
    await client.query(
      `DECLARE rows NO SCROLL CURSOR FOR SELECT ${selectList(table, 'r')} FROM ${ident(table.name)} r ${where} ORDER BY r.id`,
    );
    await out.write(`${index === 0 ? '{' : ''}${JSON.stringify(list)}:[\n`);
    let count = 0;
    let maxId = 0;
    let last: string | null = null;
    for (;;) {
      const { rows } = await client.query(`FETCH ${BATCH} FROM rows`);
      if (rows.length === 0) break;
      const lines: string[] = [];
      for (const record of rows) {
        const row = fromColumns(table, record);
        maxId = Math.max(maxId, row.id as number);
        if (last !== null) lines.push(`${last},\n`);
        last = JSON.stringify(row);
      }
      count += rows.length;
      await out.write(lines.join(''));
    }
    await client.query('CLOSE rows');
    await out.write(`${last !== null ? `${last}\n` : ''}],\n`);
    nextId[list] = Math.max(await nextIdOf(client, table), maxId + 1);
    counts.push([list, count]);
  }
  await out.write(`${lists.length === 0 ? '{' : ''}${JSON.stringify(META)}:${JSON.stringify({ nextId })}}\n`);
  return counts;
}
