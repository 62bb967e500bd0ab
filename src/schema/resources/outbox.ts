import { f } from '../fields';
import type { ResourceDef } from '../types';

/** A mail still on its way: not sent, failed or cancelled. Invited again or sent again, a guest
 * with one of these gets no second. */
export const PENDING_MAIL = ['queued', 'sending', 'retrying'];

/**
 * Every mail Huiwu sends, as a record: queued by the server (an invitation, a reminder, a test),
 * sent by the outbox worker in the background (src/server/mail/outbox.ts), which keeps here
 * what became of it. Organisers read it per summit and send a failed mail again; nobody edits
 * one.
 */
export const outbox: ResourceDef = {
  name: 'outbox',
  label: { zh: '发件箱', en: 'Outbox' },
  singular: { zh: '邮件', en: 'Mail' },
  group: 'events',
  titleField: 'subject',
  sort: { field: 'queuedAt', order: 'DESC' },
  writers: [],
  readers: ['organiser'],
  readOnly: true,
  fields: [
    f.ref('summitId', '峰会', 'Summit', 'summits'),
    f.ref('attendeeId', '参会人员', 'Attendee', 'attendees'),
    f.enum('kind', '类型', 'Kind', 'mailKind', { required: true }),
    f.email('to', '收件人', 'To', { required: true, personal: true }),
    f.text('subject', '主题', 'Subject', { required: true, maxLength: 200 }),
    f.longtext('body', '正文', 'Body', { required: true, maxLength: 20000 }),
    f.enum('state', '状态', 'State', 'mailState', { required: true, default: 'queued' }),
    f.datetime('queuedAt', '加入时间', 'Queued at', { required: true, filter: true }),
    f.number('attempts', '尝试次数', 'Attempts', { integer: true, min: 0, default: 0 }),
    f.datetime('nextAttemptAt', '下次尝试', 'Next attempt', { list: false, filter: true }),
    f.datetime('sentAt', '发送时间', 'Sent at'),
    f.text('lastAnswer', '服务器回复', 'Server answer', { maxLength: 500 }),
    f.text('messageId', '邮件编号', 'Message-ID', { maxLength: 200, list: false }),
    // the language it was written in, and where its reply link leads (a reminder follows both)
    f.enum('lang', '语言', 'Language', 'mailLang', { list: false }),
    f.text('replyBase', '回复页网址', 'Reply page address', { maxLength: 200, list: false }),
  ],
};
