/**
 * The service's own check of a ledger: every current row, through the same engine as the pane,
 * on a grid made of the stored values (`syncedMapping` / `syncedCells`). Gives the aggregates and
 * finding counts kept on the ledger.
 */
import { parseISODay } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import type { Grid } from '../../domain/engine/checker.js';
import type { CheckOptions } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import type { RuleId } from '../../domain/rules/rule.js';
import { syncedCells, syncedMapping } from '../../domain/sync/server-grid.js';
import type { FindingCounts, LedgerInfo, SyncRowValues } from '../../domain/sync/protocol.js';
import type { LedgerAggregates } from '../db/repos/ledgers.js';

export interface CheckedRow {
  key: string;
  sheetRow: number;
  values: SyncRowValues;
}

export interface LedgerCheck {
  aggregates: LedgerAggregates;
  findings: FindingCounts;
  counts: { rule: string; severity: string; count: number }[];
}

const noFindings = (): FindingCounts => ({ bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} });

export function checkLedgerRows(rows: CheckedRow[], info: LedgerInfo, asOf: string): LedgerCheck {
  const day = parseISODay(asOf);
  if (day === null) throw new Error('asOf was validated on receipt');
  // Rows in sheet order; the grid packs them below one header row, since only counts are kept.
  rows.sort((a, b) => a.sheetRow - b.sheetRow || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const grid: Grid = [[], ...rows.map((r) => syncedCells(r.values))];
  const options: CheckOptions = { asOf: day, claimType: info.claimType, mapping: syncedMapping(info.fields) };
  if (info.classification) options.classification = info.classification;
  if (info.params) options.params = info.params;
  const outcome = checkSheet(grid, options);
  const zero = { assessed: 0, paid: 0, outstanding: 0 };
  if (!outcome.ok) {
    // Nothing but blank rows: no totals and no findings.
    const aggregates = { rowCount: rows.length, ...zero, current: zero, arrears: zero, unreadableRows: 0, aging: [] };
    return { aggregates, findings: noFindings(), counts: [] };
  }
  const { summary, analysis } = outcome.result;
  const pick = (t: { assessed: number; paid: number; outstanding: number }) => ({
    assessed: t.assessed,
    paid: t.paid,
    outstanding: t.outstanding,
  });
  const counts = Object.entries(summary.byRule).map(([rule, count]) => ({
    rule,
    severity: ruleById(rule as RuleId).severity,
    count: count ?? 0,
  }));
  return {
    aggregates: {
      rowCount: rows.length,
      ...pick(analysis.total),
      current: pick(analysis.current),
      arrears: pick(analysis.arrears),
      unreadableRows: summary.rows.unreadable,
      aging: analysis.aging,
    },
    findings: { bySeverity: { ...summary.bySeverity }, byRule: { ...summary.byRule } as Record<string, number> },
    counts,
  };
}
