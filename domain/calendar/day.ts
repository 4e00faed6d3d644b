/**
 * Calendar days as integers (days since 1970-01-01), so rules compare and add dates with plain
 * arithmetic and no time zone can shift a day. Everything about the Gregorian calendar that the
 * rules need lives here; the Japanese eras are in `era.ts`.
 */

/** A calendar day: the number of days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 by plain arithmetic (Howard Hinnant's days_from_civil): no Date object per cell. */
export function dayFromYMD(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** True when year-month-day names a real day (no 2023-02-29, no month 13). */
export function isValidYMD(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function ymdOf(d: Day): YMD {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** `2025-03-31` */
export function formatISO(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Strict `YYYY-MM-DD`, as the command line and the API take it; null otherwise. */
export function parseISODay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYMD(y, mo, d) ? dayFromYMD(y, mo, d) : null;
}

export function addDays(d: Day, n: number): Day {
  return d + n;
}

/**
 * The same month and day `n` years on. A Feb 29 that does not exist in the target year becomes
 * Mar 1, so that "the day before" is the month's last day, as 民法143条 counts periods.
 */
export function addYears(d: Day, n: number): Day {
  const { year, month, day } = ymdOf(d);
  const y = year + n;
  if (month === 2 && day === 29 && daysInMonth(y, 2) === 28) return dayFromYMD(y, 3, 1);
  return dayFromYMD(y, month, day);
}

/** The fiscal year (年度) a day falls in: April 1 to March 31, named by the year it starts in. */
export function fiscalYearOf(d: Day): number {
  const { year, month } = ymdOf(d);
  return month >= 4 ? year : year - 1;
}

/** Whole years from `from` to `to` (how old a claim is on a day), by calendar anniversaries. */
export function wholeYearsBetween(from: Day, to: Day): number {
  if (to < from) return 0;
  const a = ymdOf(from);
  const b = ymdOf(to);
  let years = b.year - a.year;
  if (addYears(from, years) > to) years -= 1;
  return years;
}

/** Today in Japan (UTC+9, no daylight saving), the default as-of date (基準日). */
export function todayInJapan(nowMs: number = Date.now()): Day {
  return Math.floor((nowMs + 9 * 3_600_000) / MS_PER_DAY);
}
