import type { FieldDef } from '../../../schema';
import { sortsByPinyin } from '../../../schema/text/collate';
import { ident, PINYIN_COLLATION, type Column, type Table } from './tables';

/**
 * SQL expressions shared by the migrations (index definitions) and the queries that must use
 * those indexes: written once here, so the two stay the same text.
 */

/** A column, with the query's alias of its table or bare (in an index definition). */
export const ref = (column: Column, alias?: string) => (alias ? `${alias}.${ident(column.name)}` : ident(column.name));

/** Text as words sort: by pinyin, the empty text as no text (last, as Excel leaves blank cells). */
export const pinyin = (text: string) => `(NULLIF(${text}, '') COLLATE ${ident(PINYIN_COLLATION)})`;

/** Text compared as JavaScript compares strings (code point by code point), whatever the
 * database's own collation. */
export const bytewise = (text: string) => `(${text} COLLATE "C")`;

/** Whether a built-in column's values sort by pinyin (the field's words). */
export const sortsByWords = (column: Column) => column.kind === 'text' && sortsByPinyin(column.field);

/** A column's value as the text JavaScript's String() makes of it, for `_like` and comparisons
 * of values not in the column's own form (2026-05-24T07:00:00.000Z, true, 1200000.5). */
export function asText(column: Column, alias?: string): string {
  const c = ref(column, alias);
  switch (column.kind) {
    case 'text':
      return c;
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD')`;
    case 'datetime':
      return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'json':
      return `CASE WHEN ${c} IS NOT NULL THEN '[object Object]' END`;
    default:
      return `(${c})::text`;
  }
}

/** The column's value as the API's JSON (for moving a dropped column's values into `custom`). */
export function asJson(column: Column, alias?: string): string {
  const c = ref(column, alias);
  if (column.kind === 'date' || column.kind === 'datetime') return `to_jsonb(${asText(column, alias)})`;
  return `to_jsonb(${c})`;
}

/** Separates a row's texts, so that no searched word spans two of them. */
const SEPARATOR = `E'\\001'`;

/** The text fields search reads (text, long text, phone, e-mail), not choices or codes. */
export const searchedText = (field: FieldDef | undefined) =>
  !!field && ['text', 'longtext', 'phone', 'email'].includes(field.type);

/**
 * A row's own words, lower-cased, as one text: its built-in text fields, the personal ones
 * (phones, e-mails) apart. A trigram index on it answers the search box's `q` for the row's
 * own text; choices, links and custom fields are searched beside it (listSql.ts).
 */
export function wordsOf(table: Table, personal: boolean, alias?: string): string | null {
  const columns = table.columns.filter(
    (c) => c.kind === 'text' && searchedText(c.field) && !!c.field!.personal === personal,
  );
  if (columns.length === 0) return null;
  return `lower(${columns.map((c) => `coalesce(${ref(c, alias)}, '')`).join(` || ${SEPARATOR} || `)})`;
}

/** A text's characters, each once or more, as an array: what a word shorter than a trigram (张,
 * 张伟) is found by, through a GIN index on it, where pg_trgm can only scan its whole index. */
export const charsOf = (words: string) => `string_to_array(${words}, NULL)`;

/** A record's name as a link to it shows (src/server/titles.ts): its title field, or #id. */
export function titleOf(table: Table, titleField: string, alias?: string): string {
  const column = table.byKey.get(titleField);
  const id = ref(table.byKey.get('id')!, alias);
  const text = column ? asText(column, alias) : `(${alias ? `${alias}.` : ''}custom ->> ${jsonKey(titleField)})`;
  return `coalesce(${text}, '#' || ${id})`;
}

/** A custom field's key written into SQL (an index, a title): only keys as the schema allows them. */
export function jsonKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`not a field key: ${JSON.stringify(key)}`);
  return `'${key}'`;
}
