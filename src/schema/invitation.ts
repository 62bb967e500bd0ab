import type { Label, Lang } from './types';

/** The store's list of the keys to the guests' reply pages (src/server/reply/tokens.ts): never
 * served as records. */
export const REPLY_KEYS_LIST = 'replyKeys';

/**
 * What an invitation's subject and body may hold in braces, filled for each guest when it is
 * sent (src/server/mail/templates.ts): `{姓名}` or `{name}`, in a Chinese or an English template
 * alike. A summit's own templates are checked against this list when saved.
 */
export const INVITATION_PLACEHOLDERS = {
  name: { zh: '姓名', en: 'name' },
  salutation: { zh: '称谓', en: 'salutation' },
  summit: { zh: '峰会', en: 'summit' },
  dates: { zh: '日期', en: 'dates' },
  venue: { zh: '地点', en: 'venue' },
  link: { zh: '回复链接', en: 'link' },
  deadline: { zh: '回复截止', en: 'deadline' },
  contact: { zh: '联系人', en: 'contact' },
  host: { zh: '主办单位', en: 'host' },
} as const satisfies Record<string, Label>;

export type Placeholder = keyof typeof INVITATION_PLACEHOLDERS;

export const placeholderList: Label[] = Object.values(INVITATION_PLACEHOLDERS);

/** The invitation sent while a summit has no template of its own (and shown as the example). */
export const DEFAULT_INVITATION: Record<Lang, { subject: string; body: string }> = {
  zh: {
    subject: '邀请函：{峰会}',
    body: [
      '尊敬的{姓名}{称谓}：',
      '',
      '　　兹定于{日期}举办{峰会}，诚邀您拨冗出席。',
      '　　会议地点：{地点}',
      '',
      '　　请于{回复截止}前点击下面的链接回复是否参加，并告知行程，以便安排接站和住宿：',
      '　　{回复链接}',
      '',
      '　　会务联系人：{联系人}',
      '',
      '{主办单位}',
    ].join('\n'),
  },
  en: {
    subject: 'Invitation: {summit}',
    body: [
      'Dear {salutation} {name},',
      '',
      'We have the honour to invite you to {summit}, {dates}.',
      'Venue: {venue}',
      '',
      'Please reply by {deadline} through your personal page, and tell us how you will travel so that we can meet you and book your room:',
      '{link}',
      '',
      'Contact: {contact}',
      '',
      '{host}',
    ].join('\n'),
  },
};

/** The last day a guest may answer (Beijing time, to its end): the summit's reply deadline, or
 * its first day when it has none. */
export const replyDeadline = (summit: Record<string, unknown>): string =>
  String(summit.replyBy ?? summit.startsOn ?? '');
