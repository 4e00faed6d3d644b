/** The status report's group sums: exact past 2^53, 収入率 as the analysis rounds it, 縮減額. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionRate } from '../../../domain/analysis/analysis.js';
import {
  addStatus,
  emptyExactStatus,
  emptyStatus,
  reduction,
  revenueRate,
  type ExactRevenue,
} from '../../../domain/status/sums.js';

describe('group sums', () => {
  it('add ledgers exactly, past 2^53, and groups into groups', () => {
    const a = emptyStatus();
    a.byClass.seized = { count: 2, outstanding: Number.MAX_SAFE_INTEGER };
    a.revenue = {
      rows: 3,
      assessed: Number.MAX_SAFE_INTEGER,
      paid: 5,
      writtenOff: 1,
      outstanding: Number.MAX_SAFE_INTEGER,
    };
    const division = emptyExactStatus();
    addStatus(division, a);
    addStatus(division, a);
    expect(division.ledgers).toBe(2);
    expect(division.byClass.seized).toEqual({ count: 4, outstanding: 2n * BigInt(Number.MAX_SAFE_INTEGER) });
    const city = emptyExactStatus();
    addStatus(city, division);
    addStatus(city, division);
    expect(city.ledgers).toBe(4);
    expect(city.revenue).toMatchObject({ ledgers: 4, rows: 12, paid: 20n, writtenOff: 4n });
    expect(city.byClass.unclassified).toEqual({ count: 0, outstanding: 0n });
  });

  it('収入率 rounds as the analysis’ 収納率 does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (paid, assessed) => {
        expect(revenueRate({ paid: BigInt(paid), assessed: BigInt(assessed) })).toBe(collectionRate(paid, assessed));
      }),
    );
  });

  it('縮減額 is last year’s amount owing less this year’s; unknown without both years', () => {
    const r = (outstanding: bigint): ExactRevenue => ({
      ledgers: 1,
      rows: 1,
      assessed: 0n,
      paid: 0n,
      writtenOff: 0n,
      outstanding,
    });
    expect(reduction(r(700n), r(1000n))).toBe(300n);
    expect(reduction(r(1200n), r(1000n))).toBe(-200n);
    expect(reduction(r(700n), null)).toBeNull();
    expect(reduction(null, r(700n))).toBeNull();
  });
});
