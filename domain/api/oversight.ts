/**
 * Oversight for the accounting division (its bureau) and finance (the city): the submission
 * period finance sets, every ledger's last submission with the chase list, and the claims that
 * grow or lag their plan with the division's latest review and finance's proposal, and the
 * worklist's counts per action with the late-charge estimate per claim and bureau.
 */
import { z } from 'zod';
import { MAX_MONTHLY_DAY, MAX_PERIOD_DAYS } from '../plans/submission-period.js';
import { Day, FyQuery, Instant, Month, Org, OrgOf, Yen, YenOrNull } from './common.js';
import { Review } from './reviews.js';
import { ACTION_CODES } from '../worklist/actions.js';

/** How often every ledger must be sent: by the Nth of each month, or within N days. */
export const SubmissionPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), day: z.number().int().min(1).max(MAX_MONTHLY_DAY) }).strict(),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(MAX_PERIOD_DAYS) }).strict(),
]);

export const SubmissionWindow = z.object({
  /** A submission at or after this instant counts for the deadline in force. */
  since: Instant,
  /** The deadline in force (exclusive); null in days mode, where each ledger has its own. */
  deadline: Instant.nullable(),
  nextDeadline: Instant.nullable(),
});

export const PeriodAnswer = z.object({ period: SubmissionPeriod, isDefault: z.boolean(), window: SubmissionWindow });

export const SUBMISSION_STATES = ['ok', 'due', 'late', 'never'] as const;
export const SubmissionState = z.enum(SUBMISSION_STATES);
/** Why a ledger or claim is on the chase list. */
export const CHASE_REASONS = ['late', 'never', 'no-ledger'] as const;
export const ChaseReason = z.enum(CHASE_REASONS);

export const SubmissionsQuery = FyQuery;

const Findings = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
  byRule: z.array(z.object({ rule: z.string(), severity: z.string(), count: z.number().int() })),
});

export const SubmissionRow = z.object({
  id: z.string(),
  name: z.string(),
  ...OrgOf,
  claim: Org,
  revision: z.number().int(),
  asOf: Day.nullable(),
  lastSubmittedAt: Instant.nullable(),
  state: SubmissionState,
  dueAt: Instant.nullable(),
  outstandingYen: YenOrNull,
  findings: Findings,
});

export const ChaseItem = z.object({
  kind: z.enum(['ledger', 'claim']),
  ledgerId: z.string().nullable(),
  name: z.string().nullable(),
  ...OrgOf,
  claim: Org,
  reason: ChaseReason,
  lastSubmittedAt: Instant.nullable(),
  dueAt: Instant.nullable(),
});

export const Submissions = z.object({
  fiscalYear: z.number().int(),
  period: SubmissionPeriod,
  window: SubmissionWindow,
  ledgers: z.array(SubmissionRow),
  chase: z.array(ChaseItem),
  totals: z.object({
    ledgers: z.number().int(),
    ok: z.number().int(),
    due: z.number().int(),
    late: z.number().int(),
    never: z.number().int(),
    claimsWithoutLedger: z.number().int(),
  }),
});

export const FlaggedClaimsQuery = FyQuery.extend({ all: z.enum(['true', 'false']).optional() });
export const FLAG_REASONS = ['growing', 'behind-plan'] as const;

export const FlaggedClaim = z.object({
  claim: z.object({ id: z.number().int(), name: z.string(), classification: z.string().nullable() }),
  ...OrgOf,
  planVersion: z.number().int(),
  baselineYen: Yen,
  targetYen: Yen,
  currentYen: YenOrNull,
  /** 延滞金見込額 of the claim's ledgers (an estimate, as of each ledger's date); null with currentYen. */
  lateChargeEstimateYen: YenOrNull,
  asOf: Day.nullable(),
  ledgers: z.number().int(),
  growing: z.boolean().nullable(),
  behindPlan: z.boolean().nullable(),
  reasons: z.array(z.enum(FLAG_REASONS)),
  referenceMonth: Month,
  milestone: z.object({ month: Month, outstandingYen: Yen }).nullable(),
  gapToTargetYen: YenOrNull,
  changeFromBaselineYen: YenOrNull,
  latestReview: Review.nullable(),
  proposal: z.object({ id: z.number().int(), version: z.number().int(), updatedAt: Instant }).nullable(),
});

/** The claims that grow or lag their plan (all of them with `all=true`). */
export const FlaggedClaims = z.object({
  fiscalYear: z.number().int(),
  /** Whether last fiscal year's settlement (the baselines' year) is final (確定); an estimate (見込) until then. */
  baselineSettled: z.boolean(),
  counts: z.object({
    claims: z.number().int(),
    reporting: z.number().int(),
    growing: z.number().int(),
    behindPlan: z.number().int(),
    flagged: z.number().int(),
  }),
  claims: z.array(FlaggedClaim),
});

/** One action's debtors and their outstanding amount (the worklist's counts, `worklist.md`). */
export const ActionFigures = z.object({
  tier: z.number().int().min(1).max(10),
  action: z.enum(ACTION_CODES),
  debtors: z.number().int().nonnegative(),
  outstandingYen: Yen,
});

/** A claim's, bureau's or the city's sums of its ledgers' latest figures. */
const FigureSums = {
  /** Ledgers with an accepted submission. */
  ledgers: z.number().int(),
  /** Of those, ledgers whose check kept the counts per action (one applied before: not in them). */
  ledgersCounted: z.number().int(),
  outstandingYen: Yen,
  /** 延滞金見込額: an estimate (each row's outstanding paid in full on its ledger's as-of date). */
  lateChargeEstimateYen: Yen,
  byAction: z.array(ActionFigures),
};

/** The worklist's counts per action and the late-charge estimate, per claim and bureau (no debtor). */
export const WorklistCounts = z.object({
  claims: z.array(z.object({ claim: Org, ...OrgOf, ...FigureSums })),
  bureaus: z.array(z.object({ bureau: Org, ...FigureSums })),
  total: z.object(FigureSums),
});
