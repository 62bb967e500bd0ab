import type { CustomCell } from '@glideapps/glide-data-grid';
import type { FieldDef } from '../../schema';

/** Enum, reference, date and date-time cells: drawn as the text users read, edited with a
 * picker that fits the field (see CellEditor). */
export interface FieldCellData {
  kind: 'huiwu-field';
  field: FieldDef;
  /** the stored value */
  value: unknown;
  /** what the cell shows, and what Ctrl+C copies */
  display: string;
  /** the year a date typed without one belongs to (the row's summit's) */
  year?: number;
}
export type FieldCell = CustomCell<FieldCellData>;

/** What a typed cell takes (the grid's cells and its new row alike): not yes/no (a click or
 * Space toggles it), never secrets or JSON. */
export const TYPED_TYPES = new Set([
  'text',
  'longtext',
  'number',
  'money',
  'date',
  'datetime',
  'enum',
  'reference',
  'phone',
  'email',
]);
