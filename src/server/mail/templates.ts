import { beijingDay, enums, type Lang } from '../../schema';
import type { Row } from '../records';

/** A mail as the outbox keeps it. */
export interface Composed {
  subject: string;
  body: string;
}

const dayText = (day: unknown, lang: Lang) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ''));
  if (!m) return '';
  return lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}-${m[2]}-${m[3]}`;
};

/** How a guest is addressed: an academician as 院士, others by name (a summit's own templates,
 * with each guest's 称谓, come later). */
function addressOf(guest: Row, lang: Lang) {
  const name = String(guest.name ?? '');
  if (lang === 'en') return `Dear ${name}`;
  return `尊敬的${name}${guest.role === 'academician' ? '院士' : ''}`;
}

/**
 * The invitation Huiwu sends until a summit has templates of its own: the summit's name, dates,
 * city and venue, and its host as the signature, in Chinese or English.
 */
export function invitationMail(summit: Row, guest: Row, lang: Lang, now: number): Composed {
  const today = dayText(beijingDay(now), lang);
  const name = String(summit.name ?? '');
  const from = dayText(summit.startsOn, lang);
  const to = dayText(summit.endsOn, lang);
  const days = from === to || !to ? from : lang === 'zh' ? `${from}至${to}` : `${from} to ${to}`;
  const place = [summit.city, summit.venue].filter(Boolean).join(lang === 'zh' ? '' : ', ');
  const host = String(summit.host ?? '');
  const kind = enums.summitKind.find((o) => o.id === summit.kind)?.label[lang] ?? '';
  if (lang === 'en')
    return {
      subject: `Invitation: ${name}`,
      body: [
        `${addressOf(guest, lang)},`,
        '',
        `We have the honour to invite you to ${name}${kind ? ` (${kind.toLowerCase()})` : ''}, ${days}${place ? `, ${place}` : ''}.`,
        '',
        'We look forward to welcoming you.',
        '',
        host,
        today,
      ].join('\n'),
    };
  return {
    subject: `邀请函：${name}`,
    body: [
      `${addressOf(guest, lang)}：`,
      '',
      `　　兹定于${days}${place ? `在${place}` : ''}举办${name}，诚邀您拨冗出席。`,
      '',
      '　　敬请回复是否参加。',
      '',
      host,
      today,
    ].join('\n'),
  };
}
