/**
 * Oversight for the accounting division (its bureau) and finance (the city): every ledger's last
 * submission and finding counts with the chase list, the claims that grow or lag their plan with
 * the division's latest review, and the submission period finance sets.
 */
import type { FLAG_REASONS } from '../../domain/api/oversight.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import { checkPlan, type Milestone } from '../../domain/plans/milestones.js';
import {
  dueAt,
  submissionState,
  submissionWindow,
  type SubmissionPeriod,
  type SubmissionState,
} from '../../domain/plans/submission-period.js';
import type { Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import {
  chaseFindingCounts,
  chaseLedgers,
  plannedClaimsWithoutLedger,
  setSubmissionPeriod,
  submissionPeriod,
  type RuleCountRow,
} from '../db/repos/chase.js';
import { isSettled } from '../db/repos/plans.js';
import { listProposals } from '../db/repos/proposals.js';
import { claimProgressRecords } from '../db/repos/reports.js';
import { latestReviews } from '../db/repos/reviews.js';
import { bureauOf, type Scope } from '../db/repos/scope.js';
import { inBureauOrder } from '../reports/targets.js';
import { listLedgerFigures } from '../db/repos/ledgers.js';
import { orgView, parseJsonArray, reviewView } from './views.js';
import { worklistCountsOf } from './worklist-counts.js';

/** The window the period makes now, without its Japanese wording: the pane words `period` itself. */
function windowView(period: SubmissionPeriod, now: Date) {
  const { since, deadline, nextDeadline } = submissionWindow(period, now);
  return { since, deadline, nextDeadline };
}

/** The submission period in force (finance's, or the default) and the window it makes now. */
export async function submissionPeriodView(db: Db, now: Date): Promise<ResponseOf<'submissionPeriod'>> {
  const { period, isDefault } = await submissionPeriod(db);
  return { period, isDefault, window: windowView(period, now) };
}

export async function changeSubmissionPeriod(
  db: Db,
  a: Actor,
  period: SubmissionPeriod,
  clock: () => Date,
): Promise<ResponseOf<'setSubmissionPeriod'>> {
  await setSubmissionPeriod(db, period, a);
  return { period, isDefault: false, window: windowView(period, clock()) };
}

function findingsOf(rows: readonly RuleCountRow[]) {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const r of rows) if (r.severity in bySeverity) bySeverity[r.severity as keyof typeof bySeverity] += r.count;
  return { ...bySeverity, byRule: rows.map((r) => ({ rule: r.rule, severity: r.severity, count: r.count })) };
}

/** Every ledger within reach with its submission state, and the chase list: late, never sent, no ledger. */
export async function submissionStatus(
  db: Db,
  scope: Scope,
  fy: number,
  now: Date,
): Promise<ResponseOf<'submissions'>> {
  const [{ period }, ledgers, counts, noLedger] = await Promise.all([
    submissionPeriod(db),
    chaseLedgers(db, scope),
    chaseFindingCounts(db, scope),
    plannedClaimsWithoutLedger(db, fy, scope),
  ]);
  const byLedger = new Map<string, RuleCountRow[]>();
  for (const c of counts) byLedger.set(c.ledger_id, [...(byLedger.get(c.ledger_id) ?? []), c]);
  const rows = ledgers.map((l) => {
    // Only an accepted submission counts: a ledger stuck at revision 0 has never been sent.
    const last = l.revision > 0 ? l.last_submitted_at : null;
    const state = submissionState(period, last, now);
    return {
      id: l.id,
      name: l.name,
      ...orgView(l),
      claim: { id: l.claim_id, name: l.claim },
      revision: l.revision,
      asOf: l.as_of,
      lastSubmittedAt: last,
      state,
      dueAt: dueAt(period, last, now),
      outstandingYen: l.revision > 0 ? Number(l.outstanding) : null,
      findings: findingsOf(byLedger.get(l.id) ?? []),
    };
  });
  const chase: ResponseOf<'submissions'>['chase'] = [
    ...rows.flatMap((l) =>
      l.state === 'late' || l.state === 'never'
        ? [
            {
              kind: 'ledger' as const,
              ledgerId: l.id,
              name: l.name,
              bureau: l.bureau,
              division: l.division,
              claim: l.claim,
              reason: l.state,
              lastSubmittedAt: l.lastSubmittedAt,
              dueAt: l.dueAt,
            },
          ]
        : [],
    ),
    ...noLedger.map((c) => ({
      kind: 'claim' as const,
      ledgerId: null,
      name: null,
      ...orgView(c),
      claim: { id: c.claim_id, name: c.claim },
      reason: 'no-ledger' as const,
      lastSubmittedAt: null,
      dueAt: null,
    })),
  ];
  const count = (s: SubmissionState) => rows.filter((l) => l.state === s).length;
  return {
    fiscalYear: fy,
    period,
    window: windowView(period, now),
    ledgers: rows,
    chase,
    totals: {
      ledgers: rows.length,
      ok: count('ok'),
      due: count('due'),
      late: count('late'),
      never: count('never'),
      claimsWithoutLedger: noLedger.length,
    },
  };
}

/**
 * The claims within reach checked against their plan (growing, behind plan), with the division's
 * latest review and finance's proposal; only those flagged unless `all`.
 */
export async function flaggedClaims(
  db: Db,
  scope: Scope,
  fy: number,
  all: boolean,
  now: Date,
): Promise<ResponseOf<'flaggedClaims'>> {
  const [records, reviews, proposals, settled, figures] = await Promise.all([
    claimProgressRecords(db, fy, bureauOf(scope)),
    latestReviews(db, fy, scope),
    listProposals(db, fy, scope),
    isSettled(db, fy - 1),
    listLedgerFigures(db, scope),
  ]);
  const lateChargeOf = new Map(worklistCountsOf(figures).claims.map((c) => [c.claim.id, c.lateChargeEstimateYen]));
  const proposalOf = new Map(proposals.map((p) => [p.claim_id, p]));
  const claims = inBureauOrder(records).map((c) => {
    const check = checkPlan({
      fiscalYear: fy,
      baselineYen: c.baseline,
      targetYen: c.target,
      milestones: parseJsonArray<Milestone>(c.milestones),
      currentYen: c.current_outstanding,
      asOf: c.as_of,
      now,
    });
    const reasons: (typeof FLAG_REASONS)[number][] = [
      ...(check.growing ? (['growing'] as const) : []),
      ...(check.behindPlan ? (['behind-plan'] as const) : []),
    ];
    const review = reviews.get(c.claim_id);
    const proposal = proposalOf.get(c.claim_id);
    return {
      claim: { id: c.claim_id, name: c.claim, classification: c.classification },
      ...orgView(c),
      planVersion: c.version,
      baselineYen: c.baseline,
      targetYen: c.target,
      currentYen: c.current_outstanding,
      lateChargeEstimateYen: c.current_outstanding === null ? null : (lateChargeOf.get(c.claim_id) ?? 0),
      asOf: c.as_of,
      ledgers: c.ledgers ?? 0,
      growing: check.growing,
      behindPlan: check.behindPlan,
      reasons,
      referenceMonth: check.referenceMonth,
      milestone: check.milestone && { month: check.milestone.month, outstandingYen: check.milestone.outstanding },
      gapToTargetYen: check.gapToTargetYen,
      changeFromBaselineYen: check.changeFromBaselineYen,
      latestReview: review ? reviewView(review) : null,
      proposal: proposal ? { id: proposal.id, version: proposal.version, updatedAt: proposal.updated_at } : null,
    };
  });
  return {
    fiscalYear: fy,
    baselineSettled: settled,
    counts: {
      claims: claims.length,
      reporting: claims.filter((c) => c.currentYen !== null).length,
      growing: claims.filter((c) => c.growing).length,
      behindPlan: claims.filter((c) => c.behindPlan).length,
      flagged: claims.filter((c) => c.reasons.length > 0).length,
    },
    claims: all ? claims : claims.filter((c) => c.reasons.length > 0),
  };
}
