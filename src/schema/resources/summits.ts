import { f } from '../fields';
import { placeholderList as placeholders } from '../invitation';

/** what a template may hold, as its help says it */
const templateHelp = {
  zh: `可填入：${placeholders.map((p) => `{${p.zh}}`).join(' ')}；留空用默认邀请函`,
  en: `May hold: ${placeholders.map((p) => `{${p.en}}`).join(' ')}; empty: the default invitation`,
};
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
    // the guests' replies (src/server/reply): taken until the end of this day, Beijing time
    f.date('replyBy', '回复截止日期', 'Reply by', { list: false }),
    f.number('remindDays', '截止前几天提醒', 'Remind days before', {
      integer: true,
      min: 1,
      max: 30,
      list: false,
      default: 3,
      help: {
        zh: '给未回复的嘉宾发提醒邮件；留空不提醒',
        en: 'A reminder to guests who have not answered; empty: none',
      },
    }),
    f.text('contact', '会务联系人', 'Contact', {
      maxLength: 100,
      list: false,
      help: { zh: '如 王老师 0579-87123456，写在邀请函和回复页上', en: 'Shown in invitations and on the reply page' },
    }),
    // the invitation's own wording; empty: Huiwu's (src/schema/invitation.ts)
    f.text('inviteSubject', '邀请函主题', 'Invitation subject (Chinese)', {
      list: false,
      placeholders,
      help: templateHelp,
    }),
    f.longtext('inviteBody', '邀请函正文', 'Invitation text (Chinese)', { placeholders, help: templateHelp }),
    f.text('inviteSubjectEn', '英文邀请函主题', 'Invitation subject (English)', {
      list: false,
      placeholders,
      help: templateHelp,
    }),
    f.longtext('inviteBodyEn', '英文邀请函正文', 'Invitation text (English)', { placeholders, help: templateHelp }),
  ],
};
