import { f } from '../fields';
import type { ResourceDef } from '../types';

/** Fields admins add to a resource without a developer (src/schema/custom.ts turns each row
 * into a field like the built-in ones). Hidden or deleted, a field's values stay stored. */
export const customFields: ResourceDef = {
  name: 'customFields',
  label: { zh: '自定义字段', en: 'Custom fields' },
  singular: { zh: '自定义字段', en: 'Custom field' },
  group: 'admin',
  titleField: 'labelZh',
  sort: { field: 'position', order: 'ASC' },
  writers: [],
  readers: [],
  // each definition is checked against the data one at a time
  noImport: true,
  fields: [
    f.enum('resource', '所属列表', 'List', 'listName', { required: true, immutable: true }),
    f.text('source', '字段键', 'Key', {
      required: true,
      maxLength: 40,
      immutable: true,
      filter: 'exact',
      help: {
        zh: '英文字母开头，如 dietaryNeeds；保存后不能修改',
        en: 'Starts with a letter, e.g. dietaryNeeds; fixed once saved',
      },
    }),
    f.text('labelZh', '中文名称', 'Chinese label', { required: true, maxLength: 40 }),
    f.text('labelEn', '英文名称', 'English label', { maxLength: 60 }),
    f.enum('type', '类型', 'Type', 'customFieldType', { required: true, default: 'text' }),
    f.longtext('options', '选项', 'Choices', {
      list: true,
      maxLength: 2000,
      shownWhen: { type: ['enum'] },
      help: {
        zh: '每行一个：“中文”或“中文 | English”',
        en: 'One per line: “中文” or “中文 | English”',
      },
    }),
    f.enum('reference', '关联到', 'Links to', 'listName', { shownWhen: { type: ['reference'] } }),
    f.boolean('required', '必填', 'Required', { default: false }),
    f.boolean('unique', '不可重复', 'Unique', {
      default: false,
      help: {
        zh: '两条记录不能相同；导入时按它匹配已有记录',
        en: 'No two records share it; imports match existing records by it',
      },
    }),
    f.text('defaultValue', '默认值', 'Default', { maxLength: 200 }),
    f.text('helpText', '填写说明', 'Help text', { maxLength: 200, list: false }),
    f.number('position', '顺序', 'Order', { integer: true, min: 0, max: 9999, default: 100 }),
    f.boolean('hidden', '隐藏', 'Hidden', {
      default: false,
      help: { zh: '隐藏后数据仍保留，取消隐藏即恢复', en: 'Values are kept and come back when shown again' },
    }),
  ],
};
