/**
 * Late charges against `late-charge.md`: every worked example, the 民法143条 examples, and the edges
 * around each boundary (the due date, the first period's last day, 31 December, the leap day, the
 * 2,000-yen principal, the 1,000-yen total, the civil rate's 2020-04-01).
 */
import { describe, expect, it } from 'vitest';
import { dayFromYMD, formatISO, type Day } from '../../../domain/calendar/day.js';
import {
  calculateLateCharge,
  CIVIL,
  formatBp,
  NONE,
  oneMonthEnd,
  percentToBp,
  profileOf,
  TAX_LIKE,
  type LateChargeProfile,
  type LateChargeResult,
} from '../../../domain/late-charge/index.js';

const day = (iso: string): Day => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYMD(y!, m!, d!);
};

function charge(principal: number, due: string, paid: string, profile: LateChargeProfile = TAX_LIKE, demand?: string) {
  const r = calculateLateCharge(
    { principal, dueDate: day(due), paidOn: day(paid), demandDate: demand ? day(demand) : null },
    profile,
  );
  if (r === null) throw new Error('not computable');
  return r;
}

/** Pieces as `from..to days rate% amount p` for readable expectations. */
const pieces = (r: LateChargeResult) =>
  r.pieces.map((p) => `${formatISO(p.from)}..${formatISO(p.to)} ${p.days}d ${p.rate}% ${p.amount} p${p.period}`);

describe('the worked examples of late-charge.md', () => {
  it('tax-like 123,456 due 2025-04-30 paid 2025-08-15: 250 + 2,228 → 2,400', () => {
    const r = charge(123_456, '2025-04-30', '2025-08-15');
    expect(r.base).toBe(123_000);
    expect(pieces(r)).toEqual(['2025-05-01..2025-05-31 31d 2.4% 250 p1', '2025-06-01..2025-08-15 76d 8.7% 2228 p2']);
    expect(r).toMatchObject({ kind: 'tax-like', total: 2400, notes: [] });
  });

  it('tax-like 500,000 due 2025-11-30 paid 2026-03-10: 1,019 (2025) + 8,601 (2026) → 9,600', () => {
    const r = charge(500_000, '2025-11-30', '2026-03-10');
    expect(pieces(r)).toEqual(['2025-12-01..2025-12-31 31d 2.4% 1019 p1', '2026-01-01..2026-03-10 69d 9.1% 8601 p2']);
    expect(r.total).toBe(9600);
  });

  it('tax-like 1,999: a principal under 2,000 owes nothing', () => {
    const r = charge(1999, '2024-05-31', '2026-05-31');
    expect(r).toMatchObject({ total: 0, pieces: [], notes: ['under-threshold'] });
  });

  it('civil 300,000 due 2019-03-31 paid 2021-03-31: 731 days × 5% → 30,041', () => {
    const r = charge(300_000, '2019-03-31', '2021-03-31', CIVIL);
    expect(pieces(r)).toEqual(['2019-04-01..2021-03-31 731d 5% 30041 p1']);
    expect(r).toMatchObject({ kind: 'civil', total: 30_041, base: 300_000 });
  });
});

describe('the first period (民法143条)', () => {
  it.each([
    ['2025-05-01', '2025-05-31'],
    ['2025-05-15', '2025-06-14'],
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2024-01-30', '2024-02-29'],
    ['2024-01-29', '2024-02-28'],
    ['2025-01-29', '2025-02-28'],
    ['2025-03-31', '2025-04-30'],
    ['2025-12-16', '2026-01-15'],
    ['2025-12-01', '2025-12-31'],
  ])('day after due %s → ends %s', (start, end) => {
    expect(formatISO(oneMonthEnd(day(start)))).toBe(end);
  });
});

describe('edges', () => {
  it('paid on the due date, or before it: nothing, and the result says why', () => {
    expect(charge(1_000_000, '2025-04-30', '2025-04-30')).toMatchObject({ total: 0, pieces: [], notes: ['not-late'] });
    expect(charge(1_000_000, '2025-04-30', '2025-04-01').total).toBe(0);
  });

  it('one day late: one day, counted from the day after the due date', () => {
    const r = charge(10_000_000, '2025-04-30', '2025-05-01');
    expect(pieces(r)).toEqual(['2025-05-01..2025-05-01 1d 2.4% 657 p1']);
    expect(r).toMatchObject({ total: 0, notes: ['under-minimum'] });
  });

  it('the first period’s last day is at the lower rate; the next day starts the second', () => {
    expect(pieces(charge(1_000_000, '2025-04-30', '2025-05-31'))).toEqual(['2025-05-01..2025-05-31 31d 2.4% 2038 p1']);
    expect(pieces(charge(1_000_000, '2025-04-30', '2025-06-01'))).toEqual([
      '2025-05-01..2025-05-31 31d 2.4% 2038 p1',
      '2025-06-01..2025-06-01 1d 8.7% 238 p2',
    ]);
  });

  it('a first period crossing 31 December is split there, each year at its own rate', () => {
    expect(pieces(charge(1_000_000, '2025-12-15', '2026-01-10'))).toEqual([
      '2025-12-16..2025-12-31 16d 2.4% 1052 p1',
      '2026-01-01..2026-01-10 10d 2.8% 767 p1',
    ]);
  });

  it('a second period crossing two year ends has a piece per year', () => {
    const r = charge(1_000_000, '2023-11-30', '2025-01-02');
    expect(r.pieces.map((p) => [formatISO(p.from), p.days, p.rate, p.period])).toEqual([
      ['2023-12-01', 31, 2.4, 1],
      ['2024-01-01', 366, 8.7, 2],
      ['2025-01-01', 2, 8.7, 2],
    ]);
  });

  it('a leap year counts 365 days: each of 2024’s 366 days is rate ÷ 365', () => {
    const r = charge(3_650_000, '2023-12-31', '2024-12-31');
    expect(pieces(r)).toEqual([
      '2024-01-01..2024-01-31 31d 2.4% 7440 p1',
      '2024-02-01..2024-12-31 335d 8.7% 291450 p2',
    ]);
    expect(r.total).toBe(298_800);
    // The leap day itself is a day like any other.
    expect(charge(3_650_000, '2024-02-27', '2024-03-01').pieces[0]).toMatchObject({ days: 3, amount: 720 });
  });

  it('1,999 owes nothing; 2,000 is counted (and its charge is then under the minimum)', () => {
    expect(charge(1999, '2020-04-30', '2025-04-30').notes).toEqual(['under-threshold']);
    const r = charge(2000, '2020-04-30', '2025-04-30');
    expect(r.base).toBe(2000);
    expect(r.pieces.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ total: 0, notes: ['under-minimum'] });
  });

  it('the base is rounded down to 1,000 yen', () => {
    expect(charge(2999, '2024-04-30', '2025-04-30').base).toBe(2000);
    expect(charge(109_999, '2025-04-30', '2025-06-30').base).toBe(109_000);
  });

  it('totals around 1,000 yen: a sum of 992 is 0, 1,001 is 1,000, 1,092 is 1,000, 1,102 is 1,100', () => {
    const sum = (r: LateChargeResult) => r.pieces.reduce((s, p) => s + p.amount, 0);
    const at = (p: number) => charge(p, '2025-04-30', '2025-06-30');
    expect([sum(at(108_000)), at(108_000).total, at(108_000).notes]).toEqual([992, 0, ['under-minimum']]);
    expect([sum(at(109_000)), at(109_000).total]).toEqual([1001, 1000]);
    expect([sum(at(119_000)), at(119_000).total]).toEqual([1092, 1000]);
    expect([sum(at(120_000)), at(120_000).total]).toEqual([1102, 1100]);
  });

  it('a year outside the table uses 7.3% / 14.6%, and the result says so', () => {
    const r = charge(500_000, '2026-11-30', '2027-03-10');
    expect(pieces(r)).toEqual(['2026-12-01..2026-12-31 31d 2.8% 1189 p1', '2027-01-01..2027-03-10 69d 14.6% 13800 p2']);
    expect(r).toMatchObject({ total: 14_900, notes: ['statutory-rate-used'] });
    expect(charge(500_000, '2009-04-30', '2009-05-31').pieces[0]!.rate).toBe(7.3);
    expect(charge(500_000, '2025-04-30', '2025-05-31').notes).toEqual([]);
  });

  it('civil: the rate on the first day of default, 5% before 2020-04-01 and 3% from, for the whole claim', () => {
    const before = charge(1_000_000, '2020-03-30', '2021-03-30', CIVIL);
    expect(before.pieces).toMatchObject([{ days: 365, rate: 5, amount: 50_000 }]);
    const from = charge(1_000_000, '2020-03-31', '2021-03-31', CIVIL);
    expect(from.pieces).toMatchObject([{ days: 365, rate: 3, amount: 30_000 }]);
    // No base rounding and no minimum.
    expect(charge(1, '2024-03-31', '2024-04-01', CIVIL)).toMatchObject({ base: 1, total: 0, notes: [] });
    expect(charge(12_345, '2024-03-31', '2024-05-30', CIVIL).total).toBe(Math.floor((12_345 * 3 * 60) / 36_500));
  });
});

describe('profile overrides (a city’s ordinance)', () => {
  it('14.6% / 7.3% with no 特例: the statutory rates every year, and no note', () => {
    const r = charge(123_456, '2025-04-30', '2025-08-15', profileOf({ kind: 'tax-like', special: false }));
    expect(pieces(r)).toEqual(['2025-05-01..2025-05-31 31d 7.3% 762 p1', '2025-06-01..2025-08-15 76d 14.6% 3739 p2']);
    expect(r).toMatchObject({ total: 4500, notes: [] });
  });

  it('rates of its own', () => {
    const p = profileOf({ kind: 'tax-like', special: false, statutory: { first: '7.25%', second: 14 } });
    expect(charge(3_650_000, '2025-04-30', '2025-06-01', p).pieces.map((x) => [x.rateBp, x.amount])).toEqual([
      [725, 22_475],
      [1400, 1400],
    ]);
  });

  it('a first period ending on the 督促 day + 10 days; without a 督促 day it cannot be counted', () => {
    const p = profileOf({ kind: 'tax-like', firstPeriodAfterDemandDays: 10 });
    const r = charge(1_000_000, '2025-04-30', '2025-06-15', p, '2025-05-20');
    expect(r.pieces.map((x) => [formatISO(x.from), formatISO(x.to), x.period])).toEqual([
      ['2025-05-01', '2025-05-30', 1],
      ['2025-05-31', '2025-06-15', 2],
    ]);
    expect(
      calculateLateCharge({ principal: 1_000_000, dueDate: day('2025-04-30'), paidOn: day('2025-06-15') }, p),
    ).toBe(null);
  });

  it('a 500-yen minimum', () => {
    const p = profileOf({ kind: 'tax-like', minTotal: 500 });
    expect(charge(60_000, '2025-04-30', '2025-06-30', p).total).toBe(500);
    expect(charge(60_000, '2025-04-30', '2025-06-30').total).toBe(0);
  });

  it('other roundings: a base of whole yen and a total of whole yen', () => {
    const p = profileOf({ kind: 'tax-like', baseUnit: 1, totalUnit: 1, minTotal: 0, minPrincipal: 0 });
    const r = charge(123_456, '2025-04-30', '2025-08-15', p);
    expect(r.base).toBe(123_456);
    expect(r.total).toBe(r.pieces.reduce((s, x) => s + x.amount, 0));
  });

  it('a civil contract rate', () => {
    expect(charge(365_000, '2019-03-31', '2019-04-10', profileOf({ kind: 'civil', rate: '14.6' })).total).toBe(1460);
  });

  it('none: no charge, whatever the dates', () => {
    expect(charge(1_000_000, '2015-04-30', '2025-04-30', NONE)).toEqual({
      kind: 'none',
      total: 0,
      pieces: [],
      base: 0,
      notes: [],
    });
    expect(profileOf({ kind: 'none' })).toBe(NONE);
  });

  it('refuses a rate it cannot read exactly', () => {
    expect(() => profileOf({ kind: 'civil', rate: '3.125' })).toThrow();
    expect(() => profileOf({ kind: 'civil', rate: 'three' })).toThrow();
  });
});

describe('rates', () => {
  it('are read digit by digit as basis points and printed as the law prints them', () => {
    expect([percentToBp('2.4'), percentToBp('14.6%'), percentToBp(8.7), percentToBp('9'), percentToBp('0.05')]).toEqual(
      [240, 1460, 870, 900, 5],
    );
    expect([formatBp(240), formatBp(900), formatBp(1460), formatBp(725), formatBp(5)]).toEqual([
      '2.4%',
      '9.0%',
      '14.6%',
      '7.25%',
      '0.05%',
    ]);
  });
});
