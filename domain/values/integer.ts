/**
 * Counts (催告回数): non-negative whole numbers, in full or half width, with an optional `回` or `件`
 * (`3回`, `１２件`) and optional thousands separators.
 */
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

const MAX_TEXT = 64;
const COUNT = /^(\d{1,3}(?:,\d{3})+|\d+)\s*[回件]?$/;

export function parseInteger(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') return fromNumber(cell);
  if (typeof cell === 'string') return fromText(cell);
  if (cell === null || cell === undefined) return BLANK;
  return invalid('unreadable');
}

function fromNumber(n: number): Parsed<number> {
  if (!Number.isInteger(n) || n < 0) return invalid('unreadable');
  // Beyond 2^53 a double no longer counts one by one.
  if (n > Number.MAX_SAFE_INTEGER) return invalid('out-of-range');
  return valueOf(n === 0 ? 0 : n); // never -0
}

function fromText(raw: string): Parsed<number> {
  if (raw.length > MAX_TEXT) return invalid('unreadable');
  const t = normalizeText(raw);
  if (isBlankNormalized(t)) return BLANK;
  const m = COUNT.exec(t);
  return m ? fromNumber(Number(m[1]!.replaceAll(',', ''))) : invalid('unreadable');
}
