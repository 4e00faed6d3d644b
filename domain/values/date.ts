/**
 * Dates as real ledgers write them (fields.md, "Values as real ledgers write them"): Excel serials,
 * Gregorian text (`2024/4/1`, `2024-04-01`, `2024年4月1日`, `2024.4.1`) and era text (`R6.4.1`,
 * `令和6年4月1日`, `令和元年5月1日`), in full or half width.
 */
import { dayFromYMD, isValidYMD, ymdOf, type Day } from '../calendar/day.js';
import { dayFromWareki, findEra, gregorianYear } from '../calendar/era.js';
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

const MS_PER_DAY = 86_400_000;
/** Serial 2958465 is 9999-12-31, the last day Excel can show. */
export const MAX_EXCEL_SERIAL = 2_958_465;
/** Serials from 61 (1900-03-01) on count days from 1899-12-30; those below 60 are one day later. */
const SERIAL_EPOCH = dayFromYMD(1899, 12, 30);
/** Text dates before 明治 or after 9999 are typing slips, not days a claim could carry. */
const MIN_YEAR = 1868;
const MAX_YEAR = 9999;
/** Longer than any date notation even with a time and padding: not worth normalising. */
const MAX_TEXT = 256;

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
// A time after the date, as CSV exports of datetime cells write it (`2024/04/01 0:00:00`); it is dropped.
const TIME = String.raw`(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
// Month and day after the year: the same separator twice (`/`, `-`, `.`), or `年…月…日` (日 optional).
const MONTH_DAY = String.raw`\s*(?:([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)`;
const GREGORIAN = new RegExp(String.raw`^(\d{4})` + MONTH_DAY + TIME + '$');
// The era by name or Latin letter; NFKC has already turned `㋿` into `令和` and `Ｒ` into `R`.
const ERA = new RegExp(
  String.raw`^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,4}|元)` + MONTH_DAY.replace('\\2', '\\3') + TIME + '$',
  'i',
);

export function parseDate(cell: Cell): Parsed<Day> {
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell === 'string') return fromText(cell);
  if (cell === null || cell === undefined) return BLANK;
  if (cell instanceof Date) return fromDate(cell);
  return invalid('unreadable');
}

/**
 * An Excel serial in the 1900 date system. Excel believes 1900 was a leap year, so serial 60 is the
 * phantom 1900-02-29 ('no-such-day') and serials below it are shifted by one. A fraction is a time of
 * day; like Excel, round to the millisecond first, so 45383.99999999999 is 45384.
 */
function fromSerial(n: number): Parsed<Day> {
  if (!Number.isFinite(n)) return invalid('unreadable');
  if (n < 1 || n >= MAX_EXCEL_SERIAL + 1) return invalid('out-of-range');
  const serial = Math.floor(Math.round(n * MS_PER_DAY) / MS_PER_DAY);
  if (serial === 60) return invalid('no-such-day');
  return valueOf(SERIAL_EPOCH + serial + (serial < 60 ? 1 : 0));
}

/** ExcelJS hands dates over as UTC midnight: the UTC date is the cell's day. */
function fromDate(date: Date): Parsed<Day> {
  let ms: number;
  try {
    ms = date.getTime();
  } catch {
    return invalid('unreadable'); // an object that only pretends to be a Date
  }
  if (!Number.isFinite(ms)) return invalid('unreadable');
  const day = Math.floor(ms / MS_PER_DAY);
  const { year } = ymdOf(day);
  return year < MIN_YEAR || year > MAX_YEAR ? invalid('out-of-range') : valueOf(day);
}

function fromText(raw: string): Parsed<Day> {
  if (raw.length > MAX_TEXT) return invalid('unreadable');
  const t = normalizeText(raw);
  if (isBlankNormalized(t)) return BLANK;
  // A CSV cell holding a serial (`45383`).
  if (NUMBER.test(t)) return fromSerial(Number(t));
  let m = GREGORIAN.exec(t);
  if (m) {
    const year = Number(m[1]);
    const [month, day] = monthDay(m, 3);
    if (year < MIN_YEAR || year > MAX_YEAR) return invalid('out-of-range');
    return isValidYMD(year, month, day) ? valueOf(dayFromYMD(year, month, day)) : invalid('no-such-day');
  }
  m = ERA.exec(t);
  if (m) {
    const era = findEra(m[1]!);
    if (!era) return invalid('unreadable');
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    if (gregorianYear(era, eraYear) > MAX_YEAR) return invalid('out-of-range');
    const [month, day] = monthDay(m, 4);
    const d = dayFromWareki(era, eraYear, month, day);
    return d === null ? invalid('no-such-day') : valueOf(d);
  }
  return invalid('unreadable');
}

/** Month and day from either alternative of MONTH_DAY, whose groups start at `first` (after the separator). */
function monthDay(m: RegExpExecArray, first: number): [number, number] {
  const month = m[first] ?? m[first + 2];
  const day = m[first + 1] ?? m[first + 3];
  return [Number(month), Number(day)];
}

/** `2024/4/1`: how Japanese Excel shows a date by default. */
export function formatDateJa(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${year}/${month}/${d}`;
}

/** `2024年4月1日` */
export function formatDateKanji(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${year}年${month}月${d}日`;
}

/** The Excel serial of a day (1900 date system), for writing dates back to a sheet. */
export function excelSerialOf(day: Day): number {
  const serial = day - SERIAL_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}
