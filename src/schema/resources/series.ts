import { f } from '../fields';
import type { ResourceDef } from '../types';

export const series: ResourceDef = {
  name: 'series',
  label: { zh: '讲堂系列', en: 'Lecture series' },
  singular: { zh: '讲堂系列', en: 'Lecture series' },
  group: 'events',
  titleField: 'name',
  sort: { field: 'name', order: 'ASC' },
  writers: ['organiser'],
  fields: [
    f.text('name', '名称', 'Name', { required: true, maxLength: 100 }),
    f.text('host', '主办单位', 'Host', { maxLength: 200 }),
    f.number('startYear', '创办年份', 'Since', { min: 1950, max: 2100, integer: true }),
    f.longtext('description', '简介', 'Description'),
  ],
};
