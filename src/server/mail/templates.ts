import { enums, type Lang } from '../../schema';
import { timeText } from '../../schema/checkinWindow';
import { DEFAULT_INVITATION, INVITATION_PLACEHOLDERS, replyDeadline, type Placeholder } from '../../schema/invitation';
import type { Row } from '../records';

/** A mail as the outbox keeps it. */
export interface Composed {
  subject: string;
  body: string;
}

/** Where a reply link's token goes in a mail the outbox keeps: the token is made when the mail
 * is taken for sending (reply/tokens.ts), and exists only in the mail that went. */
export const TOKEN_MARK = '【发送时生成】';

export const replyLink = (base: string) => `${base.replace(/\/+$/, '')}/r/${TOKEN_MARK}`;

/** 2027年4月20日 / 2027-04-20: a day as a mail or the reply page writes it. */
export const dayText = (day: unknown, lang: Lang) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ''));
  if (!m) return '';
  return lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
};

/** 2027年4月16日至17日, 2027年4月30日至5月1日: the end without what the start already says. */
function sameYearEnd(from: string, to: string) {
  const [fy, fm] = [from.slice(0, 5), /年(\d+月)/.exec(from)?.[1]];
  if (!to.startsWith(fy)) return to;
  const rest = to.slice(5);
  return fm && rest.startsWith(fm) ? rest.slice(fm.length) : rest;
}

/** How an invitation addresses a guest: their 称谓, else 院士 for an academician. */
function salutationOf(guest: Row, lang: Lang) {
  if (guest.salutation) return String(guest.salutation);
  if (guest.role === 'academician') return lang === 'zh' ? '院士' : 'Academician';
  return '';
}

/** What each placeholder of src/schema/invitation.ts holds for this guest of this summit. */
export function placeholderValues(summit: Row, guest: Row, lang: Lang, base: string | null) {
  const from = dayText(summit.startsOn, lang);
  const to = dayText(summit.endsOn, lang);
  const values: Record<Placeholder, string> = {
    name: String(guest.name ?? ''),
    salutation: salutationOf(guest, lang),
    summit: String(summit.name ?? ''),
    dates: from === to || !to ? from : lang === 'zh' ? `${from}至${sameYearEnd(from, to)}` : `${from} to ${to}`,
    venue: [summit.city, summit.venue].filter(Boolean).join(lang === 'zh' ? '' : ', '),
    link: base ? replyLink(base) : '',
    deadline: dayText(replyDeadline(summit), lang),
    contact: String(summit.contact ?? ''),
    host: String(summit.host ?? ''),
  };
  return values;
}

/** A template with its {姓名} / {name} filled in (a name nothing fills, which saving refuses,
 * stays as typed). A line whose every field is empty goes ("会务联系人：" with no contact). */
export function fill(template: string, values: Record<Placeholder, string>): string {
  const byName = new Map<string, string>();
  for (const [key, label] of Object.entries(INVITATION_PLACEHOLDERS)) {
    byName.set(label.zh, values[key as Placeholder]);
    byName.set(label.en, values[key as Placeholder]);
  }
  return template
    .split('\n')
    .flatMap((line) => {
      const filled = [...line.matchAll(/\{([^{}]*)\}/g)].map(([all, name]) => byName.get(name.trim()) ?? all);
      if (filled.length > 0 && filled.every((value) => value === '')) return [];
      const text = line.replace(/\{([^{}]*)\}/g, (all, name: string) => byName.get(name.trim()) ?? all);
      // "Dear {salutation} {name}" without a salutation: one space, not two; "{dates}, {venue}."
      // or "at {venue}, {dates}" without a venue: no comma left hanging
      return [
        text
          .replace(/(\S) {2,}(?=\S)/g, '$1 ')
          .replace(/\s*[,，、]\s*(?=[.,，。、)）])/g, '')
          .replace(/(\S) [,，] /g, '$1 '),
      ];
    })
    .join('\n');
}

/** A summit's own template in this language, or Huiwu's. */
export function invitationTemplate(summit: Row, lang: Lang): Composed {
  const own = lang === 'zh' ? [summit.inviteSubject, summit.inviteBody] : [summit.inviteSubjectEn, summit.inviteBodyEn];
  return {
    subject: own[0] ? String(own[0]) : DEFAULT_INVITATION[lang].subject,
    body: own[1] ? String(own[1]) : DEFAULT_INVITATION[lang].body,
  };
}

/** The invitation to one guest: the summit's template (or Huiwu's) filled for them; the reply
 * link under `base`, its token made when it is sent. */
export function invitationMail(summit: Row, guest: Row, lang: Lang, base: string | null): Composed {
  const values = placeholderValues(summit, guest, lang, base);
  const template = invitationTemplate(summit, lang);
  return {
    subject: fill(template.subject, values).replace(/\s+/g, ' ').trim(),
    body: fill(template.body, values) + checkInLine(guest, lang),
  };
}

/** The guest's check-in code, below every invitation and re-confirmation (the outbox attaches
 * it as a QR code): shown at the desk from a phone. */
function checkInLine(guest: Row, lang: Lang) {
  if (!guest.checkInCode) return '';
  return lang === 'zh'
    ? `\n\n　　签到码：${guest.checkInCode}。报到时出示本邮件附带的二维码，即可快速签到。`
    : `\n\nCheck-in code: ${guest.checkInCode}. Show the QR code attached to this mail at the registration desk.`;
}

const REMINDER: Record<Lang, Composed> = {
  zh: {
    subject: '回复提醒：{峰会}',
    body: [
      '尊敬的{姓名}{称谓}：',
      '',
      '　　{峰会}（{日期}，{地点}）的参会回复将于{回复截止}截止，我们还没有收到您的回复。请点击下面的链接告知是否参加：',
      '　　{回复链接}',
      '',
      '　　会务联系人：{联系人}',
    ].join('\n'),
  },
  en: {
    subject: 'Reminder: {summit}',
    body: [
      'Dear {salutation} {name},',
      '',
      'Replies to {summit} ({dates}, {venue}) close on {deadline}, and we have not heard from you yet. Please answer through your page:',
      '{link}',
      '',
      'Contact: {contact}',
    ].join('\n'),
  },
};

/** The reminder to a guest who has not answered, days before the deadline. */
export function reminderMail(summit: Row, guest: Row, lang: Lang, base: string | null): Composed {
  const values = placeholderValues(summit, guest, lang, base);
  return { subject: fill(REMINDER[lang].subject, values), body: fill(REMINDER[lang].body, values) };
}

/** "明天 14:32 G7531 抵达永康南站，接站人员 王师傅": the guest's arrival as they gave it. */
function arrivalLine(guest: Row, lang: Lang) {
  const at = timeText(Date.parse(String(guest.arrivalAt)));
  const mode = enums.arrivalMode.find((o) => o.id === guest.arrivalMode)?.label[lang];
  const number = [guest.arrivalNumber ? String(guest.arrivalNumber) : '', !guest.arrivalNumber && mode ? mode : '']
    .filter(Boolean)
    .join('');
  const station = guest.arrivalStation ? String(guest.arrivalStation) : '';
  if (lang === 'en') {
    const pickup = guest.pickupBy
      ? ` ${guest.pickupBy}${guest.pickupCar ? ` (${guest.pickupCar})` : ''} will meet you.`
      : guest.needsPickup
        ? ' We will meet you.'
        : '';
    return `Tomorrow at ${at}${number ? ` by ${number}` : ''}${station ? `, arriving at ${station}` : ''}.${pickup}`;
  }
  const pickup = guest.pickupBy
    ? `，接站人员 ${guest.pickupBy}${guest.pickupCar ? `（${guest.pickupCar}）` : ''}`
    : guest.needsPickup
      ? '，我们将安排接站'
      : '';
  return `明天 ${at} ${number}${number ? ' ' : ''}抵达${station || '会场'}${pickup}。`;
}

/** The re-confirmation the day before a guest arrives, with their own link to change it. */
export function reconfirmMail(summit: Row, guest: Row, lang: Lang, base: string | null): Composed {
  const values = placeholderValues(summit, guest, lang, base);
  const line = arrivalLine(guest, lang);
  if (lang === 'en')
    return {
      subject: fill('Your arrival tomorrow: {summit}', values),
      body:
        fill(
          `Dear {salutation} {name},\n\n${line}\n\nIf anything has changed, please call {contact}. Your details:\n{link}`,
          values,
        ) + checkInLine(guest, lang),
    };
  return {
    subject: fill('行程确认：{峰会}', values),
    body:
      fill(
        `尊敬的{姓名}{称谓}：\n\n　　${line}\n\n　　如有变动，请联系会务 {联系人}。您的行程信息：\n　　{回复链接}`,
        values,
      ) + checkInLine(guest, lang),
  };
}
