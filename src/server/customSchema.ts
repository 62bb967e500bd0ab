import {
  applyCustomSchema,
  CUSTOM_KEY,
  customFieldProblem,
  customResourceProblem,
  defaultOf,
  fieldFromRow,
  NOT_EXTENSIBLE,
  parseOptions,
  type CustomFieldRow,
  type CustomResourceRow,
  type CustomRows,
} from '../schema/custom';
import { enums, resourceByName, resources, type FieldDef } from '../schema';
import type { Reason } from '../schema/messages';
import { convertValue, type Reasons } from '../schema/validate';
import { valueFromText } from '../schema/fromText';
import { HttpError, message } from './messages';
import { sameId, sameValue, type Row } from './records';
import type { JournalEntry } from './store/journal';
import type { Data } from './store/store';
import type { WriteContext } from './writes';

/** The resources whose rows define the schema: a write to them changes what the API accepts. */
export const DEFINITION_RESOURCES = new Set(['customFields', 'customResources']);

export const customRows = (data: Data): CustomRows => ({
  customResources: (data.customResources ?? []) as unknown as CustomResourceRow[],
  customFields: (data.customFields ?? []) as unknown as CustomFieldRow[],
});

/** Rebuilds the live schema from the stored definitions; every custom list gets its collection. */
export function loadCustomSchema(data: Data) {
  const result = applyCustomSchema(customRows(data));
  for (const row of customRows(data).customResources) if (CUSTOM_KEY.test(String(row.name))) data[row.name] ??= [];
  for (const resource of resources) data[resource.name] ??= [];
  return result;
}

/** Every list a field may belong to or point at: built-in and custom, hidden ones too. */
const knownLists = (data: Data) =>
  new Set([...Object.keys(resourceByName), ...customRows(data).customResources.map((row) => row.name)]);

const MAX_EXAMPLES = 5;

/** A record as people name it in a message: "#12 张三 (abc)". */
function example(resource: string, row: Row, source: string) {
  const title = resourceByName[resource]?.titleField;
  const name = title && title !== 'id' && row[title] ? ` ${String(row[title])}` : '';
  return `#${row.id}${name} (${String(row[source])})`;
}

/**
 * What happens to the stored values when a field's type, choices or target change: each value
 * is kept when still valid, converted when its text reads as the new type (the text "12" as a
 * number, "是" as yes), or blocks the change. Blocked: the records are named, nothing changes.
 */
function planConversion(data: Data, field: FieldDef, resource: string, reasons: Reasons, on: string) {
  const converted: { row: Row; value: unknown }[] = [];
  const blocking: Row[] = [];
  for (const row of data[resource] ?? []) {
    const value = row[field.source];
    if (value === null || value === undefined || value === '') continue;
    let outcome: { value: unknown } | { reason: Reason } = convertValue(field, value);
    if ('reason' in outcome) outcome = valueFromText(field, String(value));
    const target = 'value' in outcome ? outcome.value : undefined;
    const linked = field.type !== 'reference' || (data[field.reference!] ?? []).some((r) => sameId(r.id, target));
    if ('reason' in outcome || !linked) blocking.push(row);
    else if (!sameValue(target, value)) converted.push({ row, value: target });
  }
  if (blocking.length > 0) {
    const examples = blocking.slice(0, MAX_EXAMPLES).map((row) => example(resource, row, field.source));
    reasons[on] = {
      code: 'valuesBlock',
      count: blocking.length,
      examples: examples.join(', ') + (blocking.length > MAX_EXAMPLES ? ' …' : ''),
    } as Reason;
    return [];
  }
  return converted;
}

/** Checks a custom field's definition against the schema and the data; returns the stored
 * values its new type converts (written in the same step). */
function checkCustomField(ctx: WriteContext, record: Row, reasons: Reasons, existing?: Row) {
  const row = record as unknown as CustomFieldRow;
  const lists = knownLists(ctx.data);
  if (!reasons.resource && (!lists.has(row.resource) || NOT_EXTENSIBLE.has(row.resource)))
    reasons.resource = { code: 'unknownResource' };
  if (!reasons.source && row.source) {
    if (!CUSTOM_KEY.test(row.source)) reasons.source = { code: 'badKey' };
    else if (
      customFieldProblem(row, knownLists(ctx.data)) === 'taken' ||
      (ctx.data.customFields ?? []).some(
        (other) => !sameId(other.id, existing?.id) && other.resource === row.resource && other.source === row.source,
      )
    )
      reasons.source = { code: 'taken' };
  }
  if (reasons.resource || reasons.source || reasons.type) return [];
  if (row.type === 'enum') {
    const parsed = parseOptions(row.options);
    if ('reason' in parsed) reasons.options = parsed.reason;
  }
  if (row.type === 'reference' && (!row.reference || !lists.has(row.reference) || NOT_EXTENSIBLE.has(row.reference)))
    reasons.reference = row.reference ? { code: 'unknownResource' } : { code: 'required' };
  if (Object.keys(reasons).length > 0) return [];
  const field = fieldFromRow(row);
  // a choice's options are needed to read its default and to convert values
  const enumName = field.enum;
  const restore = enumName ? installOptions(enumName, row) : () => undefined;
  try {
    const fallback = defaultOf(field, row);
    if (fallback && 'reason' in fallback) reasons.defaultValue = fallback.reason;
    const before = existing as unknown as CustomFieldRow | undefined;
    const retyped =
      before && (before.type !== row.type || before.options !== row.options || before.reference !== row.reference);
    // a field made visible again is checked too: its values were kept while it was away
    // a new field may meet values kept from a deleted one of the same key; a field shown again
    // meets the values kept while it was hidden: both are checked like a change of type
    if (before && !retyped && !(before.hidden && !row.hidden)) return [];
    const on = before && before.type === row.type ? (row.type === 'enum' ? 'options' : 'reference') : 'type';
    return planConversion(ctx.data, field, row.resource, reasons, on).map((change) => ({
      resource: row.resource,
      row: change.row,
      fields: { [row.source]: change.value },
    }));
  } finally {
    restore();
  }
}

function installOptions(name: string, row: CustomFieldRow) {
  const previous = enums[name];
  const parsed = parseOptions(row.options);
  if ('options' in parsed) enums[name] = parsed.options;
  return () => {
    if (previous) enums[name] = previous;
    else delete enums[name];
  };
}

function checkCustomResource(ctx: WriteContext, record: Row, reasons: Reasons) {
  const row = record as unknown as CustomResourceRow;
  if (!reasons.name && row.name) {
    const problem = customResourceProblem(row);
    if (problem === 'badKey') reasons.name = { code: 'badKey' };
    else if (problem === 'reservedName') reasons.name = { code: 'reservedName' };
  }
  if (row.titleField) {
    const named = (ctx.data.customFields ?? []).some((f) => f.resource === row.name && f.source === row.titleField);
    if (!named) reasons.titleField = { code: 'unknownField' };
  }
  return [];
}

export interface Conversion {
  resource: string;
  row: Row;
  fields: Row | Record<string, unknown>;
}

/** The checks a definition row gets beyond its fields' own, by resource. */
export const definitionChecks: Record<
  string,
  (ctx: WriteContext, record: Row, reasons: Reasons, existing?: Row) => Conversion[]
> = {
  customFields: checkCustomField,
  customResources: checkCustomResource,
};

/** Deleting a list: refused while it holds records (hide it instead); its field definitions go with it. */
export function planListDelete(ctx: WriteContext, existing: Row): JournalEntry[] {
  const name = String(existing.name);
  const count = (ctx.data[name] ?? []).length;
  if (count > 0)
    throw new HttpError(409, message(ctx.lang, 'listHasRecords', { list: String(existing.labelZh), count }));
  const fields = (ctx.data.customFields ?? []).filter((row) => row.resource === name);
  const entries: JournalEntry[] = [];
  for (const row of fields) {
    entries.push({ r: 'customFields', del: row.id });
    const trail = ctx.audit.record(ctx.actor, 'delete', 'customFields', row, null);
    if (trail) entries.push(trail);
  }
  const rows = ctx.data.customFields ?? [];
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].resource === name) rows.splice(i, 1);
  return entries;
}
