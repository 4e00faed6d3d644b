/** Check and Act for one claim (`oversight/reviews.ts`): its progress against the plan, and the division's monthly reviews. */
import type { Router } from 'express';
import { fiscalYearOfMonth, japanMonth } from '../../../domain/plans/milestones.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import { claimProgress, claimReviews, reviewMonth } from '../../oversight/reviews.js';
import { ApiFailure } from '../errors.js';
import { FISCAL_YEAR_RANGE_MESSAGE, fiscalYearIn, inFiscalRange, pathId } from '../params.js';
import { TableRouter } from '../route.js';

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
  return new TableRouter()
    .answer('progress', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return claimProgress(db, claim, fiscalYearIn(c.req.query.fy), clock());
    })
    .answer('addReview', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      assertOwnDivision(c.actor, claim);
      const body = c.body('振り返りの内容が正しくありません。');
      const fiscalYear = reviewedFiscalYear(body.month, clock());
      return reviewMonth(db, c.actor, claim, { ...body, fiscalYear });
    })
    .answer('reviews', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return claimReviews(db, claim, fiscalYearIn(c.req.query.fy));
    }).router;
}
