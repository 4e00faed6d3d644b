/**
 * Finds the late-charge profile of a claim: by its claim type's name where the city's table has
 * one (matched as the claim-type table matches: exact after NFKC, else the longest name the text
 * contains), else by its classification. Null where neither is known: the charge cannot be counted.
 */
import { ClaimTypeIndex, isClassification } from '../claims/claim-types.js';
import type { Classification } from '../fields/catalogue.js';
import { normalizeText } from '../text/normalize.js';
import {
  DEFAULT_LATE_CHARGE_TABLE,
  LateChargeTable,
  profileOf,
  withCityRates,
  type LateChargeProfile,
} from './profile.js';
import { SPECIAL_RATES, type YearRates } from './rates.js';

const keyOf = (name: string) => normalizeText(name).replace(/\s+/g, '');

export class LateChargeProfiles {
  private readonly byClassification = new Map<Classification, LateChargeProfile>();
  private readonly byName: [string, LateChargeProfile][] = [];

  /** The 特例 rates in force: the built-in table with the city's lines over it. */
  readonly specialRates: readonly YearRates[];

  constructor(table: LateChargeTable = DEFAULT_LATE_CHARGE_TABLE) {
    const t = LateChargeTable.parse(table);
    this.specialRates = withCityRates(SPECIAL_RATES, t.specialRates ?? []);
    for (const [c, p] of Object.entries(t.byClassification))
      this.byClassification.set(c as Classification, profileOf(p, this.specialRates));
    for (const c of t.claimTypes) {
      const profile = profileOf(c.profile, this.specialRates);
      for (const n of c.names) this.byName.push([keyOf(n), profile]);
    }
    this.byName.sort((a, b) => b[0].length - a[0].length);
  }

  /** The profile for a claim: its claim type's own where listed, else its classification's. */
  lookup(
    claimType: string | null | undefined,
    classification: Classification | null | undefined,
  ): LateChargeProfile | null {
    if (claimType) {
      const k = keyOf(claimType);
      const hit = this.byName.find(([n]) => n === k) ?? this.byName.find(([n]) => k.includes(n));
      if (hit) return hit[1];
    }
    return (classification && this.byClassification.get(classification)) || null;
  }

  /**
   * The profile for what a clerk types as the claim (the calculators: `saiken latecharge
   * --claim-type`, the pane's): blank counts as taxes do (強制徴収公債権), a classification by its
   * name, else the claim type's own or its classification's; null where neither is known.
   */
  forClaimType(claimType: string, claimTypes: ClaimTypeIndex = CLAIM_TYPES): LateChargeProfile | null {
    const name = claimType.trim();
    if (name === '') return this.lookup(null, '強制徴収公債権');
    const asClassification = normalizeText(name);
    if (isClassification(asClassification)) return this.lookup(null, asClassification);
    return this.lookup(name, claimTypes.lookup(name)?.classification);
  }
}

const CLAIM_TYPES = new ClaimTypeIndex();

export const DEFAULT_LATE_CHARGE_PROFILES = new LateChargeProfiles();
