/** Claims (債権): one by id with its division and bureau, those within a scope, and a claim's ledgers. */
import type { Queryable } from '../db.js';
import { scopeSql, type Scope } from './scope.js';

export interface ClaimRecord {
  id: number;
  name: string;
  classification: string | null;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

const SELECT_CLAIM = `
  SELECT c.id, c.name, c.classification, d.id AS division_id, d.name AS division, b.id AS bureau_id, b.name AS bureau
    FROM claims c JOIN divisions d ON d.id = c.division_id JOIN bureaus b ON b.id = d.bureau_id`;

export function findClaim(q: Queryable, id: number): Promise<ClaimRecord | undefined> {
  return q.get<ClaimRecord>(`${SELECT_CLAIM} WHERE c.id = ?`, [id]);
}

export interface ClaimListRow extends ClaimRecord {
  plan_version: number | null;
  ledgers: number;
}

/** The claims within reach, with the fiscal year's plan version (null: none yet) and ledger count. */
export function listClaims(q: Queryable, fiscalYear: number, scope: Scope): Promise<ClaimListRow[]> {
  const s = scopeSql(scope);
  return q.all<ClaimListRow>(
    `SELECT c.id, c.name, c.classification, d.id AS division_id, d.name AS division, b.id AS bureau_id,
            b.name AS bureau, p.version AS plan_version,
            (SELECT COUNT(*) FROM ledgers l WHERE l.claim_id = c.id) AS ledgers
       FROM claims c JOIN divisions d ON d.id = c.division_id JOIN bureaus b ON b.id = d.bureau_id
       LEFT JOIN plans p ON p.claim_id = c.id AND p.fiscal_year = ?
      WHERE 1 = 1${s.sql}
      ORDER BY b.sort_order, b.id, d.name, c.name`,
    [fiscalYear, ...s.params],
  );
}

export interface ClaimLedgerRow {
  id: string;
  name: string;
  revision: number;
  as_of: string | null;
  last_submitted_at: string | null;
  outstanding: number;
}

/** The claim's ledgers with their totals at the latest accepted submission (revision 0: none yet). */
export async function claimLedgers(q: Queryable, claimId: number): Promise<ClaimLedgerRow[]> {
  const rows = await q.all<ClaimLedgerRow>(
    `SELECT id, name, revision, as_of, last_submitted_at, outstanding FROM ledgers WHERE claim_id = ? ORDER BY name, id`,
    [claimId],
  );
  return rows.map((r) => ({ ...r, outstanding: Number(r.outstanding) }));
}
