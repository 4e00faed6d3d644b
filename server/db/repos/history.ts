/**
 * Each claim's figures per fiscal year for the years-across view: frozen into
 * settled_claim_figures (migration 007) when a year is settled, and read either from there (確定)
 * or, for a year not settled, from what the ledgers' submissions keep now (ledger_status, 速報).
 * Both come from ONE select, so a frozen year holds what the live view showed the moment it was
 * settled. Amounts are read as text and parsed as BigInt (see reports.ts).
 */
import type { ClaimYearRecord } from '../../../domain/history/history.js';
import type { Queryable } from '../db.js';
import { scopeSql, type Scope } from './scope.js';

/**
 * A fiscal year's figures per claim: the sums of its ledgers' figures kept for the year, and its
 * plan's baseline and target; claims with neither are left out. `?`: the year three times.
 */
const CLAIM_FIGURES = `
SELECT CAST(? AS INTEGER) AS fiscal_year, c.id AS claim_id, COALESCE(s.ledgers, 0) AS ledgers, s.as_of,
       s.assessed, s.paid, s.written_off, s.outstanding, p.baseline, p.target
  FROM claims c
  LEFT JOIN (SELECT l.claim_id, COUNT(*) AS ledgers, MAX(st.as_of) AS as_of, SUM(st.assessed) AS assessed,
                    SUM(st.paid) AS paid, SUM(st.written_off) AS written_off, SUM(st.outstanding) AS outstanding
               FROM ledger_status st JOIN ledgers l ON l.id = st.ledger_id
              WHERE st.fiscal_year = ?
              GROUP BY l.claim_id) s ON s.claim_id = c.id
  LEFT JOIN plans p ON p.claim_id = c.id AND p.fiscal_year = ?
 WHERE s.claim_id IS NOT NULL OR p.id IS NOT NULL`;

/**
 * Freezes a settled year's figures per claim, replacing any frozen before: run in the settlement's
 * transaction, so a year is never settled without them.
 */
export async function freezeClaimFigures(tx: Queryable, fiscalYear: number): Promise<void> {
  await tx.run('DELETE FROM settled_claim_figures WHERE fiscal_year = ?', [fiscalYear]);
  await tx.run(
    `INSERT INTO settled_claim_figures
       (fiscal_year, claim_id, ledgers, as_of, assessed, paid, written_off, outstanding, baseline, target)
     ${CLAIM_FIGURES}`,
    [fiscalYear, fiscalYear, fiscalYear],
  );
}

interface RawFigures {
  fiscal_year: number;
  claim_id: number;
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
  ledgers: number;
  as_of: string | null;
  assessed: string | null;
  paid: string | null;
  written_off: string | null;
  outstanding: string | null;
  baseline: string | null;
  target: string | null;
}

const big = (v: string | null): bigint | null => (v === null || v === undefined ? null : BigInt(String(v)));

/** The figures (`figures`: a select of the columns above) with the claims' organisation, within a scope. */
function withOrganisation(figures: string, scope: Scope): { sql: string; params: number[] } {
  const s = scopeSql(scope, 'd.bureau_id', 'c.division_id');
  return {
    sql: `SELECT f.fiscal_year, f.claim_id, b.name AS bureau, d.name AS division, c.name AS claim, c.classification,
                 f.ledgers, f.as_of, CAST(f.assessed AS TEXT) AS assessed, CAST(f.paid AS TEXT) AS paid,
                 CAST(f.written_off AS TEXT) AS written_off, CAST(f.outstanding AS TEXT) AS outstanding,
                 CAST(f.baseline AS TEXT) AS baseline, CAST(f.target AS TEXT) AS target
            FROM (${figures}) f
            JOIN claims c ON c.id = f.claim_id
            JOIN divisions d ON d.id = c.division_id
            JOIN bureaus b ON b.id = d.bureau_id
           WHERE 1 = 1${s.sql}
           ORDER BY b.sort_order, b.id, d.name, c.name, c.id`,
    params: s.params,
  };
}

function record(r: RawFigures): ClaimYearRecord {
  return {
    fiscalYear: Number(r.fiscal_year),
    claimId: Number(r.claim_id),
    bureau: r.bureau,
    division: r.division,
    claim: r.claim,
    classification: r.classification,
    ledgers: Number(r.ledgers),
    asOf: r.as_of,
    assessed: big(r.assessed),
    paid: big(r.paid),
    writtenOff: big(r.written_off),
    outstanding: big(r.outstanding),
    baseline: big(r.baseline),
    target: big(r.target),
  };
}

/** The years of `fiscalYears` that are settled (確定): their figures are the frozen ones. */
export async function settledYears(q: Queryable, fiscalYears: readonly number[]): Promise<Set<number>> {
  if (fiscalYears.length === 0) return new Set();
  const rows = await q.all<{ fiscal_year: number }>(
    `SELECT fiscal_year FROM settlements WHERE fiscal_year IN (${fiscalYears.map(() => '?').join(', ')})`,
    [...fiscalYears],
  );
  return new Set(rows.map((r) => Number(r.fiscal_year)));
}

/** A settled year's frozen figures per claim within a scope, bureaus in the city's order. */
export async function frozenClaimFigures(q: Queryable, fiscalYear: number, scope: Scope): Promise<ClaimYearRecord[]> {
  const { sql, params } = withOrganisation(
    `SELECT fiscal_year, claim_id, ledgers, as_of, assessed, paid, written_off, outstanding, baseline, target
       FROM settled_claim_figures WHERE fiscal_year = ?`,
    scope,
  );
  return (await q.all<RawFigures>(sql, [fiscalYear, ...params])).map(record);
}

/** A year's figures per claim as the ledgers keep them now (速報), within a scope. */
export async function currentClaimFigures(q: Queryable, fiscalYear: number, scope: Scope): Promise<ClaimYearRecord[]> {
  const { sql, params } = withOrganisation(CLAIM_FIGURES, scope);
  return (await q.all<RawFigures>(sql, [fiscalYear, fiscalYear, fiscalYear, ...params])).map(record);
}
