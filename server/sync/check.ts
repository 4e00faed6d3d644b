/**
 * The service's own check of a ledger: every current row, through the same engine as the pane,
 * on a grid made of the stored values (`syncedMapping` / `syncedCells`). Gives the aggregates and
 * finding counts kept on the ledger.
 *
 * `IncrementalCheck` gives the same result built up part by part while a submission is received
 * (in `check-thread.ts`), for the usual case where the parts carry the whole ledger in sheet order.
 */
import { LateChargeProfiles } from '../../domain/late-charge/profiles.js';
import type { LateChargeTable } from '../../domain/late-charge/profile.js';
import { parseISODay } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import { LedgerChecker, type Grid } from '../../domain/engine/checker.js';
import type { CheckOptions, CheckResult } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import type { RuleId } from '../../domain/rules/rule.js';
import { syncedCells, syncedMapping } from '../../domain/sync/server-grid.js';
import type { FindingCounts, LedgerInfo, SyncRowValues } from '../../domain/sync/protocol.js';
import type { Cell } from '../../domain/values/parsed.js';
import { emptyStatus, type ReceivablesStatus } from '../../domain/status/sums.js';
import { emptyLateChargeSums } from '../../domain/analysis/late-charge.js';
import { buildWorklist } from '../../domain/worklist/build.js';
import { countByAction } from '../../domain/worklist/counts.js';
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
  /** 未収金の状況, kept per fiscal year (db/repos/status.ts). */
  status: ReceivablesStatus;
}

const noFindings = (): FindingCounts => ({ bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} });

/** The city's late-charge table the check counts with, and its version (0: the built-in table). */
export interface CheckTable {
  version: number;
  table: LateChargeTable | null;
}

export const BUILT_IN_TABLE: CheckTable = { version: 0, table: null };

function checkOptions(
  info: LedgerInfo,
  asOf: string,
  lateCharges: CheckTable,
): CheckOptions & { mapping: NonNullable<CheckOptions['mapping']> } {
  const day = parseISODay(asOf);
  if (day === null) throw new Error('asOf was validated on receipt');
  const options: CheckOptions & { mapping: NonNullable<CheckOptions['mapping']> } = {
    asOf: day,
    claimType: info.claimType,
    mapping: syncedMapping(info.fields),
  };
  if (info.classification) options.classification = info.classification;
  if (info.params) options.params = info.params;
  if (lateCharges.table) options.lateCharges = new LateChargeProfiles(lateCharges.table);
  return options;
}

/**
 * The worklist's counts per action (debtors and outstanding), from the stored rows and the check's
 * findings: debtor ids here are the keyed hashes the rows were stored with, and no item leaves.
 */
function worklistCounts(checker: LedgerChecker, result: CheckResult) {
  const items = buildWorklist({
    rows: checker.dataRows(),
    findings: result.findings,
    asOf: checker.options.asOf,
    // Counts need no late charge per debtor.
    estimateLateCharge: () => null,
  });
  return countByAction(items);
}

/** What the ledger keeps of a check of `rowCount` rows; null when the grid held no value at all. */
function summarize(checked: { result: CheckResult; checker: LedgerChecker } | null, rowCount: number): LedgerCheck {
  const zero = { assessed: 0, paid: 0, outstanding: 0 };
  if (!checked) {
    // Nothing but blank rows: no totals and no findings.
    const noCharge = { current: emptyLateChargeSums(), arrears: emptyLateChargeSums(), total: emptyLateChargeSums() };
    const aggregates = {
      rowCount,
      ...zero,
      current: zero,
      arrears: zero,
      unreadableRows: 0,
      aging: [],
      lateCharge: noCharge,
      worklist: countByAction([]),
    };
    return { aggregates, findings: noFindings(), counts: [], status: emptyStatus() };
  }
  const { result, checker } = checked;
  const { summary, analysis } = result;
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
      rowCount,
      ...pick(analysis.total),
      current: pick(analysis.current),
      arrears: pick(analysis.arrears),
      unreadableRows: summary.rows.unreadable,
      aging: analysis.aging,
      lateCharge: analysis.lateCharge,
      worklist: worklistCounts(checker, result),
    },
    findings: { bySeverity: { ...summary.bySeverity }, byRule: { ...summary.byRule } as Record<string, number> },
    counts,
    status: analysis.status,
  };
}

/** Rows in sheet order, ties (one sheet row claimed by two keys) by key. */
const bySheetOrder = (a: { sheetRow: number; key: string }, b: { sheetRow: number; key: string }) =>
  a.sheetRow - b.sheetRow || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function checkLedgerRows(
  rows: CheckedRow[],
  info: LedgerInfo,
  asOf: string,
  lateCharges: CheckTable = BUILT_IN_TABLE,
): LedgerCheck {
  // Rows in sheet order; the grid packs them below one header row, since only counts are kept.
  rows.sort(bySheetOrder);
  const grid: Grid = [[], ...rows.map((r) => syncedCells(r.values))];
  const outcome = checkSheet(grid, checkOptions(info, asOf, lateCharges));
  return summarize(outcome.ok ? outcome : null, rows.length);
}

/** Rows per `update`: it spreads them into arguments, and rebuilds its result each time. */
const BATCH = 20_000;

const hasValue = (cells: readonly Cell[]) => cells.some((c) => c !== null && c !== undefined && c !== '');

/**
 * `checkLedgerRows` built up from rows added in batches. When the rows were added in sheet order
 * (`inOrder`: each after the one before, by `bySheetOrder`), the result is exactly
 * `checkLedgerRows` of all of them: the grid is the same, row for row, and it is checked by
 * `LedgerChecker.update`, whose result is always what a fresh full check of the grid gives
 * (`test/domain/engine/incremental.test.ts`; `test/server/sync/incremental-check.test.ts`).
 */
export class IncrementalCheck {
  private readonly checker: LedgerChecker;
  /** The grid row of the next row added: row 1 is the header. */
  private next = 2;
  private last: { sheetRow: number; key: string } | undefined;
  /** Whether any cell of any row holds a value (`checkSheet` refuses an empty grid). */
  private anyValue = false;
  inOrder = true;

  constructor(info: LedgerInfo, asOf: string, lateCharges: CheckTable = BUILT_IN_TABLE) {
    const options = checkOptions(info, asOf, lateCharges);
    this.checker = new LedgerChecker(options.mapping, options);
    // The header alone: then each batch of rows is an edit below the used range.
    this.checker.checkAll([[]]);
  }

  get count(): number {
    return this.next - 2;
  }

  add(rows: readonly CheckedRow[]): void {
    for (let from = 0; from < rows.length; from += BATCH) {
      const batch = rows.slice(from, from + BATCH);
      const changes: { row: number; cells: Cell[] }[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const r = batch[i]!;
        if (this.last && bySheetOrder(this.last, r) >= 0) this.inOrder = false;
        this.last = r;
        const cells = syncedCells(r.values);
        if (!this.anyValue && hasValue(cells)) this.anyValue = true;
        changes[i] = { row: this.next++, cells };
      }
      this.checker.update(changes);
    }
  }

  result(): LedgerCheck {
    return summarize(
      this.anyValue ? { result: this.checker.update([]).result, checker: this.checker } : null,
      this.count,
    );
  }
}
