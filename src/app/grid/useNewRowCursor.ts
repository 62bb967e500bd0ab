import { useEffect, useRef } from 'react';
import type { FieldDef } from '../../schema';
import type { useNewRow } from './useNewRow';

/**
 * Where the cursor goes around the new row. It stays on the row as rows are added above it
 * (the one it saved), in the column its typing began in, as Excel's Enter goes back there;
 * leaving the row saves it, if complete, once what was typed into it is read; Enter on a row
 * still lacking a field goes to that field.
 */
export function useNewRowCursor({
  newRow,
  rows,
  cursor,
  visible,
  moveTo,
  reading,
}: {
  newRow: ReturnType<typeof useNewRow>;
  /** the page's records */
  rows: number;
  /** the cursor's cell, column and row */
  cursor: readonly [number, number] | undefined;
  visible: FieldDef[];
  moveTo: (col: number, row: number) => void;
  /** what typed text is being read: a save waits for it */
  reading: React.RefObject<Promise<unknown>>;
}) {
  const startColumn = useRef<number | null>(null);
  const lastRows = useRef(rows);
  useEffect(() => {
    const was = lastRows.current;
    lastRows.current = rows;
    if (newRow.index < 0 || was === rows || cursor?.[1] !== was) return;
    moveTo(startColumn.current ?? cursor[0], rows);
    startColumn.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when rows come or go
  }, [rows]);

  const lastRow = useRef(cursor?.[1]);
  useEffect(() => {
    const was = lastRow.current;
    lastRow.current = cursor?.[1];
    if (was !== undefined && was === newRow.index && cursor?.[1] !== was) void reading.current.then(newRow.save);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when the cursor changes row
  }, [cursor?.[1]]);

  return {
    /** typing into the row began (in this column, if it is the first thing typed there) */
    begin: (col: number) => {
      if (Object.keys(newRow.values).length === 0) startColumn.current = col;
    },
    /** Enter on the row: saved if complete, else the cursor goes to the first field it lacks */
    enter: async () => {
      const missing = await newRow.save();
      const col = visible.findIndex((f) => missing.some((m) => m.source === f.source));
      if (col >= 0) moveTo(col, newRow.index);
    },
  };
}
