import { beijingDay, resourceByName, type Lang } from '../../schema';
import { eventDayEnd, eventDayStart } from '../../schema/eventTime';
import { replyDeadline } from '../../schema/invitation';
import type { Actor } from '../audit';
import { checkUpdate } from '../checks';
import { HttpError } from '../messages';
import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';

/** The reply form as the browser posts it (application/x-www-form-urlencoded). */
export type Form = Record<string, string | undefined>;

/** What the guest may still change: until the end of the deadline's day in Beijing; not once
 * the day itself has begun for them (checked in, marked absent). */
export function replyOpen(summit: Row, guest: Row, now: number) {
  const day = replyDeadline(summit);
  if (day && now >= eventDayEnd(day)) return false;
  return !['checkedIn', 'absent'].includes(String(guest.invitation));
}

/** Whether a link still opens anything: until the summit's last day has ended in Beijing. */
export const summitOver = (summit: Row, now: number) => now >= eventDayEnd(summit.endsOn);

const text = (value: string | undefined) => (value ?? '').trim();

/**
 * The guest's answer as a change of their record: coming (with how they arrive, whether to be
 * met, nights, diet, companions) or not (with a reason). Empty boxes clear what they held: the
 * form shows every value it sends back.
 */
export function answerOf(form: Form, lang: Lang): Record<string, unknown> {
  // nothing is assumed: a form posted without the choice (a bot, a scanner) changes nothing
  if (form.decision !== 'yes' && form.decision !== 'no') {
    const choose = lang === 'zh' ? '请选择是否参加' : 'Please choose whether you will attend';
    throw new HttpError(400, choose, { errors: { invitation: choose } });
  }
  if (form.decision === 'no') return { invitation: 'declined', replyNote: text(form.replyNote) || null };
  const date = text(form.arrivalDate);
  const time = text(form.arrivalTime);
  return {
    invitation: 'confirmed',
    // a day without a time is refused by the schema ("needs a time"), as a typed one is
    arrivalAt: date || time ? `${date} ${time}`.trim() : null,
    arrivalMode: text(form.arrivalMode) || null,
    arrivalNumber: text(form.arrivalNumber).toUpperCase() || null,
    arrivalStation: text(form.arrivalStation) || null,
    needsPickup: form.needsPickup === 'yes' ? true : form.needsPickup === 'no' ? false : null,
    // left empty is not "no room": the organisers ask again
    nights: text(form.nights) || null,
    diet: text(form.diet) || null,
    companions: text(form.companions) || null,
    replyNote: text(form.replyNote) || null,
  };
}

/** a guest may arrive up to a week before the summit (a visit, a rest), not after it */
const ARRIVES_FROM_DAYS = 7;

/** The days a guest may say they arrive: the reply page's date box offers only these. */
export const arrivalRange = (summit: Row) => ({
  from: beijingDay(eventDayStart(summit.startsOn), -ARRIVES_FROM_DAYS),
  to: String(summit.endsOn ?? summit.startsOn),
});

/** What the schema cannot know of an answer: an arrival that fits the summit, a pick-up with a
 * time to meet. */
function answerProblems(answer: Record<string, unknown>, summit: Row, lang: Lang): Record<string, string> {
  if (answer.invitation !== 'confirmed') return {};
  const zh = lang === 'zh';
  const problems: Record<string, string> = {};
  const arrival = typeof answer.arrivalAt === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(answer.arrivalAt)?.[1] : undefined;
  const { from, to } = arrivalRange(summit);
  if (arrival && (arrival < from || arrival > to))
    problems.arrivalAt = zh
      ? `抵达日期应在 ${from} 至 ${to} 之间，请核对`
      : `The arrival day should be between ${from} and ${to}`;
  if (answer.needsPickup === true && !answer.arrivalAt)
    problems.arrivalAt = zh ? '需要接站时，请填写抵达日期和时间' : 'To be met, give the day and time you arrive';
  return problems;
}

/**
 * Writes a guest's answer as any change of a guest is written: checked by the schema (a bad
 * time or number is refused, field by field), merged with what the organisers changed since
 * the page was opened (`version`), in the guest's history under their own name.
 */
export async function saveAnswer(
  records: RecordStore,
  summit: Row,
  guest: Row,
  form: Form,
  lang: Lang,
  now: number,
): Promise<Row> {
  const actor: Actor = { id: 0, username: `${String(guest.name)}（回复页）` };
  const version = Number(form.version);
  const [saved] = await records.write(actor, async (view) => {
    const current = await view.find('attendees', guest.id);
    if (!current) return [];
    // closed meanwhile (checked in at a desk a moment ago): the page's answer does not undo it
    if (!replyOpen(summit, current, now)) throw new HttpError(403, '');
    const answer = answerOf(form, lang);
    const problems = answerProblems(answer, summit, lang);
    if (Object.keys(problems).length > 0)
      throw new HttpError(400, Object.values(problems).join(lang === 'zh' ? '；' : '; '), { errors: problems });
    const body = { ...answer, ...(Number.isInteger(version) && version > 0 ? { version } : {}) };
    // a guest's record has no rules of its own beyond the schema's
    return checkUpdate(
      { view, actor, role: 'organiser', lang, now, hooks: () => [] },
      resourceByName.attendees,
      body,
      current,
    );
  });
  return saved ?? guest;
}
