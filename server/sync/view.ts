/** Ledgers as the API shows them: organisation, revision, totals and finding counts (no rows). */
import type { ResponseOf } from '../../domain/api/routes.js';
import { ledgerFiguresOf } from '../../domain/reports/ledger-figures.js';
import type { FindingCounts, RowChanges } from '../../domain/sync/protocol.js';
import type { FindingCountRow, StoredLedger, RowChangeRow } from '../db/repos/ledgers.js';

/** A ledger as GET /ledgers answers it (domain/api/ledgers.ts). */
export type LedgerView = ResponseOf<'ledger'>;

export function ledgerView(l: StoredLedger, counts: readonly FindingCountRow[]): LedgerView {
  const findings: FindingCounts = { bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} };
  for (const c of counts) {
    findings.byRule[c.rule] = c.count;
    if (c.severity === 'error' || c.severity === 'warning' || c.severity === 'info') {
      findings.bySeverity[c.severity] += c.count;
    }
  }
  return {
    id: l.id,
    name: l.name,
    bureau: { id: l.bureau_id, name: l.bureau },
    division: { id: l.division_id, name: l.division },
    claim: { id: l.claim_id, name: l.claim, classification: l.classification },
    revision: l.revision,
    asOf: l.as_of,
    rulesetVersion: l.ruleset_version,
    lastSubmittedAt: l.last_submitted_at,
    totals: {
      rows: l.row_count,
      assessed: l.assessed,
      paid: l.paid,
      outstanding: l.outstanding,
      current: { assessed: l.current_assessed, paid: l.current_paid, outstanding: l.current_outstanding },
      arrears: { assessed: l.arrears_assessed, paid: l.arrears_paid, outstanding: l.arrears_outstanding },
      unreadableRows: l.unreadable_rows,
    },
    // Written by the service at submission (aging buckets), so read back as it was written.
    aging: ledgerFiguresOf(l.aging).aging as LedgerView['aging'],
    findings,
  };
}

/** Groups finding counts by ledger for a list. */
export function countsByLedger(rows: readonly FindingCountRow[]): Map<string, FindingCountRow[]> {
  const m = new Map<string, FindingCountRow[]>();
  for (const r of rows) {
    const list = m.get(r.ledger_id);
    if (list) list.push(r);
    else m.set(r.ledger_id, [r]);
  }
  return m;
}

export function rowChangesView(ledgerId: string, rows: readonly RowChangeRow[]): RowChanges {
  const out: RowChanges = { ledgerId, revision: 0, rows: [], deleted: [] };
  for (const r of rows) {
    if (r.kind === 'L') out.revision = r.revision;
    else if (r.deleted) out.deleted.push({ key: r.row_key!, revision: r.revision });
    else out.rows.push({ key: r.row_key!, hash: r.row_hash!, revision: r.revision });
  }
  return out;
}
