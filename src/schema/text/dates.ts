import { halfWidth, smallNumber } from './fold';

/**
 * Dates and times as people write them in Chinese offices: 2026/5/24, 2026年5月24日（周日）,
 * 20260524, 5月24日 and 5/24 (the year taken from the context: the summit's), Excel serials;
 * 14:32, 14：32, 14点半, 下午3点, 上午九点, 15时, 3:30 PM. Pure functions of the text, so the
 * browser (typing, paste) and the server (import, forms) read a value the same way.
 */

export interface Day {
  date: string; // YYYY-MM-DD
  time: string | null; // HH:mm:ss
}

const pad = (n: number) => String(n).padStart(2, '0');

/** No date or time is written in more characters than this ("2026年12月24日（星期四） 下午3点半"). */
const LONGEST = 60;

function calendarDate(year: number, month: number, day: number): string | null {
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// A weekday after a date, as Chinese lists write it: （周日）, 星期一, (Mon)
const WEEKDAY =
  /^\s*[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?|^\s*[(（]?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[)）]?,?/i;

type DatePart = { date: string; rest: string } | null;

/** The date at the start of a text, and what follows it. */
function leadingDate(text: string, year: number | undefined): DatePart {
  const done = (y: number, m: number, d: number, length: number): DatePart => {
    const date = calendarDate(y, m, d);
    if (!date) return null;
    return { date, rest: text.slice(length).replace(WEEKDAY, '') };
  };
  // 2026-5-24, 2026/05/24, 2026.5.24, 2026年5月24日/号
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/.exec(text);
  if (m) return done(+m[1], +m[2], +m[3], m[0].length);
  // 20260524, alone or before a time
  m = /^(\d{4})(\d{2})(\d{2})(?!\d)/.exec(text);
  if (m) return done(+m[1], +m[2], +m[3], m[0].length);
  // May 24, 2026 / 24 May 2026 / May 24
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i.exec(text);
  if (m && MONTHS.includes(m[1].toLowerCase()) && (m[3] || year))
    return done(m[3] ? +m[3] : year!, MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2], m[0].length);
  m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?(?:,?\s+(\d{4}))?/i.exec(text);
  if (m && MONTHS.includes(m[2].toLowerCase()) && (m[3] || year))
    return done(m[3] ? +m[3] : year!, MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1], m[0].length);
  if (year === undefined) return null;
  // no year: 5月24日, 5月24号, 5/24, 5-24 (month first, as China writes it)
  m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|^(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/.-])/.exec(text);
  if (m) return done(year, +(m[1] ?? m[3]), +(m[2] ?? m[4]), m[0].length);
  return null;
}

// 上午九点, 下午3:30, 晚上8点半: the part of the day, then the hour
const PERIODS: [RegExp, 'am' | 'pm' | 'noon'][] = [
  [/^(凌晨|早上|早晨|清晨|上午|早)/, 'am'],
  [/^(中午)/, 'noon'],
  [/^(下午|午后|傍晚|晚上|晚间|夜里|夜间|晚)/, 'pm'],
];

/** A time of day alone: 14:32, 14：32:10, 14点32(分), 14点半, 14点一刻, 下午3点, 上午九点,
 * 15时, 3:30 PM, 3 pm. As HH:mm:ss, or null. */
export function readTime(raw: string): string | null {
  if (raw.length > LONGEST) return null;
  let text = halfWidth(raw).trim().toLowerCase();
  let period: 'am' | 'pm' | 'noon' | undefined;
  for (const [pattern, which] of PERIODS) {
    const m = pattern.exec(text);
    if (m) {
      period = which;
      text = text.slice(m[0].length).trim();
      break;
    }
  }
  // anchored at the end only after a cheap test: an unanchored \s* would scan long text quadratically
  const tail = Math.max(0, text.length - 8);
  const english = /([ap])\.?\s?m\.?$/.exec(text.slice(tail));
  if (english) {
    if (period) return null;
    period = english[1] === 'a' ? 'am' : 'pm';
    text = text.slice(0, tail + english.index).trim();
  }
  let hour: number | null;
  let minute = 0;
  let second = 0;
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    [hour, minute, second] = [+clock[1], +clock[2], +(clock[3] ?? 0)];
  } else {
    // 14点32分, 14点半, 14点一刻, 15时, 九点, 十四点零五
    const spoken =
      /^([\d一二两三四五六七八九十〇零]{1,3})\s*[点时](?:\s*(半|一刻|三刻|[\d一二三四五六七八九十〇零]{1,3})\s*分?)?(?:\s*(\d{1,2})\s*秒)?$/.exec(
        text,
      );
    if (!spoken) {
      // 3 pm: an hour alone, only with a period
      const bare = /^(\d{1,2})$/.exec(text);
      if (!bare || !period) return null;
      hour = +bare[1];
    } else {
      hour = smallNumber(spoken[1]);
      const m = spoken[2];
      minute =
        m === '半' ? 30 : m === '一刻' ? 15 : m === '三刻' ? 45 : m ? (smallNumber(m.replace(/^[〇零]/, '')) ?? -1) : 0;
      second = spoken[3] ? +spoken[3] : 0;
    }
  }
  if (hour === null || minute < 0 || minute > 59 || second > 59) return null;
  if (period === 'pm' && hour >= 1 && hour <= 11) hour += 12;
  else if (period === 'am' && hour === 12) hour = 0;
  else if (period === 'noon' && hour >= 1 && hour <= 2) hour += 12; // 中午1点 is 13:00
  if (period && hour > 23) return null;
  if (hour > 23) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

// Excel counts days from 1899-12-30; a date cell that lost its format shows as such a number
// (45800 is 2025-05-23). Five digits cover 1927 to 2173 and never look like 20250525.
const SERIAL = /^\d{5}(\.\d+)?$/;
const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromSerial(text: string): Day {
  const ms = Math.round((Number(text) * DAY_MS) / 1000) * 1000;
  const d = new Date(EXCEL_EPOCH + ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = ms % DAY_MS === 0 ? null : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time };
}

/**
 * A date, with or without a time after it ("2026/5/24 下午3点", "5月24日14:30"), or null when
 * the text is not one. `year` is the year a date without one belongs to; without it, such a
 * date is not read.
 */
export function readDay(raw: string, year?: number): Day | null {
  if (raw.length > LONGEST) return null;
  const text = halfWidth(raw).trim();
  if (SERIAL.test(text)) return fromSerial(text);
  const found = leadingDate(text, year);
  if (!found) return null;
  const rest = found.rest.replace(/^\s*[,T]?\s*/, '');
  if (rest === '') return { date: found.date, time: null };
  // after a date, four digits are a time as some Excel formats write it (20260524 1430)
  const time = /^([01]\d|2[0-3])([0-5]\d)$/.test(rest) ? `${rest.slice(0, 2)}:${rest.slice(2)}:00` : readTime(rest);
  return time ? { date: found.date, time } : null;
}

/** Whether a text is a time of day and nothing else (a time column beside a date column). */
export const isTimeOnly = (text: string) => readTime(text) !== null;
