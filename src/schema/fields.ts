import type { FieldDef, FieldType, ResourceDef } from './types';

export const getField = (resource: ResourceDef, source: string): FieldDef | undefined =>
  resource.fields.find((field) => field.source === source);

/** One-line field constructors: f.text('name', '姓名', 'Name', { required: true }). */
type Options = Partial<Omit<FieldDef, 'source' | 'type' | 'label'>>;

const field =
  (type: FieldType) =>
  (source: string, zh: string, en: string, options: Options = {}): FieldDef => ({
    source,
    type,
    label: { zh, en },
    ...options,
  });

/** Defaults that keep every text bounded; a field's own options override them. */
const withDefaults =
  (type: FieldType, defaults: Options) =>
  (source: string, zh: string, en: string, options: Options = {}): FieldDef =>
    field(type)(source, zh, en, { ...defaults, ...options });

export const f = {
  text: withDefaults('text', { maxLength: 200 }),
  longtext: withDefaults('longtext', { list: false, maxLength: 5000 }),
  number: field('number'),
  money: withDefaults('money', { min: 0 }),
  date: field('date'),
  datetime: field('datetime'),
  boolean: field('boolean'),
  password: withDefaults('password', { list: false, maxLength: 200 }),
  json: withDefaults('json', { list: false }),
  phone: withDefaults('phone', { maxLength: 30 }),
  email: withDefaults('email', { maxLength: 100 }),
  enum: (source: string, zh: string, en: string, enumName: string, options: Options = {}) =>
    field('enum')(source, zh, en, { enum: enumName, filter: true, ...options }),
  ref: (source: string, zh: string, en: string, reference: string, options: Options = {}) =>
    field('reference')(source, zh, en, { reference, filter: true, ...options }),
};
