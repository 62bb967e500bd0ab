import { describe, expect, it } from 'vitest';
import { holdMs, judge, retryDelayMs, type SmtpError } from '../../src/server/mail/answers';

/**
 * What the outbox makes of the answers real mail servers give (QQ, 163, Gmail, Exchange),
 * as nodemailer reports them: each line with the code it came with.
 */
const answer = (responseCode: number, response: string, code = 'EENVELOPE'): SmtpError => ({
  code,
  responseCode,
  response: `${responseCode} ${response}`,
});

describe('mail server answers', () => {
  it.each([
    // the login: whatever else the line says, a wrong 授权码 holds every mail, counting no try
    [
      answer(
        535,
        'Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy.',
        'EAUTH',
      ),
      'hold',
      'settings',
    ],
    [
      answer(
        535,
        '5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials',
        'EAUTH',
      ),
      'hold',
      'settings',
    ],
    [answer(534, '5.7.9 Application-specific password required.', 'EAUTH'), 'hold', 'settings'],
    [
      answer(535, '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', 'EAUTH'),
      'hold',
      'settings',
    ],
    [answer(550, 'User has no permission'), 'hold', 'settings'],
    [answer(553, 'Mail from must equal authorized user'), 'hold', 'settings'],
    [answer(501, 'mail from address must be same as authorization user'), 'hold', 'settings'],
    [answer(550, '5.7.60 SMTP; Client does not have permissions to send as this sender'), 'hold', 'settings'],
    [answer(550, '5.1.8 Access denied, bad outbound sender'), 'hold', 'settings'],
    // too fast, or the day's share spent: every mail waits
    [answer(550, 'Ip frequency limited'), 'hold', 'tooFast'],
    [answer(451, 'MI:SFQ 发送频率过快 http://mail.163.com/help/help_spam_16.htm?ip=1.2.3.4'), 'hold', 'tooFast'],
    [answer(550, 'MI:STC 当天发送数量超出限定数量'), 'hold', 'tooFast'],
    [answer(550, '5.4.5 Daily user sending limit exceeded.'), 'hold', 'tooFast'],
    [answer(421, '4.7.0 Try again later, closing connection.'), 'hold', 'tooFast'],
    // this recipient, later
    [
      answer(
        450,
        '4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages',
      ),
      'retry',
      undefined,
    ],
    [answer(452, '4.2.2 The email account that you tried to reach is over quota.'), 'retry', undefined],
    [answer(451, '4.7.1 Greylisted, please try again in 5 minutes'), 'retry', undefined],
    // the address takes no mail
    [answer(550, '5.1.1 The email account that you tried to reach does not exist.'), 'bounce', undefined],
    [answer(550, 'Mailbox not found or access denied'), 'bounce', undefined],
    [answer(550, '用户不存在'), 'bounce', undefined],
    // the mail, not the address
    [answer(554, 'DT:SPM 163 smtp10,DsCowAC… 发送的邮件内容包含了未被许可的信息'), 'fail', undefined],
    [
      answer(550, 'Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726'),
      'fail',
      undefined,
    ],
    // a 5xx that names neither the mailbox nor the sender: not the guest's
    [answer(550, '5.7.1 Message rejected due to local policy'), 'fail', undefined],
    // never properly talked to the server: a wrong name, port or TLS
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.qq.con' }, 'hold', 'unreachable'],
    [{ code: 'ETLS', message: 'wrong version number' }, 'hold', 'unreachable'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 1.2.3.4:465' }, 'hold', 'unreachable'],
  ] as [SmtpError, string, string | undefined][])('%j → %s %s', (error, outcome, reason) => {
    expect(judge(error)).toEqual(reason ? { outcome, reason } : { outcome });
  });

  it('a mail waits 1, 2, 4 … minutes between its own tries, an hour at most', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 8, 12].map((n) => retryDelayMs(n, middle) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
  });

  it('the outbox holds five minutes when refused for speed, one otherwise, doubling to an hour', () => {
    expect([1, 2, 3, 4].map((n) => holdMs('tooFast', n) / 60_000)).toEqual([5, 10, 20, 40]);
    expect([1, 2, 3, 7, 9].map((n) => holdMs('settings', n) / 60_000)).toEqual([1, 2, 4, 60, 60]);
  });
});
