import { allows, enums, resourceByName, type ResourceDef, type Role } from '../../schema';
import { schemaGeneration } from '../../schema/custom';
import { namedByPersonalData, titlesOf } from '../titles';
import type { Row } from '../records';
import type { Data } from './store';

const TEXT_TYPES = new Set(['text', 'longtext', 'phone', 'email']);

/** The names of the records a resource refers to, per list it refers to: of lists every role
 * may read only (the text serves every role; a viewer must not find a guest by the name of a
 * record the viewer may not see). */
function referencedTitles(data: Data, resource: ResourceDef) {
  const titles = new Map<string, Map<string, string>>();
  for (const list of referencedLists(resource)) {
    const target = resourceByName[list];
    if (target && !titles.has(list) && enums.userRole.every((role) => allows(role.id as Role, target, 'read')))
      titles.set(list, titlesOf(data[target.name] ?? [], target));
  }
  return titles;
}

/** What a person would search a record by: its text, the labels of its enum values in both
 * languages, and the names of the records it refers to. Never ids, codes or timestamps. The
 * personal part (phones, e-mails) comes last, after PERSONAL, so one text serves every role. */
function searchableText(resource: ResourceDef, row: Row, titles: Map<string, Map<string, string>>): string {
  const parts: string[] = [];
  const personal: string[] = [];
  for (const field of resource.fields) {
    const value = row[field.source];
    if (value === null || value === undefined) continue;
    if (TEXT_TYPES.has(field.type)) (field.personal ? personal : parts).push(String(value));
    else if (field.type === 'enum') {
      const option = enums[field.enum!]?.find((o) => o.id === value);
      if (option) parts.push(option.label.zh, option.label.en);
    } else if (field.type === 'reference') {
      const title = titles.get(field.reference!)?.get(String(value));
      const target = resourceByName[field.reference!];
      if (title) (target && namedByPersonalData(target) ? personal : parts).push(title);
    }
  }
  return (parts.join(SEPARATOR) + PERSONAL + personal.join(SEPARATOR)).toLowerCase();
}

const SEPARATOR = '\u0001';
const PERSONAL = '\u0002';

/** The ids of the rows whose text holds every word of the search box, in any field; without
 * `personal`, in the part before PERSONAL only (a word's first place is past it: not there). */
function matching(rows: Row[], texts: string[], q: string, personal: boolean): string[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const ids: string[] = [];
  texts.forEach((text, i) => {
    const end = personal ? text.length : text.indexOf(PERSONAL);
    if (
      words.every((word) => {
        const at = text.indexOf(word);
        return at !== -1 && at + word.length <= end;
      })
    )
      ids.push(String(rows[i].id));
  });
  return ids;
}

/** The search box, answered as ids: every word, in any field. Without `personal`, phone numbers
 * and e-mails are not searched (a viewer could otherwise find a masked number by guessing it).
 * Each row's searchable text is kept until the next write to the list or a list it names: a
 * search of 100,000 guests is then one `indexOf` per row, not the text built anew. */
export function createSearch(store: { data: Data; journal: { changesOf(collection: string): number } }) {
  const kept = new Map<string, { changes: string; rows: Row[]; texts: string[] }>();
  return (resource: ResourceDef, q: string, personal: boolean): string[] => {
    const rows = store.data[resource.name] ?? [];
    // the list's own writes, its references' (a renamed organisation is searched by its new
    // name), and the schema's (a field an admin hid or added)
    const changes = [resource.name, ...referencedLists(resource)]
      .map((name) => store.journal.changesOf(name))
      .concat(schemaGeneration())
      .join();
    let hit = kept.get(resource.name);
    if (!hit || hit.changes !== changes || hit.rows !== rows || hit.texts.length !== rows.length) {
      const titles = referencedTitles(store.data, resource);
      hit = { changes, rows, texts: rows.map((row) => searchableText(resource, row, titles)) };
      kept.set(resource.name, hit);
    }
    return matching(rows, hit.texts, q, personal);
  };
}

const referencedLists = (resource: ResourceDef) =>
  resource.fields.filter((f) => f.type === 'reference').map((f) => f.reference!);
