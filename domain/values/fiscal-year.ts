/**
 * Fiscal years (年度) as ledgers write them: `令和6年度`, `R6`, `R6年度`, `2024`, `2024年度`, `H30`, in full
 * or half width. All name the Gregorian year the fiscal year starts in (April 1): 令和6年度 = 2024.
 */
import { findEra, gregorianYear } from '../calendar/era.js';
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

/** From 明治 on; a later year than 9999 cannot be a date either. */
export const MIN_FISCAL_YEAR = 1868;
export const MAX_FISCAL_YEAR = 9999;
const MAX_TEXT = 64;

// `2024`, `2024年`, `2024年度`; the 年/年度 suffix is optional throughout.
const GREGORIAN = /^(\d{1,5})\s*(?:年度?)?$/;
// `令和6年度`, `R6`, `R06年度`, `令和元年度`; NFKC has turned `㋿` into `令和` and `Ｒ` into `R`.
const ERA = /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(\d{1,4}|元)\s*(?:年度?)?$/i;

export function parseFiscalYear(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') return fromNumber(cell);
  if (typeof cell === 'string') return fromText(cell);
  if (cell === null || cell === undefined) return BLANK;
  return invalid('unreadable');
}

function fromNumber(n: number): Parsed<number> {
  if (!Number.isInteger(n)) return invalid('unreadable');
  return inRange(n);
}

function inRange(year: number): Parsed<number> {
  return year >= MIN_FISCAL_YEAR && year <= MAX_FISCAL_YEAR ? valueOf(year) : invalid('out-of-range');
}

function fromText(raw: string): Parsed<number> {
  if (raw.length > MAX_TEXT) return invalid('unreadable');
  const t = normalizeText(raw);
  if (isBlankNormalized(t)) return BLANK;
  let m = GREGORIAN.exec(t);
  if (m) return inRange(Number(m[1]));
  m = ERA.exec(t);
  if (m) {
    const era = findEra(m[1]!);
    if (!era) return invalid('unreadable');
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    // Era year 0 names no year; years past an era's end count on (H31 = 2019, as does R1).
    if (eraYear < 1) return invalid('out-of-range');
    return inRange(gregorianYear(era, eraYear));
  }
  return invalid('unreadable');
}
