/** Check and Act for one claim (`oversight/reviews.ts`): its progress against the plan, and the division's monthly reviews. */
import { Router } from 'express';
import { z } from 'zod';
import { fiscalYearOfMonth, isMonth, japanMonth } from '../../../domain/plans/milestones.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import { claimProgress, claimReviews, reviewMonth } from '../../oversight/reviews.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle, parseJa } from '../errors.js';
import { confirmedFlag, pathId, text } from '../inputs.js';
import { FISCAL_YEAR_RANGE_MESSAGE, fiscalYearIn, inFiscalRange } from '../params.js';

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

/** The fiscal year of a review's month: a month already come, within the years saiken works with. */
function reviewedFiscalYear(month: string, now: Date): number {
  if (month > japanMonth(now)) {
    throw new ApiFailure(400, 'invalid-input', 'まだ来ていない月の振り返りは登録できません。', [
      { path: 'month', problem: '今月以前の月を指定してください。' },
    ]);
  }
  const fy = fiscalYearOfMonth(month)!;
  if (!inFiscalRange(fy)) {
    throw new ApiFailure(400, 'invalid-input', FISCAL_YEAR_RANGE_MESSAGE, [
      { path: 'month', problem: FISCAL_YEAR_RANGE_MESSAGE },
    ]);
  }
  return fy;
}

export function planReviewRoutes(db: Db, clock: () => Date = () => new Date()): Router {
  const r = Router();

  r.get(
    '/claims/:claimId/progress',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), pathId(req.params.claimId));
      const fy = fiscalYearIn(req.query.fy);
      res.json(await claimProgress(db, claim, fy, clock()));
    }),
  );

  r.post(
    '/claims/:claimId/reviews',
    requireRole('division'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, pathId(req.params.claimId));
      assertOwnDivision(p, claim);
      const body = parseJa(ReviewBody, req.body, '振り返りの内容が正しくありません。');
      const fiscalYear = reviewedFiscalYear(body.month, clock());
      res.status(201).json(await reviewMonth(db, p, claim, { ...body, fiscalYear }));
    }),
  );

  r.get(
    '/claims/:claimId/reviews',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), pathId(req.params.claimId));
      const fy = fiscalYearIn(req.query.fy);
      res.json(await claimReviews(db, claim, fy));
    }),
  );
  return r;
}
