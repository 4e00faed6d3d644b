/**
 * The late charge on a principal paid late (`late-charge.md`): pure integer arithmetic. Each piece
 * is ⌊base × bp × days ÷ (365 × 10,000)⌋ computed in BigInt, so no amount depends on floating
 * point, however large the principal or long the delay.
 */
import { addDays, type Day } from '../calendar/day.js';
import { CIVIL_CODE_REVISION } from '../claims/claim-types.js';
import { oneMonthEnd, splitAtYearEnds, spanDays, yearOf, type Span } from './period.js';
import type { CivilProfile, LateChargeKind, LateChargeProfile, TaxLikeProfile } from './profile.js';
import { BP_PER_ONE, bpToPercent, CIVIL_RATE_BEFORE_2020_BP, CIVIL_RATE_FROM_2020_BP, ratesForYear } from './rates.js';

/** Every year counts 365 days, leap years too (地方税法20条の4の2, 民法404条 as practised). */
export const DAYS_PER_YEAR = 365;

export interface LateChargeInput {
  /** The principal (本税・本料) outstanding, in yen. */
  principal: number;
  dueDate: Day;
  /** The day of payment (or the as-of day of an estimate). */
  paidOn: Day;
  /** The 督促 day: needed only where the profile ends the first period after it. */
  demandDate?: Day | null;
}

export interface LateChargePiece {
  from: Day;
  to: Day;
  days: number;
  /** The rate in basis points (240 = 2.4%): the exact number the amount was computed with. */
  rateBp: number;
  /** The rate in percent (2.4), for display. */
  rate: number;
  amount: number;
  /** 1: the first (lower-rate) period; 2: the rest. A civil charge has one period. */
  period: 1 | 2;
}

export type LateChargeNote =
  /** A year outside the 特例 table used the statutory rates (7.3% / 14.6%). */
  | 'statutory-rate-used'
  /** The principal is under the minimum (2,000 yen): nothing is owed. */
  | 'under-threshold'
  /** The sum of the pieces, rounded, is under the minimum (1,000 yen): nothing is owed. */
  | 'under-minimum'
  /** Paid on or before the due date. */
  | 'not-late';

export interface LateChargeResult {
  kind: LateChargeKind;
  /** What is owed, in yen, after every rounding and minimum. */
  total: number;
  pieces: LateChargePiece[];
  /** The principal the rates apply to, after rounding down. */
  base: number;
  notes: LateChargeNote[];
}

const DIVISOR = DAYS_PER_YEAR * BP_PER_ONE;
const DIVISOR_BIG = BigInt(DIVISOR);

/**
 * ⌊base × bp × days ÷ (365 × 10,000)⌋, exactly: in doubles while the product is an exact integer
 * (the quotient then corrected by one either way), in BigInt beyond.
 */
export function pieceAmount(base: number, rateBp: number, days: number): number {
  const num = base * rateBp * days;
  if (!Number.isSafeInteger(num)) return Number((BigInt(base) * BigInt(rateBp) * BigInt(days)) / DIVISOR_BIG);
  let q = Math.floor(num / DIVISOR);
  if (q * DIVISOR > num) q--;
  else if ((q + 1) * DIVISOR <= num) q++;
  return q;
}

const floorTo = (n: number, unit: number) => n - (n % unit);

/**
 * The charge for `input` under `profile`, or null where the profile ends the first period after
 * the 督促 and no demand date is given (it cannot be counted).
 */
export function calculateLateCharge(input: LateChargeInput, profile: LateChargeProfile): LateChargeResult | null {
  if (profile.kind === 'none') return { kind: 'none', total: 0, pieces: [], base: 0, notes: [] };
  const base = floorTo(input.principal, profile.baseUnit);
  const notes: LateChargeNote[] = [];
  const result = (pieces: LateChargePiece[]): LateChargeResult => {
    const sum = pieces.reduce((s, p) => s + p.amount, 0);
    let total = floorTo(sum, profile.totalUnit);
    if (pieces.length > 0 && total < profile.minTotal) {
      notes.push('under-minimum');
      total = 0;
    }
    return { kind: profile.kind, total, pieces, base, notes };
  };
  if (input.paidOn <= input.dueDate) {
    notes.push('not-late');
    return result([]);
  }
  if (input.principal < profile.minPrincipal || base <= 0) {
    notes.push('under-threshold');
    return result([]);
  }
  // Days run from the day after the due date to the payment day, both included.
  const whole: Span = { from: addDays(input.dueDate, 1), to: input.paidOn };
  if (profile.kind === 'civil') return result([civilPiece(whole, base, profile)]);
  const pieces = taxLikePieces(whole, base, profile, input.demandDate ?? null, notes);
  return pieces === null ? null : result(pieces);
}

function civilPiece(span: Span, base: number, profile: CivilProfile): LateChargePiece {
  // Fixed on the first day of default for the claim's whole life (民法404条, 419条).
  const rateBp =
    profile.rateBp ?? (span.from < CIVIL_CODE_REVISION ? CIVIL_RATE_BEFORE_2020_BP : CIVIL_RATE_FROM_2020_BP);
  const days = spanDays(span);
  return piece(span, rateBp, pieceAmount(base, rateBp, days), 1);
}

/** A piece as a literal of fixed shape: spreading the span into it made every piece a slow object (~4 µs each). */
function piece(s: Span, rateBp: number, amount: number, period: 1 | 2): LateChargePiece {
  return { from: s.from, to: s.to, days: spanDays(s), rateBp, rate: bpToPercent(rateBp), amount, period };
}

/** The end of the first period, or null where it cannot be known. */
export function firstPeriodEnd(start: Day, profile: TaxLikeProfile, demandDate: Day | null): Day | null {
  if (profile.firstPeriod.kind === 'one-month') return oneMonthEnd(start);
  return demandDate === null ? null : addDays(demandDate, profile.firstPeriod.days);
}

function taxLikePieces(
  whole: Span,
  base: number,
  profile: TaxLikeProfile,
  demandDate: Day | null,
  notes: LateChargeNote[],
): LateChargePiece[] | null {
  const firstEnd = firstPeriodEnd(whole.from, profile, demandDate);
  if (firstEnd === null) return null;
  const periods: [Span, 1 | 2][] = [
    [{ from: whole.from, to: Math.min(firstEnd, whole.to) }, 1],
    [{ from: Math.max(firstEnd + 1, whole.from), to: whole.to }, 2],
  ];
  const pieces: LateChargePiece[] = [];
  for (const [span, period] of periods) {
    for (const s of splitAtYearEnds(span)) {
      const year = yearOf(s.from);
      const listed = ratesForYear(profile.special, year);
      if (!listed && profile.special.length > 0 && !notes.includes('statutory-rate-used')) {
        notes.push('statutory-rate-used');
      }
      const rates = listed ?? profile.statutory;
      const rateBp = period === 1 ? rates.firstBp : rates.secondBp;
      const days = spanDays(s);
      pieces.push(piece(s, rateBp, pieceAmount(base, rateBp, days), period));
    }
  }
  return pieces;
}
