import type { FieldDef, ResourceDef } from '../../schema';

/** A column's width until the user drags it, by what its cells hold. */
const BY_TYPE: Partial<Record<FieldDef['type'], number>> = {
  date: 130,
  datetime: 170,
  boolean: 90,
  number: 100,
  money: 140,
  longtext: 240,
  reference: 200,
};

/** The text that names a record (a summit's 名称, an agreement's 项目名称) is what people scan a
 * list for, and runs to 15–20 characters: it gets the room to be read whole. A person's name
 * (a guest's 姓名) is short. */
const TITLE = 300;

export const defaultColumnWidth = (resource: ResourceDef, field: FieldDef) =>
  field.source === resource.titleField && field.type === 'text' && !field.personName
    ? TITLE
    : (BY_TYPE[field.type] ?? 140);
