/**
 * 未収金の状況 as kept per ledger and fiscal year (migration 006): written with each applied
 * submission, read by the status report. Amounts are read as text and parsed as BigInt (see
 * reports.ts: node's sqlite3 rounds 64-bit integers past 2^53).
 */
import { STATUS_KEYS, type StatusOf } from '../../../domain/status/classify.js';
import type { LedgerStatusSource } from '../../../domain/status/report.js';
import { emptyExactStatus, type ReceivablesStatus } from '../../../domain/status/sums.js';
import type { Queryable } from '../db.js';
import { scopeSql, type Scope } from './scope.js';

/**
 * Keeps a ledger's figures for the fiscal year of its as-of date, replacing those of an earlier
 * submission of the same year: the year's latest submission is the one that counts.
 */
export async function writeLedgerStatus(
  tx: Queryable,
  ledgerId: string,
  at: { fiscalYear: number; revision: number; asOf: string },
  s: ReceivablesStatus,
): Promise<void> {
  const key = [ledgerId, at.fiscalYear];
  await tx.run('DELETE FROM ledger_status_classes WHERE ledger_id = ? AND fiscal_year = ?', key);
  await tx.run('DELETE FROM ledger_status WHERE ledger_id = ? AND fiscal_year = ?', key);
  const r = s.revenue;
  await tx.run(
    `INSERT INTO ledger_status (ledger_id, fiscal_year, revision, as_of, row_count, assessed, paid, written_off, outstanding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...key, at.revision, at.asOf, r.rows, r.assessed, r.paid, r.writtenOff, r.outstanding],
  );
  const classes = STATUS_KEYS.filter((k) => s.byClass[k].count !== 0);
  if (classes.length === 0) return;
  await tx.run(
    `INSERT INTO ledger_status_classes (ledger_id, fiscal_year, class, row_count, outstanding)
     VALUES ${classes.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    classes.flatMap((k) => [...key, k, s.byClass[k].count, s.byClass[k].outstanding]),
  );
}

interface RawStatus {
  ledger_id: string;
  ledger: string;
  bureau: string;
  division: string;
  claim_id: number;
  claim: string;
  classification: string | null;
  fiscal_year: number;
  revision: number;
  as_of: string;
  row_count: number;
  assessed: string;
  paid: string;
  written_off: string;
  outstanding: string;
}

interface RawClass {
  ledger_id: string;
  fiscal_year: number;
  class: string;
  row_count: number;
  outstanding: string;
}

const isStatusKey = (k: string): k is StatusOf => (STATUS_KEYS as readonly string[]).includes(k);

/** The figures of the given fiscal years within a scope, bureaus in the city's order. */
export async function ledgerStatusRecords(
  q: Queryable,
  fiscalYears: readonly number[],
  scope: Scope,
): Promise<LedgerStatusSource[]> {
  const s = scopeSql(scope, 'd.bureau_id', 'l.division_id');
  const years = fiscalYears.map(() => '?').join(', ');
  const params = [...fiscalYears, ...s.params];
  const [rows, classes] = await Promise.all([
    q.all<RawStatus>(
      `SELECT s.ledger_id, l.name AS ledger, b.name AS bureau, d.name AS division, c.id AS claim_id, c.name AS claim, c.classification, s.fiscal_year,
              s.revision, s.as_of, s.row_count, CAST(s.assessed AS TEXT) AS assessed,
              CAST(s.paid AS TEXT) AS paid, CAST(s.written_off AS TEXT) AS written_off,
              CAST(s.outstanding AS TEXT) AS outstanding
         FROM ledger_status s
         JOIN ledgers l ON l.id = s.ledger_id
         JOIN claims c ON c.id = l.claim_id
         JOIN divisions d ON d.id = l.division_id
         JOIN bureaus b ON b.id = d.bureau_id
        WHERE s.fiscal_year IN (${years})${s.sql}
        ORDER BY b.sort_order, b.id, d.name, c.name, l.name, l.id, s.fiscal_year`,
      params,
    ),
    q.all<RawClass>(
      `SELECT k.ledger_id, k.fiscal_year, k.class, k.row_count, CAST(k.outstanding AS TEXT) AS outstanding
         FROM ledger_status_classes k
         JOIN ledgers l ON l.id = k.ledger_id
         JOIN divisions d ON d.id = l.division_id
        WHERE k.fiscal_year IN (${years})${s.sql}`,
      params,
    ),
  ]);
  const records = new Map<string, LedgerStatusSource>();
  for (const r of rows) {
    const status = emptyExactStatus();
    status.ledgers = 1;
    status.revenue = {
      ledgers: 1,
      rows: Number(r.row_count),
      assessed: BigInt(r.assessed),
      paid: BigInt(r.paid),
      writtenOff: BigInt(r.written_off),
      outstanding: BigInt(r.outstanding),
    };
    records.set(`${r.ledger_id}\u0000${r.fiscal_year}`, {
      ledgerId: r.ledger_id,
      ledger: r.ledger,
      bureau: r.bureau,
      division: r.division,
      claimId: r.claim_id,
      claim: r.claim,
      classification: r.classification,
      fiscalYear: Number(r.fiscal_year),
      revision: Number(r.revision),
      asOf: r.as_of,
      status,
    });
  }
  for (const k of classes) {
    const rec = records.get(`${k.ledger_id}\u0000${k.fiscal_year}`);
    // A class this version does not know (written by a newer one) is left out rather than misfiled.
    if (!rec || !isStatusKey(k.class)) continue;
    rec.status.byClass[k.class] = { count: Number(k.row_count), outstanding: BigInt(k.outstanding) };
  }
  return [...records.values()];
}
