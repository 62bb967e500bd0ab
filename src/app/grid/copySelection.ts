import { GridCellKind, type GridCell, type GridSelection, type Item } from '@glideapps/glide-data-grid';
import { toTsv } from './tsv';

/** What Ctrl+C copies of one cell: its copy text (labels, names, dates Excel reads back). */
function copyText(cell: GridCell, yesNo: [string, string]): string {
  if (cell.kind === GridCellKind.Boolean) return cell.data ? yesNo[0] : yesNo[1];
  if ('copyData' in cell && typeof cell.copyData === 'string') return cell.copyData;
  if (cell.kind === GridCellKind.Text) return cell.data;
  if (cell.kind === GridCellKind.Number) return cell.data === undefined ? '' : String(cell.data);
  return '';
}

/**
 * The selected block as tab-separated text for Excel or WPS: the range under the cursor, whole
 * columns, or the ticked rows whole. The grid copies it itself when it has the focus; the focus rests in
 * the cell editor above it (so an input method can type onto a cell), which copies through this.
 */
export function copySelection(
  selection: GridSelection,
  rows: number,
  getCellContent: (item: Item) => GridCell,
  columns = 0,
  yesNo: [string, string] = ['是', '否'],
): string {
  const range = selection.current?.range;
  if (range) {
    return toTsv(
      Array.from({ length: range.height }, (_, r) =>
        Array.from({ length: range.width }, (_, c) => copyText(getCellContent([range.x + c, range.y + r]), yesNo)),
      ),
    );
  }
  // whole columns (a header clicked), or the ticked rows whole
  const picked = selection.columns.toArray().filter((c) => c < columns);
  if (picked.length)
    return toTsv(
      Array.from({ length: rows }, (_, row) => picked.map((c) => copyText(getCellContent([c, row]), yesNo))),
    );
  const ticked = selection.rows.toArray().filter((row) => row < rows);
  return toTsv(
    ticked.map((row) => Array.from({ length: columns }, (_, c) => copyText(getCellContent([c, row]), yesNo))),
  );
}
