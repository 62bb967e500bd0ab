import { beijingDay, type Lang } from '../../schema';
import { eventDayStart, eventWallClock } from '../../schema/eventTime';
import { replyDeadline } from '../../schema/invitation';
import { PENDING_MAIL } from '../../schema/resources/outbox';
import type { Row } from '../records';
import type { RecordStore, Step, WriteView } from '../store/recordStore';
import { OUTBOX, queuedMail } from './mails';
import { reconfirmMail, reminderMail, type Composed } from './templates';

/** reminders go out from this hour of the day, Beijing time, not at midnight */
const FROM_HOUR = 9;

type Kind = 'reminder' | 'reconfirm';

/**
 * What is due today, worked out from the summits and guests as they are now (a summit moved,
 * its reminders move with it):
 * - `reminder`: to a guest invited by mail who has not answered, from `remindDays` days before
 *   the reply deadline until it passes;
 * - `reconfirm`: to a guest who confirmed, the day before they arrive, with the arrival as
 *   they gave it.
 * Each goes once to each guest (a cancelled one counts: the organiser did not want it), to the
 * guest's address now, in the language and to the reply page of their invitation.
 */
function due(summit: Row, guest: Row, mails: Row[], now: number): Kind | null {
  if (!guest.email || guest.emailBouncing === true) return null;
  const today = beijingDay(now);
  const had = (kind: Kind) => mails.some((mail) => mail.kind === kind);
  // not to someone invited less than a day ago: the invitation is the reminder
  const invitedLately = mails.some(
    (mail) =>
      mail.kind === 'invitation' &&
      (PENDING_MAIL.includes(String(mail.state)) ||
        (mail.state === 'sent' && Date.parse(String(mail.sentAt)) > now - 86_400_000)),
  );
  if (guest.invitation === 'invited' && summit.remindDays != null && !had('reminder') && !invitedLately) {
    const deadline = replyDeadline(summit);
    const from = beijingDay(eventDayStart(deadline), -Number(summit.remindDays));
    if (today >= from && today <= deadline) return 'reminder';
  }
  if (guest.invitation === 'confirmed' && guest.arrivalAt && !had('reconfirm')) {
    if (beijingDay(Date.parse(String(guest.arrivalAt)), -1) === today) return 'reconfirm';
  }
  return null;
}

const COMPOSE: Record<Kind, (summit: Row, guest: Row, lang: Lang, base: string | null) => Composed> = {
  reminder: reminderMail,
  reconfirm: reconfirmMail,
};

/** A summit's reminders due now, as outbox mails to create. */
async function summitSteps(view: WriteView, summit: Row, now: number): Promise<Step[]> {
  const [guests, mails] = await Promise.all([
    view.where('attendees', 'summitId', summit.id),
    view.where(OUTBOX, 'summitId', summit.id),
  ]);
  const byGuest = new Map<string, Row[]>();
  for (const mail of mails)
    byGuest.set(String(mail.attendeeId), [...(byGuest.get(String(mail.attendeeId)) ?? []), mail]);
  const steps: Step[] = [];
  for (const guest of guests) {
    const own = byGuest.get(String(guest.id)) ?? [];
    // the invitation they had: its language and its reply page (none: invited by hand, not mailed)
    const invitation = own.filter((mail: Row) => mail.kind === 'invitation' && mail.replyBase).at(-1);
    if (!invitation) continue;
    const kind = due(summit, guest, own, now);
    if (!kind) continue;
    const lang = (invitation.lang === 'en' ? 'en' : 'zh') as Lang;
    steps.push(
      queuedMail(
        {
          summitId: summit.id,
          attendeeId: guest.id,
          kind,
          to: guest.email,
          ...COMPOSE[kind](summit, guest, lang, String(invitation.replyBase)),
          lang,
          replyBase: invitation.replyBase,
        },
        now,
      ),
    );
  }
  return steps;
}

/**
 * Queues the reminders due now, once each, however many servers run this at once: a summit
 * with any due is read again holding its record (`find` locks it in a database), so a second
 * server's round waits for the first's and then finds its mails. Returns how many were queued.
 */
export async function queueReminders(records: RecordStore, now: number): Promise<number> {
  if (eventWallClock(now).getUTCHours() < FROM_HOUR) return 0;
  // summits still to come or under way: the only ones with replies or arrivals ahead
  const { page: summits } = await records.page('summits', { endsOn_gte: beijingDay(now) });
  const queued = await records.write(null, async (view) => {
    const steps: Step[] = [];
    for (const summit of summits) {
      if ((await summitSteps(view, summit, now)).length === 0) continue;
      const held = await view.find('summits', summit.id);
      if (held) steps.push(...(await summitSteps(view, held, now)));
    }
    return steps;
  });
  return queued.length;
}
