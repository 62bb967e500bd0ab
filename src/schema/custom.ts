import { enums } from './enums';
import { f } from './fields';
import { optionFor, valueFromText } from './fromText';
import { NOT_EXTENSIBLE, resourceByName, resources, systemFields } from './index';
import type { Reason } from './messages';
import { REPLY_KEYS_LIST } from './invitation';
import { SETTINGS_LIST } from './mailSettings';
import { PREFERENCES_LIST } from './preferences';
import { convertValue, type Reasons } from './validate';
import type { EnumOption, FieldDef, FieldType, MenuGroup, ResourceDef, Role } from './types';

/**
 * What admins add to the schema, stored with the data as rows of `customResources` and
 * `customFields`, and turned here into resources and fields of the same shape as the built-in
 * ones: the server's validation, the grid, the forms, import and export then read one schema.
 * The server and the app both call `applyCustomSchema` with the same rows.
 */

export interface CustomFieldRow {
  id: number | string;
  resource: string;
  source: string;
  labelZh: string;
  labelEn?: string | null;
  type: string;
  options?: string | null;
  reference?: string | null;
  required?: boolean | null;
  defaultValue?: string | null;
  helpText?: string | null;
  unique?: boolean | null;
  position?: number | null;
  hidden?: boolean | null;
}

export interface CustomResourceRow {
  id: number | string;
  name: string;
  labelZh: string;
  labelEn?: string | null;
  group?: string | null;
  readAccess?: string | null;
  writeAccess?: string | null;
  titleField?: string | null;
  hidden?: boolean | null;
}

export interface CustomRows {
  customResources: CustomResourceRow[];
  customFields: CustomFieldRow[];
}

/** Keys of fields and lists: a letter, then letters and digits (they are JSON keys and URLs). */
export const CUSTOM_KEY = /^[a-zA-Z][a-zA-Z0-9]{1,39}$/;
/** Names a new list may not take: the API's own routes. */
const RESERVED = new Set([
  'auth',
  'schema',
  'import',
  'aggregate',
  'pickups',
  'api',
  'login',
  'password',
  'calendar',
  'db',
  PREFERENCES_LIST,
  SETTINGS_LIST,
  REPLY_KEYS_LIST,
]);
/** Names every JavaScript object already has (`constructor`, `toString`): as a key of the
 * store or of a record they would read the inherited one. */
export const inheritedName = (name: string) => name in Object.prototype;
const CUSTOM_TYPES = new Set<string>(enums.customFieldType.map((o) => o.id));

const READERS: Record<string, Role[] | undefined> = {
  everyone: undefined,
  staff: ['organiser', 'official'],
  admins: [],
};
const WRITERS: Record<string, Role[]> = {
  staff: ['organiser', 'official'],
  organisers: ['organiser'],
  officials: ['official'],
  admins: [],
};

// The built-in schema as the code declares it, kept to rebuild from on every change.
let builtIn: { resources: ResourceDef[]; fields: Map<string, FieldDef[]> } | null = null;
const builtInSchema = () =>
  (builtIn ??= { resources: resources.slice(), fields: new Map(resources.map((r) => [r.name, r.fields.slice()])) });

export const isBuiltInResource = (name: string) => builtInSchema().fields.has(name);
export const builtInFieldNames = (resource: string) =>
  new Set((builtInSchema().fields.get(resource) ?? []).map((field) => field.source));

export const customEnumName = (resource: string, source: string) => `custom.${resource}.${source}`;

/** A choice's options, one per line: "中文" or "中文 | English"; the Chinese label is the stored value. */
export function parseOptions(text: unknown): { options: EnumOption[] } | { reason: Reason } {
  const lines = String(text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { reason: { code: 'noOptions' } };
  const options: EnumOption[] = [];
  for (const line of lines) {
    const [zh, en] = line.split(/\s*[|｜]\s*/);
    if (options.some((o) => o.id === zh)) return { reason: { code: 'repeatedOption', option: zh } };
    options.push({ id: zh, label: { zh, en: en || zh } });
  }
  return { options };
}

/** The field a row describes, built with the same constructors as the built-in fields. */
export function fieldFromRow(row: CustomFieldRow): FieldDef {
  const [zh, en] = [String(row.labelZh), String(row.labelEn || row.labelZh)];
  const help = row.helpText ? { zh: String(row.helpText), en: String(row.helpText) } : undefined;
  const options = { required: !!row.required, unique: !!row.unique, help, filter: row.type !== 'longtext' };
  const type = row.type as FieldType;
  let field: FieldDef;
  if (type === 'enum') field = f.enum(row.source, zh, en, customEnumName(row.resource, row.source), options);
  else if (type === 'reference') field = f.ref(row.source, zh, en, row.reference ?? '', options);
  else if (type === 'phone' || type === 'email') field = f[type](row.source, zh, en, { ...options, personal: true });
  else field = f[type as 'text'](row.source, zh, en, options);
  if (type === 'longtext') field.list = true;
  return field;
}

/**
 * A value in the stored form of a field a row describes: kept when valid, else read from its
 * text ("12" as a number, "是" as yes, a choice by its label in either language). The choices
 * are passed in: the row's, not whatever the live schema holds.
 */
export function valueForRow(
  field: FieldDef,
  options: EnumOption[],
  raw: unknown,
): { value: unknown } | { reason: Reason } {
  if (field.type === 'enum') {
    const option = optionFor(options, String(raw));
    return option
      ? { value: option.id }
      : { reason: { code: 'badOption', options: options.map((o) => o.id).join(', ') } };
  }
  const kept = convertValue(field, raw);
  return 'value' in kept ? kept : valueFromText(field, String(raw));
}

/** The default a row asks for, in stored form; null when it asks for none. */
export function defaultOf(field: FieldDef, row: CustomFieldRow, options: EnumOption[] = []) {
  const text = String(row.defaultValue ?? '').trim();
  return text === '' ? null : valueForRow(field, options, text);
}

/** Whether a key is the system's on this resource: a built-in field, a system field, a named
 * filter (?filter={"overdue":true}), or a name every JavaScript object inherits. */
function keyTaken(resource: string, source: string) {
  const lower = source.toLowerCase();
  const builtIns = [...builtInFieldNames(resource), ...Object.keys(resourceByName[resource]?.namedFilters ?? {})];
  return (
    builtIns.some((name) => name.toLowerCase() === lower) ||
    [...systemFields, 'passwordHash'].some((name) => name.toLowerCase() === lower) ||
    inheritedName(source)
  );
}

/**
 * Why a field's definition cannot be used, per field of the definition; empty when it can.
 * The server refuses such a write with these reasons; the schema skips such a row (a
 * hand-edited data file). `lists`: every list, hidden ones too; `visible`: those in use.
 */
export function customFieldReasons(
  row: CustomFieldRow,
  lists: { all: Set<string>; visible: Set<string> },
  others: CustomFieldRow[],
): Reasons {
  const reasons: Reasons = {};
  const source = String(row.source ?? '');
  if (!lists.all.has(row.resource) || NOT_EXTENSIBLE.has(row.resource)) reasons.resource = { code: 'unknownResource' };
  if (!CUSTOM_KEY.test(source)) reasons.source = { code: 'badKey' };
  else if (keyTaken(row.resource, source)) reasons.source = { code: 'reservedName' };
  else if (
    others.some(
      (other) =>
        String(other.id) !== String(row.id) &&
        other.resource === row.resource &&
        String(other.source).toLowerCase() === source.toLowerCase(),
    )
  )
    reasons.source = { code: 'taken' };
  if (!CUSTOM_TYPES.has(row.type)) reasons.type = { code: 'required' };
  if (!row.labelZh) reasons.labelZh = { code: 'required' };
  let options: EnumOption[] = [];
  if (row.type === 'enum') {
    const parsed = parseOptions(row.options);
    if ('reason' in parsed) reasons.options = parsed.reason;
    else options = parsed.options;
  }
  if (row.type === 'reference') {
    if (!row.reference) reasons.reference = { code: 'required' };
    else if (!lists.visible.has(row.reference) || NOT_EXTENSIBLE.has(row.reference))
      reasons.reference = { code: 'unknownResource' };
  }
  if (Object.keys(reasons).length === 0) {
    const fallback = defaultOf(fieldFromRow(row), row, options);
    if (fallback && 'reason' in fallback) reasons.defaultValue = fallback.reason;
  }
  return reasons;
}

/** Why a list's definition cannot be used, per field; empty when it can. Names are compared
 * without case: json-server routes /Users to /users. */
export function customResourceReasons(row: CustomResourceRow, others: CustomResourceRow[]): Reasons {
  const reasons: Reasons = {};
  const name = String(row.name ?? '');
  const lower = name.toLowerCase();
  const used = [...builtInSchema().fields.keys(), ...RESERVED].map((n) => n.toLowerCase());
  if (!CUSTOM_KEY.test(name)) reasons.name = { code: 'badKey' };
  else if (used.includes(lower) || inheritedName(name)) reasons.name = { code: 'reservedName' };
  else if (others.some((other) => String(other.id) !== String(row.id) && String(other.name).toLowerCase() === lower))
    reasons.name = { code: 'taken' };
  if (!row.labelZh) reasons.labelZh = { code: 'required' };
  return reasons;
}

function resourceFromRow(row: CustomResourceRow, fields: FieldDef[]): ResourceDef {
  const named =
    fields.find((field) => field.source === row.titleField) ?? fields.find((field) => field.type === 'text');
  return {
    name: row.name,
    label: { zh: row.labelZh, en: row.labelEn || row.labelZh },
    singular: { zh: row.labelZh, en: row.labelEn || row.labelZh },
    group: (enums.menuGroup.some((o) => o.id === row.group) ? row.group : 'projects') as MenuGroup,
    titleField: named?.source ?? 'id',
    sort: { field: 'id', order: 'DESC' },
    // `everyone` is no list of roles (undefined: every role reads); an unknown word, admins only
    readers: Object.hasOwn(READERS, row.readAccess ?? 'everyone') ? READERS[row.readAccess ?? 'everyone'] : [],
    writers: Object.hasOwn(WRITERS, row.writeAccess ?? 'staff') ? WRITERS[row.writeAccess ?? 'staff'] : [],
    fields,
    custom: true,
  };
}

let generation = 0;
/** Counts schema changes: caches that depend on the fields compare it. */
export const schemaGeneration = () => generation;

const byPosition = (a: CustomFieldRow, b: CustomFieldRow) =>
  (a.position ?? 100) - (b.position ?? 100) || Number(a.id) - Number(b.id);

/**
 * Rebuilds the live schema (`resources`, `resourceByName`, `enums`) from the built-in one plus
 * these rows. Hidden lists and fields are left out (their values stay stored). A row that does
 * not make sense is skipped and reported, never thrown: a broken definition must not stop the
 * server or the app.
 */
export function applyCustomSchema(rows: Partial<CustomRows>): { skipped: string[] } {
  const base = builtInSchema();
  const skipped: string[] = [];
  for (const name of Object.keys(enums)) if (name.startsWith('custom.')) delete enums[name];
  for (const resource of base.resources) resource.fields = base.fields.get(resource.name)!.slice();
  for (const name of Object.keys(resourceByName)) if (!isBuiltInResource(name)) delete resourceByName[name];
  // only objects count as rows, whatever a hand-edited file holds
  const rowsOf = <T>(list: unknown) =>
    (Array.isArray(list) ? list : []).filter((row): row is T => !!row && typeof row === 'object');

  const customLists: CustomResourceRow[] = [];
  for (const row of rowsOf<CustomResourceRow>(rows.customResources)) {
    const reasons = customResourceReasons(row, customLists);
    if (Object.keys(reasons).length > 0) skipped.push(`customResources/${row.id}: ${Object.keys(reasons)}`);
    else customLists.push(row);
  }
  const builtInNames = base.resources.map((r) => r.name);
  const lists = {
    all: new Set([...builtInNames, ...customLists.map((row) => row.name)]),
    visible: new Set([...builtInNames, ...customLists.filter((row) => !row.hidden).map((row) => row.name)]),
  };
  const fieldsOf = new Map<string, FieldDef[]>();
  const accepted: CustomFieldRow[] = [];
  for (const row of rowsOf<CustomFieldRow>(rows.customFields).sort(byPosition)) {
    try {
      const reasons = customFieldReasons(row, lists, accepted);
      if (Object.keys(reasons).length > 0) {
        skipped.push(`customFields/${row.id}: ${Object.keys(reasons)}`);
        continue;
      }
      accepted.push(row);
      if (row.hidden) continue;
      const field = fieldFromRow(row);
      const options = row.type === 'enum' ? (parseOptions(row.options) as { options: EnumOption[] }).options : [];
      if (field.enum) enums[field.enum] = options;
      const fallback = defaultOf(field, row, options);
      if (fallback && 'value' in fallback) field.default = fallback.value;
      fieldsOf.set(row.resource, [...(fieldsOf.get(row.resource) ?? []), field]);
    } catch (error) {
      skipped.push(`customFields/${row.id}: ${(error as Error).message}`);
    }
  }

  const added = customLists
    .filter((row) => !row.hidden)
    .map((row) => resourceFromRow(row, fieldsOf.get(row.name) ?? []));
  for (const resource of base.resources) resource.fields.push(...(fieldsOf.get(resource.name) ?? []));
  // custom lists sit in the menu after the built-in ones of their group, before the administration
  const adminAt = base.resources.findIndex((r) => r.group === 'admin');
  resources.splice(
    0,
    resources.length,
    ...base.resources.slice(0, adminAt),
    ...added,
    ...base.resources.slice(adminAt),
  );
  for (const resource of added) resourceByName[resource.name] = resource;
  // the lists admins may add fields to or link to
  enums.listName = resources.filter((r) => !NOT_EXTENSIBLE.has(r.name)).map((r) => ({ id: r.name, label: r.label }));
  // every list, hidden ones too, so the audit trail can still name them
  enums.resourceName = [
    ...resources.map((r) => ({ id: r.name, label: r.label })),
    ...customLists
      .filter((row) => row.hidden)
      .map((row) => ({ id: row.name, label: { zh: row.labelZh, en: row.labelEn || row.labelZh } })),
  ];
  generation += 1;
  if (skipped.length > 0) console.warn(`custom schema: skipped ${skipped.join('; ')}`);
  return { skipped };
}
