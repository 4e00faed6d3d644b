// The profile for what a clerk types as the claim: one choice for the CLI's and the pane's calculators.
import { describe, expect, it } from 'vitest';
import {
  CIVIL,
  DEFAULT_LATE_CHARGE_PROFILES,
  LateChargeProfiles,
  NONE,
  TAX_LIKE,
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
