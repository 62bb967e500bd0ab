import { NOT_EXTENSIBLE, resourceByName, resources, type ResourceDef } from '../../../schema';
import { isBuiltInResource } from '../../../schema/custom';
import { serverStateTables } from './serverTables';
import { asJson, bytewise, charsOf, jsonKey, pinyin, ref, sortsByWords, titleOf, wordsOf } from './expressions';
import {
  builtInFields,
  builtInTables,
  CUSTOM_LIST_IDS_TABLE,
  customListsTable,
  ident,
  PINYIN_COLLATION,
  PINYIN_LOCALE,
  type Column,
  type Table,
  type TableModel,
} from './tables';

/**
 * What the database holds when its migrations match the schema: extensions, the pinyin
 * collation, and per table its columns and indexes. `npm run db -- migration` compares it with
 * the model the committed migrations built (db/migrations/model.json) and writes the SQL that
 * goes from one to the other; a test fails while they differ.
 */
export interface DbModel {
  extensions: string[];
  /** name → ICU locale */
  collations: Record<string, string>;
  tables: Record<string, TableModel>;
}

const definition = (column: Column) => [column.type, column.constraints].filter(Boolean).join(' ');

/** Index names within PostgreSQL's 63 bytes. */
function indexName(table: string, what: string) {
  const name = `${table}_${what}`;
  if (name.length <= 63) return name;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `${name.slice(0, 54)}_${hash.toString(36).slice(0, 8)}`;
}

/** How a list sorts by a column, as listSql.ts orders it: the index that serves that order. */
export function sortKey(column: Column, order: 'asc' | 'desc', alias?: string): string {
  if (sortsByWords(column)) return `${pinyin(ref(column, alias))} ${order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  const c = column.kind === 'text' ? bytewise(ref(column, alias)) : ref(column, alias);
  return order === 'asc' ? `${c} ASC NULLS LAST` : `${c} DESC NULLS FIRST`;
}

/** Whether some field of some resource links to this one (its names are searched and sorted by). */
const isLinkedTo = (name: string) =>
  resources.some(
    (r) => isBuiltInResource(r.name) && builtInFields(r).some((f) => f.type === 'reference' && f.reference === name),
  );

function indexesOf(table: Table, resource: ResourceDef): Record<string, string> {
  const indexes: Record<string, string> = {};
  const t = ident(table.name);
  const add = (what: string, body: string, using = 'btree') => {
    const name = indexName(table.name, what);
    indexes[name] ??= `CREATE INDEX ${ident(name)} ON ${t} USING ${using} (${body})`;
  };
  const column = (key: string) => table.byKey.get(key);

  // the grid's own order, and the pickers' (by name)
  const sortColumn = column(resource.sort.field);
  const sortOrder = resource.sort.order === 'DESC' ? 'desc' : 'asc';
  if (sortColumn) add(`sort_${sortColumn.name}`, `${sortKey(sortColumn, sortOrder)}, "id"`);
  const titleColumn = column(resource.titleField);
  if (titleColumn && sortsByWords(titleColumn) && (titleColumn !== sortColumn || sortOrder !== 'asc'))
    add(`sort_${titleColumn.name}${titleColumn === sortColumn ? '_asc' : ''}`, `${sortKey(titleColumn, 'asc')}, "id"`);

  // the trail is read by record: what changed since the version a client started from
  const trail = resource.readOnly && column('resource') && column('recordId') && column('version');
  if (trail) add('record', '"resource", "record_id", "version"');
  for (const c of table.columns) {
    const field = c.field;
    if (!field || (trail && c.key === 'resource')) continue;
    // equality filters: links (a summit's guests) and choices (a status)
    if (field.type === 'reference' || field.type === 'enum') add(c.name, ref(c));
    // ranges of days and times
    else if ((field.type === 'date' || field.type === 'datetime') && field.filter && c !== sortColumn)
      add(c.name, ref(c));
    // a text filter matches "contains" (`_like`, a regular expression: trigrams serve it), or exactly
    else if (c.kind === 'text' && field.filter === 'exact') add(c.name, ref(c));
    else if (c.kind === 'text' && field.filter) add(`${c.name}_trgm`, `${ref(c)} gin_trgm_ops`, 'gin');
    // a unique value is looked up without case
    if (field.unique) add(`${c.name}_lower`, `lower(${ref(c)})`);
  }
  // the search box: the row's own words, the personal ones apart, and its name where others link to it
  const words = wordsOf(table, false);
  if (words) add('words', `${words} gin_trgm_ops`, 'gin');
  if (words) add('chars', charsOf(words), 'gin');
  const personal = wordsOf(table, true);
  if (personal) add('personal_words', `${personal} gin_trgm_ops`, 'gin');
  if (personal) add('personal_chars', charsOf(personal), 'gin');
  if (titleColumn && titleColumn.kind === 'text' && isLinkedTo(resource.name))
    add('title_words', `lower(${titleOf(table, resource.titleField)}) gin_trgm_ops`, 'gin');
  // custom fields filtered by value (`custom @> '{"diet": "清真"}'`)
  if (!NOT_EXTENSIBLE.has(resource.name)) add('custom', 'custom jsonb_path_ops', 'gin');
  return indexes;
}

function tableModel(table: Table, indexes: Record<string, string>, constraints?: string[]): TableModel {
  const columns: Record<string, string> = {};
  const keys: Record<string, string> = {};
  for (const c of table.columns) {
    columns[c.name] = definition(c);
    if (c.key) keys[c.name] = c.key;
  }
  return { columns, keys, ...(constraints ? { constraints } : {}), indexes };
}

/** The database the schema asks for. */
export function modelFromSchema(): DbModel {
  const tables: Record<string, TableModel> = {};
  for (const table of builtInTables()) {
    const resource = resourceByName[table.resource];
    if (!resource || !isBuiltInResource(resource.name)) continue;
    tables[table.name] = tableModel(table, indexesOf(table, resource));
  }
  const lists = customListsTable();
  tables[lists.name] = tableModel(
    lists,
    {
      [indexName(lists.name, 'custom')]:
        `CREATE INDEX ${ident(indexName(lists.name, 'custom'))} ON ${ident(lists.name)} USING gin (custom jsonb_path_ops)`,
    },
    ['PRIMARY KEY ("resource", "id")'],
  );
  // the next id of each custom list (ids are per list, never reused, as in the embedded store)
  tables[CUSTOM_LIST_IDS_TABLE] = {
    columns: { resource: 'text PRIMARY KEY', next_id: 'bigint NOT NULL DEFAULT 1' },
    keys: {},
    indexes: {},
  };
  // sessions, login attempts and sign-in places, shared by the servers of one database
  Object.assign(tables, serverStateTables());
  return { extensions: ['pg_trgm'], collations: { [PINYIN_COLLATION]: PINYIN_LOCALE }, tables };
}

export const EMPTY_MODEL: DbModel = { extensions: [], collations: {}, tables: {} };

/** The type a column definition starts with (bigint GENERATED … → bigint). */
const typeOf = (def: string) => /^(timestamp with time zone|double precision|[a-z]+)/.exec(def)?.[1] ?? def;

/** A JSON value of `custom` that a column of this type can take as it is. */
function movable(type: string, value: string): string {
  switch (type) {
    case 'text':
      return `jsonb_typeof(${value}) = 'string'`;
    case 'integer':
    case 'bigint':
    case 'numeric':
    case 'double precision':
      return `jsonb_typeof(${value}) = 'number'`;
    case 'boolean':
      return `jsonb_typeof(${value}) = 'boolean'`;
    case 'date':
      return `(${value} #>> '{}') ~ '^\\d{4}-\\d{2}-\\d{2}$'`;
    case 'timestamp with time zone':
      return `(${value} #>> '{}') ~ '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$'`;
    default:
      return `jsonb_typeof(${value}) = 'object'`;
  }
}

/**
 * The statements that take a database from one model to the next: new extensions, collations,
 * tables, columns and indexes; a column gone from the schema moves its values into `custom`
 * (as the embedded store keeps a removed field's values) before it is dropped; a new column takes
 * the values `custom` held under its key; a changed index is made again. A table gone from the
 * schema is kept (its data is not dropped by a generated file).
 */
export function migrationSql(from: DbModel, to: DbModel): string[] {
  const out: string[] = [];
  for (const name of to.extensions)
    if (!from.extensions.includes(name)) out.push(`CREATE EXTENSION IF NOT EXISTS ${ident(name)}`);
  for (const [name, locale] of Object.entries(to.collations))
    if (from.collations[name] !== locale) {
      if (from.collations[name]) out.push(`DROP COLLATION ${ident(name)}`);
      out.push(`CREATE COLLATION ${ident(name)} (provider = icu, locale = '${locale.replace(/'/g, "''")}')`);
    }
  for (const [name, table] of Object.entries(to.tables)) {
    const before = from.tables[name];
    const t = ident(name);
    if (!before) {
      const lines = [
        ...Object.entries(table.columns).map(([column, def]) => `${ident(column)} ${def}`),
        ...(table.constraints ?? []),
      ];
      out.push(`CREATE TABLE ${t} (\n  ${lines.join(',\n  ')}\n)`);
      out.push(...Object.values(table.indexes));
      continue;
    }
    for (const [index, statement] of Object.entries(before.indexes))
      if (table.indexes[index] !== statement) out.push(`DROP INDEX IF EXISTS ${ident(index)}`);
    for (const [column, def] of Object.entries(before.columns)) {
      if (table.columns[column] !== undefined) continue;
      const key = before.keys[column];
      if (key && table.columns.custom)
        out.push(
          `UPDATE ${t} SET custom = custom || jsonb_build_object(${jsonKey(key)}, ${asJson({ key, name: column, kind: kindOfType(typeOf(def)), type: typeOf(def) })}) WHERE ${ident(column)} IS NOT NULL`,
        );
      out.push(`ALTER TABLE ${t} DROP COLUMN ${ident(column)}`);
    }
    for (const [column, def] of Object.entries(table.columns)) {
      const old = before.columns[column];
      if (old === undefined) {
        out.push(`ALTER TABLE ${t} ADD COLUMN ${ident(column)} ${def}`);
        const key = table.keys[column];
        if (key && table.columns.custom) {
          const k = jsonKey(key);
          const type = typeOf(def);
          out.push(
            `UPDATE ${t} SET ${ident(column)} = (custom ->> ${k})::${type}, custom = custom - ${k} WHERE custom ? ${k} AND ${movable(type, `custom -> ${k}`)}`,
          );
        }
      } else if (typeOf(old) !== typeOf(def)) {
        out.push(
          `ALTER TABLE ${t} ALTER COLUMN ${ident(column)} TYPE ${typeOf(def)} USING ${ident(column)}::${typeOf(def)}`,
        );
      }
    }
    for (const [index, statement] of Object.entries(table.indexes))
      if (before.indexes[index] !== statement) out.push(statement);
  }
  return out;
}

const kindOfType = (type: string): Column['kind'] =>
  type === 'date' ? 'date' : type === 'timestamp with time zone' ? 'datetime' : 'text';

/** A migration file: its statements, each ended, with a line saying where it came from. */
export const migrationFile = (statements: string[]) =>
  `-- Written by \`npm run db -- migration\` from src/schema (src/server/store/postgres/ddl.ts).\n\n${statements.map((s) => `${s};\n`).join('\n')}`;
