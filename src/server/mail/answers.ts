/**
 * What a mail server's refusal means for the mail, and for the guest's address. Chinese mail
 * services answer a sender that goes too fast with a 5xx ("550 Ip frequency limited", 163's
 * "451 MI:SFQ"), which by the SMTP codes alone would read as a bad address: the wording is
 * looked at first.
 *
 * - `retry`: later, with a longer wait each time (4xx, the connection failed, too fast);
 * - `bounce`: the address does not take mail: the mail fails and the guest's e-mail is marked;
 * - `settings`: the sending account is refused (a wrong app password, SMTP not enabled): no
 *   mail can go until an admin fixes the settings, so every mail waits, none fails;
 * - `fail`: refused for good, but not for the address (content rejected as spam).
 */
export type MailOutcome = 'retry' | 'bounce' | 'settings' | 'fail';

/** An error as nodemailer reports it: `responseCode` and `response` when the server answered. */
export interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Wordings that decide before the code does, first match wins. */
const WORDINGS: [RegExp, MailOutcome][] = [
  // too fast, too many: QQ, 163/126 (MI:SFQ, MI:CEL, RP:…), Gmail's "try again later"
  [/frequen|too many|too fast|rate.?limit|try again later|频率|过于频繁|太频繁|MI:SFQ|MI:CEL|\bRP:|\bRL:/i, 'retry'],
  // the sending account: 163's "User has no permission" (SMTP not switched on), QQ's 535s, a
  // sender address other than the account's ("Mail from must equal authorized user")
  [
    /authentication|auth(?:orization)? (?:failed|required)|authorized user|no permission|login|password|授权码|登录/i,
    'settings',
  ],
  // the mail, not the address: taken for spam (QQ's "Mail content denied", 163's DT:SPM)
  [/content (?:denied|rejected)|spam|DT:SPM|垃圾邮件/i, 'fail'],
  // the mailbox itself
  [
    /user unknown|unknown user|no such (?:user|mailbox|recipient)|does not exist|mailbox (?:unavailable|not found)|invalid (?:recipient|mailbox|address)|recipient (?:rejected|address rejected)|address rejected|用户不存在|邮箱不存在|\b5\.1\.[0-3]\b/i,
    'bounce',
  ],
];

export function outcomeOf(error: SmtpError): MailOutcome {
  const text = `${error.response ?? ''} ${error.message ?? ''}`;
  for (const [wording, outcome] of WORDINGS) if (wording.test(text)) return outcome;
  const code = error.responseCode;
  if (error.code === 'EAUTH' || code === 530 || code === 534 || code === 535) return 'settings';
  if (code !== undefined && code >= 400 && code < 500) return 'retry';
  if (code === 550 || code === 551 || code === 553) return 'bounce';
  if (code !== undefined && code >= 500) return 'fail';
  // no answer at all (the network, a timeout, TLS), or one not understood: tried again, up to
  // MAX_ATTEMPTS times
  return 'retry';
}

/** The wait before the next try: 1, 2, 4 … minutes (`baseMs` doubled), at most an hour; a
 * little jitter so that a batch refused together does not come back together. */
export function retryDelayMs(attempts: number, random = Math.random, baseMs = 60_000): number {
  const wait = Math.min(60 * 60_000, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(wait * (0.9 + random() * 0.2));
}

/** How many tries before a mail that keeps failing for a transient reason is given up. */
export const MAX_ATTEMPTS = 8;
