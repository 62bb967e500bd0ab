import type pg from 'pg';
import { changesOfCommit } from '../../changes';
import type { PgChangeBus } from './changes';
import type { ResourceDef } from '../../../schema';
import { checkedSpec, orderedGroups, type Aggregate, type Group } from '../../aggregates';
import { auditChange, type Actor, type AuditEntry } from '../../audit';
import type { Step } from '../recordStore';
import { updated } from '../../records';
import {
  NotDurableError,
  searchesPersonal,
  WriteConflictError,
  type Followed,
  type History,
  type ListQuery,
  type Page,
  type RecordStore,
  type WriteView,
} from '../recordStore';
import type { Data, Row } from '../store';
import { aggregateStatement, listStatements, searchStatement } from './listSql';
import { fromColumn, fromColumns, insertManyStatement, selectList, takeIdStatement, toColumns } from './rows';
import { prepared, together } from './pool';
import { fromOf, ident, tableOf, type Table } from './tables';
import { Kept } from './kept';

/**
 * The PostgreSQL store: the same answers as the embedded store (embedded.ts), from the tables
 * of tables.ts. Reads are one statement each on any connection of the pool. A write is one
 * transaction: its plan reads through a view over the transaction's connection (a record it
 * finds is locked, SELECT … FOR UPDATE, until the commit, so two servers on one database
 * cannot both win), then its steps are written (an update only if the row still holds the
 * version the plan read), with their audit rows, and committed together or not at all. A
 * transaction PostgreSQL refuses for a serialization failure or a deadlock, or whose update
 * met a row another write changed meanwhile, is planned again from the start.
 */

/** What is planned again: serialization failure, deadlock, a unique key two writes both took. */
const RETRIED = new Set(['40001', '40P01']);
const MAX_TRIES = 20;

/** An update met a row another write changed after the plan read it: the plan runs again. */
class Moved extends Error {}

/** A lock not had within the database's lock_timeout (set by ALTER DATABASE or ROLE … SET
 * lock_timeout): the write has waited that long already, so it is not planned again. */
const LOCK_TIMEOUT = '55P03';

export { WriteConflictError };

/** An id as the tables hold it (bigint): the canonical text of a safe integer, or none. */
const idOf = (id: unknown): string | null => {
  const text = String(id);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) && String(Number(text)) === text ? text : null;
};

/** `12,7,9` as numbers, without a string for each (a million ids: 8 MB, not 50). */
function idsOfText(text: string, count: number): Float64Array {
  const ids = new Float64Array(count);
  let n = 0;
  let value = 0;
  let negative = false;
  let digits = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c === 44) {
      if (digits) ids[n++] = negative ? -value : value;
      value = 0;
      negative = false;
      digits = false;
    } else if (c === 45) negative = true;
    else {
      value = value * 10 + (c - 48);
      digits = true;
    }
  }
  return n === count ? ids : ids.subarray(0, n);
}

/** Statements a connection answers: the pool (reads) or a transaction's client (a write). */
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

export function postgresStore(
  pool: pg.Pool,
  resources: Record<string, ResourceDef>,
  changes: PgChangeBus,
): RecordStore {
  let commits = 0;
  let closed = false;
  const totals = new Kept<number>(changes);
  // a search's matches, 8 bytes an id: at most 1,000,000 ids an answer, 4,000,000 in all
  const searches = new Kept<Float64Array>(changes, { most: 200, weigh: (ids) => ids.length, maxWeight: 4_000_000 });
  /** A list the schema declares, or one the server keeps for itself without declaring it (an
   * account's preferences): its rows in the custom lists' table, every key in `custom`. */
  const resourceOf = (name: string): ResourceDef =>
    resources[name] ??
    ({ name, label: { zh: name, en: name }, fields: [], titleField: 'id' } as unknown as ResourceDef);
  /** `r` and the scope of a custom list, with the parameters they take */
  const scoped = (table: Table, values: unknown[]) => {
    const { from, scope } = fromOf(table, 'r', (value) => {
      values.push(value);
      return `$${values.length}`;
    });
    return { from, scope: scope ? ` AND ${scope}` : '' };
  };

  async function rowsById(
    db: Queryable,
    resource: string,
    ids: readonly unknown[],
    lock: '' | 'UPDATE' | 'KEY SHARE' = '',
    /** an advisory lock taken shared in the same statement, before the rows' locks */
    sharing?: string,
  ): Promise<Row[]> {
    const wanted = [...new Set(ids.map(idOf).filter((id): id is string => id !== null))];
    if (wanted.length === 0) return [];
    const table = tableOf(resource);
    const values: unknown[] = [wanted];
    const { from, scope } = scoped(table, values);
    const also = sharing ? `, (SELECT pg_advisory_xact_lock_shared(hashtext($${values.push(sharing)}))) AS held` : '';
    const { rows } = await db.query(
      prepared(
        `SELECT ${selectList(table, 'r')} FROM ${from}${also} WHERE r.id = ANY($1::bigint[])${scope}${lock ? ` FOR ${lock} OF r` : ''}`,
        values,
      ),
    );
    return rows.map((row) => fromColumns(table, row));
  }

  async function rowsWhere(db: Queryable, resource: string, field: string, value: unknown): Promise<Row[]> {
    const { page } = listStatements(resourceOf(resource), { [field]: String(value) });
    const { rows } = await db.query(page.text, page.values);
    const table = tableOf(resource);
    return rows.map((row) => fromColumns(table, row));
  }

  async function allRows(db: Queryable, resource: string): Promise<Row[]> {
    const table = tableOf(resource);
    const values: unknown[] = [];
    const { from, scope } = scoped(table, values);
    const { rows } = await db.query(
      `SELECT ${selectList(table, 'r')} FROM ${from} WHERE TRUE${scope} ORDER BY r.id`,
      values,
    );
    return rows.map((row) => fromColumns(table, row));
  }

  const historyOver = (db: Queryable): History => {
    const since = async (resource: string, id: unknown, version: number) => {
      const table = tableOf('audit');
      const { rows } = await db.query(
        `SELECT ${selectList(table, 'r')} FROM ${ident(table.name)} r
          WHERE r.resource = $1 AND r.record_id = $2 AND r.version > $3 ORDER BY r.id`,
        [resource, String(id), version],
      );
      return rows.map((row) => fromColumns(table, row) as unknown as AuditEntry);
    };
    return {
      since,
      async complete(resource, id, version, current) {
        const seen = new Set((await since(resource, id, version)).map((entry) => entry.version));
        for (let v = version + 1; v <= current; v++) if (!seen.has(v)) return false;
        return true;
      },
    };
  };

  const load = async (db: Queryable, lists: readonly string[]): Promise<Data> => {
    const data: Data = {};
    for (const list of new Set(lists)) data[list] = await allRows(db, list);
    return data;
  };

  /** What one write's transaction holds of the advisory locks: every name it holds, and the
   * lists it writes to that it holds shared (or whole). */
  type Holding = { names: Set<string>; shared: Set<string> };
  const holding = (): Holding => ({ names: new Set(), shared: new Set() });

  const viewOver = (db: Queryable, { names: held, shared }: Holding = holding()): WriteView => {
    /**
     * What this write reads as a set — a list whole, the records whose field holds a value, the
     * holders of a unique value — is held until its commit (a transaction-scoped advisory lock
     * on the set's name, taken in name order), so that a write which would add to the set, or
     * decide from it, waits for another one that read it: two imports naming one new
     * organisation, two accounts taking one name, two browsers adding one preference key,
     * twenty follow-ups of one agreement are decided one after the other, as the embedded store
     * decides every write. Single records are held by SELECT … FOR UPDATE. A deadlock between
     * two writes is planned again.
     */
    const hold = async (names: readonly string[]) => {
      for (const name of [...new Set(names)].filter((n) => !held.has(n)).sort()) {
        await db.query(prepared('SELECT pg_advisory_xact_lock(hashtext($1))', [name]));
        held.add(name);
      }
    };
    const lock = (lists: readonly string[]) => hold(lists.map((list) => `huiwu:list:${list}`));
    return {
      // a record found to be written: its list is held shared in the same statement (as apply
      // would before writing), a round trip fewer while the record is locked
      async find(resource, id) {
        const list = `huiwu:list:${resource}`;
        const sharing = held.has(list) || shared.has(list) ? undefined : list;
        const found = (await rowsById(db, resource, [id], 'UPDATE', sharing))[0];
        if (found && sharing) shared.add(list);
        return found;
      },
      exists: async (resource, id) => (await rowsById(db, resource, [id], 'KEY SHARE')).length > 0,
      async where(resource, field, value) {
        if (value === null || value === undefined) return [];
        await hold([`huiwu:where:${resource}:${field}:${String(value)}`]);
        return rowsWhere(db, resource, field, value);
      },
      async all(resource) {
        await lock([resource]);
        return allRows(db, resource);
      },
      async load(lists, only = {}) {
        await lock(lists);
        const data: Data = {};
        for (const list of new Set(lists))
          data[list] = Object.hasOwn(only, list)
            ? await rowsWhere(db, list, only[list].field, only[list].value)
            : await allRows(db, list);
        return data;
      },
      async taken(resource, field, value, selfId) {
        await lock([resource]);
        const table = tableOf(resource);
        const values: unknown[] = [String(value).toLowerCase()];
        const column = table.byKey.get(field);
        const text = column ? `r.${ident(column.name)}::text` : `(r.custom ->> $${values.push(field)}::text)`;
        const { from, scope } = scoped(table, values);
        const self = idOf(selfId);
        const other = self === null ? '' : ` AND r.id <> $${values.push(self)}::bigint`;
        const { rows } = await db.query(
          `SELECT 1 FROM ${from} WHERE lower(coalesce(${text}, '')) = $1${scope}${other} LIMIT 1`,
          values,
        );
        return rows.length > 0;
      },
      async takeId(resource) {
        const { text, values } = takeIdStatement(tableOf(resource));
        const { rows } = await db.query(text, values);
        return Number(rows[0].id);
      },
      history: historyOver(db),
    };
  };

  /** The steps written in the transaction, with their audit rows, and the changes told to every
   * server; per step the record as left. */
  async function apply(client: pg.PoolClient, actor: Actor | null, steps: Step[], holds: Holding) {
    const now = new Date().toISOString();
    const rows: Row[] = [];
    const befores: (Row | null)[] = [];
    const audit: Record<string, unknown>[] = [];
    /** the one update of a one-record write, left for the last statement */
    let alone: { update: (values: unknown[]) => string; read: (stored: Record<string, unknown>[]) => Row } | undefined;
    const trail = (step: Step, before: Row | null, after: Row | null) => {
      if (step.audit === false) return;
      const change = auditChange(before, after);
      if (!change) return;
      const record = (after ?? before)!;
      audit.push({
        at: now,
        userId: actor?.id ?? null,
        username: actor?.username ?? null,
        action: step.action ?? step.op,
        resource: step.resource,
        recordId: String(record.id),
        version: typeof record.version === 'number' ? record.version : null,
        ...change,
      });
    };
    // A write to a list waits while another write that read the list whole (an import planned
    // on it) is not committed, and makes that one wait: the import's plan holds at its commit.
    for (const list of [...new Set(steps.map((s) => `huiwu:list:${s.resource}`))].sort())
      if (!holds.names.has(list) && !holds.shared.has(list))
        await client.query(prepared('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [list]));
    for (let i = 0; i < steps.length;) {
      const step = steps[i];
      const table = tableOf(step.resource);
      if (step.op === 'create') {
        // the creates of one list in a row (an import's) as one INSERT, within PostgreSQL's
        // 65,535 parameters
        const batch: Step[] = [];
        const most = 5_000;
        while (i < steps.length && batch.length < most) {
          const next = steps[i];
          if (next.op !== 'create' || next.resource !== step.resource) break;
          batch.push(next);
          i++;
        }
        const records: Record<string, unknown>[] = [];
        for (const created of batch as Extract<Step, { op: 'create' }>[]) {
          const { id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = created.fields;
          records.push({
            ...fields,
            // a custom list's rows take their ids from its own counter; a built-in list's
            // from the table's identity
            id:
              typeof id === 'number'
                ? id
                : table.list !== undefined
                  ? await viewOver(client).takeId(step.resource)
                  : null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          });
        }
        const insert = insertManyStatement(table, records);
        const { rows: inserted } = await client.query(
          prepared(`${insert.text} RETURNING ${selectList(table, ident(table.name))}`, insert.values),
        );
        batch.forEach((created, k) => {
          const row = fromColumns(table, inserted[k]);
          trail(created, null, row);
          rows.push(row);
          befores.push(null);
        });
        continue;
      }
      i++;
      if (step.op === 'update') {
        const after = updated(step.row, step.fields, now);
        if (!after) {
          rows.push({ ...step.row });
          befores.push({ ...step.row });
          continue;
        }
        const before = { ...step.row };
        const version = Number(before.version ?? 1);
        const columns = toColumns(table, after);
        /** the UPDATE, its parameters added to `values` */
        const update = (values: unknown[]) => {
          const set = table.columns
            .filter((c) => c.kind !== 'id' && c.kind !== 'list')
            .map((c) => {
              values.push(columns[c.name]);
              return `${ident(c.name)} = $${values.length}${c.kind === 'custom' || c.kind === 'json' ? '::jsonb' : ''}`;
            });
          const id = `$${values.push(idOf(step.row.id))}::bigint`;
          const was = `$${values.push(version)}`;
          const scope = table.list !== undefined ? ` AND resource = $${values.push(table.list)}` : '';
          return `UPDATE ${ident(table.name)} SET ${set.join(', ')} WHERE id = ${id} AND version = ${was}${scope}
           RETURNING ${selectList(table, ident(table.name))}`;
        };
        const written = (stored: Record<string, unknown>[]) => {
          // another write changed the row after this plan read it (without a lock): plan again
          if (stored.length === 0) throw new Moved();
          const row = fromColumns(table, stored[0]);
          Object.assign(step.row, row);
          return row;
        };
        if (steps.length === 1) {
          // a write of one record (an edit in the grid): its UPDATE goes in the last statement,
          // with its audit row and notice, and with the COMMIT (write, below): one round trip
          // while the record is locked. Its audit row is of the record as planned, as the
          // embedded store's is.
          trail(step, before, after);
          rows.push(after);
          befores.push(before);
          alone = { update, read: (stored) => (rows[0] = written(stored)) };
          continue;
        }
        const values: unknown[] = [];
        const { rows: stored } = await client.query(prepared(update(values), values));
        const row = written(stored);
        trail(step, before, row);
        rows.push(row);
        befores.push(before);
      } else {
        const values: unknown[] = [idOf(step.row.id)];
        const scope = table.list !== undefined ? ` AND resource = $${values.push(table.list)}` : '';
        await client.query(`DELETE FROM ${ident(table.name)} WHERE id = $1::bigint${scope}`, values);
        trail(step, step.row, null);
        rows.push({ ...step.row });
        befores.push({ ...step.row });
      }
    }
    // the audit rows 5,000 to an INSERT, the last of them in one statement with the notices (told
    // to every server by PostgreSQL only if this commits): a round trip fewer per write
    const auditTable = tableOf('audit');
    let start = 0;
    for (; audit.length - start > 5_000; start += 5_000) {
      const insert = insertManyStatement(auditTable, audit.slice(start, start + 5_000));
      await client.query(prepared(insert.text, insert.values));
    }
    // the trail and the notices only if the one update wrote its row
    const when = alone ? 'EXISTS (SELECT 1 FROM written)' : undefined;
    const last = start < audit.length ? insertManyStatement(auditTable, audit.slice(start), when) : null;
    const values = last ? [...last.values] : [];
    const parts = [
      ...(alone ? [`written AS (${alone.update(values)})`] : []),
      ...(last ? [`trail AS (${last.text})`] : []),
    ];
    const notices = changes.noticesOf(changesOfCommit(steps, rows), values);
    const final = prepared(
      `${parts.length > 0 ? `WITH ${parts.join(', ')} ` : ''}SELECT ${alone ? `w.*, ${notices} FROM written w` : notices}`,
      values,
    );
    /** takes the last statement's answer: the one update's row */
    const read = (answer: pg.QueryResult) => void alone?.read(answer.rows);
    return { rows, befores, final, read };
  }

  /** records by id, those that exist, in the order asked */
  async function inOrder(resource: string, ids: readonly unknown[]): Promise<Row[]> {
    const found = new Map((await rowsById(pool, resource, ids)).map((row) => [String(row.id), row]));
    return ids.map((id) => found.get(String(id))).filter((row) => row !== undefined);
  }

  /** The ids of every row a query matches, in its order (kept in `kept` when given). */
  async function matchesInOrder(resource: string, query: ListQuery, kept?: Kept<Float64Array>) {
    const { _start: _s, _end: _e, ...all } = query;
    const { ids } = listStatements(resourceOf(resource), all, { personal: searchesPersonal(query) });
    const read = async () => {
      const { rows } = await pool.query(ids.text, ids.values);
      return idsOfText(rows[0].ids as string, rows[0].total as number);
    };
    return kept ? kept.of(ids, read) : read();
  }

  const pgCode = (error: unknown) => (error as { code?: string } | null)?.code;

  /**
   * What a COMMIT that failed left: an error PostgreSQL answered on a live connection means it
   * rolled the transaction back (a deferred constraint, a serialization failure, an out-of-space
   * WAL write refused). A connection lost meanwhile — no SQLSTATE at all (a socket closed or
   * reset, a timeout), a connection exception (08), an operator's intervention (57: the backend
   * terminated, the server shutting down), a system or internal error (58, XX) — may have come
   * before or after the commit record was written: the outcome is unknown.
   */
  const commitOutcome = (error: unknown): 'refused' | 'unknown' => {
    const code = pgCode(error);
    if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return 'unknown';
    return ['08', '57', '58', 'XX'].includes(code.slice(0, 2)) ? 'unknown' : 'refused';
  };

  return {
    load: (lists) => load(pool, lists),
    shared: true,
    searchesInList: true,
    history: historyOver(pool),
    async page(resource, query): Promise<Page> {
      // a search: its matches in order, kept, and the page's rows by id (as the embedded store)
      if (typeof query.q === 'string' && query.q.trim() !== '') {
        const order = await matchesInOrder(resource, query, searches);
        const start = Math.max(0, Number(query._start ?? 0) || 0);
        const end = query._end === undefined ? order.length : Math.max(start, Number(query._end) || 0);
        return { page: await inOrder(resource, Array.from(order.subarray(start, end))), total: order.length };
      }
      const statements = listStatements(resourceOf(resource), query, { personal: searchesPersonal(query) });
      const table = tableOf(resource);
      const [page, total] = await Promise.all([
        pool.query(statements.page.text, statements.page.values),
        totals.of(
          statements.count,
          async () => (await pool.query(statements.count.text, statements.count.values)).rows[0].total,
        ),
      ]);
      return { page: page.rows.map((row) => fromColumns(table, row)), total };
    },
    get: inOrder,
    /**
     * The ids first, in the list's order (one statement: one text value, 8 bytes a row kept),
     * then the rows `size` at a time by id: no connection or transaction is held while a slow
     * client downloads, and memory holds one page of rows however long the list.
     */
    async scan(resource, query, size) {
      const order = await matchesInOrder(resource, query);
      const step = Math.max(1, size);
      return {
        total: order.length,
        pages: (async function* () {
          for (let i = 0; i < order.length; i += step) yield inOrder(resource, Array.from(order.subarray(i, i + step)));
        })(),
      };
    },
    async aggregate(resource, query: ListQuery, spec): Promise<Aggregate> {
      const { sumField, maxField, groupField, part } = checkedSpec(resource, spec);
      const statement = aggregateStatement(
        resource,
        query,
        {
          sum: sumField?.source,
          max: maxField?.source,
          groupBy: groupField ? { key: groupField.source, part } : undefined,
        },
        { personal: searchesPersonal(query) },
      );
      const { rows } = await pool.query(statement.text, statement.values);
      const table = tableOf(resource);
      const count = rows.reduce((n, row) => n + row.count, 0);
      const total: Aggregate = { count };
      if (sumField) total.sum = rows.reduce((n, row) => n + Number(row.sum), 0);
      if (!groupField) return total;
      const valueOf = (key: string, value: unknown) => {
        const column = table.byKey.get(key);
        return column ? fromColumn(column, value) : (value ?? null);
      };
      const groups: Group[] = rows.map((row) => ({
        key: (part ? row.key : valueOf(groupField.source, row.key)) as Group['key'],
        count: row.count,
        ...(sumField ? { sum: Number(row.sum) } : {}),
        ...(maxField ? { max: (valueOf(maxField.source, row.max) as Group['max']) ?? null } : {}),
      }));
      total.groups = orderedGroups(groups, groupField, spec.top);
      return total;
    },
    async search(resource, q, personal) {
      const statement = searchStatement(resource, q, personal);
      const { rows } = await pool.query(statement.text, statement.values);
      return rows.map((row) => String(row.id));
    },
    get commits() {
      return commits;
    },
    async write(actor, plan, followed?: Followed) {
      for (let tries = 1; ; tries++) {
        const client = await pool.connect();
        let begun = false;
        /** set when the connection cannot be trusted for another transaction: it is closed */
        let broken: Error | undefined;
        try {
          // sent with the plan's first statement, without waiting for its answer (pipelined); a
          // failed BEGIN fails that statement too, or is thrown below
          const holds = holding();
          const [begin, planned] = together(
            client,
            () => [client.query('BEGIN'), plan(viewOver(client, holds))] as const,
          );
          begun = true;
          begin.catch(() => undefined);
          const steps = await planned;
          await begin;
          if (steps.length === 0) {
            await client.query('ROLLBACK');
            begun = false;
            return [];
          }
          const { rows, befores, final, read } = await apply(client, actor, steps, holds);
          // the last statement and the COMMIT sent together: when the statement fails, PostgreSQL
          // ends the transaction at the COMMIT (answering ROLLBACK), and the statement's error is
          // the one to tell
          const [last, commit] = await Promise.allSettled(
            together(client, () => [client.query(final), client.query('COMMIT')] as const),
          );
          begun = false;
          if (last.status === 'rejected') {
            if (commit.status === 'rejected') broken = commit.reason as Error;
            throw last.reason;
          }
          if (commit.status === 'rejected') {
            const error = commit.reason as Error;
            // a serialization failure at commit: planned again, as any other (below)
            if (RETRIED.has(pgCode(error) ?? '')) throw error;
            // never acknowledged: refused (nothing kept), or the connection lost on the way
            // (it may or may not be kept)
            const outcome = commitOutcome(error);
            // its socket may not have closed yet: not handed to the next request meanwhile
            if (outcome === 'unknown') broken = error;
            throw new NotDurableError(
              `the database did not confirm the commit (${outcome}): ${error.message}`,
              outcome,
              { cause: error },
            );
          }
          // a one-record write whose record had moved wrote nothing: planned again (below)
          read(last.value);
          commits++;
          // this server's next read counts again, whenever its own change is heard
          totals.forget();
          searches.forget();
          if (followed)
            await Promise.all(
              steps.map((step, i) => followed(step.resource, befores[i], step.op === 'delete' ? null : rows[i])),
            );
          return rows;
        } catch (error) {
          if (begun)
            await client.query('ROLLBACK').catch((failed: Error) => {
              broken = failed;
            });
          const again = error instanceof Moved || RETRIED.has(pgCode(error) ?? '');
          if (again && tries < MAX_TRIES) continue;
          // other writes in the way every time: a refusal the client may try again, not a fault
          if (again || pgCode(error) === LOCK_TIMEOUT)
            throw new WriteConflictError(
              error instanceof Moved
                ? `the records kept changing under this write (${tries} tries)`
                : `${(error as Error).message} (${tries} tries)`,
              { cause: error },
            );
          throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    changes,
    failure: null,
    readOnly: null,
    snapshot: () => undefined,
    async close() {
      if (closed) return;
      closed = true;
      await changes.close();
      await pool.end();
    },
  };
}
