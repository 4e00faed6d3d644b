/**
 * Yen amounts as ledgers write them: numbers, `1,234`, `１，２３４`, `1,234円`, and negatives with the
 * accounting signs `△` / `▲` or a minus. Negatives are returned as such: whether a negative amount is
 * allowed is the rules' business (a ledger amount is not, a target-table difference is).
 */
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

/** A quadrillion yen: far beyond any municipal ledger, and still exact in a double. */
export const MAX_YEN = 1e15;
const MAX_TEXT = 64;

// After NFKC: an optional sign (`△`, `▲`, `-`, `−` U+2212, `+`) and spaces, an optional yen sign (`¥`, or
// `\` where Shift_JIS shows it), digits with or without correct thousands separators, an optional
// decimal part (read and then judged), and an optional `円`.
const AMOUNT = /^([△▲\-−+]?)\s*[¥\\]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*円?$/;

/** A whole number of yen, or 'fraction' for a fraction of a yen. */
export function parseYen(cell: Cell): Parsed<number> {
  return parseYenScaled(cell, 1);
}

/**
 * An amount in a column whose header gives its unit as `（千円）` (scale 1000) or plain yen (scale 1). A
 * fraction of a thousand that is a whole number of yen is fine (1.5 千円 = 1,500 円); a fraction of a yen
 * after scaling is not.
 */
export function parseYenScaled(cell: Cell, scale: 1 | 1000): Parsed<number> {
  if (typeof cell === 'number') return scaled(cell, scale);
  if (typeof cell === 'string') return fromText(cell, scale);
  if (cell === null || cell === undefined) return BLANK;
  return invalid('unreadable');
}

function fromText(raw: string, scale: number): Parsed<number> {
  if (raw.length > MAX_TEXT) return invalid('unreadable');
  const t = normalizeText(raw);
  if (isBlankNormalized(t)) return BLANK;
  const m = AMOUNT.exec(t);
  if (!m) return invalid('unreadable');
  const magnitude = Number(m[2]!.replaceAll(',', '') + (m[3] ?? ''));
  const negative = m[1] !== '' && m[1] !== '+';
  return scaled(negative ? -magnitude : magnitude, scale);
}

/**
 * Scale and judge a number. Binary floating point cannot hold most decimals (1.001 × 1000 is
 * 1000.9999999999999), so a value within rounding error of a whole yen is that whole yen: the error
 * allowed is 1e-6, or the double's own precision for very large values.
 */
function scaled(n: number, scale: number): Parsed<number> {
  if (!Number.isFinite(n)) return invalid('unreadable');
  const v = n * scale;
  if (Math.abs(v) > MAX_YEN) return invalid('out-of-range');
  const whole = Math.round(v);
  const tolerance = Math.max(1e-6, Math.abs(v) * 4e-16);
  if (Math.abs(v - whole) > tolerance) return invalid('fraction');
  return valueOf(whole === 0 ? 0 : whole); // never -0
}
