/** What an import answers, row by row: shared by the server (src/server/imports.ts) and the
 * app's import dialog. */
export type Outcome = 'create' | 'update' | 'unchanged' | 'invalid';

export interface RowResult {
  outcome: Outcome;
  /** the record it updates, or the one it created once written */
  id?: number | string;
  /** why it cannot be imported, per field ('' for the row as a whole) */
  errors?: Record<string, string>;
  /** the fields an update changes */
  changed?: string[];
}

export interface ImportReport {
  written: boolean;
  counts: Record<Outcome, number>;
  rows: RowResult[];
}
