/** A division's monthly reviews of its plan (Check/Act of PDCA): append-only, newest first. */
import type { Db, Queryable } from '../db.js';
import { appendAudit, type AuditActor } from './audit.js';
import { scopeSql, type Scope } from './scope.js';

export interface ReviewRow {
  id: number;
  claim_id: number;
  fiscal_year: number;
  month: string;
  assessment: string;
  next_step: string;
  current_outstanding: number | null;
  planned_outstanding: number | null;
  plan_version: number;
  /** 1: the sender saw a personal-text warning and confirmed the text holds no personal data. */
  confirmed_no_personal: number;
  created_at: string;
  created_by: number | null;
  role: string | null;
  label: string | null;
}

export interface NewReview {
  claimId: number;
  fiscalYear: number;
  month: string;
  assessment: string;
  nextStep: string;
  currentOutstanding: number | null;
  plannedOutstanding: number | null;
  planVersion: number;
  confirmedNoPersonal: boolean;
}

const SELECT = `SELECT r.*, t.role, t.label FROM plan_reviews r LEFT JOIN tokens t ON t.id = r.created_by`;

/** `warnings`: counts by kind of what the sender confirmed, for the audit (never the text). */
export function addReview(
  db: Db,
  r: NewReview,
  by: AuditActor,
  warnings: Record<string, number> = {},
  now = new Date(),
): Promise<ReviewRow> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ id: number }>(
      `INSERT INTO plan_reviews (claim_id, fiscal_year, month, assessment, next_step, current_outstanding,
         planned_outstanding, plan_version, confirmed_no_personal, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [r.claimId, r.fiscalYear, r.month, r.assessment, r.nextStep, r.currentOutstanding, r.plannedOutstanding, r.planVersion, r.confirmedNoPersonal ? 1 : 0, now.toISOString(), by.tokenId], // prettier-ignore
    );
    const id = row!.id;
    await appendAudit(
      tx,
      {
        ...by,
        action: 'create',
        entity: 'plan_review',
        entityId: String(id),
        details: {
          claimId: r.claimId,
          fiscalYear: r.fiscalYear,
          month: r.month,
          confirmedNoPersonal: r.confirmedNoPersonal,
          warnings,
        },
      },
      now,
    );
    return (await tx.get<ReviewRow>(`${SELECT} WHERE r.id = ?`, [id]))!;
  });
}

export function listReviews(q: Queryable, claimId: number, fiscalYear: number): Promise<ReviewRow[]> {
  return q.all<ReviewRow>(`${SELECT} WHERE r.claim_id = ? AND r.fiscal_year = ? ORDER BY r.id DESC`, [
    claimId,
    fiscalYear,
  ]);
}

/** The latest review of each claim in reach for a fiscal year, by claim id. */
export async function latestReviews(q: Queryable, fiscalYear: number, scope: Scope): Promise<Map<number, ReviewRow>> {
  const s = scopeSql(scope);
  const rows = await q.all<ReviewRow>(
    `${SELECT}
       JOIN claims c ON c.id = r.claim_id JOIN divisions d ON d.id = c.division_id JOIN bureaus b ON b.id = d.bureau_id
      WHERE r.id IN (SELECT MAX(id) FROM plan_reviews WHERE fiscal_year = ? GROUP BY claim_id)${s.sql}`,
    [fiscalYear, ...s.params],
  );
  return new Map(rows.map((r) => [r.claim_id, r]));
}
