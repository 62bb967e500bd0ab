import { enums, maskPersonal, type Lang } from '../../schema';
import { replyDeadline } from '../../schema/invitation';
import { eventWallClock } from '../../schema/eventTime';
import { dayText, placeholderValues } from '../mail/templates';
import { arrivalRange } from './answer';
import type { Row } from '../records';

/**
 * The guest's reply page, as HTML the server writes: for a phone first, no script, nothing
 * loaded from anywhere (the app's CSP and no-referrer headers cover it too), Chinese with an
 * English switch. Personal data it shows is masked (138****5678): a forwarded mail opens it.
 */
const T = {
  zh: {
    title: '参会回复',
    dear: (name: string) => `尊敬的${name}：`,
    intro: '请告诉我们您是否参加，以及如何到达，以便安排接站和住宿。',
    phone: '手机',
    email: '邮箱',
    yes: '参加',
    no: '不能参加',
    decision: '是否参加',
    arrival: '行程（确认参加时填写）',
    arrivalDate: '抵达日期',
    arrivalTime: '抵达时间',
    arrivalMode: '交通方式',
    arrivalNumber: '车次 / 航班号',
    arrivalStation: '抵达车站 / 机场',
    needsPickup: '需要接站',
    pickupYes: '需要',
    pickupNo: '不需要',
    nights: '住宿几晚（不需住宿请填 0）',
    diet: '饮食要求',
    companions: '随行人员',
    replyNote: '留言（不能参加时请写明原因）',
    submit: '提交回复',
    choose: '请选择',
    switchLang: 'English',
    deadline: (day: string) => `请于 ${day} 前回复。`,
    changeBy: (day: string) => `${day} 前可以在这里修改您的回复。`,
    contact: (contact: string) => `会务联系人：${contact}`,
    summary: {
      arrives: '抵达',
      pickup: '需要接站',
      noPickup: '不需接站',
      nights: (n: number) => `住宿 ${n} 晚`,
      noRoom: '不需住宿',
    },
    closed: (day: string) => `回复已于 ${day} 截止，不能再在网上修改。`,
    dayBegun: '会议报到已开始，不能再在网上修改回复。',
    call: (contact: string) => (contact ? `如需变更，请联系会务：${contact}` : '如需变更，请联系邀请您的会务人员。'),
    thanks: '已收到您的回复，谢谢！',
    current: { confirmed: '您已确认参加。', declined: '您已回复不能参加。' } as Record<string, string>,
    change: '修改回复',
    errors: '请修改标出的内容后再提交：',
    changedSince: '您打开页面后，会务人员修改了您的信息。请核对下面的内容后再提交。',
    codeTitle: '输入回复码',
    codeIntro: '请输入短信中的 8 位回复码和您手机号的后四位。',
    code: '回复码',
    tail: '手机号后四位',
    open: '打开回复页',
    codeWrong: '回复码或手机号后四位不对，请核对短信后重试。',
    gone: {
      unknown: '这个链接无效。请核对邮件中的链接是否完整。',
      replaced: '这个链接已被一封新的邀请邮件取代，请使用最新邮件中的链接。',
      replacedCode: '这个回复码已被新的回复码取代，请使用最新短信中的回复码。',
      over: '会议已经结束，这个链接已失效。',
      removed: '这份邀请已被撤回。',
      throttled: '尝试次数过多，请稍后再试。',
    } as Record<string, string>,
  },
  en: {
    title: 'Your reply',
    dear: (name: string) => `Dear ${name},`,
    intro: 'Please tell us whether you will come and how you will travel, so that we can meet you and book your room.',
    phone: 'Phone',
    email: 'E-mail',
    yes: 'I will attend',
    no: 'I cannot attend',
    decision: 'Will you attend?',
    arrival: 'Travel (if you attend)',
    arrivalDate: 'Arrival date',
    arrivalTime: 'Arrival time',
    arrivalMode: 'Travelling by',
    arrivalNumber: 'Train or flight no.',
    arrivalStation: 'Station or airport',
    needsPickup: 'Do you need to be met?',
    pickupYes: 'Yes',
    pickupNo: 'No',
    nights: 'Hotel nights (0 if you need no room)',
    diet: 'Dietary needs',
    companions: 'Accompanied by',
    replyNote: 'Message (if you cannot attend, please tell us why)',
    submit: 'Send my reply',
    choose: 'Choose',
    switchLang: '中文',
    deadline: (day: string) => `Please reply by ${day}.`,
    changeBy: (day: string) => `You can change your reply here until ${day}.`,
    contact: (contact: string) => `Contact: ${contact}`,
    summary: {
      arrives: 'arriving at',
      pickup: 'to be met',
      noPickup: 'not to be met',
      nights: (n: number) => `${n} night(s) of hotel`,
      noRoom: 'no room',
    },
    closed: (day: string) => `Replies closed on ${day}; this page can no longer change them.`,
    dayBegun: 'Registration has begun; this page can no longer change your reply.',
    call: (contact: string) =>
      contact ? `To change anything, call ${contact}.` : 'To change anything, contact whoever invited you.',
    thanks: 'Thank you: we have your reply.',
    current: {
      confirmed: 'You have told us you will attend.',
      declined: 'You have told us you cannot attend.',
    } as Record<string, string>,
    change: 'Change my reply',
    errors: 'Please correct what is marked, then send again:',
    changedSince: 'The organisers changed your details after you opened this page. Please check them, then send again.',
    codeTitle: 'Enter your reply code',
    codeIntro: 'Type the 8-character code from the SMS and the last four digits of your phone number.',
    code: 'Reply code',
    tail: 'Last four digits of your phone',
    open: 'Open my reply page',
    codeWrong: 'The code or the four digits are wrong; please check the SMS and try again.',
    gone: {
      unknown: 'This link does not work. Please check that it was copied whole.',
      replaced: 'A newer invitation replaced this link: please use the link in the latest mail.',
      replacedCode: 'A newer reply code replaced this one: please use the code in the latest SMS.',
      over: 'The event is over; this link no longer works.',
      removed: 'This invitation was withdrawn.',
      throttled: 'Too many tries; please wait a while and try again.',
    } as Record<string, string>,
  },
};

export const escape = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1a1a1a}
main{max-width:560px;margin:0 auto;padding:16px}section{background:#fff;border-radius:8px;padding:16px;margin-bottom:12px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:0 0 8px}p{margin:6px 0}.muted{color:#555;font-size:14px}
label{display:block;margin:10px 0 2px;font-size:14px;color:#333}input,select,textarea{width:100%;font:inherit;padding:10px;border:1px solid #bbb;border-radius:6px;background:#fff}
.choice{display:flex;gap:8px}.choice label{flex:1;margin:0;border:1px solid #bbb;border-radius:6px;padding:10px;text-align:center;font-size:16px}
.choice input{width:auto;margin-right:6px}button{width:100%;margin-top:16px;padding:14px;font:inherit;font-size:17px;border:0;border-radius:6px;background:#1565c0;color:#fff}
.error{color:#b71c1c;font-size:14px}.notice{background:#fff3e0;border-left:4px solid #ef6c00}.done{background:#e8f5e9;border-left:4px solid #2e7d32}
.lang{float:right;font-size:14px}a{color:#1565c0}
form:has(input[name=decision][value=no]:checked) .travel{display:none}`;

function layout(lang: Lang, body: string, switchHref?: string) {
  const t = T[lang];
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex"><title>${escape(t.title)}</title><style>${STYLE}</style></head>
<body><main>${switchHref ? `<a class="lang" href="${escape(switchHref)}">${t.switchLang}</a>` : ''}${body}</main></body></html>`;
}

/** A page that opens nothing: an unknown, replaced or expired link, too many guesses. */
export function gonePage(lang: Lang, why: string, contact = '', switchHref?: string) {
  const t = T[lang];
  return layout(
    lang,
    `<section class="notice"><h1>${escape(t.title)}</h1><p>${escape(t.gone[why] ?? why)}</p>${contact ? `<p>${escape(t.call(contact))}</p>` : ''}</section>`,
    switchHref,
  );
}

/** The SMS guest's way in: the code and the phone's last four digits. */
export function codePage(lang: Lang, wrong = false, code = '') {
  const t = T[lang];
  return layout(
    lang,
    `<section><h1>${t.codeTitle}</h1><p class="muted">${t.codeIntro}</p>
${wrong ? `<p class="error">${t.codeWrong}</p>` : ''}
<form method="post" action="/r?lang=${lang}"><label for="code">${t.code}</label>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" maxlength="12" value="${escape(code)}" required>
<label for="tail">${t.tail}</label><input id="tail" name="tail" inputmode="numeric" maxlength="4" pattern="[0-9]{4}" required>
<button type="submit">${t.open}</button></form></section>`,
    `/r?lang=${lang === 'zh' ? 'en' : 'zh'}`,
  );
}

export interface ReplyView {
  lang: Lang;
  summit: Row;
  guest: Row;
  /** where the form posts, and the hidden fields a code's page carries */
  action: string;
  hidden: Record<string, string>;
  switchHref: string;
  open: boolean;
  /** the values to show: the guest's, or what they typed when it was refused */
  typed?: Record<string, string | undefined>;
  errors?: Record<string, string>;
  note?: 'thanks' | 'changedSince';
}

/** Beijing's clock for a stored instant: the date and the time boxes. */
function arrivalParts(value: unknown) {
  if (!value) return { date: '', time: '' };
  const wall = eventWallClock(String(value)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** "5月24日 14:32 G7531 抵达永康南站 · 需要接站 · 住宿 2 晚": the travel a guest gave. */
function travelSummary(guest: Row, lang: Lang) {
  const s = T[lang].summary;
  const { date, time } = arrivalParts(guest.arrivalAt);
  const parts = [
    date
      ? [
          dayText(date, lang).replace(/^\d{4}年/, ''),
          time,
          guest.arrivalNumber,
          guest.arrivalStation ? `${s.arrives}${lang === 'zh' ? '' : ' '}${guest.arrivalStation}` : '',
        ]
          .filter(Boolean)
          .join(' ')
      : '',
    guest.needsPickup === true ? s.pickup : guest.needsPickup === false ? s.noPickup : '',
    guest.nights == null ? '' : Number(guest.nights) > 0 ? s.nights(Number(guest.nights)) : s.noRoom,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function replyPage(view: ReplyView) {
  const { lang, summit, guest, open, errors = {} } = view;
  const t = T[lang];
  const arrival = arrivalParts(guest.arrivalAt);
  const value = (name: string, stored: unknown) => escape(view.typed ? view.typed[name] : (stored ?? ''));
  const pickup = view.typed
    ? view.typed.needsPickup
    : guest.needsPickup === true
      ? 'yes'
      : guest.needsPickup === false
        ? 'no'
        : '';
  const decision = view.typed
    ? view.typed.decision
    : guest.invitation === 'declined'
      ? 'no'
      : guest.invitation === 'confirmed'
        ? 'yes'
        : '';
  const error = (name: string) => (errors[name] ? `<div class="error">${escape(errors[name])}</div>` : '');
  const input = (name: string, stored: unknown, type = 'text', extra = '') =>
    `<label for="${name}">${escape((t as Record<string, unknown>)[name])}</label><input id="${name}" name="${name}" type="${type}" value="${value(name, stored)}" ${extra}${open ? '' : ' disabled'}>${error(name === 'arrivalDate' || name === 'arrivalTime' ? 'arrivalAt' : name)}`;
  const modes = enums.arrivalMode
    .map((o) => {
      const chosen = (view.typed ? view.typed.arrivalMode : guest.arrivalMode) === o.id;
      return `<option value="${o.id}"${chosen ? ' selected' : ''}>${escape(o.label[lang])}</option>`;
    })
    .join('');
  const when = [summit.startsOn, summit.endsOn].filter(Boolean).map((d) => dayText(String(d), lang));
  const place = [summit.city, summit.venue].filter(Boolean).join(lang === 'zh' ? ' ' : ', ');
  const deadline = dayText(replyDeadline(summit), lang);
  const salutation = placeholderValues(summit, guest, lang, null).salutation;
  const summary = guest.invitation === 'confirmed' ? travelSummary(guest, lang) : '';
  const range = arrivalRange(summit);
  const masked = [
    guest.phone ? `${t.phone} ${escape(maskPersonal(guest.phone))}` : '',
    guest.email ? `${t.email} ${escape(maskPersonal(guest.email))}` : '',
  ].filter(Boolean);
  const errorList = Object.keys(errors).length > 0 ? `<p class="error">${t.errors}</p>` : '';
  const status = t.current[String(guest.invitation)];
  const dis = open ? '' : ' disabled';
  return layout(
    lang,
    `<section><h1>${escape(summit.name)}</h1>
<p class="muted">${escape([...new Set(when)].join(lang === 'zh' ? ' 至 ' : ' to '))}${place ? ` · ${escape(place)}` : ''}</p>
<p>${escape(t.dear(lang === 'zh' ? `${guest.name}${salutation}` : `${salutation} ${guest.name}`.trim()))}</p>${masked.length ? `<p class="muted">${masked.join(' · ')}</p>` : ''}
${summit.contact ? `<p class="muted">${escape(t.contact(String(summit.contact)))}</p>` : ''}
<p>${t.intro}</p></section>
${view.note === 'thanks' ? `<section class="done"><p>${t.thanks}</p>${status ? `<p>${status}</p>` : ''}${summary ? `<p>${escape(summary)}</p>` : ''}</section>` : status ? `<section><p>${status}</p>${summary ? `<p>${escape(summary)}</p>` : ''}</section>` : ''}
${view.note === 'changedSince' ? `<section class="notice"><p>${t.changedSince}</p></section>` : ''}
${open ? `<section><p>${escape(status ? t.changeBy(deadline) : t.deadline(deadline))}</p></section>` : `<section class="notice"><p>${escape(['checkedIn', 'absent'].includes(String(guest.invitation)) ? t.dayBegun : t.closed(deadline))}</p><p>${escape(t.call(String(summit.contact ?? '')))}</p></section>`}
<form method="post" action="${escape(view.action)}">
${Object.entries(view.hidden)
  .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
  .join('')}
<input type="hidden" name="version" value="${escape(guest.version)}">
<section>${errorList}<h2>${t.decision}</h2><div class="choice">
<label><input type="radio" name="decision" value="yes"${decision === 'yes' ? ' checked' : ''}${dis} required>${t.yes}</label>
<label><input type="radio" name="decision" value="no"${decision === 'no' ? ' checked' : ''}${dis}>${t.no}</label></div>${error('invitation')}</section>
<section class="travel"><h2>${t.arrival}</h2>
${input('arrivalDate', arrival.date, 'date', `min="${escape(range.from)}" max="${escape(range.to)}"`)}${input('arrivalTime', arrival.time, 'time')}
<label for="arrivalMode">${t.arrivalMode}</label><select id="arrivalMode" name="arrivalMode"${dis}><option value="">${t.choose}</option>${modes}</select>${error('arrivalMode')}
${input('arrivalNumber', guest.arrivalNumber, 'text', 'autocapitalize="characters" maxlength="20"')}
${input('arrivalStation', guest.arrivalStation, 'text', 'maxlength="60"')}
<label>${t.needsPickup}</label><div class="choice">
<label><input type="radio" name="needsPickup" value="yes"${pickup === 'yes' ? ' checked' : ''}${dis}>${t.pickupYes}</label>
<label><input type="radio" name="needsPickup" value="no"${pickup === 'no' ? ' checked' : ''}${dis}>${t.pickupNo}</label></div>
${input('nights', guest.nights ?? '', 'number', 'min="0" max="60" inputmode="numeric"')}
${input('diet', guest.diet, 'text', 'maxlength="60"')}
${input('companions', guest.companions, 'text', 'maxlength="200"')}</section>
<section><label for="replyNote">${t.replyNote}</label><textarea id="replyNote" name="replyNote" rows="3" maxlength="500"${dis}>${value('replyNote', guest.replyNote)}</textarea>${error('replyNote')}
${open ? `<button type="submit">${t.submit}</button>` : ''}</section></form>`,
    view.switchHref,
  );
}
