import { f } from '../fields';
import type { ResourceDef } from '../types';

export const attendees: ResourceDef = {
  name: 'attendees',
  label: { zh: '参会人员', en: 'Attendees' },
  singular: { zh: '参会人员', en: 'Attendee' },
  group: 'people',
  titleField: 'name',
  sort: { field: 'name', order: 'ASC' },
  fields: [
    f.ref('summitId', '峰会', 'Summit', 'summits', { required: true }),
    f.text('name', '姓名', 'Name', { required: true, maxLength: 40 }),
    f.ref('organizationId', '单位', 'Organization', 'organizations'),
    f.text('title', '职务/职称', 'Title', { maxLength: 100 }),
    f.enum('role', '身份', 'Role', 'attendeeRole', { required: true, default: 'guest' }),
    f.phone('phone', '手机', 'Phone'),
    f.email('email', '邮箱', 'Email', { list: false }),
    f.enum('invitation', '邀请状态', 'Invitation', 'invitationStatus', { required: true, default: 'toInvite' }),
    f.date('repliedOn', '回复日期', 'Replied on', { list: false }),
    f.datetime('arrivalAt', '抵达时间', 'Arrives at', { filter: true }),
    f.enum('arrivalMode', '交通方式', 'Travel mode', 'arrivalMode', { list: false }),
    f.text('arrivalNumber', '车次/航班', 'Train/flight no.', { maxLength: 20 }),
    f.text('arrivalStation', '抵达站点', 'Station', { maxLength: 60 }),
    f.text('pickupBy', '接站人员', 'Picked up by', { maxLength: 40 }),
    f.datetime('departureAt', '返程时间', 'Departs at', { list: false, notBefore: 'arrivalAt' }),
    f.text('hotel', '酒店', 'Hotel', { maxLength: 60 }),
    f.text('room', '房间号', 'Room', { maxLength: 20, list: false }),
    f.text('seat', '座位', 'Seat', { maxLength: 20, list: false }),
    f.boolean('certificate', '荣誉证书', 'Certificate', { list: false, default: false }),
    f.datetime('checkedInAt', '签到时间', 'Checked in at', { list: false }),
    f.longtext('note', '备注', 'Note'),
  ],
};
