/**
 * Annual plans (年間計画) and settlements. An import is one transaction: a row equal to the stored
 * plan changes nothing; a different row replaces the plan, whose old version goes to plan_history.
 */
import type { Db, Queryable } from '../db.js';
import type { Milestone, PlanImportRow } from '../../plans/index.js';
import { appendAudit } from './audit.js';
import { ensureBureau, ensureClaim, ensureDivision } from './org.js';

export interface Actor {
  tokenId: number | null;
  role: string | null;
}

export interface ImportSummary {
  imported: number;
  created: { bureaus: number; divisions: number; claims: number; plans: number };
  /** Rows that made a new plan or a new version of one (or changed a claim's classification). */
  changed: number;
  unchanged: number;
  fiscalYears: number[];
}

interface PlanRecord {
  id: number;
  baseline: number;
  target: number;
  measures: string;
  milestones: string;
  measure_ids: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

const milestonesJson = (m: readonly Milestone[]) =>
  JSON.stringify(m.map((x) => ({ month: x.month, outstanding: x.outstanding })));

export function importPlans(
  db: Db,
  rows: readonly PlanImportRow[],
  by: Actor,
  now = new Date(),
): Promise<ImportSummary> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const s: ImportSummary = {
      imported: rows.length,
      created: { bureaus: 0, divisions: 0, claims: 0, plans: 0 },
      changed: 0,
      unchanged: 0,
      fiscalYears: [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => a - b),
    };
    for (const r of rows) {
      const bureau = await findOrCreate(tx, 'SELECT id FROM bureaus WHERE name = ?', [r.bureau], () =>
        ensureBureau(tx, r.bureau),
      );
      s.created.bureaus += bureau.created;
      const division = await findOrCreate(
        tx,
        'SELECT id FROM divisions WHERE bureau_id = ? AND name = ?',
        [bureau.id, r.division],
        () => ensureDivision(tx, bureau.id, r.division),
      );
      s.created.divisions += division.created;
      const before = await tx.get<{ id: number; classification: string | null }>(
        'SELECT id, classification FROM claims WHERE division_id = ? AND name = ?',
        [division.id, r.claim],
      );
      const claim = await ensureClaim(tx, division.id, r.claim, r.classification);
      if (!before) s.created.claims++;
      const reclassified = before !== undefined && before.classification !== r.classification;
      if (reclassified) {
        const details = { from: before.classification, to: r.classification };
        await appendAudit(
          tx,
          { ...by, action: 'reclassify', entity: 'claim', entityId: String(claim.id), details },
          now,
        );
      }
      const planChanged = await upsertPlan(tx, claim.id, r, by, at, s);
      if (planChanged || reclassified) s.changed++;
      else s.unchanged++;
    }
    await appendAudit(
      tx,
      {
        ...by,
        action: 'import',
        entity: 'plans',
        entityId: s.fiscalYears.join(','),
        details: { rows: s.imported, changed: s.changed, unchanged: s.unchanged, created: s.created },
      },
      now,
    );
    return s;
  });
}

async function findOrCreate(
  tx: Queryable,
  sql: string,
  params: (string | number)[],
  create: () => Promise<{ id: number }>,
): Promise<{ id: number; created: number }> {
  const found = await tx.get<{ id: number }>(sql, params);
  if (found) return { id: found.id, created: 0 };
  return { id: (await create()).id, created: 1 };
}

/** True when the row made a new plan or a new version. */
async function upsertPlan(
  tx: Queryable,
  claimId: number,
  r: PlanImportRow,
  by: Actor,
  at: string,
  s: ImportSummary,
): Promise<boolean> {
  const milestones = milestonesJson(r.milestones);
  const old = await tx.get<PlanRecord>(
    `SELECT id, baseline, target, measures, milestones, measure_ids, version, updated_at, updated_by
       FROM plans WHERE claim_id = ? AND fiscal_year = ?`,
    [claimId, r.fiscalYear],
  );
  if (!old) {
    const created = await tx.get<{ id: number }>(
      `INSERT INTO plans (claim_id, fiscal_year, baseline, target, measures, milestones, version, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id`,
      [claimId, r.fiscalYear, r.baseline, r.target, r.measures, milestones, at, by.tokenId],
    );
    s.created.plans++;
    await auditPlan(tx, by, 'create', created!.id, 1, r, at);
    return true;
  }
  const same =
    Number(old.baseline) === r.baseline &&
    Number(old.target) === r.target &&
    old.measures === r.measures &&
    old.milestones === milestones;
  if (same) return false;
  // The history row keeps the replaced version as it was made: its author and time. The import
  // leaves the chosen measures (measure_ids, set in the pane) as they are.
  await tx.run(
    `INSERT INTO plan_history (plan_id, version, baseline, target, measures, milestones, measure_ids, changed_at, changed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      old.id,
      old.version,
      old.baseline,
      old.target,
      old.measures,
      old.milestones,
      old.measure_ids,
      old.updated_at,
      old.updated_by,
    ],
  );
  await tx.run(
    `UPDATE plans SET baseline = ?, target = ?, measures = ?, milestones = ?, version = ?, updated_at = ?, updated_by = ?
      WHERE id = ?`,
    [r.baseline, r.target, r.measures, milestones, old.version + 1, at, by.tokenId, old.id],
  );
  await auditPlan(tx, by, 'update', old.id, old.version + 1, r, at);
  return true;
}

function auditPlan(
  tx: Queryable,
  by: Actor,
  action: string,
  planId: number,
  version: number,
  r: PlanImportRow,
  at: string,
) {
  return appendAudit(
    tx,
    {
      ...by,
      action,
      entity: 'plan',
      entityId: String(planId),
      revision: version,
      details: { fiscalYear: r.fiscalYear, bureau: r.bureau, division: r.division, claim: r.claim },
    },
    new Date(at),
  );
}

export interface PlanListRow {
  id: number;
  bureau_id: number;
  bureau: string;
  division_id: number;
  division: string;
  claim_id: number;
  claim: string;
  classification: string | null;
  fiscal_year: number;
  baseline: number;
  target: number;
  measures: string;
  milestones: string;
  version: number;
  updated_at: string;
}

export interface PlanScope {
  bureauId?: number;
  divisionId?: number;
}

/** One fiscal year's plans in import order (plan id), optionally one bureau's or one division's. */
export function listPlans(db: Queryable, fiscalYear: number, scope: PlanScope = {}): Promise<PlanListRow[]> {
  const where = ['p.fiscal_year = ?'];
  const params: number[] = [fiscalYear];
  if (scope.bureauId !== undefined) {
    where.push('b.id = ?');
    params.push(scope.bureauId);
  }
  if (scope.divisionId !== undefined) {
    where.push('d.id = ?');
    params.push(scope.divisionId);
  }
  return db.all<PlanListRow>(
    `SELECT p.id, b.id AS bureau_id, b.name AS bureau, d.id AS division_id, d.name AS division,
            c.id AS claim_id, c.name AS claim, c.classification, p.fiscal_year, p.baseline, p.target,
            p.measures, p.milestones, p.version, p.updated_at
       FROM plans p
       JOIN claims c ON c.id = p.claim_id
       JOIN divisions d ON d.id = c.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE ${where.join(' AND ')}
      ORDER BY p.id`,
    params,
  );
}

export async function isSettled(db: Queryable, fiscalYear: number): Promise<boolean> {
  return (await db.get('SELECT fiscal_year FROM settlements WHERE fiscal_year = ?', [fiscalYear])) !== undefined;
}

/** Marks a fiscal year's settlement final (確定). False when it already was: nothing is written. */
export function settleFiscalYear(db: Db, fiscalYear: number, by: Actor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = await tx.run(
      'INSERT INTO settlements (fiscal_year, settled_at, settled_by) VALUES (?, ?, ?) ON CONFLICT (fiscal_year) DO NOTHING',
      [fiscalYear, now.toISOString(), by.tokenId],
    );
    if (r.changes === 0) return false;
    await appendAudit(tx, { ...by, action: 'settle', entity: 'settlement', entityId: String(fiscalYear) }, now);
    return true;
  });
}

export function getSettlement(
  db: Queryable,
  fiscalYear: number,
): Promise<{ fiscal_year: number; settled_at: string } | undefined> {
  return db.get('SELECT fiscal_year, settled_at FROM settlements WHERE fiscal_year = ?', [fiscalYear]);
}
