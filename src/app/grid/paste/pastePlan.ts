import { resourceByName, sameValue, type FieldDef, type Lang, type ResourceDef } from '../../../schema';
import { valueFromText, type ReferenceNames } from '../../../schema/fromText';
import type { MoneyUnit } from '../../../schema/money';
import { reasonText, type Reason } from '../../../schema/messages';
import { checkWrite } from '../../../schema/validate';
import type { CellChange } from '../useCellWriter';

type Row = Record<string, unknown> & { id: string | number };

export interface InvalidCell {
  row: number;
  field: FieldDef;
  text: string;
  reason: string;
}

export interface PastePlan {
  changes: CellChange[];
  creates: Record<string, unknown>[];
  invalid: InvalidCell[];
}

const valueOrNull = (field: FieldDef, text: string, names: ReferenceNames, moneyUnit: MoneyUnit) => {
  const converted = valueFromText(field, text, { names, moneyUnit });
  return 'value' in converted ? converted.value : undefined;
};

/** The names a paste refers to, per referenced resource, so they can be looked up at once. */
export function referencedNames(columns: FieldDef[], values: readonly (readonly string[])[], startColumn: number) {
  const wanted: Record<string, Set<string>> = {};
  values.forEach((cells) =>
    cells.forEach((text, j) => {
      const field = columns[startColumn + j];
      if (field?.type === 'reference' && text.trim()) (wanted[field.reference!] ??= new Set()).add(text.trim());
    }),
  );
  return wanted;
}

/**
 * What a block pasted at (row, column) would do: cells of existing rows that change, new
 * records for the rows beyond the last (starting from the list's own filter, such as the
 * summit it shows), and every cell or row that cannot be written, with the reason.
 */
export function planPaste(args: {
  resource: ResourceDef;
  columns: FieldDef[];
  rows: Row[];
  target: { row: number; column: number };
  values: readonly (readonly string[])[];
  names: ReferenceNames;
  defaults: Record<string, unknown>;
  lang: Lang;
  /** false when the rows past the end of this page exist on the next one */
  canCreate: boolean;
  /** the unit pasted amounts are in */
  moneyUnit: MoneyUnit;
}): PastePlan {
  const { resource, columns, rows, target, values, names, defaults, lang, canCreate, moneyUnit } = args;
  const plan: PastePlan = { changes: [], creates: [], invalid: [] };
  values.forEach((cells, i) => {
    const rowIndex = target.row + i;
    const existing = rows[rowIndex];
    if (!existing && !canCreate) {
      plan.invalid.push({
        row: rowIndex,
        field: columns[target.column],
        text: cells.join(' '),
        reason: reasonText({ code: 'pastePastPage' }, lang),
      });
      return;
    }
    const record: Record<string, unknown> = existing ? {} : { ...defaults };
    let rowInvalid = false;
    cells.forEach((text, j) => {
      const field = columns[target.column + j];
      if (!field || field.type === 'password' || field.type === 'json') return;
      // what only another record moves (an agreement's status) is not pasted over
      if (existing && (field.setBy || field.immutable)) {
        const reason: Reason = field.setBy
          ? { code: 'setBy', via: resourceByName[field.setBy].singular }
          : { code: 'immutable' };
        if (!sameValue(existing[field.source], valueOrNull(field, text, names, moneyUnit)))
          plan.invalid.push({ row: rowIndex, field, text, reason: reasonText(reason, lang) });
        return;
      }
      const converted = valueFromText(field, text, { names, moneyUnit });
      if ('reason' in converted) {
        plan.invalid.push({ row: rowIndex, field, text, reason: reasonText(converted.reason, lang) });
        rowInvalid = true;
      } else if (existing) {
        if (!sameValue(existing[field.source], converted.value)) {
          plan.changes.push({
            id: existing.id,
            field: field.source,
            before: existing[field.source] ?? null,
            after: converted.value,
          });
        }
      } else record[field.source] = converted.value;
    });
    if (existing || rowInvalid) return;
    // a new record must stand on its own: its required fields, its limits
    const { reasons } = checkWrite(resource, record);
    const problems = Object.entries(reasons);
    for (const [source, reason] of problems) {
      plan.invalid.push({
        row: rowIndex,
        field: resource.fields.find((f) => f.source === source)!,
        text: String(record[source] ?? ''),
        reason: reasonText(reason, lang),
      });
    }
    if (problems.length === 0) plan.creates.push(record);
  });
  return plan;
}
