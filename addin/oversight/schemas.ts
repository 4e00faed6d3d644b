/**
 * The service's answers for plans, reviews, proposals, hard cases, oversight and reports, as the
 * pane reads them (server/http/routes/*.ts). Only the fields the pane uses; unknown ones are dropped.
 */
import { z } from 'zod';

const Org = z.object({ id: z.number(), name: z.string() });
const yen = z.number();
const yenOrNull = z.number().nullable();
/**
 * A sum over claims: the service sends a number up to 2^53 − 1 and the decimal digits beyond
 * (`domain/reports/exact.ts`). Read as a number, so a sum past 2^53 (far beyond any city) shows
 * rounded in the pane's sheets; the service's own consolidated.xlsx stays exact.
 */
const sumYen = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const sumYenOrNull = sumYen.nullable();

export const Me = z.object({ role: z.string(), bureau: z.string().nullable(), division: z.string().nullable() });

export const Measure = z.object({ id: z.string(), group: z.string(), label: z.string(), hint: z.string() });
export const Measures = z.object({
  groups: z.array(z.object({ id: z.string(), label: z.string() })),
  measures: z.array(Measure),
});

export const Claim = z.object({
  id: z.number(),
  name: z.string(),
  classification: z.string().nullable(),
  bureau: Org,
  division: Org,
});
export const ClaimList = z.object({
  claims: z.array(Claim.extend({ planVersion: z.number().nullable(), ledgers: z.number() })),
});

export const Milestone = z.object({ month: z.string(), outstandingYen: yen });
export const Plan = z.object({
  claimId: z.number(),
  fiscalYear: z.number(),
  baselineYen: yen,
  targetYen: yen,
  baselineStatus: z.string(),
  baselineSettled: z.boolean(),
  measureIds: z.array(z.string()),
  measures: z.string(),
  milestones: z.array(Milestone),
  version: z.number(),
  updatedAt: z.string(),
});
export const PlanAnswer = z.object({ claim: Claim, plan: Plan });
/** A plan's versions, newest first (the current one included). */
export const PlanHistory = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      baselineYen: yen,
      targetYen: yen,
      measureIds: z.array(z.string()),
      measures: z.string(),
      milestones: z.array(Milestone),
      changedAt: z.string(),
      changedBy: z.object({ role: z.string(), label: z.string() }).nullable(),
    }),
  ),
});
/** POST /settlements/:fy: the fiscal year's settlement is final (確定). */
export const Settlement = z.object({ fiscalYear: z.number(), settled: z.boolean(), settledAt: z.string().nullable() });
export const PlanSaved = PlanAnswer.extend({ created: z.boolean(), changed: z.boolean() });

const Author = z.object({ role: z.string(), label: z.string() }).nullable();
export const Review = z.object({
  id: z.number(),
  month: z.string(),
  assessment: z.string(),
  nextStep: z.string(),
  currentYen: yenOrNull,
  plannedYen: yenOrNull,
  createdAt: z.string(),
  createdBy: Author,
});
export const ReviewSaved = z.object({ review: Review });

export const Progress = z.object({
  plan: Plan.nullable(),
  current: z.object({ currentYen: yenOrNull, asOf: z.string().nullable() }),
  check: z
    .object({
      referenceMonth: z.string(),
      growing: z.boolean().nullable(),
      behindPlan: z.boolean().nullable(),
      gapToTargetYen: yenOrNull,
      changeFromBaselineYen: yenOrNull,
    })
    .nullable(),
  months: z.array(
    z.object({
      month: z.string(),
      state: z.string(),
      milestoneYen: yenOrNull,
      plannedYen: yenOrNull,
      diffYen: yenOrNull,
      review: Review.nullable(),
    }),
  ),
});

export const Proposal = z.object({
  id: z.number(),
  claimId: z.number(),
  fiscalYear: z.number(),
  reasons: z.array(z.string()),
  body: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export const ClaimProposals = z.object({ proposals: z.array(Proposal) });
export const ProposalList = z.object({
  proposals: z.array(Proposal.extend({ claim: Org, bureau: Org, division: Org })),
});
export const ProposalSaved = z.object({ proposal: Proposal });

export const HardCase = z.object({
  id: z.number(),
  claim: Org,
  bureau: Org,
  division: Org,
  title: z.string(),
  assessedYen: yenOrNull,
  outstandingYen: yenOrNull,
  dueDate: z.string().nullable(),
  lastContactDate: z.string().nullable(),
  tried: z.string(),
  question: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  statusLabel: z.string(),
  createdAt: z.string(),
  answer: z
    .object({
      policy: z.string(),
      role: z.string().nullable(),
      roleLabel: z.string().nullable(),
      answeredAt: z.string().nullable(),
    })
    .nullable(),
});
export const HardCaseList = z.object({ hardCases: z.array(HardCase) });
export const HardCaseSaved = z.object({ hardCase: HardCase });

/** The 422 looks-personal details: spans per field; `confirmable` false for a My Number. */
export const PersonalDetails = z.object({
  fields: z.array(
    z.object({
      field: z.string(),
      spans: z.array(z.object({ start: z.number(), end: z.number(), kind: z.string() })),
    }),
  ),
  confirmable: z.boolean(),
});

const Findings = z.object({
  error: z.number(),
  warning: z.number(),
  info: z.number(),
  byRule: z.array(z.object({ rule: z.string(), severity: z.string(), count: z.number() })),
});
export const Submissions = z.object({
  window: z.object({ label: z.string() }),
  ledgers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      bureau: Org,
      division: Org,
      claim: Org,
      revision: z.number(),
      asOf: z.string().nullable(),
      lastSubmittedAt: z.string().nullable(),
      state: z.string(),
      stateLabel: z.string(),
      dueAt: z.string().nullable(),
      outstandingYen: yenOrNull,
      findings: Findings,
    }),
  ),
  chase: z.array(
    z.object({
      kind: z.enum(['ledger', 'claim']),
      ledgerId: z.string().nullable(),
      name: z.string().nullable(),
      bureau: Org,
      division: Org,
      claim: Org,
      reason: z.string(),
      reasonLabel: z.string(),
      lastSubmittedAt: z.string().nullable(),
      dueAt: z.string().nullable(),
    }),
  ),
  totals: z.object({ ledgers: z.number(), ok: z.number(), due: z.number(), late: z.number(), never: z.number() }),
});

export const FlaggedClaims = z.object({
  baselineStatus: z.string(),
  claims: z.array(
    z.object({
      claim: z.object({ id: z.number(), name: z.string(), classification: z.string().nullable() }),
      bureau: Org,
      division: Org,
      baselineYen: yen,
      targetYen: yen,
      currentYen: yenOrNull,
      growing: z.boolean().nullable(),
      behindPlan: z.boolean().nullable(),
      reasons: z.array(z.string()),
      referenceMonth: z.string(),
      milestone: z.object({ month: z.string(), outstandingYen: yen }).nullable(),
      latestReview: Review.nullable(),
      proposal: z.object({ id: z.number(), version: z.number() }).nullable(),
    }),
  ),
});

const Cells = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]);
const BureauRow = z.object({
  bureau: z.string(),
  baselineYen: sumYen,
  targetYen: sumYen,
  diffYen: sumYen,
  ratioHundredths: z.number().nullable(),
  cells: Cells,
  currentYen: sumYen,
  claims: z.number(),
  claimsReporting: z.number(),
});
export const Targets = z.object({
  fiscalYear: z.number(),
  settled: z.boolean(),
  title: z.string(),
  unitLine: z.string(),
  headers: Cells,
  note: z.string(),
  bureaus: z.array(BureauRow),
  total: BureauRow,
});

export const ReportClaims = z.object({
  claims: z.array(
    z.object({
      planVersion: z.number(),
      bureau: z.string(),
      division: z.string(),
      claim: z.string(),
      classification: z.string().nullable(),
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYenOrNull,
      gapYen: sumYenOrNull,
      ledgers: z.number(),
      asOf: z.string().nullable(),
      growing: z.boolean().nullable(),
      behindPlan: z.boolean().nullable(),
    }),
  ),
  divisions: z.array(
    z.object({
      bureau: z.string(),
      division: z.string(),
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYen,
      claims: z.number(),
      claimsReporting: z.number(),
    }),
  ),
});

const AgingBucket = z.object({ label: z.string(), fromYears: z.number().catch(0), outstanding: z.number() });
export const Ledgers = z.object({
  ledgers: z.array(
    z.object({
      id: z.string(),
      bureau: Org,
      division: Org,
      revision: z.number(),
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
