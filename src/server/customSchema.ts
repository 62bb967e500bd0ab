import {
  applyCustomSchema,
  CUSTOM_KEY,
  customFieldReasons,
  customResourceReasons,
  fieldFromRow,
  parseOptions,
  valueForRow,
  type CustomFieldRow,
  type CustomResourceRow,
  type CustomRows,
} from '../schema/custom';
import { resourceByName, resources, type EnumOption, type FieldDef } from '../schema';
import type { Reason } from '../schema/messages';
import type { Reasons } from '../schema/validate';
import type { CheckContext } from './hooks/types';
import type { Step } from './store/recordStore';
import { HttpError, message } from './messages';
import { sameId, sameValue, type Row } from './records';
import type { WriteView } from './store/recordStore';
import type { Data } from './store/store';

export const customRows = (data: Data): CustomRows => ({
  customResources: (data.customResources ?? []) as unknown as CustomResourceRow[],
  customFields: (data.customFields ?? []) as unknown as CustomFieldRow[],
});

/** Rebuilds the live schema from the stored definitions; every custom list gets its collection. */
/** The lists the schema's additions are read from (see src/schema/custom.ts). */
export const DEFINITIONS = ['customResources', 'customFields'];

export function loadCustomSchema(data: Data) {
  const rows = customRows(data);
  const result = applyCustomSchema(rows);
  for (const row of rows.customResources) if (CUSTOM_KEY.test(String(row.name))) data[row.name] ??= [];
  for (const resource of resources) data[resource.name] ??= [];
  return result;
}

/** Every list (built-in and custom, hidden ones too) and those in use. */
function lists(data: Data) {
  const custom = customRows(data).customResources;
  const builtIn = Object.values(resourceByName)
    .filter((r) => !r.custom)
    .map((r) => r.name);
  return {
    all: new Set([...builtIn, ...custom.map((row) => row.name)]),
    visible: new Set([...builtIn, ...custom.filter((row) => !row.hidden).map((row) => row.name)]),
  };
}

const MAX_EXAMPLES = 5;

/** A record as people name it in a message: "#12 张三 (abc)". */
function example(resource: string, row: Row, source: string) {
  const title = resourceByName[resource]?.titleField;
  const name = title && title !== 'id' && row[title] ? ` ${String(row[title])}` : '';
  return `#${row.id}${name} (${String(row[source])})`;
}

function blocked(resource: string, rows: Row[], source: string): Reason {
  const examples = rows.slice(0, MAX_EXAMPLES).map((row) => example(resource, row, source));
  return {
    code: 'valuesBlock',
    count: rows.length,
    examples: examples.join(', ') + (rows.length > MAX_EXAMPLES ? ' …' : ''),
  };
}

/**
 * What happens to the stored values when a field's type, choices or target change, or when
 * it meets values kept from before (shown again, re-added): each is kept when still valid,
 * converted when its text reads as the new type (the text "12" as a number), or blocks the
 * change, which then names the records and changes nothing.
 */
async function planConversion(view: WriteView, field: FieldDef, options: EnumOption[], resource: string) {
  const converted: { row: Row; value: unknown }[] = [];
  const blocking: Row[] = [];
  const targets = field.type === 'reference' ? await view.all(field.reference!) : [];
  for (const row of await view.all(resource)) {
    const value = row[field.source];
    if (value === null || value === undefined || value === '') continue;
    const outcome = valueForRow(field, options, value);
    const target = 'value' in outcome ? outcome.value : undefined;
    const linked = field.type !== 'reference' || targets.some((r) => sameId(r.id, target));
    if ('reason' in outcome || !linked) blocking.push(row);
    else if (!sameValue(target, value)) converted.push({ row, value: target });
  }
  return { converted, blocking };
}

/** Records sharing a value (without case) of a field about to be unique. */
async function duplicates(view: WriteView, resource: string, source: string) {
  const seen = new Map<string, Row>();
  const found = new Set<Row>();
  for (const row of await view.all(resource)) {
    const value = row[source];
    if (value === null || value === undefined || value === '') continue;
    const key = String(value).toLowerCase();
    const first = seen.get(key);
    if (first) found.add(first).add(row);
    else seen.set(key, row);
  }
  return [...found];
}

/** A custom field's definition against the schema and the data; returns the stored values
 * its new type converts, as steps of the same commit. */
/** The stored definitions, as the checks of a new one read them. */
const definitions = async (view: WriteView): Promise<Data> => ({
  customResources: await view.all('customResources'),
  customFields: await view.all('customFields'),
});

export async function checkCustomField(
  ctx: CheckContext,
  record: Row,
  reasons: Reasons,
  existing?: Row,
): Promise<Step[]> {
  const row = record as unknown as CustomFieldRow;
  const stored = await definitions(ctx.view);
  const own = customFieldReasons(row, lists(stored), customRows(stored).customFields);
  for (const [key, reason] of Object.entries(own)) reasons[key] ??= reason;
  if (Object.keys(reasons).length > 0) return [];
  const before = existing as unknown as CustomFieldRow | undefined;
  const field = fieldFromRow(row);
  if (row.unique && (!before?.unique || before.hidden)) {
    const same = await duplicates(ctx.view, row.resource, row.source);
    if (same.length > 0) reasons.unique = blocked(row.resource, same, row.source);
  }
  const retyped =
    before && (before.type !== row.type || before.options !== row.options || before.reference !== row.reference);
  // a new field may meet values kept from a deleted one of the same key, a field shown again
  // the values kept while it was hidden: both are checked like a change of type
  if (before && !retyped && !(before.hidden && !row.hidden)) return [];
  const options = row.type === 'enum' ? (parseOptions(row.options) as { options: EnumOption[] }).options : [];
  const { converted, blocking } = await planConversion(ctx.view, field, options, row.resource);
  if (blocking.length > 0) {
    const on = before && before.type === row.type ? (row.type === 'enum' ? 'options' : 'reference') : 'type';
    reasons[on] = blocked(row.resource, blocking, row.source);
    return [];
  }
  return converted.map((change) => ({
    op: 'update' as const,
    resource: row.resource,
    row: change.row,
    fields: { [row.source]: change.value },
  }));
}

export async function checkCustomResource(
  ctx: CheckContext,
  record: Row,
  reasons: Reasons,
  existing?: Row,
): Promise<Step[]> {
  const row = record as unknown as CustomResourceRow;
  const stored = await definitions(ctx.view);
  const own = customResourceReasons(row, customRows(stored).customResources);
  for (const [key, reason] of Object.entries(own)) reasons[key] ??= reason;
  // on a new list, before it has fields, the naming field falls back to the first text field
  if (row.titleField && existing) {
    const named = (stored.customFields ?? []).some((f) => f.resource === row.name && f.source === row.titleField);
    if (!named) reasons.titleField = { code: 'unknownField' };
  }
  return [];
}

/** Deleting a list: refused while it holds records (hide it instead) or other lists' fields
 * link to it; its own field definitions go with it. */
export async function planListDelete(ctx: CheckContext, existing: Row): Promise<Step[]> {
  const name = String(existing.name);
  const label = String((ctx.lang === 'en' && existing.labelEn) || existing.labelZh);
  const count = (await ctx.view.all(name)).length;
  const fields = await ctx.view.all('customFields');
  if (count > 0) throw new HttpError(409, message(ctx.lang, 'listHasRecords', { list: label, count }));
  const linking = fields.filter((row) => row.type === 'reference' && row.reference === name);
  if (linking.length > 0)
    throw new HttpError(
      409,
      message(ctx.lang, 'listLinked', {
        list: label,
        fields: linking.map((row) => `${row.resource}.${row.source}`).join(', '),
      }),
    );
  return fields
    .filter((row) => row.resource === name)
    .map((row) => ({ op: 'delete' as const, resource: 'customFields', row }));
}
