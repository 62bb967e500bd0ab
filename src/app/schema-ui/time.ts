import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { EVENT_TIME_ZONE } from '../../schema';

dayjs.extend(utc);
dayjs.extend(timezone);

/** dayjs follows the app's language, so dates read the way the user reads. */
export const dayjsLocale = (locale: string) => (locale === 'zh' ? 'zh-cn' : 'en');

// Events happen in China: times read and are typed in Beijing time, wherever the browser is.

/** A date or a date-time in the reader's language (2026年12月1日 / Dec 1, 2026). */
export const formatDay = (value: unknown, kind: 'date' | 'datetime', locale: string) => {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'date') {
    const day = dayjs(String(value)).locale(dayjsLocale(locale));
    return day.isValid() ? day.format('ll') : String(value);
  }
  const time = dayjs(String(value)).tz(EVENT_TIME_ZONE).locale(dayjsLocale(locale));
  return time.isValid() ? time.format('ll HH:mm') : String(value);
};

/** A day where space is tight (a pill on a card): 12月21日 / Dec 21 within this year (in
 * Beijing), 2027/1/5 / 1/5/2027 in another. */
export const formatShortDay = (value: unknown, locale: string) => {
  if (value === null || value === undefined || value === '') return '';
  const day = dayjs(String(value)).locale(dayjsLocale(locale));
  if (!day.isValid()) return String(value);
  const thisYear = day.year() === dayjs().tz(EVENT_TIME_ZONE).year();
  if (locale === 'zh') return day.format(thisYear ? 'M月D日' : 'YYYY/M/D');
  return day.format(thisYear ? 'MMM D' : 'M/D/YYYY');
};

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** For <input type="datetime-local">: the stored UTC instant as Beijing wall-clock time …
 * Idempotent, because react-admin's DateTimeInput applies `format` twice to its default. */
export const toLocalInput = (value: unknown) => {
  if (!value) return '';
  if (WALL_CLOCK.test(String(value))) return String(value);
  return dayjs(String(value)).tz(EVENT_TIME_ZONE).format('YYYY-MM-DDTHH:mm');
};

/** … and back: what was typed, read as Beijing time. */
export const fromLocalInput = (text: string) => (text ? dayjs.tz(text, EVENT_TIME_ZONE).toISOString() : null);
