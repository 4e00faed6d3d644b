/**
 * The annual plan (PDCA) of one claim as the task pane edits it: the measure catalogue, the claims
 * within reach, a plan's current version, its edit, and its history. Divisions write their own
 * division's plans; finance any; accounting reads its bureau's.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import { ESCALATION_STEPS, MEASURE_GROUP_LABELS, MEASURES, sortMeasureIds } from '../../domain/plans/measures.js';
import { sortMilestones } from '../../domain/plans/milestones.js';
import type { Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import { listClaims, type ClaimRecord } from '../db/repos/claims.js';
import { findPlan, PlanConflict, planVersions, savePlan, type PlanRow } from '../db/repos/plan-edits.js';
import { isSettled } from '../db/repos/plans.js';
import type { Scope } from '../db/repos/scope.js';
import { guardPersonalText } from '../privacy/personal-text.js';
import { notFound } from '../refusals.js';
import { authorOf, claimView, milestonesOut, parseJsonArray, planView } from './views.js';

export const measureCatalogue = (): ResponseOf<'measures'> => ({
  groups: Object.entries(MEASURE_GROUP_LABELS).map(([id, label]) => ({ id, label })),
  measures: [...MEASURES],
  escalationSteps: [...ESCALATION_STEPS],
});

/** The claims within reach with the fiscal year's plan version and ledger count. */
export async function claimsInReach(db: Db, scope: Scope, fy: number): Promise<ResponseOf<'claims'>> {
  const rows = await listClaims(db, fy, scope);
  return {
    fiscalYear: fy,
    claims: rows.map((c) => ({ ...claimView(c), planVersion: c.plan_version, ledgers: Number(c.ledgers) })),
  };
}

async function existingPlan(db: Db, claim: ClaimRecord, fy: number): Promise<PlanRow> {
  const plan = await findPlan(db, claim.id, fy);
  if (!plan) throw notFound('この年度の年間計画');
  return plan;
}

export async function claimPlan(db: Db, claim: ClaimRecord, fy: number): Promise<ResponseOf<'plan'>> {
  const plan = await existingPlan(db, claim, fy);
  return { claim: claimView(claim), plan: planView(plan, await isSettled(db, fy - 1)) };
}

export interface PlanEdit {
  baselineYen: number;
  targetYen: number;
  measureIds: string[];
  measures: string;
  /** Within the fiscal year, each month once (checked by the caller). */
  milestones: { month: string; outstandingYen: number }[];
  expectedVersion?: number;
  confirmedNoPersonalData: boolean;
}

/**
 * Saves the edit as a new version (nothing when equal to the stored plan). Its 取組み pass the
 * personal-text gate; a division may not change a settled baseline. `created` when it is the first.
 */
export async function editPlan(
  db: Db,
  a: Actor,
  claim: ClaimRecord,
  fy: number,
  edit: PlanEdit,
): Promise<ResponseOf<'savePlan'>> {
  const warnings = guardPersonalText({ measures: edit.measures }, edit.confirmedNoPersonalData);
  const settled = await isSettled(db, fy - 1);
  const milestones = sortMilestones(edit.milestones.map((m) => ({ month: m.month, outstanding: m.outstandingYen })));
  const content = {
    baseline: edit.baselineYen,
    target: edit.targetYen,
    measures: edit.measures,
    measureIds: JSON.stringify(sortMeasureIds(edit.measureIds)),
    milestones: JSON.stringify(milestones),
  };
  const options = {
    expectedVersion: edit.expectedVersion,
    baselineLocked: settled && a.role === 'division',
    // As for hard cases: set only when there was something to confirm.
    confirmedNoPersonal: Object.keys(warnings).length > 0,
    warnings,
  };
  const out = await savePlan(db, claim.id, fy, content, a, options).catch((e: unknown) => {
    throw e instanceof PlanConflict ? planConflict(e) : e;
  });
  return { claim: claimView(claim), plan: planView(out.plan, settled), created: out.created, changed: out.changed };
}

export async function planHistory(db: Db, claim: ClaimRecord, fy: number): Promise<ResponseOf<'planHistory'>> {
  const plan = await existingPlan(db, claim, fy);
  const versions = await planVersions(db, plan.id);
  return {
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
  };
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
