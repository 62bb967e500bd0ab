import type { RaRecord } from 'react-admin';
import type { FieldDef, ResourceDef } from '../../../schema';
import type { ColumnTarget, ImportRequest } from '../../../schema/imports';
import { matchColumns } from '../../import/mapping';
import { unitOfHeader, type MoneyUnit } from '../../../schema/money';

/** Where one column of a pasted block went: the field it fills, from its header or its place. */
export interface PastedColumn {
  /** the block's own header, when it had one */
  header?: string;
  target: ColumnTarget | null;
}

/**
 * A block pasted onto the grid, as the import reads it (src/server/import): the rows from the
 * cursor down, each onto the record it lands on (by id, at the version the user sees) or new
 * past the last; every cell read as import reads it, organisations it names created with it.
 */
export interface PasteBlock {
  request: ImportRequest & { ids: (RaRecord['id'] | null)[] };
  columns: PastedColumn[];
  /** whether the first row was taken as a header (columns matched by name, in any order) */
  byHeader: boolean;
  /** rows not pasted: past the end of this page, where the next page continues */
  dropped: number;
  /** the records the block lands on, as shown, for undo */
  records: RaRecord[];
}

/** A first row whose cells name at least two fields, and most of its cells name one, is a header. */
function headerColumns(resource: ResourceDef, block: readonly (readonly string[])[], omit: string[]) {
  if (block.length < 2) return null;
  const headers = block[0].map((cell) => cell.trim());
  const samples = headers.map((_, j) =>
    block
      .slice(1)
      .map((row) => (row[j] ?? '').trim())
      .filter(Boolean),
  );
  const { columns } = matchColumns(resource, headers, samples, {}, omit);
  const named = columns.filter(Boolean).length;
  return named >= 2 && named * 2 >= headers.filter(Boolean).length ? { headers, columns } : null;
}

export function pasteBlock(args: {
  resource: ResourceDef;
  /** the grid's columns, in their order */
  visible: FieldDef[];
  /** the page's rows */
  rows: RaRecord[];
  /** where the cursor is (row, column); an empty list pastes at its start */
  target: { row: number; column: number };
  values: readonly (readonly string[])[];
  /** what new rows start from: the list's filter (the summit it shows) */
  defaults: Record<string, unknown>;
  /** columns the grid does not show here (the summit, on a summit's guest list) */
  omit: string[];
  /** false when rows past the end of this page exist on the next one */
  canCreate: boolean;
  /** the unit the user reads amounts in: a pasted amount is in it, unless its header names another */
  moneyUnit: MoneyUnit;
}): PasteBlock {
  const { resource, visible, rows, target, values, defaults, omit, canCreate, moneyUnit } = args;
  const header = headerColumns(resource, values, omit);
  const body = header ? values.slice(1) : values;
  const width = body.reduce((w, row) => Math.max(w, row.length), header?.headers.length ?? 0);
  const columns: PastedColumn[] = Array.from({ length: width }, (_, j) =>
    header
      ? { header: header.headers[j], target: header.columns[j] ?? null }
      : { target: visible[target.column + j]?.source ?? null },
  );
  const ids: (RaRecord['id'] | null)[] = [];
  const versions: (number | null)[] = [];
  const cells: string[][] = [];
  const lines: number[] = [];
  const records: RaRecord[] = [];
  let dropped = 0;
  body.forEach((row, i) => {
    const at = target.row + i;
    const existing = rows[at];
    if (!existing && !canCreate) {
      dropped++;
      return;
    }
    ids.push(existing?.id ?? null);
    versions.push(existing ? Number(existing.version) : null);
    if (existing) records.push(existing);
    cells.push(Array.from({ length: width }, (_, j) => row[j] ?? ''));
    lines.push(at + 1);
  });
  // what the list fixes fills new rows, unless the block itself gives that field
  const given = new Set(columns.map((c) => c.target?.split(':')[0]));
  const units = Object.fromEntries(
    columns
      .filter((c) => c.target && resource.fields.find((f) => f.source === c.target)?.type === 'money')
      .map((c) => [c.target, (c.header && unitOfHeader(c.header)) || moneyUnit]),
  );
  const fixed = Object.fromEntries(Object.entries(defaults).filter(([source]) => !given.has(source)));
  return {
    // a cell that cannot be read is not written; the rest of its row is, as a paste in Excel
    request: {
      columns: columns.map((c) => c.target),
      rows: cells,
      lines,
      key: ['id'],
      ids,
      versions,
      fixed,
      units,
      badCells: 'emptyCell',
    },
    columns,
    byHeader: !!header,
    dropped,
    records,
  };
}
