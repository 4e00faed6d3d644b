/**
 * Late-charge profiles: how one claim type's charge is counted. Data, not code branches: the
 * defaults follow `late-charge.md`, and a city's ordinance overrides any number (rates, the end of
 * the first period, roundings, minimums) through a table finance keeps (`LateChargeTable`).
 */
import { z } from 'zod';
import { CLASSIFICATIONS, type Classification } from '../fields/catalogue.js';
import { percentToBp, SPECIAL_RATES, STATUTORY_RATES, type YearRates } from './rates.js';

export type LateChargeKind = 'tax-like' | 'civil' | 'none';

/** Roundings and minimums, in yen. */
export interface LateChargeRounding {
  /** The principal is rounded down to a multiple of this (tax-like: 1,000). */
  baseUnit: number;
  /** A principal under this owes nothing (tax-like: 2,000). */
  minPrincipal: number;
  /** The sum of the pieces is rounded down to a multiple of this (tax-like: 100). */
  totalUnit: number;
  /** A total under this is 0 (tax-like: 1,000). */
  minTotal: number;
}

/** Where the first (lower-rate) period ends. */
export type FirstPeriod =
  /** One month from the day after the due date (民法143条). */
  | { kind: 'one-month' }
  /** On the 督促 day + `days` (an ordinance's "督促状発付日から起算して…"): needs the demand date. */
  | { kind: 'after-demand'; days: number };

export interface TaxLikeProfile extends LateChargeRounding {
  kind: 'tax-like';
  firstPeriod: FirstPeriod;
  /** 特例 rates by calendar year; empty where the ordinance has no 特例. */
  special: readonly YearRates[];
  /** The rates without 特例, for a year outside `special` (or every year where it is empty). */
  statutory: { firstBp: number; secondBp: number };
}

export interface CivilProfile extends LateChargeRounding {
  kind: 'civil';
  /** A contract's rate; null: the statutory rate on the first day of default (民法404条). */
  rateBp: number | null;
}

export interface NoneProfile {
  kind: 'none';
}

export type LateChargeProfile = TaxLikeProfile | CivilProfile | NoneProfile;

export const TAX_LIKE: TaxLikeProfile = {
  kind: 'tax-like',
  firstPeriod: { kind: 'one-month' },
  special: SPECIAL_RATES,
  statutory: STATUTORY_RATES,
  baseUnit: 1000,
  minPrincipal: 2000,
  totalUnit: 100,
  minTotal: 1000,
};

export const CIVIL: CivilProfile = {
  kind: 'civil',
  rateBp: null,
  baseUnit: 1,
  minPrincipal: 0,
  totalUnit: 1,
  minTotal: 0,
};

export const NONE: NoneProfile = { kind: 'none' };

/**
 * A percentage with at most two decimals (`'2.4'`, `8.7`), kept as written: the table travels and
 * is stored in this form, and is turned into basis points only where a profile is made.
 */
const Percent = z.union([z.string(), z.number()]).refine((v) => percentToBp(v) !== null, {
  message: '率は小数2桁までのパーセントで書いてください（例: 2.4）。',
});
type Percent = z.infer<typeof Percent>;
const bp = (p: Percent): number => percentToBp(p)!;
const Yen = z.number().int().min(0).max(1_000_000);

/** One profile as finance writes it: a kind and the numbers its ordinance changes. */
export const ProfileOverride = z
  .object({
    kind: z.enum(['tax-like', 'civil', 'none']),
    /** tax-like: false where the ordinance has no 特例 (always the statutory rates). */
    special: z.boolean().optional(),
    /** tax-like: the rates without 特例 (default 7.3% and 14.6%). */
    statutory: z.object({ first: Percent, second: Percent }).strict().optional(),
    /** civil: a contract's rate. */
    rate: Percent.optional(),
    /** tax-like: the first period ends on the 督促 day + this many days instead of after one month. */
    firstPeriodAfterDemandDays: z.number().int().min(0).max(366).optional(),
    baseUnit: z.number().int().min(1).max(1_000_000).optional(),
    minPrincipal: Yen.optional(),
    totalUnit: z.number().int().min(1).max(1_000_000).optional(),
    minTotal: Yen.optional(),
  })
  .strict();
export type ProfileOverride = z.infer<typeof ProfileOverride>;

/**
 * A year's 特例 rates as the city adds them when the year's 特例基準割合 is published (each
 * December): they replace the built-in line of that year, or add a year the built-in table lacks.
 */
export const SpecialRateLine = z
  .object({ year: z.number().int().min(2000).max(2100), first: Percent, second: Percent })
  .strict();
export type SpecialRateLine = z.infer<typeof SpecialRateLine>;

/** The built-in 特例 table with the city's lines over it, by year. */
export function withCityRates(builtIn: readonly YearRates[], lines: readonly SpecialRateLine[]): YearRates[] {
  const byYear = new Map(builtIn.map((r) => [r.year, r]));
  for (const l of lines) byYear.set(l.year, { year: l.year, firstBp: bp(l.first), secondBp: bp(l.second) });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The profile an override describes, starting from its kind's defaults; `special`: the 特例 rates in force. */
export function profileOf(input: ProfileOverride, special: readonly YearRates[] = SPECIAL_RATES): LateChargeProfile {
  const o = ProfileOverride.parse(input);
  const rounding = (d: LateChargeRounding): LateChargeRounding => ({
    baseUnit: o.baseUnit ?? d.baseUnit,
    minPrincipal: o.minPrincipal ?? d.minPrincipal,
    totalUnit: o.totalUnit ?? d.totalUnit,
    minTotal: o.minTotal ?? d.minTotal,
  });
  if (o.kind === 'none') return NONE;
  if (o.kind === 'civil')
    return { kind: 'civil', rateBp: o.rate === undefined ? null : bp(o.rate), ...rounding(CIVIL) };
  return {
    kind: 'tax-like',
    firstPeriod:
      o.firstPeriodAfterDemandDays === undefined
        ? { kind: 'one-month' }
        : { kind: 'after-demand', days: o.firstPeriodAfterDemandDays },
    special: o.special === false ? [] : special,
    statutory: o.statutory ? { firstBp: bp(o.statutory.first), secondBp: bp(o.statutory.second) } : TAX_LIKE.statutory,
    ...rounding(TAX_LIKE),
  };
}

/**
 * The profiles of a city: one per classification, and per claim type where its ordinance differs
 * (matched by the claim type's names, as the claim-type table matches them).
 */
export const LateChargeTable = z
  .object({
    byClassification: z.record(z.enum(CLASSIFICATIONS), ProfileOverride),
    claimTypes: z.array(z.object({ names: z.array(z.string().min(1)).min(1), profile: ProfileOverride }).strict()),
    /** The city's 特例 lines over the built-in ones (absent: the built-in table alone). */
    specialRates: z
      .array(SpecialRateLine)
      .refine((ls) => new Set(ls.map((l) => l.year)).size === ls.length, { message: '同じ年の率が二つあります。' })
      .optional(),
  })
  .strict();
export type LateChargeTable = z.infer<typeof LateChargeTable>;

/** `late-charge.md`, "Profiles": tax-like for both kinds of 公債権, civil for 私債権. */
export const DEFAULT_LATE_CHARGE_TABLE: LateChargeTable = {
  byClassification: {
    強制徴収公債権: { kind: 'tax-like' },
    非強制徴収公債権: { kind: 'tax-like' },
    私債権: { kind: 'civil' },
  },
  claimTypes: [],
};

export type { Classification };
