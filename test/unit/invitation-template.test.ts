import { describe, expect, it } from 'vitest';
import { invitationMail } from '../../src/server/mail/templates';

/** The invitation as a guest reads it: Huiwu's own, with the summit's facts filled in, and
 * nothing left hanging where a fact is missing. */
const summit = { id: 1, name: '青岚新材料产业高峰论坛', startsOn: '2027-04-16', endsOn: '2027-04-17', host: '青岚市科协' };

describe('the default invitation', () => {
  it('in Chinese: the dates without the year twice, the venue and contact lines only when known', () => {
    const mail = invitationMail(summit, { id: 1, name: '孔欣', role: 'academician' }, 'zh', 'https://huiwu.example.cn');
    expect(mail.subject).toBe('邀请函：青岚新材料产业高峰论坛');
    expect(mail.body).toContain('尊敬的孔欣院士：');
    expect(mail.body).toContain('兹定于2027年4月16日至17日举办青岚新材料产业高峰论坛');
    expect(mail.body).toContain('https://huiwu.example.cn/r/【发送时生成】');
    expect(mail.body).not.toContain('会议地点');
    expect(mail.body).not.toContain('会务联系人');
    const placed = invitationMail({ ...summit, city: '青岚', venue: '国际会议中心', contact: '王老师 0579-87123456' }, { id: 1, name: '孔欣' }, 'zh', null);
    expect(placed.body).toContain('会议地点：青岚国际会议中心');
    expect(placed.body).toContain('会务联系人：王老师 0579-87123456');
  });

  it('in English: one space where the salutation is missing, no comma left before a full stop', () => {
    const mail = invitationMail(summit, { id: 2, name: 'Shen Wenjing' }, 'en', 'https://huiwu.example.cn');
    expect(mail.body.split('\n')[0]).toBe('Dear Shen Wenjing,');
    expect(mail.body).toContain('to 青岚新材料产业高峰论坛, 2027-04-16 to 2027-04-17.');
    expect(mail.body).not.toMatch(/,\s*\./);
    const custom = invitationMail({ ...summit, inviteBodyEn: 'Dear {salutation} {name}, see you at {venue}, {dates}.' }, { id: 3, name: 'Li', salutation: 'Prof.' }, 'en', null);
    expect(custom.body).toBe('Dear Prof. Li, see you at 2027-04-16 to 2027-04-17.');
  });
});
