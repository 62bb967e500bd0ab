import type { NextFunction, Request, Response } from 'express';
import type { Lang } from '../schema';

/** The server's own messages, in the language the client asks for (Accept-Language). */
const messages = {
  invalid: { zh: '请修改以下字段：{list}', en: 'Please correct: {list}' },
  notObject: { zh: '请求内容应为一个 JSON 对象', en: 'The request body must be a JSON object' },
  invitationIds: {
    zh: 'ids 应为参会人员编号的列表（至多 5000 个）',
    en: 'ids must be a list of attendee ids (5,000 at most)',
  },
  invitationLang: { zh: '邀请函语言只能是 zh 或 en', en: 'The invitation language must be zh or en' },
  checkinWho: {
    zh: '请给出签到的嘉宾（attendeeId）或扫到的签到码（code）',
    en: 'Say who checks in: attendeeId, or the code scanned',
  },
  checkinCode: { zh: '没有这个签到码对应的嘉宾', en: 'No guest has this check-in code' },
  checkinHow: { zh: '签到方式只能是：{options}', en: 'how must be one of: {options}' },
  checkinNotGuest: {
    zh: '{name} 不是本场次所属峰会的嘉宾',
    en: '{name} is not a guest of this session’s summit',
  },
  checkinBefore: { zh: '签到尚未开始：{at} 开始签到', en: 'Check-in has not opened: it opens at {at}' },
  checkinClosed: { zh: '签到已于 {at} 结束', en: 'Check-in closed at {at}' },
  checkinAlready: {
    zh: '{name} 已于 {time} 在{desk}签到',
    en: '{name} already checked in at {time}, {desk}',
  },
  wallOver: { zh: '峰会已经结束，签到大屏不再开放', en: 'The summit is over: its check-in wall is closed' },
  throttledKeys: { zh: '尝试次数过多，请稍后再试', en: 'Too many tries: please wait a while' },
  absentTooSoon: {
    zh: '报到尚未结束：{at} 之后才能把未到的嘉宾标为缺席',
    en: 'Registration is still open: guests who have not come can be marked absent after {at}',
  },
  checkinNoSubstitute: {
    zh: '{name} 没有登记代会人：请先在“请假与代会”中登记',
    en: 'No substitute is recorded for {name}: record their leave first',
  },

  mailPending: {
    zh: '这位嘉宾已有一封邀请函在发件箱中等待发送',
    en: 'An invitation to this guest is already waiting in the outbox',
  },
  mailGuestGone: { zh: '这封邮件的参会人员已被删除', en: 'The attendee of this mail has been deleted' },
  mailNoAddress: { zh: '这位嘉宾没有邮箱，请先填写', en: 'This guest has no e-mail address: add one first' },
  mailSending: {
    zh: '这封邮件正在发送，无法取消',
    en: 'This mail is being sent and can no longer be cancelled',
  },
  mailNotPending: { zh: '这封邮件已发送或已结束，无需取消', en: 'This mail is no longer waiting to be sent' },
  mailPasswordAgain: {
    zh: '更换了服务器、端口、SSL 或账号，请重新填写授权码',
    en: 'The server, port, SSL or account changed: give the app password again',
  },
  mailBouncing: {
    zh: '这位嘉宾的邮箱已退信，请先更正邮箱再重新发送',
    en: 'This guest’s address bounced: correct it before sending again',
  },
  mailTestTo: {
    zh: '请填写接收测试邮件的邮箱地址（如 name@example.com）',
    en: 'Give the address the test mail goes to (such as name@example.com)',
  },
  mailTestSubject: { zh: '会务系统测试邮件', en: 'Huiwu test mail' },
  mailTestBody: {
    zh: '这是一封测试邮件：会务系统可以通过 {host} 以 {from} 的名义发送邮件了。',
    en: 'This is a test mail: Huiwu can now send mail through {host} as {from}.',
  },
  notJson: {
    zh: '请求内容应为 JSON（Content-Type: application/json）',
    en: 'Send the body as JSON (Content-Type: application/json)',
  },
  malformedJson: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  tooManyStreams: {
    zh: '打开的实时更新连接过多，请关闭一些页面后再试',
    en: 'Too many live-update connections are open: close some pages and try again',
  },
  reservedKey: {
    zh: '请求内容中不能有名为“{key}”的键',
    en: 'The request body may not contain a key named “{key}”',
  },
  tooLarge: { zh: '请求内容过大（上限 {limit}）', en: 'The request body is too large (limit {limit})' },
  notFound: { zh: '没有找到这条记录', en: 'No such record' },
  noRoute: { zh: '没有这个接口', en: 'No such API route' },
  badQuery: { zh: '查询参数有误：{detail}', en: 'Bad query: {detail}' },
  hasDependants: {
    zh: '还有{list}关联到这条记录，不能直接删除。可以先处理它们，或使用“连同关联记录删除”（必须依附于它的记录一并删除，其余解除关联）。',
    en: 'Other records still refer to this one ({list}), so it was not deleted. Handle them first, or use “Delete with dependants” (records that require it are deleted too; others are unlinked).',
  },
  badVersion: {
    zh: '版本号 {version} 不对：请刷新后再改',
    en: 'Version {version} is not one this record had: reload and try again',
  },
  versionRequired: {
    zh: '请同时发送记录的版本号（version）：没有它，旧的内容会覆盖别人后来的修改。只改部分字段请用 PATCH',
    en: 'Send the record’s version with it: without one, an old copy would undo changes made since. To change only some fields, send a PATCH',
  },
  conflict: {
    zh: '在您编辑期间，别人已经修改了：{list}。您的修改没有保存；请查看对方的改动后再决定。',
    en: 'While you were editing, someone else changed: {list}. Your change was not saved; look at theirs, then decide.',
  },
  notAuthenticated: { zh: '请先登录', en: 'Please log in' },
  forbidden: { zh: '您的角色（{role}）不能{action}“{resource}”', en: 'Your role ({role}) may not {action} {resource}' },
  personalFilter: {
    zh: '您的角色不能按个人信息（{field}）筛选、排序或汇总',
    en: 'Your role may not filter, sort or group by personal data ({field})',
  },
  badLogin: { zh: '用户名或密码不对', en: 'Wrong username or password' },
  throttled: { zh: '尝试次数过多，请 {wait}后再试', en: 'Too many attempts; try again in {wait}' },
  wrongPassword: { zh: '当前密码不对', en: 'The current password is wrong' },
  historyBreaks: { zh: '不能删除这条记录：{detail}', en: 'This record cannot be deleted: {detail}' },
  lastAdmin: { zh: '至少要保留一个可用的管理员账号', en: 'At least one active admin account must remain' },
  importBody: {
    zh: '导入内容格式有误：{detail}',
    en: 'The import is malformed: {detail}',
  },
  importTooMany: { zh: '一次最多导入 {max} 行，请拆分文件', en: 'At most {max} rows per import: split the file' },
  importTooLarge: {
    zh: '导入内容过大（上限 {limit}，足够 {max} 行完整的嘉宾名单），请拆分文件',
    en: 'The import is too large (limit {limit}, enough for {max} rows of a full guest list): split the file',
  },
  importsBusy: {
    zh: '服务器正在处理其他导入，请 {seconds} 秒后再试',
    en: 'The server is busy with other imports; try again in {seconds} s',
  },
  notImportable: { zh: '“{resource}”不支持导入', en: '{resource} cannot be imported' },
  importRefused: {
    zh: '有 {count} 行不能导入（原因见各行），所以一行也没有写入。修改后再导入。',
    en: '{count} rows cannot be imported (see each row), so nothing was written. Correct them and import again.',
  },
  badRequest: { zh: '请求格式有误', en: 'The request is malformed' },
  listLinked: {
    zh: '“{list}”还被这些字段关联：{fields}。先删除或修改这些字段，或把列表设为隐藏',
    en: '{list} is linked from these fields: {fields}. Delete or change them first, or hide the list',
  },
  listHasRecords: {
    zh: '“{list}”还有 {count} 条记录，不能删除；可以把它设为隐藏，记录会保留',
    en: '{list} still holds {count} records and cannot be deleted; hide it instead, which keeps them',
  },
  preferencesInvalid: { zh: '个人设置没有保存：{list}', en: 'The settings were not saved: {list}' },
  preferenceKey: { zh: '没有这项设置', en: 'no such setting' },
  preferenceMoneyUnit: { zh: '应为 yuan（元）或 wan（万元）', en: 'must be yuan or wan' },
  preferenceList: { zh: '应为一个列表', en: 'must be a list' },
  preferenceObject: { zh: '应为一个 JSON 对象', en: 'must be a JSON object' },
  preferenceTooDeep: { zh: '嵌套过深（最多 {depth} 层）', en: 'nests too deep (at most {depth} levels)' },
  preferenceTooLarge: {
    zh: '个人设置“{key}”过大（上限 {limit}），没有保存',
    en: 'The setting {key} is too large (limit {limit}), so nothing was saved',
  },
  preferencesTooMany: {
    zh: '每个账号最多保存 {keys} 项、共 {limit} 的个人设置，这次的没有保存',
    en: 'An account keeps at most {keys} settings and {limit} of them in all, so these were not saved',
  },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  diskFailed: {
    zh: '保存失败：无法写入磁盘。请重启服务器，未保存的改动不会生效',
    en: 'Saving failed: the disk refused the change. Restart the server; unsaved changes will not apply',
  },
  badText: {
    zh: '含有无法保存或查找的字符（例如空字符 U+0000，或被截断的半个字符），请删除后再试',
    en: 'Contains a character that cannot be stored or searched for (such as the NUL character U+0000, or half of a character). Remove it and try again',
  },
  databaseUnavailable: {
    zh: '暂时连不上数据库（可能正在重启），这次操作没有完成。请稍后再试；如果是修改，请先刷新，看看是否已经保存',
    en: 'The database cannot be reached just now (it may be restarting), so this was not completed. Try again in a moment; for a change, reload first to see whether it was saved',
  },
  commitRefused: {
    zh: '保存失败：数据库没有接受这次修改，修改没有保存。请再试一次；如果一再出现，请告诉管理员',
    en: 'Saving failed: the database refused the change, so it was not saved. Try again; if it keeps happening, tell your administrator',
  },
  commitUnknown: {
    zh: '无法确认是否已保存：提交时与数据库的连接中断了，这次修改可能已经保存，也可能没有。请刷新页面查看后再决定是否重做',
    en: 'The database could not confirm the change: the connection to it broke while saving, so the change may or may not have been saved. Reload to check before making it again',
  },
  writeBusy: {
    zh: '数据库正忙：这次修改反复与同时进行的其他修改冲突，没有保存。请 {seconds} 秒后再试',
    en: 'The database is busy: this change kept colliding with other changes made at the same time, so it was not saved. Try again in {seconds} s',
  },
  readOnly: {
    zh: '服务器现在只读：磁盘已满，无法保存任何修改（这次的修改没有保存）。查看不受影响；请释放磁盘空间后重启服务器',
    en: 'The server is read-only: its disk is full, so no change can be saved (this one was not). Viewing still works; free disk space, then restart the server',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export const requestLang = (req: Request): Lang => (/^\s*zh/i.test(req.headers['accept-language'] ?? '') ? 'zh' : 'en');

export function message(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A wait as people say it: in minutes from a minute up (a lockout of 900 s is 15 分钟), rounded
 * up so that trying again then is never too soon; in seconds below a minute. */
export function waitText(lang: Lang, seconds: number) {
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return lang === 'zh' ? `${minutes} 分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return lang === 'zh' ? `${seconds} 秒` : `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** An error with an HTTP status and a JSON body, turned into a response by the error handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Express 4 does not catch a rejected promise: pass it on to the error handler. */
export const asyncHandler =
  (handler: (req: Request, res: Response, next: NextFunction) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction) =>
    handler(req, res, next).catch(next);
