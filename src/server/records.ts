import { sameValue, systemFields } from '../schema';
import type { Data } from './store/store';

export type Row = Data[string][number];

/** Ids arrive as text in URLs and as numbers in bodies; stored ids are numbers. */
export const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b);

export const findById = (rows: Row[] | undefined, id: unknown): Row | undefined =>
  rows?.find((row) => sameId(row.id, id));

export { sameValue } from '../schema';

/** A stored record as an update step leaves it: the fields it really changes (none of the
 * system's), its time and one version more; null when it changes nothing, which is no new
 * version, in either store. */
export function updated(row: Row, fields: Record<string, unknown>, now: string): Row | null {
  const changed = Object.entries(fields).filter(
    ([key, value]) => !(systemFields as readonly string[]).includes(key) && !sameValue(value, row[key]),
  );
  if (changed.length === 0) return null;
  const version = typeof row.version === 'number' ? row.version : 1;
  return { ...row, ...Object.fromEntries(changed), updatedAt: now, version: version + 1 };
}
