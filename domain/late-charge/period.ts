/**
 * The days a late charge runs over: the first period (one month by 民法143条, or a number of days
 * after the 督促 where an ordinance says so), and spans cut at each 31 December, because the rates
 * go by calendar year.
 */
import { dayFromYMD, daysInMonth, ymdOf, type Day } from '../calendar/day.js';

/**
 * The last day of one month counted from `start` (民法143条2項): the day before the same day of
 * the next month; where that month has no such day, its last day. `2025-05-15` → `2025-06-14`,
 * `2025-05-01` → `2025-05-31`, `2025-01-31` → `2025-02-28`.
 */
export function oneMonthEnd(start: Day): Day {
  const { year, month, day } = ymdOf(start);
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  const last = daysInMonth(ny, nm);
  return day <= last ? dayFromYMD(ny, nm, day) - 1 : dayFromYMD(ny, nm, last);
}

/** A run of days, both ends included. */
export interface Span {
  from: Day;
  to: Day;
}

export const spanDays = (s: Span): number => s.to - s.from + 1;

/** Cuts a span at every 31 December inside it; an empty span (to < from) gives nothing. */
export function splitAtYearEnds(span: Span): Span[] {
  const out: Span[] = [];
  let from = span.from;
  while (from <= span.to) {
    const yearEnd = dayFromYMD(ymdOf(from).year, 12, 31);
    const to = Math.min(yearEnd, span.to);
    out.push({ from, to });
    from = to + 1;
  }
  return out;
}

export const yearOf = (d: Day): number => ymdOf(d).year;
