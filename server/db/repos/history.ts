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
 * A fiscal year's figures per claim of ids in (lo, hi]: the sums of its ledgers' figures kept for
 * the year, and its plan's baseline and target; claims with neither are left out.
 */
const CLAIM_FIGURES = `
SELECT CAST(? AS INTEGER) AS fiscal_year, c.id AS claim_id, COALESCE(s.ledgers, 0) AS ledgers, s.as_of,
       s.assessed, s.paid, s.written_off, s.outstanding, p.baseline, p.target
  FROM claims c
  LEFT JOIN (SELECT l.claim_id, COUNT(*) AS ledgers, MAX(st.as_of) AS as_of, SUM(st.assessed) AS assessed,
                    SUM(st.paid) AS paid, SUM(st.written_off) AS written_off, SUM(st.outstanding) AS outstanding
               FROM ledger_status st JOIN ledgers l ON l.id = st.ledger_id
              WHERE st.fiscal_year = ? AND l.claim_id > ? AND l.claim_id <= ?
              GROUP BY l.claim_id) s ON s.claim_id = c.id
  LEFT JOIN plans p ON p.claim_id = c.id AND p.fiscal_year = ?
 WHERE c.id > ? AND c.id <= ? AND (s.claim_id IS NOT NULL OR p.id IS NOT NULL)`;

const claimFiguresParams = (fy: number, lo: number, hi: number) => [fy, fy, lo, hi, fy, lo, hi];

/** Every claim id: ids are INTEGER, 32 bits on PostgreSQL (a larger bound would not even compare). */
const ALL_CLAIMS = [-1, 2 ** 31 - 1] as const;

/**
 * Freezes a settled year's figures per claim, replacing any frozen before: run in the settlement's
 * transaction, so a year is never settled without them. One statement: no row passes through here.
 */
export async function freezeClaimFigures(tx: Queryable, fiscalYear: number): Promise<void> {
  await tx.run('DELETE FROM settled_claim_figures WHERE fiscal_year = ?', [fiscalYear]);
  await tx.run(
    `INSERT INTO settled_claim_figures
       (fiscal_year, claim_id, ledgers, as_of, assessed, paid, written_off, outstanding, baseline, target)
     ${CLAIM_FIGURES}`,
    claimFiguresParams(fiscalYear, ...ALL_CLAIMS),
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
  sort_order: number;
  bureau_id: number;
}

const big = (v: string | null): bigint | null => (v === null || v === undefined ? null : BigInt(String(v)));

/**
 * The figures (`figures`: a select of the columns above, its own parameters first) with the claims'
 * organisation, within a scope, bureaus in the city's order.
 */
function withOrganisation(figures: string, scope: Scope): { sql: string; params: number[] } {
  const s = scopeSql(scope, 'd.bureau_id', 'c.division_id');
  return {
    sql: `SELECT f.fiscal_year, f.claim_id, b.name AS bureau, d.name AS division, c.name AS claim, c.classification,
                 f.ledgers, f.as_of, CAST(f.assessed AS TEXT) AS assessed, CAST(f.paid AS TEXT) AS paid,
                 CAST(f.written_off AS TEXT) AS written_off, CAST(f.outstanding AS TEXT) AS outstanding,
                 CAST(f.baseline AS TEXT) AS baseline, CAST(f.target AS TEXT) AS target,
                 b.sort_order, b.id AS bureau_id
            FROM (${figures}) f
            JOIN claims c ON c.id = f.claim_id
            JOIN divisions d ON d.id = c.division_id
            JOIN bureaus b ON b.id = d.bureau_id
           WHERE 1 = 1${s.sql}`,
    params: s.params,
  };
}

/**
 * Claims per page. node's sqlite3 turns a whole result into JavaScript objects in one turn of the
 * event loop (see reports.ts): a city of 50,000 claims is read a page of claim ids at a time.
 */
const PAGE = 1000;

/** `read(lo, hi)` over the claims a page of ids at a time, then in the city's order. */
async function byPages(q: Queryable, read: (lo: number, hi: number) => Promise<RawFigures[]>) {
  const out: RawFigures[] = [];
  for (let lo = -1; ;) {
    const ids = await q.all<{ id: number }>(`SELECT id FROM claims WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [lo]);
    if (ids.length === 0) break;
    const hi = Number(ids[ids.length - 1]!.id);
    out.push(...(await read(lo, hi)));
    if (ids.length < PAGE) break;
    lo = hi;
  }
  // The reports' order (bureau, division, claim). UTF-16 order is the engines' byte order for all but rare
  // characters (past U+FFFF against U+E000–U+FFFF), which only moves a line within its bureau.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  out.sort(
    (a, b) =>
      Number(a.sort_order) - Number(b.sort_order) ||
      Number(a.bureau_id) - Number(b.bureau_id) ||
      cmp(a.division, b.division) ||
      cmp(a.claim, b.claim) ||
      Number(a.claim_id) - Number(b.claim_id),
  );
  return out.map(record);
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
export function frozenClaimFigures(q: Queryable, fiscalYear: number, scope: Scope): Promise<ClaimYearRecord[]> {
  const { sql, params } = withOrganisation(
    `SELECT fiscal_year, claim_id, ledgers, as_of, assessed, paid, written_off, outstanding, baseline, target
       FROM settled_claim_figures WHERE fiscal_year = ? AND claim_id > ? AND claim_id <= ?`,
    scope,
  );
  return byPages(q, (lo, hi) => q.all<RawFigures>(sql, [fiscalYear, lo, hi, ...params]));
}

/** A year's figures per claim as the ledgers keep them now (速報), within a scope, in the city's order. */
export function currentClaimFigures(q: Queryable, fiscalYear: number, scope: Scope): Promise<ClaimYearRecord[]> {
  const { sql, params } = withOrganisation(CLAIM_FIGURES, scope);
  return byPages(q, (lo, hi) => q.all<RawFigures>(sql, [...claimFiguresParams(fiscalYear, lo, hi), ...params]));
}
