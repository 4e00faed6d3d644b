/**
 * Ledgers and their rows. Rows are written in multi-row statements (no prepared statements in the
 * Db interface: binding a few thousand rows at once costs less than a call per row); a deleted
 * row stays as a tombstone so clients can catch up with `since`.
 */
import type { Queryable, SqlValue } from '../db.js';
import { scopeSql, type Scope } from './scope.js';
import type { LateChargeFigures } from '../../../domain/analysis/late-charge.js';
import { ledgerFiguresJson } from '../../../domain/reports/ledger-figures.js';
import type { ActionCount } from '../../../domain/worklist/counts.js';

export interface StoredLedger {
  id: string;
  division_id: number;
  bureau_id: number;
  claim_id: number;
  name: string;
  revision: number;
  as_of: string | null;
  ruleset_version: string | null;
  last_submission_id: string | null;
  last_submitted_at: string | null;
  row_count: number;
  assessed: number;
  paid: number;
  outstanding: number;
  current_outstanding: number;
  current_assessed: number;
  current_paid: number;
  arrears_outstanding: number;
  arrears_assessed: number;
  arrears_paid: number;
  unreadable_rows: number;
  aging: string;
  created_at: string;
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
}

const SELECT_LEDGER = `
  SELECT l.*, d.bureau_id, b.name AS bureau, d.name AS division, c.name AS claim, c.classification
    FROM ledgers l
    JOIN divisions d ON d.id = l.division_id
    JOIN bureaus b ON b.id = d.bureau_id
    JOIN claims c ON c.id = l.claim_id`;

export function findLedger(q: Queryable, id: string): Promise<StoredLedger | undefined> {
  return q.get<StoredLedger>(`${SELECT_LEDGER} WHERE l.id = ?`, [id]);
}

/** The ledgers within a scope, as a WHERE clause over ledgers `l` joined to their division `d`. */
function scopeWhere(scope: Scope): { where: string; params: number[] } {
  const s = scopeSql(scope, 'd.bureau_id', 'l.division_id');
  return { where: `WHERE 1 = 1${s.sql}`, params: s.params };
}

export function listLedgers(q: Queryable, scope: Scope): Promise<StoredLedger[]> {
  const { where, params } = scopeWhere(scope);
  return q.all<StoredLedger>(
    `${SELECT_LEDGER} ${where} ORDER BY b.sort_order, b.id, d.name, c.name, l.name, l.id`,
    params,
  );
}

export interface FindingCountRow {
  ledger_id: string;
  rule: string;
  severity: string;
  count: number;
}

export function listFindingCounts(q: Queryable, scope: Scope | { ledgerId: string }): Promise<FindingCountRow[]> {
  const base = `SELECT f.ledger_id, f.rule, f.severity, f.count
                  FROM ledger_finding_counts f
                  JOIN ledgers l ON l.id = f.ledger_id
                  JOIN divisions d ON d.id = l.division_id`;
  if ('ledgerId' in scope) return q.all(`${base} WHERE f.ledger_id = ? ORDER BY f.rule`, [scope.ledgerId]);
  const { where, params } = scopeWhere(scope);
  return q.all(`${base} ${where} ORDER BY f.ledger_id, f.rule`, params);
}

export async function createLedger(
  tx: Queryable,
  l: { id: string; divisionId: number; claimId: number; name: string },
  now: Date,
): Promise<void> {
  await tx.run(
    `INSERT INTO ledgers (id, division_id, claim_id, name, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
    [l.id, l.divisionId, l.claimId, l.name, now.toISOString()],
  );
}

export interface StoredRow {
  row_key: string;
  row_hash: string;
  sheet_row: number;
  data: string;
}

/** The ledger's current (non-deleted) rows. */
export function currentRows(q: Queryable, ledgerId: string): Promise<StoredRow[]> {
  return q.all<StoredRow>(
    'SELECT row_key, row_hash, sheet_row, data FROM ledger_rows WHERE ledger_id = ? AND deleted = 0',
    [ledgerId],
  );
}

export interface RowChangeRow {
  kind: 'L' | 'R';
  row_key: string | null;
  row_hash: string | null;
  revision: number;
  deleted: number;
}

/** The ledger's revision and the rows changed after `since`, read in one statement (one snapshot). */
export function rowChanges(q: Queryable, ledgerId: string, since: number): Promise<RowChangeRow[]> {
  return q.all<RowChangeRow>(
    `SELECT 'L' AS kind, NULL AS row_key, NULL AS row_hash, revision, 0 AS deleted FROM ledgers WHERE id = ?
     UNION ALL
     SELECT 'R' AS kind, row_key, row_hash, revision, deleted FROM ledger_rows WHERE ledger_id = ? AND revision > ?
     ORDER BY kind, revision, row_key`,
    [ledgerId, ledgerId, since],
  );
}

/**
 * Rows per multi-row statement: 4,000 rows × 6 parameters stays below SQLite's variable limit
 * (32,766) and PostgreSQL's (65,535).
 */
const BATCH = 4000;

/** `(?, …), (?, …), …` for `n` rows, kept per size (at most two sizes occur per call). */
const tuples = new Map<string, string>();
function placeholders(tuple: string, n: number): string {
  const k = `${tuple}*${n}`;
  let s = tuples.get(k);
  if (s === undefined) {
    s = new Array<string>(n).fill(tuple).join(', ');
    if (tuples.size > 64) tuples.clear();
    tuples.set(k, s);
  }
  return s;
}

/** Waits for every statement, then fails with the first failure (none is left running). */
async function settle(writes: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(writes);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Inserts or replaces rows; their keys must be distinct. All statements are issued at once (they
 * touch distinct rows, so their order does not matter): the database works through them while
 * the caller goes on until it awaits the result.
 */
export function upsertRows(
  tx: Queryable,
  ledgerId: string,
  revision: number,
  rows: readonly { key: string; hash: string; sheetRow: number; data: string }[],
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const n = Math.min(BATCH, rows.length - i);
    const params: SqlValue[] = new Array<SqlValue>(n * 6);
    for (let j = 0; j < n; j++) {
      const r = rows[i + j]!;
      const o = j * 6;
      params[o] = ledgerId;
      params[o + 1] = r.key;
      params[o + 2] = r.hash;
      params[o + 3] = r.sheetRow;
      params[o + 4] = r.data;
      params[o + 5] = revision;
    }
    writes.push(
      tx.run(
        `INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision, deleted)
         VALUES ${placeholders('(?, ?, ?, ?, ?, ?, 0)', n)}
         ON CONFLICT (ledger_id, row_key) DO UPDATE SET row_hash = excluded.row_hash, sheet_row = excluded.sheet_row,
           data = excluded.data, revision = excluded.revision, deleted = 0`,
        params,
      ),
    );
  }
  return settle(writes);
}

/** Whether the ledger has any row, current or tombstone. */
async function hasRows(q: Queryable, ledgerId: string): Promise<boolean> {
  const row = await q.get<{ one: number }>('SELECT 1 AS one FROM ledger_rows WHERE ledger_id = ? LIMIT 1', [ledgerId]);
  return row !== undefined;
}

/**
 * Writes the upserts of a submission's staged parts (`submission_parts`, compact form
 * `[2, [[key, hash, row, values], …], deletions]`, see `sync/staged.ts`) into the ledger's rows,
 * inside the database: nothing is bound or copied through JavaScript. As `upsertRows`, except that
 * a current row with the same hash and sheet row keeps its revision (and is not counted). The keys
 * must be distinct across the parts. Rows go in key order (B-tree inserts then append). Returns
 * the number of rows inserted or changed, or null when the database can read the staged bodies
 * neither as text (`Queryable.stagedUpserts`) nor as JSON arrays (`Queryable.jsonElements`).
 *
 * A ledger with no row at all (its first submission: the bulk of what a city loads) takes plain
 * inserts, which skip the conflict check on every row (on PostgreSQL a tenth of the statement's
 * time on 100,000 rows). The caller's write transaction keeps it so until it commits; a row that
 * appeared anyway would fail the insert on the primary key, never be overwritten.
 *
 * This stays in the database on PostgreSQL too: reading the staged bodies back and writing the
 * rows with COPY (straight into ledger_rows, or through a temporary table and INSERT … ON
 * CONFLICT), or binding them as JSON to `json_to_recordset` / `jsonb_to_recordset`, all measured
 * slower on 100,000 rows (BENCHMARKS.md, "PostgreSQL: writing the staged rows").
 */
export async function upsertStagedRows(
  tx: Queryable,
  ledgerId: string,
  revision: number,
  submissionId: string,
): Promise<number | null> {
  const rows = tx.stagedUpserts
    ? `SELECT ?, u.row_key, u.row_hash, u.sheet_row, u.data, ?, 0
         FROM submission_parts p, ${tx.stagedUpserts('p.body')} u`
    : tx.jsonElements
      ? `SELECT ?, CAST(u.value ->> 0 AS TEXT), CAST(u.value ->> 1 AS TEXT), CAST(u.value ->> 2 AS INTEGER),
                CAST(u.value -> 3 AS TEXT), ?, 0
           FROM submission_parts p, ${tx.jsonElements('p.body', 1)} u`
      : null;
  if (rows === null) return null;
  const onConflict = (await hasRows(tx, ledgerId))
    ? `ON CONFLICT (ledger_id, row_key) DO UPDATE SET row_hash = excluded.row_hash, sheet_row = excluded.sheet_row,
       data = excluded.data, revision = excluded.revision, deleted = 0
      WHERE ledger_rows.deleted <> 0 OR ledger_rows.row_hash <> excluded.row_hash
         OR ledger_rows.sheet_row <> excluded.sheet_row`
    : '';
  const r = await tx.run(
    `INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision, deleted)
     ${rows}
      WHERE p.submission_id = ? AND p.part_index >= 0
      ORDER BY 2
     ${onConflict}`,
    [ledgerId, revision, submissionId],
  );
  return r.changes;
}

/** Tombstones rows (distinct keys): the values go, the key stays with the deleting revision. */
export function tombstoneRows(
  tx: Queryable,
  ledgerId: string,
  revision: number,
  keys: readonly string[],
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch = keys.slice(i, i + BATCH);
    writes.push(
      tx.run(
        `UPDATE ledger_rows SET deleted = 1, data = '{}', revision = ?
          WHERE ledger_id = ? AND deleted = 0 AND row_key IN (${placeholders('?', batch.length)})`,
        [revision, ledgerId, ...batch],
      ),
    );
  }
  return settle(writes);
}

export interface LedgerAggregates {
  rowCount: number;
  assessed: number;
  paid: number;
  outstanding: number;
  current: { assessed: number; paid: number; outstanding: number };
  arrears: { assessed: number; paid: number; outstanding: number };
  unreadableRows: number;
  aging: unknown[];
  /** 延滞金見込額 of the check; kept in the figures JSON with the aging (domain/reports/ledger-figures.ts). */
  lateCharge: LateChargeFigures;
  /** The worklist's counts per action, every action in tier order; kept there too. */
  worklist: ActionCount[];
}

/**
 * Moves the ledger from `baseRevision` to the next revision with its new aggregates. Returns the
 * new revision, or null when the ledger is no longer at `baseRevision` (a concurrent submission won).
 */
export async function advanceLedger(
  tx: Queryable,
  id: string,
  baseRevision: number,
  m: { name: string; claimId: number; asOf: string; rulesetVersion: string; submissionId: string; at: Date },
  a: LedgerAggregates,
): Promise<number | null> {
  const row = await tx.get<{ revision: number }>(
    `UPDATE ledgers SET revision = revision + 1, name = ?, claim_id = ?, as_of = ?, ruleset_version = ?,
       last_submission_id = ?, last_submitted_at = ?, row_count = ?, assessed = ?, paid = ?, outstanding = ?,
       current_assessed = ?, current_paid = ?, current_outstanding = ?,
       arrears_assessed = ?, arrears_paid = ?, arrears_outstanding = ?, unreadable_rows = ?, aging = ?
     WHERE id = ? AND revision = ? RETURNING revision`,
    [
      m.name, m.claimId, m.asOf, m.rulesetVersion, m.submissionId, m.at.toISOString(),
      a.rowCount, a.assessed, a.paid, a.outstanding,
      a.current.assessed, a.current.paid, a.current.outstanding,
      a.arrears.assessed, a.arrears.paid, a.arrears.outstanding,
      a.unreadableRows, ledgerFiguresJson(a), id, baseRevision,
    ], // prettier-ignore
  );
  return row?.revision ?? null;
}

export async function replaceFindingCounts(
  tx: Queryable,
  ledgerId: string,
  counts: readonly { rule: string; severity: string; count: number }[],
): Promise<void> {
  await tx.run('DELETE FROM ledger_finding_counts WHERE ledger_id = ?', [ledgerId]);
  if (counts.length === 0) return;
  await tx.run(
    `INSERT INTO ledger_finding_counts (ledger_id, rule, severity, count) VALUES ${counts.map(() => '(?, ?, ?, ?)').join(', ')}`,
    counts.flatMap((c) => [ledgerId, c.rule, c.severity, c.count]),
  );
}

/** A ledger's organisation, outstanding and stored figures (JSON), for sums per claim and bureau. */
export interface LedgerFigureRow {
  id: string;
  /** BIGINT: a string from PostgreSQL. */
  outstanding: number | string;
  /** The figures JSON (domain/reports/ledger-figures.ts). */
  aging: string;
  claim_id: number;
  claim: string;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

/** Every ledger within the scope that has an accepted submission, bureaus in the city's order. */
export function listLedgerFigures(q: Queryable, scope: Scope): Promise<LedgerFigureRow[]> {
  const { where, params } = scopeWhere(scope);
  return q.all<LedgerFigureRow>(
    `SELECT l.id, l.outstanding, l.aging, c.id AS claim_id, c.name AS claim, d.id AS division_id, d.name AS division,
            b.id AS bureau_id, b.name AS bureau
       FROM ledgers l JOIN claims c ON c.id = l.claim_id JOIN divisions d ON d.id = l.division_id
       JOIN bureaus b ON b.id = d.bureau_id
       ${where} AND l.revision > 0
      ORDER BY b.sort_order, b.id, d.name, c.name, l.id`,
    params,
  );
}
