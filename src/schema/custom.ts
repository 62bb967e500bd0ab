import { enums } from './enums';
import { f } from './fields';
import { valueFromText } from './fromText';
import { resourceByName, resources } from './index';
import type { Reason } from './messages';
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
/** Resources admins may not extend: the schema's own lists and the audit trail. */
export const NOT_EXTENSIBLE = new Set(['customFields', 'customResources', 'audit']);
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
export function parseOptions(text: string | null | undefined): { options: EnumOption[] } | { reason: Reason } {
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
  const [zh, en] = [row.labelZh, row.labelEn || row.labelZh];
  const help = row.helpText ? { zh: row.helpText, en: row.helpText } : undefined;
  const options = { required: !!row.required, help, filter: row.type !== 'longtext' };
  const type = row.type as FieldType;
  let field: FieldDef;
  if (type === 'enum') field = f.enum(row.source, zh, en, customEnumName(row.resource, row.source), options);
  else if (type === 'reference') field = f.ref(row.source, zh, en, row.reference ?? '', options);
  else if (type === 'phone' || type === 'email') field = f[type](row.source, zh, en, { ...options, personal: true });
  else field = f[type as 'text'](row.source, zh, en, options);
  if (type === 'longtext') field.list = true;
  return field;
}

/** The default a row asks for, in stored form; null when there is none or it does not convert. */
export function defaultOf(field: FieldDef, row: CustomFieldRow): { value: unknown } | { reason: Reason } | null {
  if (row.defaultValue === null || row.defaultValue === undefined || row.defaultValue.trim() === '') return null;
  return valueFromText(field, row.defaultValue);
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
    readers: READERS[row.readAccess ?? 'everyone'] ?? [],
    writers: WRITERS[row.writeAccess ?? 'staff'] ?? [],
    fields,
    custom: true,
  };
}

/** Why a list's definition cannot be used, or null. Rows saved through the API always pass;
 * this guards against a hand-edited data file. */
export function customResourceProblem(row: CustomResourceRow): string | null {
  if (!CUSTOM_KEY.test(String(row.name))) return 'badKey';
  if (isBuiltInResource(row.name) || RESERVED.has(row.name) || inheritedName(row.name)) return 'reservedName';
  if (!row.labelZh) return 'required';
  return null;
}

export function customFieldProblem(row: CustomFieldRow, lists: Set<string>): string | null {
  if (!lists.has(row.resource) || NOT_EXTENSIBLE.has(row.resource)) return 'unknownResource';
  if (!CUSTOM_KEY.test(String(row.source))) return 'badKey';
  if (
    builtInFieldNames(row.resource).has(row.source) ||
    ['id', 'createdAt', 'updatedAt', 'version', 'passwordHash', 'q'].includes(row.source) ||
    inheritedName(row.source)
  )
    return 'taken';
  if (!CUSTOM_TYPES.has(row.type) || !row.labelZh) return 'required';
  if (row.type === 'enum' && 'reason' in parseOptions(row.options)) return 'noOptions';
  if (row.type === 'reference' && (!row.reference || !lists.has(row.reference) || NOT_EXTENSIBLE.has(row.reference)))
    return 'unknownResource';
  return null;
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

  const lists = new Set(base.resources.map((r) => r.name));
  const customLists: CustomResourceRow[] = [];
  const seen = new Set<string>();
  for (const row of rows.customResources ?? []) {
    const problem = customResourceProblem(row) ?? (seen.has(row.name) ? 'taken' : null);
    if (problem) skipped.push(`customResources/${row.id}: ${problem}`);
    else {
      seen.add(row.name);
      lists.add(row.name);
      customLists.push(row);
    }
  }
  const fieldsOf = new Map<string, FieldDef[]>();
  const taken = new Set<string>();
  for (const row of [...(rows.customFields ?? [])].sort(byPosition)) {
    const key = `${row.resource}.${row.source}`;
    const problem = customFieldProblem(row, lists) ?? (taken.has(key) ? 'taken' : null);
    if (problem) {
      skipped.push(`customFields/${row.id}: ${problem}`);
      continue;
    }
    taken.add(key);
    if (row.hidden) continue;
    const field = fieldFromRow(row);
    if (row.type === 'enum') enums[field.enum!] = (parseOptions(row.options) as { options: EnumOption[] }).options;
    const fallback = defaultOf(field, row);
    if (fallback && 'value' in fallback) field.default = fallback.value;
    fieldsOf.set(row.resource, [...(fieldsOf.get(row.resource) ?? []), field]);
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
