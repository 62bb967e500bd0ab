import { f } from '../fields';
import type { ResourceDef } from '../types';

export const summits: ResourceDef = {
  name: 'summits',
  label: { zh: '峰会论坛', en: 'Summits' },
  singular: { zh: '峰会', en: 'Summit' },
  group: 'events',
  titleField: 'name',
  sort: { field: 'startsOn', order: 'DESC' },
  writers: ['organiser'],
  fields: [
    f.text('name', '名称', 'Name', { required: true, maxLength: 100 }),
    f.enum('kind', '类型', 'Kind', 'summitKind', { required: true, default: 'summit' }),
    f.text('theme', '主题', 'Theme', { maxLength: 200, list: false }),
    f.date('startsOn', '开始日期', 'Starts on', { required: true, filter: true }),
    f.date('endsOn', '结束日期', 'Ends on', { required: true, notBefore: 'startsOn' }),
    f.text('city', '城市', 'City', { maxLength: 40 }),
    f.text('venue', '会场', 'Venue', { maxLength: 100 }),
    f.text('host', '主办单位', 'Host', { maxLength: 200, list: false }),
    f.enum('status', '状态', 'Status', 'summitStatus', { required: true, default: 'planning' }),
    f.longtext('description', '简介', 'Description'),
  ],
};
