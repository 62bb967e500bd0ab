import { enums, resourceByName, type ResourceDef } from '../schema';
import { findById, type Row } from './records';
import type { Data } from './store/store';

const TEXT_TYPES = new Set(['text', 'longtext', 'phone', 'email']);

/** What a person would search a record by: its text, the labels of its enum values in both
 * languages, and the names of the records it refers to. Never ids, codes or timestamps. */
function searchableText(data: Data, resource: ResourceDef, row: Row, personal: boolean): string {
  const parts: string[] = [];
  for (const field of resource.fields) {
    const value = row[field.source];
    if (value === null || value === undefined || (field.personal && !personal)) continue;
    if (TEXT_TYPES.has(field.type)) parts.push(String(value));
    else if (field.type === 'enum') {
      const option = enums[field.enum!]?.find((o) => o.id === value);
      if (option) parts.push(option.label.zh, option.label.en);
    } else if (field.type === 'reference') {
      const target = resourceByName[field.reference!];
      const referenced = target && findById(data[target.name], value);
      if (referenced) parts.push(String(referenced[target.titleField] ?? ''));
    }
  }
  return parts.join('\u0001').toLowerCase();
}

/** The ids of the records that match the search box's text (every word, in any field).
 * Without `personal`, phone numbers and e-mails are not searched: a viewer could otherwise
 * find out a masked number by guessing it. */
export function searchIds(data: Data, resource: ResourceDef, q: string, personal: boolean): string[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return (data[resource.name] ?? [])
    .filter((row) => {
      const text = searchableText(data, resource, row, personal);
      return words.every((word) => text.includes(word));
    })
    .map((row) => String(row.id));
}
