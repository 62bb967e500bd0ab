import type { MoneyUnit } from './money';

/** The import's request and answer, row by row: shared by the server (src/server/import/) and
 * the app's import dialog and paste. */

/** At most this many rows in one import: a province's guest list fits many times over. */
export const MAX_IMPORT_ROWS = 50_000;

/** The longest cell an import reads: more than any field holds (a note: 5,000). */
export const MAX_CELL_LENGTH = 10_000;

/** What to do with a cell that cannot be read: refuse its row, or import the row without it. */
export type BadCells = 'refuseRow' | 'emptyCell';

/** A column's field, or a part of a date-time field written in two columns (到达日期 + 到达时间). */
export type ColumnTarget = string | `${string}:date` | `${string}:time`;

/** What the app sends: the file's cells as text, and which field each column fills. */
export interface ImportRequest {
  /** the field each column of the file fills; null ignores the column */
  columns: (ColumnTarget | null)[];
  rows: string[][];
  /** each row's line in the file, so messages name the line people see in Excel */
  lines?: number[];
  /** the fields that find the record a row updates (phone within a summit); ['id'] for a
   * paste onto rows of the grid; none: always new */
  key?: string[] | null;
  /** with key ['id']: the record each row lands on (null: a new one) */
  ids?: (number | string | null)[];
  /** with key ['id']: the version of each row as the user saw it; a row changed since is refused */
  versions?: (number | null)[];
  /** values every row gets, whatever the file says (the summit whose guest list this is) */
  fixed?: Record<string, unknown>;
  /** per field, what a text the reading does not know means (大巴 → coach; null: leave empty) */
  meaning?: Record<string, Record<string, unknown>>;
  /** per money field, the unit its numbers are written in (a header's 万元, the user's unit for
   * a paste); yuan if none */
  units?: Record<string, MoneyUnit>;
  /** per referenced resource, what each unknown name becomes: an existing record's id (a near
   * match the user chose), 'new' (the default), or null (not created: the cell is invalid) */
  names?: Record<string, Record<string, number | 'new' | null>>;
  badCells?: BadCells;
}

export type Outcome = 'create' | 'update' | 'unchanged' | 'invalid';

export interface RowResult {
  outcome: Outcome;
  /** the record it updates, or the one it created once written */
  id?: number | string;
  /** why it cannot be imported, per field ('' for the row as a whole) */
  errors?: Record<string, string>;
  /** the fields an update changes */
  changed?: string[];
  /** per changed field of an update, the value before and after, as text */
  diff?: Record<string, [before: string, after: string]>;
  /** per field, how a cell written in an unusual form was read (下午3点 → 2026-05-24 15:00) */
  read?: Record<string, string>;
  /** with badCells 'emptyCell': the cells left empty, and why */
  emptied?: Record<string, string>;
}

/** A record the import creates because the file names it and it does not exist yet. */
export interface NewRecord {
  resource: string;
  name: string;
  /** what it will hold besides its name (its kind, read from the name) */
  values: Record<string, unknown>;
  /** known records it may be another name for (简称, 有限责任公司 …): offered, never merged */
  near: { id: number | string; name: string }[];
  /** the lines that name it */
  lines: number[];
  /** the id it got, once written */
  id?: number | string;
}

export interface ImportReport {
  written: boolean;
  counts: Record<Outcome, number>;
  rows: RowResult[];
  /** records named by the file that it will create (and, once written, has created) */
  newRecords?: NewRecord[];
  /** per choice field, the texts no option matches, with how many rows hold each */
  unmatched?: Record<string, { text: string; count: number }[]>;
}
