import { f } from '../fields';
import type { ResourceDef } from '../types';

/**
 * Who came to a session (a lecture, or a summit's forum, seminar or visit), when, at which
 * desk and how: one per guest per session, written by the desks' check-in route
 * (src/server/checkin), which keeps the first and tells a second desk when and where it was.
 */
export const checkins: ResourceDef = {
  name: 'checkins',
  label: { zh: '场次签到', en: 'Session check-ins' },
  singular: { zh: '签到', en: 'Check-in' },
  group: 'events',
  titleField: 'at',
  sort: { field: 'at', order: 'DESC' },
  // written by the desks' route; an admin may correct one by hand. Not read-only: a guest or a
  // session with check-ins is not deleted from under them (src/server/deletes.ts)
  writers: [],
  noImport: true,
  fields: [
    f.ref('lectureId', '场次', 'Session', 'lectures', { required: true }),
    f.ref('attendeeId', '参会人员', 'Attendee', 'attendees', { required: true }),
    f.datetime('at', '签到时间', 'Checked in at', { required: true, filter: true }),
    f.text('desk', '签到台', 'Desk', { maxLength: 20 }),
    f.enum('how', '方式', 'How', 'checkinHow', { required: true }),
    // after the start and its grace period, Beijing time
    f.boolean('late', '迟到', 'Late', { default: false }),
    // a 代会人 who came in the guest's place (their leave names them)
    f.text('substitute', '代会人', 'Substitute', { maxLength: 40, personName: true }),
    // the desk's own id for this scan: the same scan sent again is the same check-in
    f.text('requestId', '请求编号', 'Request id', { maxLength: 64, list: false }),
  ],
};
