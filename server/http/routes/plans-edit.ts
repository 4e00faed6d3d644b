/**
 * The annual plan (PDCA) of one claim as the task pane edits it: the measure catalogue, the claims
 * within reach (to find a claim's id), a plan's current version, its edit, and its history.
 * Divisions write their own division's plans; finance any; accounting reads its bureau's.
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  findMeasure,
  MEASURE_GROUP_LABELS,
  MEASURE_IDS,
  MEASURES,
  sortMeasureIds,
  ESCALATION_STEPS,
} from '../../../domain/plans/measures.js';
import { fiscalYearOfMonth, isMonth, sortMilestones, type Milestone } from '../../../domain/plans/milestones.js';
import type { Db } from '../../db/db.js';
import { findPlan, listClaims, PlanConflict, planVersions, savePlan, type PlanRow } from '../../db/repos/plan-edits.js';
import { isSettled } from '../../db/repos/plans.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle, notFound } from '../errors.js';
import { guardPersonalText } from '../personal-text.js';
import {
  actorOf,
  assertOwnDivision,
  authorOf,
  claimView,
  confirmedFlag,
  fiscalYearIn,
  orgScopeOf,
  parseJa,
  parseJsonArray,
  readableClaim,
  yen,
} from './oversight-shared.js';

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

export const milestonesOut = (json: string) =>
  parseJsonArray<Milestone>(json).map((m) => ({ month: m.month, outstandingYen: Number(m.outstanding) }));

export function planView(p: PlanRow, settled: boolean) {
  const ids = parseJsonArray<string>(p.measure_ids);
  return {
    id: p.id,
    claimId: p.claim_id,
    fiscalYear: p.fiscal_year,
    baselineYen: Number(p.baseline),
    targetYen: Number(p.target),
    // 見込 until finance settles the previous fiscal year (the baseline's year).
    baselineStatus: settled ? '確定' : '見込',
    baselineSettled: settled,
    measureIds: ids,
    chosenMeasures: ids.map((id) => ({ id, label: findMeasure(id)?.label ?? id })),
    measures: p.measures,
    milestones: milestonesOut(p.milestones),
    version: p.version,
    updatedAt: p.updated_at,
    confirmedNoPersonalData: p.confirmed_no_personal === 1,
  };
}

export function plansEditRoutes(db: Db): Router {
  const r = Router();

  r.get('/measures', requireRole(...READERS), (_req, res) => {
    res.json({
      groups: Object.entries(MEASURE_GROUP_LABELS).map(([id, label]) => ({ id, label })),
      measures: MEASURES,
      escalationSteps: ESCALATION_STEPS,
    });
  });

  r.get(
    '/claims',
    requireRole(...READERS),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      const rows = await listClaims(db, fy, orgScopeOf(principal(req)));
      res.json({
        fiscalYear: fy,
        claims: rows.map((c) => ({ ...claimView(c), planVersion: c.plan_version, ledgers: Number(c.ledgers) })),
      });
    }),
  );

  r.get(
    '/claims/:claimId/plans/:fy',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), req.params.claimId);
      const fy = fiscalYearIn(req.params.fy);
      const plan = await findPlan(db, claim.id, fy);
      if (!plan) throw notFound('この年度の年間計画');
      res.json({ claim: claimView(claim), plan: planView(plan, await isSettled(db, fy - 1)) });
    }),
  );

  r.put(
    '/claims/:claimId/plans/:fy',
    requireRole('division', 'finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, req.params.claimId);
      if (p.role === 'division') assertOwnDivision(p, claim);
      const fy = fiscalYearIn(req.params.fy);
      const body = parseJa(PlanBody, req.body, '年間計画の内容が正しくありません。');
      checkMilestoneMonths(fy, body.milestones);
      const warnings = guardPersonalText({ measures: body.measures }, body.confirmedNoPersonalData);
      const settled = await isSettled(db, fy - 1);
      const milestones = sortMilestones(
        body.milestones.map((m) => ({ month: m.month, outstanding: m.outstandingYen })),
      );
      const content = {
        baseline: body.baselineYen,
        target: body.targetYen,
        measures: body.measures,
        measureIds: JSON.stringify(sortMeasureIds(body.measureIds)),
        milestones: JSON.stringify(milestones),
      };
      const options = {
        expectedVersion: body.expectedVersion,
        baselineLocked: settled && p.role === 'division',
        // As for hard cases: set only when there was something to confirm.
        confirmedNoPersonal: Object.keys(warnings).length > 0,
        warnings,
      };
      const out = await savePlan(db, claim.id, fy, content, actorOf(p), options).catch((e: unknown) => {
        throw e instanceof PlanConflict ? planConflict(e) : e;
      });
      res.status(out.created ? 201 : 200).json({
        claim: claimView(claim),
        plan: planView(out.plan, settled),
        created: out.created,
        changed: out.changed,
      });
    }),
  );

  r.get(
    '/claims/:claimId/plans/:fy/history',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), req.params.claimId);
      const fy = fiscalYearIn(req.params.fy);
      const plan = await findPlan(db, claim.id, fy);
      if (!plan) throw notFound('この年度の年間計画');
      const versions = await planVersions(db, plan.id);
      res.json({
        claim: claimView(claim),
        fiscalYear: fy,
        versions: versions.map((v) => ({
          version: v.version,
          baselineYen: Number(v.baseline),
          targetYen: Number(v.target),
          measureIds: parseJsonArray<string>(v.measure_ids),
          measures: v.measures,
          milestones: milestonesOut(v.milestones),
          confirmedNoPersonalData: v.confirmed_no_personal === 1,
          changedAt: v.changed_at,
          changedBy: authorOf(v),
        })),
      });
    }),
  );
  return r;
}

function planConflict(e: PlanConflict): ApiFailure {
  if (e.kind === 'baseline-settled') {
    return new ApiFailure(
      409,
      'baseline-settled',
      '前年度の決算が確定しているため、前年度決算額は変更できません。変更が必要な場合は財政局に連絡してください。',
      { currentVersion: e.currentVersion },
    );
  }
  return new ApiFailure(
    409,
    'version-conflict',
    'この計画は他の人が先に更新しました。最新の内容を読み込んでから、もう一度保存してください。',
    { currentVersion: e.currentVersion },
  );
}
