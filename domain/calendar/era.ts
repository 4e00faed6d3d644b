/**
 * The Japanese eras (和暦). Ledgers and pre-printed forms write dates and fiscal years as `令和6年4月1日`,
 * `R6.4.1` or `令和6年度`; this table turns an era year into a Gregorian year and back.
 */
import { dayFromYMD, isValidYMD, ymdOf, type Day } from './day.js';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';
export type EraLetter = 'M' | 'T' | 'S' | 'H' | 'R';

export interface Era {
  readonly name: EraName;
  readonly letter: EraLetter;
  /** The era's first day (an era begins mid-year, on the day of its proclamation or accession). */
  readonly startYear: number;
  readonly startMonth: number;
  readonly startDay: number;
  readonly start: Day;
  /** The era's last day; null for the current era. */
  readonly end: Day | null;
}

const TABLE: readonly [EraName, EraLetter, number, number, number][] = [
  ['明治', 'M', 1868, 1, 25],
  ['大正', 'T', 1912, 7, 30],
  ['昭和', 'S', 1926, 12, 25],
  ['平成', 'H', 1989, 1, 8],
  ['令和', 'R', 2019, 5, 1],
];

/** Oldest first. */
export const ERAS: readonly Era[] = TABLE.map(([name, letter, y, m, d], i) => {
  const next = TABLE[i + 1];
  const end = next ? dayFromYMD(next[2], next[3], next[4]) - 1 : null;
  return { name, letter, startYear: y, startMonth: m, startDay: d, start: dayFromYMD(y, m, d), end };
});

const BY_NAME = new Map<string, Era>(ERAS.map((e) => [e.name, e]));
const BY_LETTER = new Map<string, Era>(
  ERAS.flatMap((e) => [[e.letter, e] as const, [e.letter.toLowerCase(), e] as const]),
);

/** `令和` → 令和. */
export function eraByName(name: string): Era | undefined {
  return BY_NAME.get(name);
}

/** `R` or `r` → 令和. */
export function eraByLetter(letter: string): Era | undefined {
  return BY_LETTER.get(letter);
}

/** Either notation: `令和`, `R` or `r`. */
export function findEra(token: string): Era | undefined {
  return BY_NAME.get(token) ?? BY_LETTER.get(token);
}

/** The era in force on a day; undefined before 明治 (1868-01-25). */
export function eraOf(day: Day): Era | undefined {
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (day >= era.start) return era;
  }
  return undefined;
}

/** 令和6 → 2024. Years past the era's end count on (平成32 → 2020), as old forms still print them. */
export function gregorianYear(era: Era, eraYear: number): number {
  return era.startYear + eraYear - 1;
}

/**
 * The day an era date names, or null when there is no such day: a month or day that does not exist,
 * era year 0, or a day before the era began (令和元年4月30日). A day past the era's end (平成31年5月1日)
 * is the same day in the Gregorian calendar.
 */
export function dayFromWareki(era: Era, eraYear: number, month: number, day: number): Day | null {
  if (!Number.isInteger(eraYear) || eraYear < 1) return null;
  const year = gregorianYear(era, eraYear);
  if (!isValidYMD(year, month, day)) return null;
  const d = dayFromYMD(year, month, day);
  return d < era.start ? null : d;
}

/** `元` for the first year of an era, the number otherwise. */
function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

/**
 * A Gregorian year as an era year, by the era that began in or before it (2019 → `令和元`, 2024 → `令和6`,
 * 1988 → `昭和63`). Years before 明治 stay Gregorian (`1867`).
 */
export function warekiYearLabel(year: number): string {
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i]!;
    if (year >= era.startYear) return era.name + eraYearText(year - era.startYear + 1);
  }
  return String(year);
}

/**
 * A fiscal year's name: `令和6年度` for 2024. The era is the latest one that began in or before the calendar
 * year the fiscal year starts in, as municipalities name them: FY2019 (which began under 平成) is `令和元年度`,
 * FY1989 is `平成元年度`, and FY1988 (which ended under 平成) is still `昭和63年度`.
 */
export function fiscalYearLabel(fiscalYear: number): string {
  return `${warekiYearLabel(fiscalYear)}年度`;
}

/** `令和6年4月1日`, `令和元年5月1日`. Days before 明治 are written in the Gregorian calendar (`1867年1月1日`). */
export function formatWareki(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  const era = eraOf(day);
  if (!era) return `${year}年${month}月${d}日`;
  return `${era.name}${eraYearText(year - era.startYear + 1)}年${month}月${d}日`;
}

/** `R6.4.1`, `R1.5.1` (the short form has no 元). Days before 明治 are written `1867.1.1`. */
export function formatWarekiShort(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  const era = eraOf(day);
  if (!era) return `${year}.${month}.${d}`;
  return `${era.letter}${year - era.startYear + 1}.${month}.${d}`;
}
