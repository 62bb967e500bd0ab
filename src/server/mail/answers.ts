/**
 * What a mail server's answer means for the mail, for the guest's address, and for the whole
 * outbox. Chinese mail services answer a sender that goes too fast, or has sent its day's
 * share, with 5xx codes ("550 Ip frequency limited", 163's "451 MI:SFQ", "550 MI:STC"), which by
 * the SMTP codes alone would read as a bad address: the wording is looked at before the code,
 * the login's own refusal (535) before everything (QQ's 535 names "login frequency" among its
 * guesses).
 *
 * - `hold`: the sending side cannot send just now (the account or app password refused, the
 *   server unreachable or misnamed, too fast, the day's quota spent): every mail waits, and the
 *   wait is not counted as a try of any of them;
 * - `retry`: this mail, later, counted (4xx for this recipient: greylisting, a full mailbox);
 * - `bounce`: the address takes no mail: the mail fails and the guest's e-mail is marked;
 * - `fail`: refused for good, but not for the address (content taken for spam, a policy).
 */
export type MailOutcome = 'hold' | 'retry' | 'bounce' | 'fail';

/** Why the outbox holds: fixing the settings ends a `settings` hold; the others wait it out. */
export type HoldReason = 'settings' | 'tooFast' | 'unreachable';

/** An error as nodemailer reports it: `responseCode` and `response` when the server answered. */
export interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export interface Judged {
  outcome: MailOutcome;
  /** for a hold */
  reason?: HoldReason;
}

/** Wordings that decide before the code does, first match wins. */
const WORDINGS: [RegExp, Judged][] = [
  // too fast, too many, the day's share: QQ, 163/126 (MI:SFQ, MI:CEL, MI:STC, RP:, HL:), Gmail
  // (a recipient's full mailbox, "over quota", is that mail's own: a 4xx, tried again)
  [
    /frequen|too many|too fast|rate.?limit|limit exceeded|sending quota|try again later|频率|过于频繁|太频繁|超出|MI:SFQ|MI:CEL|MI:STC|\bRP:|\bRL:|\bHL:|5\.4\.5/i,
    { outcome: 'hold', reason: 'tooFast' },
  ],
  // the sending account: 163's "User has no permission" (SMTP not switched on), a sender other
  // than the account ("Mail from must equal authorized user", QQ's "must be same as
  // authorization user"), Exchange's "not have permissions to send as this sender", 5.7.60
  [
    /authentication|authori[sz](?:ed|ation) user|permission|bad outbound sender|send as|login|password|授权码|登录|5\.7\.60|5\.1\.8/i,
    { outcome: 'hold', reason: 'settings' },
  ],
  // the mail, not the address: taken for spam (QQ's "Mail content denied", 163's DT:SPM)
  [/content (?:denied|rejected)|spam|DT:SPM|垃圾邮件/i, { outcome: 'fail' }],
  // the mailbox itself
  [
    /user unknown|unknown user|no such (?:user|mailbox|recipient)|does not exist|mailbox (?:unavailable|not found)|invalid (?:recipient|mailbox|address)|recipient (?:rejected|address rejected)|address rejected|用户不存在|邮箱不存在|\b5\.1\.[0-3]\b/i,
    { outcome: 'bounce' },
  ],
];

/** nodemailer's codes when the server was never properly talked to: a wrong name or port, TLS
 * not matching the port, the network */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED', 'ENOTFOUND']);

export function judge(error: SmtpError): Judged {
  const code = error.responseCode;
  if (error.code === 'EAUTH' || code === 530 || code === 534 || code === 535)
    return { outcome: 'hold', reason: 'settings' };
  const text = `${error.response ?? ''} ${error.message ?? ''}`;
  for (const [wording, judged] of WORDINGS) if (wording.test(text)) return judged;
  if (code !== undefined && code >= 400 && code < 500) return { outcome: 'retry' };
  // a 5xx that does not name the mailbox may be about the sender or the mail: not the guest's
  if (code !== undefined && code >= 500) return { outcome: 'fail' };
  if (error.code && UNREACHABLE.has(error.code)) return { outcome: 'hold', reason: 'unreachable' };
  // no answer understood: this mail again, up to MAX_ATTEMPTS times
  return { outcome: 'retry' };
}

/** The wait before this mail's next try: 1, 2, 4 … minutes (`baseMs` doubled), at most an hour;
 * a little jitter so that mails refused together do not come back together. */
export function retryDelayMs(attempts: number, random = Math.random, baseMs = 60_000): number {
  const wait = Math.min(60 * 60_000, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(wait * (0.9 + random() * 0.2));
}

/** How long the whole outbox waits after its `holds`-th hold in a row: too fast starts at five
 * minutes (QQ's blocks last a quarter of an hour or more), the others at one; doubling, at
 * most an hour. */
export function holdMs(reason: HoldReason, holds: number, baseMs = 60_000): number {
  const first = reason === 'tooFast' ? 5 * baseMs : baseMs;
  return Math.min(60 * baseMs, first * 2 ** Math.max(0, holds - 1));
}

/** What a refusal means, said to the organiser beside the server's own line (which is in the
 * mail server's English): kept with the mail. */
export function meaningOf({ outcome, reason }: Judged, givenUp: boolean): string {
  if (outcome === 'hold')
    return {
      settings: '发件账号或授权码被拒绝，全部邮件暂停，请管理员检查邮件发送设置',
      tooFast: '发送过快或超出当日限额，全部邮件暂停后自动重试',
      unreachable: '连不上邮件服务器，全部邮件暂停后自动重试',
    }[reason!];
  if (outcome === 'bounce') return '收件地址不存在，已标记为邮箱退信；更正邮箱后可重新发送';
  if (outcome === 'fail') return '邮件被对方服务器拒收（如被判为垃圾邮件）';
  return givenUp ? '多次重试仍未成功，已放弃' : '对方服务器暂时不可用，稍后自动重试';
}

/** How many tries before a mail that keeps failing for a reason of its own is given up. */
export const MAX_ATTEMPTS = 8;
