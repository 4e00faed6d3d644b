/**
 * Properties of the late charge, for any principal, due date, delay and profile:
 *
 * 1. A later payment never owes less. Each piece is ⌊base × rate × days ÷ 365⌋, non-decreasing in
 *    its days; a later day only lengthens the last piece or adds pieces; ⌊·⌋ to 100 yen and "under
 *    1,000 yen is 0" are non-decreasing maps, so the total is too.
 * 2. The pieces are exact: with E = Σ base × bp × days ÷ (365 × 10,000) (a rational) and n pieces,
 *    E − n < Σ amounts ≤ E, checked in BigInt with no division; the total is the sum rounded down to
 *    100 yen (so within 100 yen below it), or 0 where that is under 1,000 yen.
 * 3. Splitting the period at any day changes the result by at most the roundings: cutting one piece
 *    in two at any inner day (same rate) gives ⌊a⌋ + ⌊b⌋ ∈ {⌊a + b⌋ − 1, ⌊a + b⌋}, so the sum drops
 *    by at most 1 yen and never rises; the total is then unchanged or 100 yen lower, or 0 where the
 *    100-yen drop takes it under the 1,000-yen minimum. Nothing else can move it.
 * 4. The pieces tile the days from the day after the due date to the payment day, none crosses
 *    31 December, and the first period comes before the second.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYMD, ymdOf } from '../../../domain/calendar/day.js';
import {
  calculateLateCharge,
  CIVIL,
  DAYS_PER_YEAR,
  pieceAmount,
  profileOf,
  TAX_LIKE,
  type LateChargeProfile,
  type LateChargeResult,
  type TaxLikeProfile,
} from '../../../domain/late-charge/index.js';

const PROFILES: LateChargeProfile[] = [
  TAX_LIKE,
  CIVIL,
  profileOf({ kind: 'tax-like', special: false }),
  profileOf({ kind: 'tax-like', firstPeriodAfterDemandDays: 10, minTotal: 500 }),
  profileOf({ kind: 'civil', rate: '14.6' }),
];

const FROM = dayFromYMD(2005, 1, 1);
const TO = dayFromYMD(2030, 12, 31);

const arbCase = fc.record({
  principal: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 999_999_999_999 })),
  dueDate: fc.integer({ min: FROM, max: TO }),
  delay: fc.integer({ min: -30, max: 4000 }),
  demandAfter: fc.integer({ min: 1, max: 60 }),
  profile: fc.constantFrom(...PROFILES),
});

type Case = { principal: number; dueDate: number; delay: number; demandAfter: number; profile: LateChargeProfile };

function run(c: Case, delay = c.delay): LateChargeResult {
  const r = calculateLateCharge(
    { principal: c.principal, dueDate: c.dueDate, paidOn: c.dueDate + delay, demandDate: c.dueDate + c.demandAfter },
    c.profile,
  );
  if (r === null) throw new Error('not computable');
  return r;
}

const sumOf = (r: LateChargeResult) => r.pieces.reduce((s, p) => s + p.amount, 0);
const rounding = (p: LateChargeProfile) =>
  p.kind === 'none' ? { totalUnit: 1, minTotal: 0 } : { totalUnit: p.totalUnit, minTotal: p.minTotal };
const DENOM = BigInt(DAYS_PER_YEAR * 10_000);

describe('late-charge properties', () => {
  it('a later payment never owes less', () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 800 }), (c, more) => {
        expect(run(c, c.delay + more).total).toBeGreaterThanOrEqual(run(c).total);
      }),
      { numRuns: 500 },
    );
  });

  it('the pieces are exact to within one yen each, and the total is their sum rounded down', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = run(c);
        const exact = r.pieces.reduce((s, p) => s + BigInt(r.base) * BigInt(p.rateBp) * BigInt(p.days), 0n);
        const paid = BigInt(sumOf(r)) * DENOM;
        expect(paid <= exact).toBe(true);
        expect(exact - paid < BigInt(r.pieces.length) * DENOM || r.pieces.length === 0).toBe(true);
        const { totalUnit, minTotal } = rounding(c.profile);
        const rounded = sumOf(r) - (sumOf(r) % totalUnit);
        expect(r.total).toBe(rounded < minTotal ? 0 : rounded);
      }),
      { numRuns: 500 },
    );
  });

  it('splitting a piece at any day lowers the sum by at most 1 yen, and the total by at most the roundings', () => {
    const withSplit = arbCase
      .map((c) => ({ c, r: run(c) }))
      .filter(({ r }) => r.pieces.some((p) => p.days >= 2))
      .chain(({ c, r }) => {
        const splittable = r.pieces.flatMap((p, i) => (p.days >= 2 ? [i] : []));
        return fc.record({
          c: fc.constant(c),
          r: fc.constant(r),
          i: fc.constantFrom(...splittable),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
        });
      });
    fc.assert(
      fc.property(withSplit, ({ c, r, i, at }) => {
        const p = r.pieces[i]!;
        const k = 1 + Math.floor(at * (p.days - 1)) - (at === 1 ? 1 : 0);
        const split = pieceAmount(r.base, p.rateBp, k) + pieceAmount(r.base, p.rateBp, p.days - k);
        expect(p.amount - split === 0 || p.amount - split === 1).toBe(true);
        const { totalUnit, minTotal } = rounding(c.profile);
        const sum = sumOf(r) - p.amount + split;
        const rounded = sum - (sum % totalUnit);
        const total = rounded < minTotal ? 0 : rounded;
        const drop = r.total - total;
        expect(drop === 0 || drop === totalUnit || (total === 0 && r.total - totalUnit < minTotal)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the pieces tile the days late, none crosses a year end, the first period first', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const r = run(c);
        if (r.pieces.length === 0) return;
        expect(r.pieces[0]!.from).toBe(c.dueDate + 1);
        expect(r.pieces.at(-1)!.to).toBe(c.dueDate + c.delay);
        for (const [j, p] of r.pieces.entries()) {
          expect(p.days).toBe(p.to - p.from + 1);
          expect(p.days).toBeGreaterThan(0);
          if (c.profile.kind === 'tax-like') expect(ymdOf(p.from).year).toBe(ymdOf(p.to).year);
          const next = r.pieces[j + 1];
          if (next) {
            expect(next.from).toBe(p.to + 1);
            expect(next.period).toBeGreaterThanOrEqual(p.period);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a tax-like first period lasts one month (民法143条): from 28 to 31 days', () => {
    const p = TAX_LIKE as TaxLikeProfile;
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (due) => {
        const r = calculateLateCharge({ principal: 10_000_000, dueDate: due, paidOn: due + 400 }, p)!;
        const first = r.pieces.filter((x) => x.period === 1).reduce((s, x) => s + x.days, 0);
        expect(first).toBeGreaterThanOrEqual(28);
        expect(first).toBeLessThanOrEqual(31);
      }),
    );
  });
});
