/**
 * What the accounting division chases: the submission period finance sets (kept in `settings`),
 * every ledger of the caller's reach with its last submission and finding counts, and the planned
 * claims that have no ledger at all. Reads only the aggregate columns, never ledger rows.
 */
import { SubmissionPeriod as SubmissionPeriodSchema } from '../../../domain/api/oversight.js';
import { DEFAULT_SUBMISSION_PERIOD, type SubmissionPeriod } from '../../../domain/plans/submission-period.js';
import type { Db, Queryable } from '../db.js';
import { appendAudit, type AuditActor } from './audit.js';
import type { ClaimLedgerRow } from './claims.js';
import { scopeSql, type Scope } from './scope.js';

const PERIOD_KEY = 'submission_period';

export async function submissionPeriod(q: Queryable): Promise<{ period: SubmissionPeriod; isDefault: boolean }> {
  const row = await q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [PERIOD_KEY]);
  if (!row) return { period: DEFAULT_SUBMISSION_PERIOD, isDefault: true };
  try {
    // Read with the API's own schema: what finance may set is what may be stored.
    const parsed = SubmissionPeriodSchema.safeParse(JSON.parse(row.value));
    if (parsed.success) return { period: parsed.data, isDefault: false };
  } catch {
    // An unreadable value falls back to the default rather than stopping the oversight pages.
  }
  return { period: DEFAULT_SUBMISSION_PERIOD, isDefault: true };
}

export function setSubmissionPeriod(db: Db, p: SubmissionPeriod, by: AuditActor, now = new Date()): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [PERIOD_KEY, JSON.stringify(p)],
    );
    await appendAudit(tx, { ...by, action: 'update', entity: 'setting', entityId: PERIOD_KEY, details: { ...p } }, now);
  });
}

/** A ledger as the chase list shows it: as a claim's ledger, with its claim and organisation. */
export interface ChaseLedgerRow extends ClaimLedgerRow {
  claim_id: number;
  claim: string;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

export function chaseLedgers(q: Queryable, scope: Scope): Promise<ChaseLedgerRow[]> {
  const s = scopeSql(scope);
  return q.all<ChaseLedgerRow>(
    `SELECT l.id, l.name, l.revision, l.as_of, l.last_submitted_at, l.outstanding, c.id AS claim_id, c.name AS claim,
            d.id AS division_id, d.name AS division, b.id AS bureau_id, b.name AS bureau
       FROM ledgers l JOIN claims c ON c.id = l.claim_id JOIN divisions d ON d.id = l.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE 1 = 1${s.sql}
      ORDER BY b.sort_order, b.id, d.name, c.name, l.name, l.id`,
    s.params,
  );
}

export interface RuleCountRow {
  ledger_id: string;
  rule: string;
  severity: string;
  count: number;
}

export function chaseFindingCounts(q: Queryable, scope: Scope): Promise<RuleCountRow[]> {
  const s = scopeSql(scope);
  return q.all<RuleCountRow>(
    `SELECT f.ledger_id, f.rule, f.severity, f.count
       FROM ledger_finding_counts f JOIN ledgers l ON l.id = f.ledger_id JOIN divisions d ON d.id = l.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE 1 = 1${s.sql}
      ORDER BY f.ledger_id, f.rule`,
    s.params,
  );
}

export interface PlannedClaimWithoutLedger {
  claim_id: number;
  claim: string;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

/** Claims with a plan for the fiscal year but no ledger: nobody has started sending. */
export function plannedClaimsWithoutLedger(
  q: Queryable,
  fiscalYear: number,
  scope: Scope,
): Promise<PlannedClaimWithoutLedger[]> {
  const s = scopeSql(scope);
  return q.all<PlannedClaimWithoutLedger>(
    `SELECT c.id AS claim_id, c.name AS claim, d.id AS division_id, d.name AS division, b.id AS bureau_id, b.name AS bureau
       FROM plans p JOIN claims c ON c.id = p.claim_id JOIN divisions d ON d.id = c.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE p.fiscal_year = ? AND NOT EXISTS (SELECT 1 FROM ledgers l WHERE l.claim_id = c.id)${s.sql}
      ORDER BY b.sort_order, b.id, d.name, c.name`,
    [fiscalYear, ...s.params],
  );
}
