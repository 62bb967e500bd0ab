import { checkInWindow, clockText, placeIn, timeText } from '../../schema/checkinWindow';
import { enums, resourceByName, type Lang } from '../../schema';
import { stampsFor } from '../../schema/stamps';
import { scannedCode } from '../../schema/checkinCode';
import { HttpError, message } from '../messages';
import type { Row } from '../records';
import type { Step, WriteView } from '../store/recordStore';

/** What a desk sends: who (their id, or the code scanned), how, from which desk. */
export interface DeskCheckIn {
  attendeeId?: unknown;
  code?: unknown;
  how?: unknown;
  desk?: unknown;
  /** the desk's id for this scan: sent again (a retry, a double scan), the same check-in */
  requestId?: unknown;
  /** the guest's 代会人 checks in in their place */
  substitute?: unknown;
}

/** What the desk is told: the check-in, and whether this request made it. */
export interface CheckInAnswer {
  checkin: Row;
  created: boolean;
}

const deskName = (desk: unknown, lang: Lang) => (desk ? String(desk) : lang === 'zh' ? '签到台' : 'a desk');

/**
 * Plans one guest's check-in at one session. The guest's record is read holding it (`find`
 * locks it in a database), so two desks checking the same guest at once are one after the
 * other: the second finds the first's check-in, which stays. The same request sent again is
 * answered with the check-in it made; another desk's request is refused (409) with when and
 * where the guest checked in.
 */
export async function planCheckIn(
  view: WriteView,
  session: Row,
  input: DeskCheckIn,
  now: number,
  lang: Lang,
  answer: { existing?: Row },
): Promise<Step[]> {
  const how = input.how ?? 'search';
  if (typeof how !== 'string' || !enums.checkinHow.some((o) => o.id === how))
    throw new HttpError(400, message(lang, 'checkinHow', { options: enums.checkinHow.map((o) => o.id).join(', ') }));
  // what a desk sends is text (an id may be a number): anything else is refused, not coerced
  const text = (value: unknown) => value === undefined || value === null || typeof value === 'string';
  if (
    !text(input.desk) ||
    !text(input.requestId) ||
    !text(input.code) ||
    !['undefined', 'string', 'number'].includes(typeof input.attendeeId)
  )
    throw new HttpError(400, message(lang, 'badRequest'));
  const guest = await findGuest(view, input, session.summitId, lang);
  if (session.summitId != null && String(guest.summitId) !== String(session.summitId))
    throw new HttpError(409, message(lang, 'checkinNotGuest', { name: String(guest.name) }));
  const earlier = (await view.where('checkins', 'attendeeId', guest.id)).find(
    (row) => String(row.lectureId) === String(session.id),
  );
  if (earlier) {
    if (input.requestId != null && earlier.requestId === String(input.requestId)) {
      answer.existing = earlier;
      return [];
    }
    throw new HttpError(
      409,
      message(lang, 'checkinAlready', {
        name: String(guest.name),
        time: timeText(Date.parse(String(earlier.at))),
        desk: deskName(earlier.desk, lang),
      }),
      { checkin: earlier },
    );
  }
  const window = checkInWindow(session);
  const place = placeIn(window, now);
  if (place === 'before')
    throw new HttpError(409, message(lang, 'checkinBefore', { at: clockText(window.opens, lang) }));
  if (place === 'closed')
    throw new HttpError(409, message(lang, 'checkinClosed', { at: clockText(window.closes, lang) }));
  let substitute: string | null = null;
  if (input.substitute === true) {
    const leave = (await view.where('leaves', 'attendeeId', guest.id)).find(
      (row) => String(row.lectureId) === String(session.id) && row.substituteName,
    );
    if (!leave) throw new HttpError(409, message(lang, 'checkinNoSubstitute', { name: String(guest.name) }));
    substitute = String(leave.substituteName);
  }
  // the first session a guest comes to is their arrival at the summit too (the wall, the
  // desk's count, who is marked absent)
  const arrived: Step[] =
    session.summitId != null && guest.invitation !== 'checkedIn'
      ? [
          {
            op: 'update',
            resource: 'attendees',
            row: guest,
            fields: {
              invitation: 'checkedIn',
              ...stampsFor(
                resourceByName.attendees,
                { ...guest, invitation: 'checkedIn' },
                guest,
                { invitation: 'checkedIn' },
                now,
              ),
            },
          },
        ]
      : [];
  return [
    {
      op: 'create',
      resource: 'checkins',
      fields: {
        lectureId: session.id,
        attendeeId: guest.id,
        at: new Date(now).toISOString(),
        desk: input.desk ? String(input.desk).slice(0, 20) : null,
        how,
        late: place === 'late',
        substitute,
        requestId: input.requestId != null ? String(input.requestId).slice(0, 64) : null,
      },
    },
    ...arrived,
  ];
}

async function findGuest(view: WriteView, input: DeskCheckIn, summitId: unknown, lang: Lang): Promise<Row> {
  if (input.attendeeId != null) {
    const guest = await view.find('attendees', input.attendeeId);
    if (!guest) throw new HttpError(404, message(lang, 'notFound'));
    return guest;
  }
  if (typeof input.code === 'string' && input.code.trim()) {
    const code = scannedCode(input.code);
    const matches = code ? await view.where('attendees', 'checkInCode', code) : [];
    // (codes are random, not unique across summits: the session's summit's guest is the one)
    const match = matches.find((g) => summitId == null || String(g.summitId) === String(summitId)) ?? matches[0];
    // read again holding it, as by id
    const guest = match && (await view.find('attendees', match.id));
    if (!guest) throw new HttpError(404, message(lang, 'checkinCode'));
    return guest;
  }
  throw new HttpError(400, message(lang, 'checkinWho'));
}
