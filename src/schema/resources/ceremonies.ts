import { f } from '../fields';
import type { ResourceDef } from '../types';

export const ceremonies: ResourceDef = {
  name: 'ceremonies',
  label: { zh: '签约仪式', en: 'Signing ceremonies' },
  singular: { zh: '签约仪式', en: 'Signing ceremony' },
  group: 'events',
  titleField: 'title',
  sort: { field: 'heldOn', order: 'DESC' },
  writers: ['organiser'],
  fields: [
    f.text('title', '名称', 'Title', { required: true, maxLength: 200 }),
    f.ref('summitId', '所属峰会', 'Summit', 'summits'),
    f.date('heldOn', '举行日期', 'Held on', { required: true, filter: true }),
    f.text('venue', '地点', 'Venue', { maxLength: 100 }),
    f.text('host', '主持/主办', 'Host', { maxLength: 200 }),
    f.longtext('note', '备注', 'Note'),
  ],
};
