import { f } from '../fields';
import type { ResourceDef } from '../types';

/** A guest excused from a session (请假), before it, and who comes in their place (代会人). */
export const leaves: ResourceDef = {
  name: 'leaves',
  label: { zh: '请假与代会', en: 'Leaves' },
  singular: { zh: '请假', en: 'Leave' },
  group: 'events',
  titleField: 'reason',
  sort: { field: 'id', order: 'DESC' },
  writers: ['organiser'],
  importKeys: [['lectureId', 'attendeeId']],
  fields: [
    f.ref('lectureId', '场次', 'Session', 'lectures', { required: true }),
    f.ref('attendeeId', '参会人员', 'Attendee', 'attendees', { required: true }),
    f.text('reason', '请假事由', 'Reason', { required: true, maxLength: 200 }),
    f.text('approvedBy', '批准人', 'Approved by', { maxLength: 40, personName: true }),
    f.text('substituteName', '代会人', 'Substitute', { maxLength: 40, personName: true }),
    f.text('substituteOrg', '代会人单位', 'Substitute’s organization', { maxLength: 100 }),
  ],
};
