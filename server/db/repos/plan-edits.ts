/**
 * A division's own edits of its annual plan (the pane's form), beside finance's bulk import in
 * plans.ts: every change makes a new version and keeps the replaced one in plan_history, with its
 * author and time; an edit equal to the stored plan changes nothing.
 */
import type { Db, Queryable } from '../db.js';
import { appendAudit, type AuditActor } from './audit.js';

export interface PlanRow {
  id: number;
  claim_id: number;
  fiscal_year: number;
  baseline: number;
  target: number;
  measures: string;
  milestones: string;
  measure_ids: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
  /** 1: the sender saw a personal-text warning on this version's text and confirmed there was none. */
  confirmed_no_personal: number;
}

export function findPlan(q: Queryable, claimId: number, fiscalYear: number): Promise<PlanRow | undefined> {
  return q.get<PlanRow>(
    `SELECT id, claim_id, fiscal_year, baseline, target, measures, milestones, measure_ids, version, updated_at, updated_by,
            confirmed_no_personal
       FROM plans WHERE claim_id = ? AND fiscal_year = ?`,
    [claimId, fiscalYear],
  );
}

/** The stored form of a plan's content: JSON strings already in canonical order. */
export interface PlanContent {
  baseline: number;
  target: number;
  measures: string;
  measureIds: string;
  milestones: string;
}

export class PlanConflict extends Error {
  constructor(
    readonly kind: 'version' | 'baseline-settled',
    readonly currentVersion: number,
  ) {
    super(kind);
  }
}

export interface SaveOptions {
  /** The version the editor started from; another is a conflict (someone saved in between). */
  expectedVersion?: number;
  /** The baseline is settled (確定) and this caller may not change it. */
  baselineLocked?: boolean;
  /** The sender confirmed flagged text holds no personal data (stored on the version). */
  confirmedNoPersonal?: boolean;
  /** Counts by kind of what the sender confirmed, for the audit (never the text). */
  warnings?: Record<string, number>;
}

export interface SaveOutcome {
  plan: PlanRow;
  created: boolean;
  changed: boolean;
}

export function savePlan(
  db: Db,
  claimId: number,
  fiscalYear: number,
  c: PlanContent,
  by: AuditActor,
  o: SaveOptions,
  now = new Date(),
): Promise<SaveOutcome> {
  const at = now.toISOString();
  const confirmed = o.confirmedNoPersonal ? 1 : 0;
  const privacy = { confirmedNoPersonal: confirmed === 1, warnings: o.warnings ?? {} };
  return db.transaction(async (tx) => {
    const old = await findPlan(tx, claimId, fiscalYear);
    if (o.expectedVersion !== undefined && o.expectedVersion !== (old?.version ?? 0)) {
      throw new PlanConflict('version', old?.version ?? 0);
    }
    const audit = (action: string, planId: number, version: number) =>
      appendAudit(tx, { ...by, action, entity: 'plan', entityId: String(planId), revision: version, details: { claimId, fiscalYear, via: 'edit', ...privacy } }, now); // prettier-ignore
    if (!old) {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO plans (claim_id, fiscal_year, baseline, target, measures, milestones, measure_ids, version, updated_at, updated_by,
           confirmed_no_personal)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
        [claimId, fiscalYear, c.baseline, c.target, c.measures, c.milestones, c.measureIds, at, by.tokenId, confirmed],
      );
      await audit('create', row!.id, 1);
      return { plan: (await findPlan(tx, claimId, fiscalYear))!, created: true, changed: true };
    }
    const same =
      Number(old.baseline) === c.baseline &&
      Number(old.target) === c.target &&
      old.measures === c.measures &&
      old.measure_ids === c.measureIds &&
      old.milestones === c.milestones;
    if (same) return { plan: old, created: false, changed: false };
    if (o.baselineLocked && Number(old.baseline) !== c.baseline)
      throw new PlanConflict('baseline-settled', old.version);
    await tx.run(
      `INSERT INTO plan_history (plan_id, version, baseline, target, measures, milestones, measure_ids, changed_at, changed_by,
         confirmed_no_personal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [old.id, old.version, old.baseline, old.target, old.measures, old.milestones, old.measure_ids, old.updated_at, old.updated_by, old.confirmed_no_personal], // prettier-ignore
    );
    await tx.run(
      `UPDATE plans SET baseline = ?, target = ?, measures = ?, milestones = ?, measure_ids = ?, version = ?,
              updated_at = ?, updated_by = ?, confirmed_no_personal = ? WHERE id = ?`,
      [
        c.baseline,
        c.target,
        c.measures,
        c.milestones,
        c.measureIds,
        old.version + 1,
        at,
        by.tokenId,
        confirmed,
        old.id,
      ],
    );
    await audit('update', old.id, old.version + 1);
    return { plan: (await findPlan(tx, claimId, fiscalYear))!, created: false, changed: true };
  });
}

export interface PlanVersionRow {
  version: number;
  baseline: number;
  target: number;
  measures: string;
  milestones: string;
  measure_ids: string;
  changed_at: string;
  changed_by: number | null;
  confirmed_no_personal: number;
  role: string | null;
  label: string | null;
}

/** Every version of a plan, newest first: the current one, then plan_history. */
export function planVersions(q: Queryable, planId: number): Promise<PlanVersionRow[]> {
  return q.all<PlanVersionRow>(
    `SELECT v.*, t.role, t.label FROM (
       SELECT version, baseline, target, measures, milestones, measure_ids, updated_at AS changed_at, updated_by AS changed_by,
              confirmed_no_personal
         FROM plans WHERE id = ?
       UNION ALL
       SELECT version, baseline, target, measures, milestones, measure_ids, changed_at, changed_by, confirmed_no_personal
         FROM plan_history WHERE plan_id = ?) v
     LEFT JOIN tokens t ON t.id = v.changed_by
     ORDER BY v.version DESC`,
    [planId, planId],
  );
}
