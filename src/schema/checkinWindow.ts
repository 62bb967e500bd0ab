import { eventWallClock } from './eventTime';
import { getField } from './fields';
import { lectures } from './resources/lectures';
import type { Lang } from './types';

/** When a session's desks take check-ins, in instants (ms). */
export interface CheckInWindow {
  opens: number;
  starts: number;
  /** a check-in up to this instant is on time (the start and its grace period) */
  onTimeUntil: number;
  closes: number;
}

const MINUTE = 60_000;
/** without their own times: the desks open an hour before the start, close three hours after */
const OPENS_BEFORE = 60 * MINUTE;
const CLOSES_AFTER = 180 * MINUTE;

/** A session's (a lecture's) check-in window, from its fields or the defaults. */
export function checkInWindow(session: Record<string, unknown>): CheckInWindow {
  const at = (value: unknown) => (value ? Date.parse(String(value)) : NaN);
  const starts = at(session.startsAt);
  const opens = at(session.checkInOpens);
  const closes = at(session.checkInCloses);
  const ends = at(session.endsAt);
  // the schema's default, for a session saved before it had one
  const grace = Number(session.graceMinutes ?? getField(lectures, 'graceMinutes')?.default ?? 0);
  return {
    starts,
    opens: Number.isNaN(opens) ? starts - OPENS_BEFORE : opens,
    onTimeUntil: starts + grace * MINUTE,
    closes: !Number.isNaN(closes) ? closes : !Number.isNaN(ends) ? ends : starts + CLOSES_AFTER,
  };
}

/** Where an instant falls: before the desks open, on time, late, or after they closed. */
export type WindowPlace = 'before' | 'onTime' | 'late' | 'closed';

export function placeIn(window: CheckInWindow, at: number): WindowPlace {
  if (at < window.opens) return 'before';
  if (at <= window.onTimeUntil) return 'onTime';
  if (at <= window.closes) return 'late';
  return 'closed';
}

/** An instant as Beijing's clock reads it: 5月24日 08:30 / 05-24 08:30. */
export function clockText(at: number, lang: Lang) {
  const wall = eventWallClock(at).toISOString();
  const [month, day, time] = [Number(wall.slice(5, 7)), Number(wall.slice(8, 10)), wall.slice(11, 16)];
  return lang === 'zh' ? `${month}月${day}日 ${time}` : `${wall.slice(5, 10)} ${time}`;
}

/** Just the time of day, Beijing's: 09:12. */
export const timeText = (at: number) => eventWallClock(at).toISOString().slice(11, 16);
