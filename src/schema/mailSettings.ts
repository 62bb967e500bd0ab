import { f } from './fields';
import type { ResourceDef } from './types';

/** The store's list of the server's own settings: one row per key, never served as records. */
export const SETTINGS_LIST = 'settings';

/**
 * How Huiwu sends mail: the association's own mailbox over SMTP. QQ, 163 and most government
 * mail take an app password (授权码) made in the mailbox's settings, not the login password.
 * Admins set it in the app (Settings → 邮件发送); the password is kept for the SMTP login and
 * never shown again. Validated as any record is (src/schema/validate.ts).
 */
export const mailSettings: ResourceDef = {
  name: 'mailSettings',
  label: { zh: '邮件发送设置', en: 'Mail settings' },
  singular: { zh: '邮件发送设置', en: 'Mail settings' },
  group: 'admin',
  titleField: 'from',
  sort: { field: 'from', order: 'ASC' },
  writers: [],
  readers: [],
  fields: [
    f.text('host', 'SMTP 服务器', 'SMTP server', {
      required: true,
      maxLength: 200,
      help: { zh: '如 smtp.qq.com、smtp.163.com', en: 'e.g. smtp.qq.com, smtp.163.com' },
    }),
    f.number('port', '端口', 'Port', { required: true, integer: true, min: 1, max: 65535, default: 465 }),
    f.boolean('secure', 'SSL 加密连接', 'SSL/TLS from the start', {
      default: true,
      help: { zh: '465 端口选“是”；587 端口选“否”（随后 STARTTLS）', en: 'Yes for port 465; no for 587 (STARTTLS)' },
    }),
    f.text('user', '账号', 'Account', { required: true, maxLength: 200 }),
    f.password('password', '授权码', 'App password', { required: true }),
    f.email('from', '发件地址', 'From address', { required: true }),
    f.text('fromName', '发件人名称', 'Sender name', { maxLength: 60 }),
    f.number('perMinute', '每分钟最多发送', 'At most per minute', {
      required: true,
      integer: true,
      min: 1,
      // an association's own mail relay may take thousands
      max: 6000,
      default: 20,
      help: {
        zh: 'QQ、163 邮箱发得过快会被暂时拒收（frequency limited），宁慢勿快',
        en: 'QQ and 163 refuse a sender that goes too fast (frequency limited)',
      },
    }),
  ],
};
