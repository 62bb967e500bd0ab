import { f } from '../fields';
import type { ResourceDef } from '../types';

/** Whole lists admins add (technology needs, say): each gets a menu entry, grid, forms,
 * import and export, roles and audit from its definition and its custom fields. */
export const customResources: ResourceDef = {
  name: 'customResources',
  label: { zh: '自定义列表', en: 'Custom lists' },
  singular: { zh: '自定义列表', en: 'Custom list' },
  group: 'admin',
  titleField: 'labelZh',
  sort: { field: 'name', order: 'ASC' },
  writers: [],
  readers: [],
  // each definition is checked against the data one at a time
  noImport: true,
  fields: [
    f.text('name', '列表键', 'Key', {
      required: true,
      maxLength: 40,
      immutable: true,
      unique: true,
      help: {
        zh: '英文字母开头，如 techNeeds；保存后不能修改',
        en: 'Starts with a letter, e.g. techNeeds; fixed once saved',
      },
    }),
    f.text('labelZh', '中文名称', 'Chinese name', { required: true, maxLength: 40 }),
    f.text('labelEn', '英文名称', 'English name', { maxLength: 60 }),
    f.enum('group', '菜单分组', 'Menu group', 'menuGroup', { required: true, default: 'projects' }),
    f.enum('readAccess', '谁可以查看', 'Who reads', 'readAccess', { required: true, default: 'everyone' }),
    f.enum('writeAccess', '谁可以修改', 'Who writes', 'writeAccess', { required: true, default: 'staff' }),
    f.text('titleField', '名称字段', 'Naming field', {
      maxLength: 40,
      help: {
        zh: '用哪个字段的键来称呼一条记录；留空则用第一个文字字段',
        en: 'The key of the field that names a record; empty: the first text field',
      },
    }),
    f.boolean('hidden', '隐藏', 'Hidden', {
      default: false,
      help: { zh: '隐藏后记录仍保留，取消隐藏即恢复', en: 'Records are kept and come back when shown again' },
    }),
  ],
};
