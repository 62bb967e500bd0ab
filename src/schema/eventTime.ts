/** Events happen in China: a time typed without a zone, a day of a date-time filter, a time in
 * a spreadsheet, is Beijing time (China has no daylight saving, so the offset is fixed). */
export const EVENT_TIME_ZONE = 'Asia/Shanghai';
export const EVENT_UTC_OFFSET = '+08:00';

/** the same offset in minutes and milliseconds, read from the one above */
export const EVENT_OFFSET_MINUTES =
  (EVENT_UTC_OFFSET.startsWith('-') ? -1 : 1) *
  (Number(EVENT_UTC_OFFSET.slice(1, 3)) * 60 + Number(EVENT_UTC_OFFSET.slice(4, 6)));
export const EVENT_OFFSET_MS = EVENT_OFFSET_MINUTES * 60_000;

/** A stored instant as a clock in Beijing reads it, carried as a UTC date: what a spreadsheet
 * cell (which has no zones) or a day key shows. */
export const eventWallClock = (instant: string | number | Date) =>
  new Date(new Date(instant).getTime() + EVENT_OFFSET_MS);

/** The instant a day (2027-05-24) begins, and the instant it ends, in Beijing. */
export const eventDayStart = (day: unknown) => Date.parse(`${String(day)}T00:00:00${EVENT_UTC_OFFSET}`);
export const eventDayEnd = (day: unknown) => eventDayStart(day) + 86_400_000;
