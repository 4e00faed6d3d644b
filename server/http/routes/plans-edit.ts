/**
 * The annual plan of one claim as the task pane edits it (`oversight/plans.ts`): the measure
 * catalogue, the claims within reach, a plan, its edit, and its history.
 */
import type { Router } from 'express';
import { fiscalYearOfMonth } from '../../../domain/plans/milestones.js';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import { claimPlan, claimsInReach, editPlan, measureCatalogue, planHistory } from '../../oversight/plans.js';
import { ApiFailure } from '../errors.js';
import { fiscalYearIn, pathId } from '../params.js';
import { TableRouter } from '../route.js';

/** Months outside the fiscal year or given twice: a 400 naming them. */
function checkMilestoneMonths(fy: number, ms: readonly { month: string }[]): void {
  const problems: { path: string; problem: string }[] = [];
  const seen = new Set<string>();
  ms.forEach((m, i) => {
    if (fiscalYearOfMonth(m.month) !== fy) {
      problems.push({
        path: `milestones.${i}.month`,
        problem: `${fy}年度（${fy}-04 〜 ${fy + 1}-03）の月ではありません。`,
      });
    } else if (seen.has(m.month)) problems.push({ path: `milestones.${i}.month`, problem: '同じ月が2回あります。' });
    seen.add(m.month);
  });
  if (problems.length) throw new ApiFailure(400, 'invalid-input', '月別の目標が正しくありません。', problems);
}

export function plansEditRoutes(db: Db): Router {
  return new TableRouter()
    .answer('measures', () => measureCatalogue())
    .answer('claims', (c) => claimsInReach(db, scopeOf(c.actor), fiscalYearIn(c.req.query.fy)))
    .answer('plan', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return claimPlan(db, claim, fiscalYearIn(c.params.fy));
    })
    .answer('savePlan', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      if (c.actor.role === 'division') assertOwnDivision(c.actor, claim);
      const fy = fiscalYearIn(c.params.fy);
      const body = c.body('年間計画の内容が正しくありません。');
      checkMilestoneMonths(fy, body.milestones);
      const saved = await editPlan(db, c.actor, claim, fy, body);
      if (saved.created) c.status(201);
      return saved;
    })
    .answer('planHistory', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return planHistory(db, claim, fiscalYearIn(c.params.fy));
    }).router;
}
