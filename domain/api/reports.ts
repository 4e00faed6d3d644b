/**
 * Reports for finance (and accounting, for its bureau's claims): the bureau target table with the
 * year's progress, the claims against their plans, and the consolidated workbook (an .xlsx, not
 * described here). Sums are exact (ExactYen); the `display` and `cells` strings are exact either way.
 */
import { z } from 'zod';
import { Day, ExactYen, FyQuery, Month } from './common.js';

export const TargetsQuery = FyQuery.extend({ format: z.enum(['json', 'tsv']).optional() });
export const ReportQuery = FyQuery;

const Cells = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]);

/** Σ of plans and progress for a group of claims. */
export const Sums = z.object({
  baselineYen: ExactYen,
  targetYen: ExactYen,
  currentYen: ExactYen,
  gapYen: ExactYen,
  claims: z.number().int(),
  claimsReporting: z.number().int(),
  growingClaims: z.number().int(),
  behindClaims: z.number().int(),
  display: z.object({ current: z.string(), gap: z.string() }),
});

/** One line of the bureau target table (or its total, bureau 合計). */
export const TargetsRow = Sums.extend({
  bureau: z.string(),
  diffYen: ExactYen,
  /** 圧縮割合 in hundredths of a percent as printed (9,540 for 95.40); null when ① is 0. */
  ratioHundredths: ExactYen.nullable(),
  cells: Cells,
});

export const Targets = z.object({
  fiscalYear: z.number().int(),
  baselineFiscalYear: z.number().int(),
  settled: z.boolean(),
  title: z.string(),
  unitLine: z.string(),
  headers: Cells,
  note: z.string(),
  bureaus: z.array(TargetsRow),
  total: TargetsRow,
});

export const ClaimProgress = z.object({
  planId: z.number().int(),
  planVersion: z.number().int(),
  bureau: z.string(),
  division: z.string(),
  claim: z.string(),
  classification: z.string().nullable(),
  baselineYen: ExactYen,
  targetYen: ExactYen,
  currentYen: ExactYen.nullable(),
  gapYen: ExactYen.nullable(),
  ledgers: z.number().int(),
  asOf: Day.nullable(),
  growing: z.boolean().nullable(),
  behindPlan: z.boolean().nullable(),
  /** As stored: `outstanding`, not `outstandingYen`. */
  milestone: z.object({ month: Month, outstanding: z.number() }).nullable(),
  display: z.object({
    baseline: z.string(),
    target: z.string(),
    current: z.string().nullable(),
    gap: z.string().nullable(),
  }),
});

export const ReportClaims = z.object({
  fiscalYear: z.number().int(),
  claims: z.array(ClaimProgress),
  divisions: z.array(Sums.extend({ bureau: z.string(), division: z.string() })),
  total: Sums,
});
