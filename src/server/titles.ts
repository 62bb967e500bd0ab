import { getField, type ResourceDef } from '../schema';
import type { Row } from './store/store';

/** The names of a list's records, by id (as text): what a link to one shows, in a search, an
 * export. Looked up once for all rows, not once per row (100,000 guests times 2,000
 * organisations is too many scans). */
export const titlesOf = (rows: readonly Row[], target: ResourceDef): Map<string, string> =>
  new Map(rows.map((row) => [String(row.id), String(row[target.titleField] ?? `#${row.id}`)]));

/** Whether a list's records are named by personal data (a custom list named by a phone): then
 * their names are masked where the data is. */
export const namedByPersonalData = (target: ResourceDef) => !!getField(target, target.titleField)?.personal;
