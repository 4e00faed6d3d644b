/**
 * Check and Act for one claim: its progress against the plan month by month, and the division's
 * monthly reviews (振り返り), kept as history.
 */
import { z } from 'zod';
import {
  Author,
  ClaimView,
  confirmedFlag,
  Day,
  FyQuery,
  IdText,
  Instant,
  month,
  Month,
  text,
  Yen,
  YenOrNull,
} from './common.js';
import { Plan } from './plans.js';

export const MAX_REVIEW_TEXT = 2000;

export const ClaimParams = z.object({ claimId: IdText });
export { FyQuery };

export const Review = z.object({
  id: z.number().int(),
  fiscalYear: z.number().int(),
  month: Month,
  assessment: z.string(),
  nextStep: z.string(),
  /** The claim's uncollected amount when the review was written; null before any ledger was sent. */
  currentYen: YenOrNull,
  plannedYen: YenOrNull,
  planVersion: z.number().int(),
  confirmedNoPersonalData: z.boolean(),
  createdAt: Instant,
  createdBy: Author,
});

export const ReviewBody = z
  .object({
    month: month(),
    assessment: text('評価（振り返り）', MAX_REVIEW_TEXT),
    nextStep: text('次の取組み', MAX_REVIEW_TEXT),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();

export const ReviewSaved = z.object({ claim: ClaimView, review: Review });
export const ReviewList = z.object({ claim: ClaimView, fiscalYear: z.number().int(), reviews: z.array(Review) });

export const MONTH_STATES = ['past', 'reference', 'future'] as const;

export const PlanCheck = z.object({
  referenceMonth: Month,
  milestone: z.object({ month: Month, outstandingYen: Yen }).nullable(),
  growing: z.boolean().nullable(),
  behindPlan: z.boolean().nullable(),
  gapToTargetYen: YenOrNull,
  changeFromBaselineYen: YenOrNull,
});

export const Progress = z.object({
  claim: ClaimView,
  fiscalYear: z.number().int(),
  plan: Plan.nullable(),
  current: z.object({
    /** Σ of the claim's ledgers at their latest accepted submission; null before any. */
    currentYen: YenOrNull,
    asOf: Day.nullable(),
    ledgers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        revision: z.number().int(),
        asOf: Day.nullable(),
        lastSubmittedAt: Instant.nullable(),
        outstandingYen: YenOrNull,
      }),
    ),
  }),
  check: PlanCheck.nullable(),
  months: z.array(
    z.object({
      month: Month,
      state: z.enum(MONTH_STATES),
      milestoneYen: YenOrNull,
      plannedYen: YenOrNull,
      diffYen: YenOrNull,
      review: Review.nullable(),
    }),
  ),
});
