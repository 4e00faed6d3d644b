/**
 * Check and Act for one claim: its progress against the plan month by month (current uncollected
 * amount from the ledgers' latest accepted submissions), and the division's monthly reviews, kept
 * as history and read by its bureau's accounting division and finance.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  checkPlan,
  fiscalYearOfMonth,
  isMonth,
  japanMonth,
  milestoneAt,
  type Milestone,
} from '../../../domain/plans/milestones.js';
import type { Db } from '../../db/db.js';
import { claimLedgers, findPlan } from '../../db/repos/plan-edits.js';
import { isSettled } from '../../db/repos/plans.js';
import { addReview, listReviews, type ReviewRow } from '../../db/repos/reviews.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle } from '../errors.js';
import { guardPersonalText } from '../personal-text.js';
import {
  actorOf,
  assertOwnDivision,
  authorOf,
  claimView,
  confirmedFlag,
  FISCAL_YEAR_RANGE_MESSAGE,
  fiscalYearIn,
  inFiscalRange,
  parseJa,
  parseJsonArray,
  readableClaim,
  text,
} from './oversight-shared.js';
import { planView } from './plans-edit.js';

const READERS = ['division', 'accounting', 'finance'] as const;
const MAX_REVIEW_TEXT = 2000;

const ReviewBody = z
  .object({
    month: z.string().refine(isMonth, { error: '月は 2024-09 のように年-月で指定してください。' }),
    assessment: text('評価（振り返り）', MAX_REVIEW_TEXT),
    nextStep: text('次の取組み', MAX_REVIEW_TEXT),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();

export function reviewView(r: ReviewRow) {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    month: r.month,
    assessment: r.assessment,
    nextStep: r.next_step,
    currentYen: r.current_outstanding === null ? null : Number(r.current_outstanding),
    plannedYen: r.planned_outstanding === null ? null : Number(r.planned_outstanding),
    planVersion: r.plan_version,
    confirmedNoPersonalData: r.confirmed_no_personal === 1,
    createdAt: r.created_at,
    createdBy: authorOf(r),
  };
}

export function planReviewRoutes(db: Db, clock: () => Date = () => new Date()): Router {
  const r = Router();

  r.get(
    '/claims/:claimId/progress',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), req.params.claimId);
      const fy = fiscalYearIn(req.query.fy);
      const [plan, ledgers, reviews, settled] = await Promise.all([
        findPlan(db, claim.id, fy),
        claimLedgers(db, claim.id),
        listReviews(db, claim.id, fy),
        isSettled(db, fy - 1),
      ]);
      const sent = ledgers.filter((l) => l.revision > 0);
      const currentYen = sent.length ? sent.reduce((s, l) => s + l.outstanding, 0) : null;
      const asOf = sent.reduce<string | null>((m, l) => (l.as_of && (!m || l.as_of > m) ? l.as_of : m), null);
      const check = plan
        ? checkPlan({
            fiscalYear: fy,
            baselineYen: Number(plan.baseline),
            targetYen: Number(plan.target),
            milestones: parseJsonArray<Milestone>(plan.milestones),
            currentYen,
            asOf,
            now: clock(),
          })
        : null;
      // The latest review of each month sits beside that month.
      const latestByMonth = new Map<string, ReviewRow>();
      for (const rv of reviews) if (!latestByMonth.has(rv.month)) latestByMonth.set(rv.month, rv);
      res.json({
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
      });
    }),
  );

  r.post(
    '/claims/:claimId/reviews',
    requireRole('division'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, req.params.claimId);
      assertOwnDivision(p, claim);
      const body = parseJa(ReviewBody, req.body, '振り返りの内容が正しくありません。');
      if (body.month > japanMonth(clock())) {
        throw new ApiFailure(400, 'invalid-input', 'まだ来ていない月の振り返りは登録できません。', [
          { path: 'month', problem: '今月以前の月を指定してください。' },
        ]);
      }
      const fy = fiscalYearOfMonth(body.month)!;
      if (!inFiscalRange(fy)) {
        throw new ApiFailure(400, 'invalid-input', FISCAL_YEAR_RANGE_MESSAGE, [
          { path: 'month', problem: FISCAL_YEAR_RANGE_MESSAGE },
        ]);
      }
      const warnings = guardPersonalText(
        { assessment: body.assessment, nextStep: body.nextStep },
        body.confirmedNoPersonalData,
      );
      const plan = await findPlan(db, claim.id, fy);
      if (!plan) {
        throw new ApiFailure(409, 'no-plan', `${fy}年度の年間計画がありません。先に年間計画を登録してください。`, {
          fiscalYear: fy,
        });
      }
      const sent = (await claimLedgers(db, claim.id)).filter((l) => l.revision > 0);
      const planned = milestoneAt(parseJsonArray<Milestone>(plan.milestones), body.month);
      const row = await addReview(
        db,
        {
          claimId: claim.id,
          fiscalYear: fy,
          month: body.month,
          assessment: body.assessment,
          nextStep: body.nextStep,
          currentOutstanding: sent.length ? sent.reduce((s, l) => s + l.outstanding, 0) : null,
          plannedOutstanding: planned?.outstanding ?? null,
          planVersion: plan.version,
          confirmedNoPersonal: Object.keys(warnings).length > 0,
        },
        actorOf(p),
        warnings,
      );
      res.status(201).json({ claim: claimView(claim), review: reviewView(row) });
    }),
  );

  r.get(
    '/claims/:claimId/reviews',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), req.params.claimId);
      const fy = fiscalYearIn(req.query.fy);
      const reviews = await listReviews(db, claim.id, fy);
      res.json({ claim: claimView(claim), fiscalYear: fy, reviews: reviews.map(reviewView) });
    }),
  );
  return r;
}
