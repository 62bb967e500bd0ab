import type { Request } from 'express';
import type { Lang } from '../schema';

/** The server's own messages, in the language the client asks for (Accept-Language). */
const messages = {
  invalid: { zh: '请修改以下字段：{list}', en: 'Please correct: {list}' },
  notObject: { zh: '请求内容应为一个 JSON 对象', en: 'The request body must be a JSON object' },
  malformedJson: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  tooLarge: { zh: '请求内容过大（上限 {limit}）', en: 'The request body is too large (limit {limit})' },
  notFound: { zh: '没有找到这条记录', en: 'No such record' },
  noRoute: { zh: '没有这个接口', en: 'No such API route' },
  badQuery: { zh: '查询参数有误：{detail}', en: 'Bad query: {detail}' },
  hasDependants: {
    zh: '还有{list}关联到这条记录，不能直接删除。可以先处理它们，或选择连同删除（必须关联的记录一并删除，其余解除关联）。',
    en: '{list} still refer to this record, so it was not deleted. Handle them first, or delete with cascade (records that require it are deleted too; others are unlinked).',
  },
  badRequest: { zh: '请求格式有误', en: 'The request is malformed' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  diskFailed: {
    zh: '保存失败：无法写入磁盘。请重启服务器，未保存的改动不会生效',
    en: 'Saving failed: the disk refused the change. Restart the server; unsaved changes will not apply',
  },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export const requestLang = (req: Request): Lang =>
  /^\s*zh/i.test(req.headers['accept-language'] ?? '') ? 'zh' : 'en';

export function message(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}) {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
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
