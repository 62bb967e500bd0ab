import type { FieldDef, FieldType } from './types';

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

export const f = {
  text: field('text'),
  longtext: (source: string, zh: string, en: string, options: Options = {}) =>
    field('longtext')(source, zh, en, { list: false, maxLength: 5000, ...options }),
  number: field('number'),
  money: (source: string, zh: string, en: string, options: Options = {}) =>
    field('money')(source, zh, en, { min: 0, ...options }),
  date: field('date'),
  datetime: field('datetime'),
  boolean: field('boolean'),
  phone: field('phone'),
  email: field('email'),
  enum: (source: string, zh: string, en: string, enumName: string, options: Options = {}) =>
    field('enum')(source, zh, en, { enum: enumName, filter: true, ...options }),
  ref: (source: string, zh: string, en: string, reference: string, options: Options = {}) =>
    field('reference')(source, zh, en, { reference, filter: true, ...options }),
};
