import { enums, resourceByName, type ResourceDef } from '../schema';
import type { Row } from './records';
import type { Data } from './store/store';

const TEXT_TYPES = new Set(['text', 'longtext', 'phone', 'email']);

/** The names of the records a resource refers to, by id, looked up once per search (not once
 * per row: 100,000 guests times 2,000 organizations is too many scans). */
function titlesOf(data: Data, resource: ResourceDef) {
  const titles = new Map<string, Map<string, string>>();
  for (const field of resource.fields) {
    if (field.type !== 'reference' || titles.has(field.reference!)) continue;
    const target = resourceByName[field.reference!];
    if (!target) continue;
    titles.set(
      target.name,
      new Map((data[target.name] ?? []).map((row) => [String(row.id), String(row[target.titleField] ?? '')])),
    );
  }
  return titles;
}

/** What a person would search a record by: its text, the labels of its enum values in both
 * languages, and the names of the records it refers to. Never ids, codes or timestamps. */
function searchableText(
  resource: ResourceDef,
  row: Row,
  personal: boolean,
  titles: Map<string, Map<string, string>>,
): string {
  const parts: string[] = [];
  for (const field of resource.fields) {
    const value = row[field.source];
    if (value === null || value === undefined || (field.personal && !personal)) continue;
    if (TEXT_TYPES.has(field.type)) parts.push(String(value));
    else if (field.type === 'enum') {
      const option = enums[field.enum!]?.find((o) => o.id === value);
      if (option) parts.push(option.label.zh, option.label.en);
    } else if (field.type === 'reference') {
      const title = titles.get(field.reference!)?.get(String(value));
      if (title) parts.push(title);
    }
  }
  return parts.join('\u0001').toLowerCase();
}

/** The ids of the rows whose text holds every word of the search box, in any field. */
function matching(rows: Row[], texts: string[], q: string): string[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const ids: string[] = [];
  texts.forEach((text, i) => {
    if (words.every((word) => text.includes(word))) ids.push(String(rows[i].id));
  });
  return ids;
}

/** The search box, answered as ids: every word, in any field. Without `personal`, phone numbers
 * and e-mails are not searched (a viewer could otherwise find a masked number by guessing it).
 * Each row's searchable text is kept until the next write: a search of 100,000 guests is then
 * one `includes` per row, not the text built anew. */
export function createSearch(store: { data: Data; journal: { changes: number } }) {
  const kept = new Map<string, { changes: number; rows: Row[]; texts: string[] }>();
  return (resource: ResourceDef, q: string, personal: boolean): string[] => {
    const rows = store.data[resource.name] ?? [];
    const key = `${resource.name}\u0000${personal}`;
    let hit = kept.get(key);
    if (!hit || hit.changes !== store.journal.changes || hit.rows !== rows || hit.texts.length !== rows.length) {
      const titles = titlesOf(store.data, resource);
      hit = {
        changes: store.journal.changes,
        rows,
        texts: rows.map((row) => searchableText(resource, row, personal, titles)),
      };
      kept.set(key, hit);
    }
    return matching(rows, hit.texts, q);
  };
}
