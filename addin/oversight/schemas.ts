/**
 * The service's answers as the pane reads them, derived from the one contract in domain/api: each
 * the route's schema with only the fields the pane uses picked (unknown ones are dropped), sums read
 * as numbers for the sheets. The service sends codes; the pane words them (addin/i18n/labels.ts).
 * Files outside the pane's forms import these names; new code can use domain/api.
 */
import { z } from 'zod';
import { ClaimView, ExactYen, Org } from '../../domain/api/common.js';
import { PersonalTextDetails } from '../../domain/api/errors.js';
import * as cases from '../../domain/api/hard-cases.js';
import * as ledgers from '../../domain/api/ledgers.js';
import * as me from '../../domain/api/me.js';
import * as ov from '../../domain/api/oversight.js';
import * as plans from '../../domain/api/plans.js';
import * as proposals from '../../domain/api/proposals.js';
import * as reports from '../../domain/api/reports.js';
import * as reviews from '../../domain/api/reviews.js';

/**
 * A sum over claims (ExactYen: a number up to 2^53 − 1, the digits beyond) read as a number, so a
 * sum past 2^53 (far beyond any city) shows rounded in the pane's sheets; the service's own
 * consolidated.xlsx stays exact.
 */
const sumYen = ExactYen.transform(Number);
const sumYenOrNull = sumYen.nullable();

export const Me = me.Me.pick({ role: true, bureau: true, division: true });

export const Measure = plans.MeasureCatalogue.shape.measures.element;
export const Measures = plans.MeasureCatalogue.pick({ groups: true, measures: true });

export const Claim = ClaimView;
export const ClaimList = plans.ClaimList.pick({ claims: true });

export const Milestone = plans.Milestone;
export const Plan = plans.Plan.omit({ id: true, chosenMeasures: true, confirmedNoPersonalData: true });
export const PlanAnswer = plans.PlanAnswer.extend({ plan: Plan });
/** A plan's versions, newest first (the current one included). */
export const PlanHistory = plans.PlanHistory.pick({ versions: true }).extend({
  versions: z.array(plans.PlanVersion.omit({ confirmedNoPersonalData: true })),
});
/** POST /settlements/:fy: the fiscal year's settlement is final (確定). */
export const Settlement = plans.Settlement;
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

/** The 422 looks-personal details: spans per field; `confirmable` false for a My Number. */
export const PersonalDetails = PersonalTextDetails;

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
    }).extend({
      latestReview: Review.nullable(),
      proposal: ov.FlaggedClaim.shape.proposal.unwrap().pick({ id: true, version: true }).nullable(),
    }),
  ),
});

const TargetsRow = reports.TargetsRow.pick({
  bureau: true,
  cells: true,
  claims: true,
  claimsReporting: true,
}).extend({
  baselineYen: sumYen,
  targetYen: sumYen,
  diffYen: sumYen,
  currentYen: sumYen,
  ratioHundredths: z.number().nullable(),
});
export const Targets = reports.Targets.omit({ baselineFiscalYear: true }).extend({
  bureaus: z.array(TargetsRow),
  total: TargetsRow,
});

export const ReportClaims = reports.ReportClaims.pick({ claims: true, divisions: true }).extend({
  claims: z.array(
    reports.ClaimProgress.omit({ planId: true, milestone: true, display: true }).extend({
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYenOrNull,
      gapYen: sumYenOrNull,
    }),
  ),
  divisions: z.array(
    reports.Sums.pick({ claims: true, claimsReporting: true }).extend({
      bureau: z.string(),
      division: z.string(),
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYen,
    }),
  ),
});

/** Aging read leniently: a ledger the check has not reached yet may have none. */
const AgingBucket = ledgers.AgingBucket.pick({ label: true, outstanding: true }).extend({
  fromYears: z.number().catch(0),
});
export const Ledgers = ledgers.LedgerList.extend({
  ledgers: z.array(
    ledgers.Ledger.pick({ id: true, bureau: true, division: true, revision: true }).extend({
      aging: z.array(AgingBucket).catch([]),
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
export type TargetsT = z.infer<typeof Targets>;
export type ReportClaimsT = z.infer<typeof ReportClaims>;
export type LedgersT = z.infer<typeof Ledgers>;
export type PersonalDetailsT = z.infer<typeof PersonalDetails>;
