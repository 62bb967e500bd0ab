import { f } from '../fields';
import type { ResourceDef } from '../types';

/** Where a guest's invitation may go: invited, then a reply, then the day itself. A check-in
 * can be undone (back to what the guest was before it), a decline reconsidered. Walk-ins are created checked in. */
export const INVITATION_MOVES: Record<string, string[]> = {
  // whoever turns up at the door is checked in, replied or not
  toInvite: ['invited', 'confirmed', 'declined', 'checkedIn'],
  invited: ['confirmed', 'declined', 'toInvite', 'checkedIn'],
  confirmed: ['checkedIn', 'absent', 'declined'],
  declined: ['confirmed', 'invited', 'checkedIn'],
  // undoing a check-in made by mistake puts back whatever it was
  checkedIn: ['confirmed', 'invited', 'toInvite', 'declined', 'absent'],
  absent: ['checkedIn', 'confirmed'],
};

/** Who counts as what, by invitation: one meaning for every count, list and sheet (the summit
 * page, the dashboard, the door, the sign-in sheet, the pick-ups). */
export const INVITATION_GROUPS = {
  /** sent an invitation, whatever the answer (已邀请) */
  invited: ['invited', 'confirmed', 'declined', 'checkedIn', 'absent'],
  /** said they would come, whether they came or not (已确认): the count the door works towards */
  confirmed: ['confirmed', 'checkedIn', 'absent'],
  /** said yes and not marked absent: whom the station and the door wait for */
  coming: ['confirmed', 'checkedIn'],
  /** may still turn up: on the sign-in sheet, met at the station; not declined, absent or never invited */
  expected: ['invited', 'confirmed', 'checkedIn'],
} as const satisfies Record<string, readonly string[]>;

export const inInvitationGroup = (group: keyof typeof INVITATION_GROUPS, invitation: unknown) =>
  (INVITATION_GROUPS[group] as readonly string[]).includes(String(invitation));

/** A driver is busy an hour either side of a pick-up: two pick-ups of one driver at different
 * stations closer than this overlap. */
export const PICKUP_WINDOW_MINUTES = 60;

export const attendees: ResourceDef = {
  name: 'attendees',
  label: { zh: '参会人员', en: 'Attendees' },
  singular: { zh: '参会人员', en: 'Attendee' },
  group: 'people',
  titleField: 'name',
  sort: { field: 'name', order: 'ASC' },
  writers: ['organiser'],
  // a date without a year (5月24日) is in the year of the guest's summit
  yearFrom: { reference: 'summitId', field: 'startsOn' },
  importKeys: [
    ['summitId', 'phone'],
    ['summitId', 'name'],
  ],
  fields: [
    f.ref('summitId', '峰会', 'Summit', 'summits', { required: true }),
    f.text('name', '姓名', 'Name', {
      required: true,
      maxLength: 40,
      personName: true,
      aliases: ['名字', '嘉宾姓名', '专家姓名', 'full name'],
    }),
    f.ref('organizationId', '单位', 'Organization', 'organizations', {
      aliases: ['工作单位', '所在单位', '单位名称', 'organisation', 'company', 'affiliation'],
    }),
    // how an invitation addresses the guest: 尊敬的张三院士
    f.text('salutation', '称谓', 'Salutation', {
      maxLength: 10,
      list: false,
      aliases: ['称呼', '尊称'],
      help: { zh: '如 院士、教授、先生、女士', en: 'e.g. Prof., Dr., Mr., Ms.' },
    }),
    f.text('title', '职务/职称', 'Title', {
      maxLength: 100,
      aliases: ['职务', '职称', '头衔', 'position', 'job title'],
    }),
    f.enum('role', '身份', 'Role', 'attendeeRole', {
      required: true,
      default: 'guest',
      aliases: ['类别', '嘉宾类别', 'type'],
    }),
    f.phone('phone', '手机', 'Phone', {
      personal: true,
      aliases: ['手机号', '手机号码', '联系电话', '联系方式', '电话', 'mobile', 'tel'],
    }),
    f.email('email', '邮箱', 'Email', {
      list: false,
      personal: true,
      aliases: ['电子邮箱', '电子邮件', 'e-mail', 'mail'],
    }),
    // set by the outbox when a mail server refused the address for good (550 no such user)
    f.boolean('emailBouncing', '邮箱退信', 'E-mail bounces', { list: false, default: false, resetWhen: 'email' }),
    f.enum('invitation', '邀请状态', 'Invitation', 'invitationStatus', {
      required: true,
      default: 'toInvite',
      aliases: ['邀请', '回复情况', '参会情况', '是否参会', '回执'],
      transitions: INVITATION_MOVES,
      stamps: {
        // the day the first invitation went (by mail, the day the outbox sent it)
        invited: { field: 'invitedOn', from: ['toInvite'] },
        // a reply is dated when it comes, not when a check-in is undone back to "confirmed"
        confirmed: { field: 'repliedOn', from: ['toInvite', 'invited'] },
        declined: { field: 'repliedOn', from: ['toInvite', 'invited'] },
        checkedIn: { field: 'checkedInAt', clear: true },
      },
    }),
    f.date('invitedOn', '邀请日期', 'Invited on', { list: false }),
    f.date('repliedOn', '回复日期', 'Replied on', { list: false }),
    // what the guest wrote on the reply page: why they decline, a wish
    f.text('replyNote', '回复留言', 'Reply note', { maxLength: 500, list: false }),
    f.datetime('arrivalAt', '抵达时间', 'Arrives at', {
      filter: true,
      aliases: ['到达时间', '到站时间', '报到时间', '抵达', '到达', 'arrival'],
    }),
    f.enum('arrivalMode', '交通方式', 'Travel mode', 'arrivalMode', { list: false, aliases: ['交通工具', '交通'] }),
    f.text('arrivalNumber', '车次/航班', 'Train/flight no.', {
      maxLength: 20,
      aliases: ['车次', '航班', '航班号', 'train', 'flight'],
    }),
    f.text('arrivalStation', '抵达站点', 'Station', {
      maxLength: 60,
      aliases: ['到达站点', '接站地点', '到站地点', '站点', '车站', '机场'],
    }),
    // a column headed 接站 is the driver when it holds names, needsPickup when it holds 是/否
    f.text('pickupBy', '接站人员', 'Picked up by', {
      maxLength: 40,
      personName: true,
      aliases: ['接站人', '接机人', '负责接站', '接站', '司机'],
    }),
    f.boolean('needsPickup', '是否接站', 'Needs pick-up', {
      list: false,
      aliases: ['需要接站', '是否需要接站', '需接站', '接站', '接送', '是否接送', 'pickup', 'needs pickup'],
    }),
    f.text('pickupCar', '接站车辆', 'Car', { maxLength: 20, list: false, aliases: ['车辆', '车牌', '车牌号'] }),
    f.datetime('departureAt', '返程时间', 'Departs at', {
      list: false,
      notBefore: 'arrivalAt',
      aliases: ['离开时间', '返程', 'departure'],
    }),
    // the number of the train or flight home, for the drive to the station (送站)
    f.text('departureNumber', '返程车次/航班', 'Return train/flight', {
      maxLength: 20,
      list: false,
      aliases: ['返程车次', '返程航班', '离开车次', 'return flight'],
    }),
    f.text('hotel', '酒店', 'Hotel', { maxLength: 60, aliases: ['住宿', '住宿酒店', '入住酒店', '宾馆'] }),
    f.number('nights', '住宿天数', 'Nights', {
      integer: true,
      min: 0,
      max: 60,
      list: false,
      aliases: ['住宿', '住宿晚数', '入住天数', '住几晚', 'nights'],
    }),
    f.text('room', '房间号', 'Room', { maxLength: 20, list: false, aliases: ['房间', '房号'] }),
    f.text('seat', '座位', 'Seat', { maxLength: 20, list: false }),
    f.boolean('certificate', '荣誉证书', 'Certificate', { list: false, default: false, aliases: ['证书'] }),
    f.text('certificateName', '证书姓名', 'Name on certificate', { maxLength: 40, list: false }),
    f.text('honour', '荣誉称号', 'Honour', { maxLength: 100, list: false, aliases: ['称号', '荣誉'] }),
    f.boolean('handwritten', '手写姓名', 'Handwritten name', { list: false, default: false }),
    f.boolean('certificatePrinted', '证书已打印', 'Certificate printed', { list: false, default: false }),
    f.boolean('certificateDelivered', '证书已送达', 'Certificate delivered', { list: false, default: false }),
    f.datetime('checkedInAt', '签到时间', 'Checked in at', { list: false }),
    // what the QR code on the guest's badge and table card holds (not their reply link's token:
    // leaking one opens nothing of the other); made by the server (src/server/checkin)
    f.text('checkInCode', '签到码', 'Check-in code', { maxLength: 12, list: false, filter: 'exact', personal: true }),
    f.text('diet', '饮食', 'Diet', {
      maxLength: 60,
      list: false,
      aliases: ['饮食禁忌', '饮食要求', '饮食习惯', '餐饮', '忌口', 'dietary needs'],
    }),
    f.text('companions', '随行人员', 'Companions', {
      maxLength: 200,
      list: false,
      aliases: ['随行', '陪同人员', '随员', '随行人数', 'accompanying'],
    }),
    f.longtext('note', '备注', 'Note', { aliases: ['说明', 'remarks', 'comment'] }),
  ],
};
