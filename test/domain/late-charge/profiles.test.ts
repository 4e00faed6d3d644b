// The profile for what a clerk types as the claim: one choice for the CLI's and the pane's calculators.
import { describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import {
  calculateLateCharge,
  CIVIL,
  DEFAULT_LATE_CHARGE_PROFILES,
  DEFAULT_LATE_CHARGE_TABLE,
  LateChargeProfiles,
  LateChargeTable,
  NONE,
  SPECIAL_RATES,
  TAX_LIKE,
  withCityRates,
} from '../../../domain/late-charge/index.js';

describe('LateChargeProfiles.forClaimType', () => {
  it('counts a blank claim as taxes, a classification by its name, a claim type by its own or its classification', () => {
    const p = DEFAULT_LATE_CHARGE_PROFILES;
    expect(p.forClaimType('')).toEqual(TAX_LIKE);
    expect(p.forClaimType('  ')).toEqual(TAX_LIKE);
    expect(p.forClaimType('私債権')).toEqual(CIVIL);
    expect(p.forClaimType('令和6年度 水道料金')).toEqual(CIVIL);
    expect(p.forClaimType('保育料')).toEqual(TAX_LIKE);
    expect(p.forClaimType('ふしぎな債権')).toBeNull();
  });

  it("follows a city's table where it names the claim type", () => {
    const city = new LateChargeProfiles({
      byClassification: {
        強制徴収公債権: { kind: 'tax-like' },
        非強制徴収公債権: { kind: 'tax-like' },
        私債権: { kind: 'civil' },
      },
      claimTypes: [{ names: ['保育料'], profile: { kind: 'none' } }],
    });
    expect(city.forClaimType('保育料')).toEqual(NONE);
    expect(city.forClaimType('私債権')).toEqual(CIVIL);
  });
});

describe("the city's 特例 lines", () => {
  const base = DEFAULT_LATE_CHARGE_TABLE;
  const day = (iso: string) => parseISODay(iso)!;

  it('replace the built-in line of a year and add a year the built-in table lacks, in year order', () => {
    const rates = withCityRates(SPECIAL_RATES, [
      { year: 2027, first: '2.9', second: 9.2 },
      { year: 2025, first: '2.5', second: '8.8' },
    ]);
    expect(rates.map((r) => r.year)).toEqual([...SPECIAL_RATES.map((r) => r.year), 2027]);
    expect(rates.find((r) => r.year === 2025)).toEqual({ year: 2025, firstBp: 250, secondBp: 880 });
    expect(rates.at(-1)).toEqual({ year: 2027, firstBp: 290, secondBp: 920 });
  });

  it('are the rates every tax-like profile of the table counts with', () => {
    const city = new LateChargeProfiles({ ...base, specialRates: [{ year: 2027, first: '2.9', second: '9.2' }] });
    const input = { principal: 100_000, dueDate: day('2026-12-31'), paidOn: day('2027-12-31'), demandDate: null };
    const withLine = calculateLateCharge(input, city.forClaimType('')!)!;
    const without = calculateLateCharge(input, DEFAULT_LATE_CHARGE_PROFILES.forClaimType('')!)!;
    expect(withLine.pieces.map((p) => p.rate)).toEqual([2.9, 9.2]);
    // Without the line, 2027 is counted at the statutory rates, and says so.
    expect(without.pieces.map((p) => p.rate)).toEqual([7.3, 14.6]);
    expect(withLine.total).toBeLessThan(without.total);
  });

  it('refuse two lines for one year and a rate that is not a percentage', () => {
    const twice = [
      { year: 2027, first: '2.9', second: '9.2' },
      { year: 2027, first: '3.0', second: '9.3' },
    ];
    expect(LateChargeTable.safeParse({ ...base, specialRates: twice }).success).toBe(false);
    expect(
      LateChargeTable.safeParse({ ...base, specialRates: [{ year: 2027, first: '2.9%x', second: '9' }] }).success,
    ).toBe(false);
  });

  it('travel as written: a parsed table parses again to the same table', () => {
    const t = { ...base, specialRates: [{ year: 2027, first: '2.9', second: 9.2 }] };
    expect(LateChargeTable.parse(LateChargeTable.parse(t))).toEqual(t);
  });
});
