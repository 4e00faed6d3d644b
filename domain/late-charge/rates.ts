/**
 * Rates as whole basis points (1 bp = 0.01%), so every charge is an exact integer computation:
 * 2.4% is 240, and a piece is base × bp × days ÷ (365 × 10,000) in BigInt, truncated.
 */

/** 10,000 bp = 100%. */
export const BP_PER_ONE = 10_000;

/**
 * 特例基準割合 rates of 地方税法附則3条の2 by calendar year, one line a year (published each December):
 * `[year, first period, second period]` in percent. A year not listed uses the statutory rates.
 */
const SPECIAL_RATE_LINES: readonly (readonly [number, string, string])[] = [
  [2010, '4.3', '14.6'],
  [2011, '4.3', '14.6'],
  [2012, '4.3', '14.6'],
  [2013, '4.3', '14.6'],
  [2014, '2.9', '9.2'],
  [2015, '2.8', '9.1'],
  [2016, '2.8', '9.1'],
  [2017, '2.7', '9.0'],
  [2018, '2.6', '8.9'],
  [2019, '2.6', '8.9'],
  [2020, '2.6', '8.9'],
  [2021, '2.5', '8.8'],
  [2022, '2.4', '8.7'],
  [2023, '2.4', '8.7'],
  [2024, '2.4', '8.7'],
  [2025, '2.4', '8.7'],
  [2026, '2.8', '9.1'],
];

/** The two rates of one calendar year, in basis points. */
export interface YearRates {
  year: number;
  firstBp: number;
  secondBp: number;
}

/** 地方税法20条の4の2: 7.3% in the first month, 14.6% after, where no 特例 applies. */
export const STATUTORY_RATES = { firstBp: 730, secondBp: 1460 } as const;

/** Civil Code 404条: 5% for a default that began before 2020-04-01, 3% from then on. */
export const CIVIL_RATE_BEFORE_2020_BP = 500;
export const CIVIL_RATE_FROM_2020_BP = 300;

/**
 * A percentage written with at most two decimals (`'2.4'`, `'14.6%'`, `8.7`) as basis points, or
 * null when it is not one. Decimal text is read digit by digit, so no float ever rounds a rate.
 */
export function percentToBp(value: string | number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/%$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** `240` → `'2.4%'`, `1460` → `'14.6%'`, `900` → `'9.0%'`: at least one decimal, as the law prints them. */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0');
  return `${whole}.${frac.endsWith('0') ? frac[0] : frac}%`;
}

/** `240` → `2.4`: the rate as a percentage number, for JSON. */
export function bpToPercent(bp: number): number {
  // A quotient of two exact integers is the double nearest the decimal, as parsing '2.4' gives.
  return bp / 100;
}

function line([year, first, second]: readonly [number, string, string]): YearRates {
  const firstBp = percentToBp(first);
  const secondBp = percentToBp(second);
  if (firstBp === null || secondBp === null) throw new Error(`bad rate line for ${year}`);
  return { year, firstBp, secondBp };
}

/** The 特例 table, by year. */
export const SPECIAL_RATES: readonly YearRates[] = SPECIAL_RATE_LINES.map(line);

/** Looks a year up in a rate table. */
export function ratesForYear(table: readonly YearRates[], year: number): YearRates | undefined {
  return table.find((r) => r.year === year);
}
