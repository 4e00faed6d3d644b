/**
 * The annual plan of one claim as the task pane edits it (`oversight/plans.ts`): the measure
 * catalogue, the claims within reach, a plan, its edit, and its history.
 */
import { Router } from 'express';
import { z } from 'zod';
import { MEASURE_IDS } from '../../../domain/plans/measures.js';
import { fiscalYearOfMonth, isMonth } from '../../../domain/plans/milestones.js';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import { claimPlan, claimsInReach, editPlan, measureCatalogue, planHistory } from '../../oversight/plans.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle, parseJa } from '../errors.js';
import { confirmedFlag, pathId, yen } from '../inputs.js';
import { fiscalYearIn } from '../params.js';

const READERS = ['division', 'accounting', 'finance'] as const;
const MAX_MEASURES_TEXT = 4000;

const MilestoneBody = z
  .object({
    month: z.string().refine(isMonth, { error: '月は 2024-09 のように年-月で指定してください。' }),
    outstandingYen: yen('月末の未収金額'),
  })
  .strict();

const PlanBody = z
  .object({
    baselineYen: yen('前年度決算額'),
    targetYen: yen('目標額'),
    measureIds: z
      .array(z.enum(MEASURE_IDS as [string, ...string[]], { error: '取組みの選択肢にない項目があります。' }))
      .max(MEASURE_IDS.length * 2)
      .default([]),
    measures: z
      .string()
      .trim()
      .max(MAX_MEASURES_TEXT, { error: `取組み（自由記述）は ${MAX_MEASURES_TEXT} 文字以内で入力してください。` })
      .default(''),
    milestones: z.array(MilestoneBody).max(12, { error: '月別の目標は 12 か月分までです。' }).default([]),
    expectedVersion: z.number().int().min(0).optional(),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();

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
  const r = Router();

  r.get('/measures', requireRole(...READERS), (_req, res) => {
    res.json(measureCatalogue());
  });

  r.get(
    '/claims',
    requireRole(...READERS),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      res.json(await claimsInReach(db, scopeOf(principal(req)), fy));
    }),
  );

  r.get(
    '/claims/:claimId/plans/:fy',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), pathId(req.params.claimId));
      res.json(await claimPlan(db, claim, fiscalYearIn(req.params.fy)));
    }),
  );

  r.put(
    '/claims/:claimId/plans/:fy',
    requireRole('division', 'finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, pathId(req.params.claimId));
      if (p.role === 'division') assertOwnDivision(p, claim);
      const fy = fiscalYearIn(req.params.fy);
      const body = parseJa(PlanBody, req.body, '年間計画の内容が正しくありません。');
      checkMilestoneMonths(fy, body.milestones);
      const out = await editPlan(db, p, claim, fy, body);
      res.status(out.created ? 201 : 200).json(out.body);
    }),
  );

  r.get(
    '/claims/:claimId/plans/:fy/history',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), pathId(req.params.claimId));
      res.json(await planHistory(db, claim, fiscalYearIn(req.params.fy)));
    }),
  );
  return r;
}
