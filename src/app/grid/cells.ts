import {
  drawTextCell,
  GridCellKind,
  type CustomCell,
  type CustomRenderer,
  type GridCell,
} from '@glideapps/glide-data-grid';
import type { FieldDef } from '../../schema';
import { fromUnit, inUnit, type MoneyUnit } from '../../schema/money';
import { toLocalInput } from '../schema-ui/time';
import { CellEditor } from './CellEditor';
import type { FieldCell, FieldCellData } from './fieldCell';

export const fieldCellRenderer: CustomRenderer<FieldCell> = {
  kind: GridCellKind.Custom,
  isMatch: (cell: CustomCell): cell is FieldCell => (cell.data as FieldCellData)?.kind === 'huiwu-field',
  draw: (args, cell) => {
    drawTextCell(args, cell.data.display, cell.contentAlign);
    return true;
  },
  provideEditor: () => ({
    editor: CellEditor,
    disablePadding: true,
    deletedValue: (cell) => ({ ...cell, copyData: '', data: { ...cell.data, value: null, display: '' } }),
  }),
};

/** What Ctrl+C puts on the clipboard for a cell: labels and names as read, but dates and
 * numbers in a form a spreadsheet (and this grid's paste) reads back exactly; amounts in the
 * unit shown, as the paste reads them. */
function copyText(field: FieldDef, value: unknown, display: string, unit: MoneyUnit): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'money' && typeof value === 'number') return String(inUnit(value, unit));
  if (field.type === 'date' || field.type === 'number' || field.type === 'money') return String(value);
  if (field.type === 'datetime') return toLocalInput(value).replace('T', ' ');
  return display;
}

/** The grid cell for one value of one field; an amount in the user's unit (its editor, fill
 * and copy too), its unit riding along to turn edits back into yuan. */
export function cellFor(
  field: FieldDef,
  value: unknown,
  display: string,
  editable: boolean,
  year?: number,
  unit: MoneyUnit = 'yuan',
): GridCell {
  const base = { allowOverlay: editable, readonly: !editable };
  const copyData = copyText(field, value, display, unit);
  switch (field.type) {
    case 'enum':
    case 'reference':
    case 'date':
    case 'datetime':
      return {
        kind: GridCellKind.Custom,
        ...base,
        copyData,
        data: { kind: 'huiwu-field', field, value, display, year },
      };
    case 'number':
    case 'money':
      return {
        kind: GridCellKind.Number,
        ...base,
        data: typeof value !== 'number' ? undefined : field.type === 'money' ? inUnit(value, unit) : value,
        displayData: display,
        copyData,
        contentAlign: 'right',
        ...(field.type === 'money' ? { moneyUnit: unit } : {}),
      };
    case 'boolean':
      return { kind: GridCellKind.Boolean, allowOverlay: false, readonly: !editable, data: value === true };
    case 'password':
    case 'json':
      return { kind: GridCellKind.Text, allowOverlay: false, readonly: true, data: display, displayData: display };
    default:
      return { kind: GridCellKind.Text, ...base, data: value == null ? '' : String(value), displayData: display };
  }
}

/** The stored value a finished edit holds. */
export function valueOfEdit(cell: GridCell): unknown {
  switch (cell.kind) {
    case GridCellKind.Custom:
      return (cell.data as FieldCellData).value;
    case GridCellKind.Number: {
      const unit = (cell as { moneyUnit?: MoneyUnit }).moneyUnit;
      return cell.data === undefined || cell.data === null ? null : unit ? fromUnit(cell.data, unit) : cell.data;
    }
    case GridCellKind.Boolean:
      return cell.data === true;
    case GridCellKind.Text:
      return cell.data === '' ? null : cell.data;
    default:
      return null;
  }
}
