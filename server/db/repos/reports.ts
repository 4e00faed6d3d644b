/**
 * The reports' reads. They touch plans, the organisation and the aggregate columns that every
 * applied submission keeps on `ledgers` (and `ledger_finding_counts`), never `ledger_rows`: the
 * bureau table must answer in milliseconds with a million stored rows.
 */
import type { LedgerFindingCount, LedgerTotals } from '../../../domain/reports/ledger-totals.js';
import type { Queryable } from '../db.js';

/**
 * Amounts are read as text and parsed as BigInt: node's sqlite3 hands 64-bit integers to
 * JavaScript as doubles, which round past 2^53, and sums of many plans or ledgers can pass it.
 */
const big = (v: unknown): bigint => (v === null || v === undefined ? 0n : BigInt(String(v)));

/** One plan with its claim's current amount, exactly. */
export interface ClaimProgressExact {
  plan_id: number;
  version: number;
  baseline: bigint;
  target: bigint;
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
  current_outstanding: bigint | null;
  ledgers: number | null;
  as_of: string | null;
}

/** As `ClaimProgressExact`, amounts as numbers (for callers that show single claims). */
export interface ClaimProgressRecord extends Omit<ClaimProgressExact, 'baseline' | 'target' | 'current_outstanding'> {
  baseline: number;
  target: number;
  current_outstanding: number | null;
}

/**
 * Rows per read. node's sqlite3 turns a whole result into JavaScript objects in one turn of the
 * event loop: 50,000 plans at once held it for seconds. Pages keep each turn short; they are
 * read by plan id (keyset), so a plan committed between two pages is read once or not at all.
 */
const PAGE = 1000;

/**
 * One page of a fiscal year's plans (optionally one bureau's) with their claims' progress.
 * `?`: fiscal year, the last plan id of the page before, (bureau id). Exported so a test can
 * EXPLAIN it. The page is cut from plans alone before anything is joined, so each page costs the
 * same on either engine whatever the planner knows of the tables (with a join first, PostgreSQL
 * joined every remaining plan for each page). The ledgers' sum is taken in two parts (billions
 * and the rest), each far from overflowing 64 bits whatever the number of ledgers, and put
 * together as BigInt. Per claim through its index, so a page reads only its own claims' ledgers.
 */
export const claimProgressSql = (byBureau: boolean): string => `
SELECT p.id AS plan_id, p.version, CAST(p.baseline AS TEXT) AS baseline, CAST(p.target AS TEXT) AS target,
       p.milestones, p.updated_at AS plan_updated_at,
       b.id AS bureau_id, b.name AS bureau, d.id AS division_id, d.name AS division,
       c.id AS claim_id, c.name AS claim, c.classification,
       (SELECT CAST(SUM(l.outstanding / 1000000000) AS TEXT) FROM ledgers l
         WHERE l.claim_id = c.id AND l.revision > 0) AS outstanding_hi,
       (SELECT CAST(SUM(l.outstanding % 1000000000) AS TEXT) FROM ledgers l
         WHERE l.claim_id = c.id AND l.revision > 0) AS outstanding_lo,
       (SELECT COUNT(*) FROM ledgers l WHERE l.claim_id = c.id AND l.revision > 0) AS ledgers,
       (SELECT MAX(l.as_of) FROM ledgers l WHERE l.claim_id = c.id AND l.revision > 0) AS as_of
  FROM (SELECT id, claim_id, version, baseline, target, milestones, updated_at FROM plans
         WHERE fiscal_year = ? AND id > ?${
           byBureau
             ? `
           AND claim_id IN (SELECT cb.id FROM claims cb JOIN divisions db ON db.id = cb.division_id
                             WHERE db.bureau_id = ?)`
             : ''
         }
         ORDER BY id LIMIT ${PAGE}) p
  JOIN claims c ON c.id = p.claim_id
  JOIN divisions d ON d.id = c.division_id
  JOIN bureaus b ON b.id = d.bureau_id
 ORDER BY p.id`;

type RawProgress = Omit<ClaimProgressExact, 'baseline' | 'target' | 'current_outstanding'> & {
  baseline: string;
  target: string;
  outstanding_hi: string | null;
  outstanding_lo: string | null;
};

function exactProgress(r: RawProgress): ClaimProgressExact {
  const { outstanding_hi: hi, outstanding_lo: lo, ...rest } = r;
  return {
    ...rest,
    baseline: big(r.baseline),
    target: big(r.target),
    current_outstanding: hi === null ? null : big(hi) * 1_000_000_000n + big(lo),
    ledgers: r.ledgers === null ? null : Number(r.ledgers),
  };
}

/** Every plan of the fiscal year (optionally one bureau's) in import order, amounts exact. */
export async function claimProgressExact(
  db: Queryable,
  fiscalYear: number,
  bureauId?: number,
): Promise<ClaimProgressExact[]> {
  const sql = claimProgressSql(bureauId !== undefined);
  const out: ClaimProgressExact[] = [];
  let after = -1;
  for (;;) {
    const rows = await db.all<RawProgress>(
      sql,
      bureauId === undefined ? [fiscalYear, after] : [fiscalYear, after, bureauId],
    );
    for (const r of rows) out.push(exactProgress(r));
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.plan_id;
  }
}

/** As `claimProgressExact`, amounts as numbers (nearest double past 2^53). */
export async function claimProgressRecords(
  db: Queryable,
  fiscalYear: number,
  bureauId?: number,
): Promise<ClaimProgressRecord[]> {
  return (await claimProgressExact(db, fiscalYear, bureauId)).map((r) => ({
    ...r,
    baseline: Number(r.baseline),
    target: Number(r.target),
    current_outstanding: r.current_outstanding === null ? null : Number(r.current_outstanding),
  }));
}

/** A ledger's organisation and the aggregate columns its applied submissions keep, amounts exact. */
export interface LedgerTotalsRecord extends LedgerTotals {
  unreadable_rows: number;
  bureau_id: number;
  bureau_sort_order: number;
  claim_id: number;
}

const LEDGERS_SQL = `
SELECT l.id, l.name, l.revision, l.as_of, l.ruleset_version, l.last_submission_id, l.last_submitted_at,
       l.row_count, l.unreadable_rows, CAST(l.outstanding AS TEXT) AS outstanding,
       CAST(l.current_assessed AS TEXT) AS current_assessed, CAST(l.current_paid AS TEXT) AS current_paid,
       CAST(l.current_outstanding AS TEXT) AS current_outstanding,
       CAST(l.arrears_assessed AS TEXT) AS arrears_assessed, CAST(l.arrears_paid AS TEXT) AS arrears_paid,
       CAST(l.arrears_outstanding AS TEXT) AS arrears_outstanding, l.aging,
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
export async function ledgerTotalsRecords(db: Queryable): Promise<LedgerTotalsRecord[]> {
  const rows = await db.all<LedgerTotalsRecord>(LEDGERS_SQL);
  return rows.map((r) => {
    const out = { ...r };
    for (const k of AMOUNT_COLUMNS) out[k] = big(r[k]);
    return out;
  });
}

const FINDING_COUNTS_SQL =
  'SELECT ledger_id, rule, severity, count FROM ledger_finding_counts ORDER BY ledger_id, rule';

export function findingCountRecords(db: Queryable): Promise<LedgerFindingCount[]> {
  return db.all<LedgerFindingCount>(FINDING_COUNTS_SQL);
}
