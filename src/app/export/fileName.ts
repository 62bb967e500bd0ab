import { beijingDay } from '../../schema';

/** One style for every exported file's name: whose, what, the day (Beijing):
 * 2026青岚智能制造高峰论坛-签到表-2026-12-01. What is not given is left out. */
export const exportFileName = (of: string | undefined, what: string) =>
  [of, what, beijingDay()].filter(Boolean).join('-');
