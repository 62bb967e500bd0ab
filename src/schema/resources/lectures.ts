import { f } from '../fields';
import type { ResourceDef } from '../types';

export const lectures: ResourceDef = {
  name: 'lectures',
  label: { zh: '讲座活动', en: 'Lectures' },
  singular: { zh: '讲座', en: 'Lecture' },
  group: 'events',
  titleField: 'title',
  sort: { field: 'startsAt', order: 'DESC' },
  writers: ['organiser'],
  fields: [
    f.text('title', '题目', 'Title', { required: true, maxLength: 200 }),
    f.enum('kind', '形式', 'Kind', 'lectureKind', { required: true, default: 'lecture' }),
    f.ref('seriesId', '所属系列', 'Series', 'series'),
    f.ref('summitId', '所属峰会', 'Summit', 'summits'),
    f.text('speaker', '主讲人', 'Speaker', { maxLength: 40 }),
    f.text('speakerTitle', '主讲人职称', 'Speaker title', { maxLength: 100, list: false }),
    f.ref('speakerOrgId', '主讲人单位', 'Speaker organization', 'organizations', { filter: false }),
    f.datetime('startsAt', '开始时间', 'Starts at', { required: true, filter: true }),
    f.datetime('endsAt', '结束时间', 'Ends at', { list: false, notBefore: 'startsAt' }),
    // the check-in window (src/schema/checkinWindow.ts): empty opens an hour before the start
    // and closes at the end (or three hours after the start)
    f.datetime('checkInOpens', '签到开始', 'Check-in opens', { list: false }),
    f.number('graceMinutes', '迟到宽限（分钟）', 'Grace (minutes)', {
      integer: true,
      min: 0,
      max: 240,
      default: 10,
      list: false,
      help: { zh: '开始后多少分钟内签到不算迟到', en: 'Check-ins this long after the start are on time' },
    }),
    f.datetime('checkInCloses', '签到截止', 'Check-in closes', { list: false, notBefore: 'startsAt' }),
    f.text('venue', '地点', 'Venue', { maxLength: 100 }),
    f.enum('industry', '领域', 'Industry', 'industry', { list: false }),
    f.number('audience', '听众人数', 'Audience', { min: 0, max: 100000, integer: true }),
    f.longtext('abstract', '内容摘要', 'Abstract'),
  ],
};
