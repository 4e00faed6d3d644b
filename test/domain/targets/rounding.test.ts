import { describe, expect, it } from 'vitest';
import {
  divideRoundHalfAwayFromZero,
  ratioHundredths,
  roundHalfAwayFromZero,
  thousandsRounded,
  yenToBigInt,
} from '../../../domain/targets/index.js';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [2.4999, 0, 2],
    [1.005, 2, 1.01], // 1.005 * 100 is 100.49999… in binary
    [-1.005, 2, -1.01],
    [95.405, 2, 95.41],
    [0.035, 2, 0.04],
    [1500, -3, 2000],
    [-1500, -3, -2000],
    [1499, -3, 1000],
    [999_999_999_999_999, 0, 999_999_999_999_999],
    [1e15, 2, 1e15],
    [1e21, 0, 1e21],
    [1.23e-7, 9, 1.23e-7],
  ])('%d to %d places is %d', (x, decimals, expected) => {
    expect(roundHalfAwayFromZero(x, decimals)).toBe(expected);
  });

  it('gives 0, not −0, for a small negative', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });

  it('passes non-finite values through and refuses fractional places', () => {
    expect(roundHalfAwayFromZero(Number.NaN)).toBeNaN();
    expect(roundHalfAwayFromZero(-Infinity)).toBe(-Infinity);
    expect(() => roundHalfAwayFromZero(1, 0.5)).toThrow(RangeError);
  });
});

describe('thousandsRounded', () => {
  it.each([
    [0, 0],
    [499, 0],
    [500, 1],
    [1499, 1],
    [1500, 2],
    [-499, 0],
    [-500, -1],
    [-1499, -1],
    [-1500, -2],
    [12_501, 13],
    [2_934_892_000, 2_934_892],
    [999_999_999_999_500, 1_000_000_000_000],
    [1_000_000_000_000_499, 1_000_000_000_000],
  ])('%d yen is %d thousand', (yen, k) => {
    expect(thousandsRounded(yen)).toBe(k);
    expect(thousandsRounded(BigInt(yen))).toBe(BigInt(k));
  });

  it('never gives −0', () => {
    expect(Object.is(thousandsRounded(-499), 0)).toBe(true);
  });

  it('refuses yen that are not whole or not exact in a number', () => {
    expect(() => thousandsRounded(1.5)).toThrow(RangeError);
    expect(() => thousandsRounded(2 ** 53)).toThrow(RangeError);
    expect(() => yenToBigInt(Number.NaN)).toThrow(RangeError);
    expect(thousandsRounded(10n ** 20n + 500n)).toBe(10n ** 17n + 1n);
  });
});

describe('divideRoundHalfAwayFromZero', () => {
  it('rounds ties away from zero whatever the signs', () => {
    expect(divideRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divideRoundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('ratioHundredths', () => {
  it('is null where ① is 0, 0 where ② is 0', () => {
    expect(ratioHundredths(5, 0)).toBeNull();
    expect(ratioHundredths(0, 0)).toBeNull();
    expect(ratioHundredths(0, 13_000)).toBe(0n);
  });

  it('rounds exact .xx5 boundaries away from zero, where floating point falls short', () => {
    // 7 / 20,000 × 100 = 0.035 exactly; in binary it is 0.034999…
    expect(ratioHundredths(7, 20_000)).toBe(4n);
    expect(ratioHundredths(29, 20_000)).toBe(15n); // 0.145
    expect(ratioHundredths(1_908_100_000, 2_000_000_000)).toBe(9541n); // 95.405
    expect(ratioHundredths(-1_908_100_000, 2_000_000_000)).toBe(-9541n);
    expect(ratioHundredths(1_908_099_999, 2_000_000_000)).toBe(9540n); // just under .xx5
    expect(ratioHundredths(12_345, 10_000)).toBe(12_345n);
  });

  it('is exact for the largest amounts', () => {
    expect(ratioHundredths(10n ** 15n - 1n, 10n ** 15n)).toBe(10_000n);
    expect(ratioHundredths(10n ** 15n, 1n)).toBe(10n ** 19n);
  });
});
