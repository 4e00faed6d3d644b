/**
 * The plan, review, proposal, hard-case and oversight answers as the pane reads them: each the
 * route's schema from domain/api with only the fields the pane uses picked, so a field the pane
 * never reads can go from an answer (or be left out of a test's fake) without the pane refusing it.
 * The report answers the sheets are built from are in sheet-sums.ts. The service sends codes; the
 * pane words them (addin/i18n/labels.ts).
 */
import { z } from 'zod';
import { Org } from '../../domain/api/common.js';
import * as cases from '../../domain/api/hard-cases.js';
import * as me from '../../domain/api/me.js';
import * as ov from '../../domain/api/oversight.js';
import * as plans from '../../domain/api/plans.js';
import * as proposals from '../../domain/api/proposals.js';
import * as reviews from '../../domain/api/reviews.js';

export const Me = me.Me.pick({ role: true, bureau: true, division: true });

export const Measure = plans.MeasureCatalogue.shape.measures.element;
export const Measures = plans.MeasureCatalogue.pick({ groups: true, measures: true });

export const ClaimList = plans.ClaimList.pick({ claims: true });

export const Plan = plans.Plan.omit({ id: true, chosenMeasures: true, confirmedNoPersonalData: true });
export const PlanAnswer = plans.PlanAnswer.extend({ plan: Plan });
/** A plan's versions, newest first (the current one included). */
export const PlanHistory = plans.PlanHistory.pick({ versions: true }).extend({
  versions: z.array(plans.PlanVersion.omit({ confirmedNoPersonalData: true })),
});
export const PlanSaved = plans.PlanSaved.extend({ plan: Plan });

export const Review = reviews.Review.omit({ fiscalYear: true, planVersion: true, confirmedNoPersonalData: true });
export const ReviewSaved = reviews.ReviewSaved.pick({ review: true }).extend({ review: Review });

const ProgressMonth = reviews.Progress.shape.months.element;
export const Progress = reviews.Progress.pick({ plan: true, current: true, check: true, months: true }).extend({
  plan: Plan.nullable(),
  current: reviews.Progress.shape.current.pick({ currentYen: true, asOf: true }),
  check: reviews.PlanCheck.omit({ milestone: true }).nullable(),
  months: z.array(ProgressMonth.extend({ review: Review.nullable() })),
});

export const Proposal = proposals.Proposal.omit({ confirmedNoPersonalData: true, createdAt: true });
export const ClaimProposals = z.object({ proposals: z.array(Proposal) });
export const ProposalList = proposals.ProposalList.pick({ proposals: true }).extend({
  proposals: z.array(Proposal.extend({ claim: Org, bureau: Org, division: Org })),
});
export const ProposalSaved = proposals.ProposalCreated.pick({ proposal: true }).extend({ proposal: Proposal });

export const HardCase = cases.HardCase.omit({
  confirmedNoPersonalData: true,
  closedAt: true,
  closedByRole: true,
}).extend({
  answer: cases.HardCase.shape.answer.unwrap().pick({ policy: true, role: true, answeredAt: true }).nullable(),
});
export const HardCaseList = cases.HardCaseList.extend({ hardCases: z.array(HardCase) });
export const HardCaseSaved = cases.HardCaseAnswer.extend({ hardCase: HardCase });

export const Submissions = ov.Submissions.pick({ period: true, ledgers: true, chase: true }).extend({
  totals: ov.Submissions.shape.totals.omit({ claimsWithoutLedger: true }),
});

export const FlaggedClaims = ov.FlaggedClaims.pick({ baselineSettled: true }).extend({
  claims: z.array(
    ov.FlaggedClaim.omit({
      planVersion: true,
      asOf: true,
      ledgers: true,
      gapToTargetYen: true,
      changeFromBaselineYen: true,
      lateChargeEstimateYen: true,
    }).extend({
      latestReview: Review.nullable(),
      proposal: ov.FlaggedClaim.shape.proposal.unwrap().pick({ id: true, version: true }).nullable(),
    }),
  ),
});

export type Me = z.infer<typeof Me>;
export type MeasureT = z.infer<typeof Measure>;
export type ClaimItem = z.infer<typeof ClaimList>['claims'][number];
export type PlanT = z.infer<typeof Plan>;
export type PlanVersionT = z.infer<typeof PlanHistory>['versions'][number];
export type ProgressT = z.infer<typeof Progress>;
export type ReviewT = z.infer<typeof Review>;
export type ProposalT = z.infer<typeof Proposal>;
export type ProposalItem = z.infer<typeof ProposalList>['proposals'][number];
export type HardCaseT = z.infer<typeof HardCase>;
export type SubmissionsT = z.infer<typeof Submissions>;
export type FlaggedClaimsT = z.infer<typeof FlaggedClaims>;
export type FlaggedClaim = FlaggedClaimsT['claims'][number];
/** Claims on the improvement list: growing or behind plan, or already with a proposal. */
export const onImprovementList = (c: FlaggedClaim): boolean => c.reasons.length > 0 || c.proposal !== null;
