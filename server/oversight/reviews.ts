/**
 * Check and Act for one claim: its progress against the plan month by month (current uncollected
 * amount from the ledgers' latest accepted submissions), and the division's monthly reviews, kept
 * as history and read by its bureau's accounting division and finance.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import { checkPlan, milestoneAt, type Milestone } from '../../domain/plans/milestones.js';
import type { Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import { claimLedgers, type ClaimLedgerRow, type ClaimRecord } from '../db/repos/claims.js';
import { findPlan } from '../db/repos/plan-edits.js';
import { isSettled } from '../db/repos/plans.js';
import { addReview, listReviews, type ReviewRow } from '../db/repos/reviews.js';
import { guardPersonalText } from '../privacy/personal-text.js';
import { claimView, parseJsonArray, planView, reviewView } from './views.js';

/** The uncollected amount over the ledgers sent at least once (null: none sent yet). */
const outstandingOf = (sent: readonly ClaimLedgerRow[]) =>
  sent.length ? sent.reduce((s, l) => s + l.outstanding, 0) : null;

export async function claimProgress(
  db: Db,
  claim: ClaimRecord,
  fy: number,
  now: Date,
): Promise<ResponseOf<'progress'>> {
  const [plan, ledgers, reviews, settled] = await Promise.all([
    findPlan(db, claim.id, fy),
    claimLedgers(db, claim.id),
    listReviews(db, claim.id, fy),
    isSettled(db, fy - 1),
  ]);
  const sent = ledgers.filter((l) => l.revision > 0);
  const currentYen = outstandingOf(sent);
  const asOf = sent.reduce<string | null>((m, l) => (l.as_of && (!m || l.as_of > m) ? l.as_of : m), null);
  const check = plan
    ? checkPlan({
        fiscalYear: fy,
        baselineYen: Number(plan.baseline),
        targetYen: Number(plan.target),
        milestones: parseJsonArray<Milestone>(plan.milestones),
        currentYen,
        asOf,
        now,
      })
    : null;
  // The latest review of each month sits beside that month.
  const latestByMonth = new Map<string, ReviewRow>();
  for (const rv of reviews) if (!latestByMonth.has(rv.month)) latestByMonth.set(rv.month, rv);
  return {
    claim: claimView(claim),
    fiscalYear: fy,
    plan: plan ? planView(plan, settled) : null,
    current: {
      currentYen,
      asOf,
      ledgers: ledgers.map((l) => ({
        id: l.id,
        name: l.name,
        revision: l.revision,
        asOf: l.as_of,
        lastSubmittedAt: l.last_submitted_at,
        outstandingYen: l.revision > 0 ? l.outstanding : null,
      })),
    },
    check: check && {
      referenceMonth: check.referenceMonth,
      milestone: check.milestone && { month: check.milestone.month, outstandingYen: check.milestone.outstanding },
      growing: check.growing,
      behindPlan: check.behindPlan,
      gapToTargetYen: check.gapToTargetYen,
      changeFromBaselineYen: check.changeFromBaselineYen,
    },
    months: (check?.months ?? []).map((m) => {
      const rv = latestByMonth.get(m.month);
      return { ...m, review: rv ? reviewView(rv) : null };
    }),
  };
}

export interface NewReview {
  /** A month already come, in fiscal year `fiscalYear` (checked by the caller). */
  month: string;
  fiscalYear: number;
  assessment: string;
  nextStep: string;
  confirmedNoPersonalData: boolean;
}

/** Records the division's review of a month against the plan in force (409 when there is none). */
export async function reviewMonth(
  db: Db,
  a: Actor,
  claim: ClaimRecord,
  r: NewReview,
): Promise<ResponseOf<'addReview'>> {
  const warnings = guardPersonalText({ assessment: r.assessment, nextStep: r.nextStep }, r.confirmedNoPersonalData);
  const fy = r.fiscalYear;
  const plan = await findPlan(db, claim.id, fy);
  if (!plan) {
    throw new ApiFailure(409, 'no-plan', `${fy}年度の年間計画がありません。先に年間計画を登録してください。`, {
      fiscalYear: fy,
    });
  }
  const sent = (await claimLedgers(db, claim.id)).filter((l) => l.revision > 0);
  const planned = milestoneAt(parseJsonArray<Milestone>(plan.milestones), r.month);
  const row = await addReview(
    db,
    {
      claimId: claim.id,
      fiscalYear: fy,
      month: r.month,
      assessment: r.assessment,
      nextStep: r.nextStep,
      currentOutstanding: outstandingOf(sent),
      plannedOutstanding: planned?.outstanding ?? null,
      planVersion: plan.version,
      confirmedNoPersonal: Object.keys(warnings).length > 0,
    },
    a,
    warnings,
  );
  return { claim: claimView(claim), review: reviewView(row) };
}

export async function claimReviews(db: Db, claim: ClaimRecord, fy: number): Promise<ResponseOf<'reviews'>> {
  const reviews = await listReviews(db, claim.id, fy);
  return { claim: claimView(claim), fiscalYear: fy, reviews: reviews.map(reviewView) };
}
