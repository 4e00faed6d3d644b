/**
 * The reports' reads. They touch plans, the organisation and the aggregate columns that every
 * applied submission keeps on `ledgers` (and `ledger_finding_counts`), never `ledger_rows`: the
 * bureau table must answer in milliseconds with a million stored rows.
 */
import type { Queryable } from '../db.js';

export interface ClaimProgressRecord {
  plan_id: number;
  version: number;
  baseline: number;
  target: number;
  milestones: string;
  plan_updated_at: string;
  bureau_id: number;
  bureau: string;
  division_id: number;
  division: string;
  claim_id: number;
  claim: string;
  classification: string | null;
  /** Σ outstanding of the claim's ledgers that have an applied submission; null when none has. */
  current_outstanding: number | null;
  ledgers: number | null;
  as_of: string | null;
}

/** Exported so a test can EXPLAIN it. `?` 1: fiscal year; the optional bureau filter is appended. */
export const CLAIM_PROGRESS_SQL = `
SELECT p.id AS plan_id, p.version, p.baseline, p.target, p.milestones, p.updated_at AS plan_updated_at,
       b.id AS bureau_id, b.name AS bureau, d.id AS division_id, d.name AS division,
       c.id AS claim_id, c.name AS claim, c.classification,
       la.outstanding AS current_outstanding, la.ledgers, la.as_of
  FROM plans p
  JOIN claims c ON c.id = p.claim_id
  JOIN divisions d ON d.id = c.division_id
  JOIN bureaus b ON b.id = d.bureau_id
  LEFT JOIN (SELECT claim_id, SUM(outstanding) AS outstanding, COUNT(*) AS ledgers, MAX(as_of) AS as_of
               FROM ledgers WHERE revision > 0 GROUP BY claim_id) la ON la.claim_id = c.id
 WHERE p.fiscal_year = ?`;

export async function claimProgressRecords(
  db: Queryable,
  fiscalYear: number,
  bureauId?: number,
): Promise<ClaimProgressRecord[]> {
  const sql = `${CLAIM_PROGRESS_SQL}${bureauId === undefined ? '' : ' AND b.id = ?'} ORDER BY p.id`;
  const rows = await db.all<ClaimProgressRecord>(sql, bureauId === undefined ? [fiscalYear] : [fiscalYear, bureauId]);
  // PostgreSQL hands SUM(bigint) back as text: numbers either way.
  return rows.map((r) => ({
    ...r,
    baseline: Number(r.baseline),
    target: Number(r.target),
    current_outstanding: r.current_outstanding === null ? null : Number(r.current_outstanding),
    ledgers: r.ledgers === null ? null : Number(r.ledgers),
  }));
}

export interface LedgerRecord {
  id: string;
  name: string;
  revision: number;
  as_of: string | null;
  ruleset_version: string | null;
  last_submission_id: string | null;
  last_submitted_at: string | null;
  row_count: number;
  unreadable_rows: number;
  outstanding: number;
  current_assessed: number;
  current_paid: number;
  current_outstanding: number;
  arrears_assessed: number;
  arrears_paid: number;
  arrears_outstanding: number;
  aging: string;
  bureau_id: number;
  bureau: string;
  bureau_sort_order: number;
  division: string;
  claim_id: number;
  claim: string;
}

export const LEDGERS_SQL = `
SELECT l.id, l.name, l.revision, l.as_of, l.ruleset_version, l.last_submission_id, l.last_submitted_at,
       l.row_count, l.unreadable_rows, l.outstanding, l.current_assessed, l.current_paid, l.current_outstanding,
       l.arrears_assessed, l.arrears_paid, l.arrears_outstanding, l.aging,
       b.id AS bureau_id, b.name AS bureau, b.sort_order AS bureau_sort_order, d.name AS division,
       c.id AS claim_id, c.name AS claim
  FROM ledgers l
  JOIN claims c ON c.id = l.claim_id
  JOIN divisions d ON d.id = l.division_id
  JOIN bureaus b ON b.id = d.bureau_id
 ORDER BY b.sort_order, b.id, d.name, c.name, l.name, l.id`;

const AMOUNT_COLUMNS = [
  'outstanding',
  'current_assessed',
  'current_paid',
  'current_outstanding',
  'arrears_assessed',
  'arrears_paid',
  'arrears_outstanding',
] as const;

/** Every ledger with its aggregate columns and organisation, bureaus in the city's order. */
export async function ledgerRecords(db: Queryable): Promise<LedgerRecord[]> {
  const rows = await db.all<LedgerRecord>(LEDGERS_SQL);
  return rows.map((r) => {
    const out = { ...r };
    for (const k of AMOUNT_COLUMNS) out[k] = Number(r[k]);
    return out;
  });
}

export interface FindingCountRecord {
  ledger_id: string;
  rule: string;
  severity: string;
  count: number;
}

export const FINDING_COUNTS_SQL =
  'SELECT ledger_id, rule, severity, count FROM ledger_finding_counts ORDER BY ledger_id, rule';

export function findingCountRecords(db: Queryable): Promise<FindingCountRecord[]> {
  return db.all<FindingCountRecord>(FINDING_COUNTS_SQL);
}
