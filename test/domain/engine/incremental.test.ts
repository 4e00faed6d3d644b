/**
 * `LedgerChecker.update` re-checks only the rows an edit touched (and rows sharing a duplicate key
 * with them); its result, and the typed rows it keeps (what the pane's filters and sync read), must
 * always be exactly what a fresh full check of the edited sheet gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerChecker } from '../../../domain/engine/checker.js';
import type { CheckResult } from '../../../domain/engine/types.js';
import type { LedgerRow } from '../../../domain/engine/ledger-row.js';
import type { FieldKey } from '../../../domain/fields/catalogue.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { buildGrid, checkGrid, optionsOf, type Opts, type RowSpec } from '../rules/helpers.js';
import { CHANNELS } from '../../../domain/analysis/channels.js';
import { statusSplit } from '../../../domain/analysis/status-split.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '保育料' };

const COLUMNS: FieldKey[] = [
  'debtorId', 'claimType', 'fiscalYear', 'period', 'assessedAmount', 'dueDate', 'paidAmount', 'outstanding',
  'demandDate', 'lastDunningDate', 'dunningMethod', 'dunningCount', 'lastContactDate', 'deferralType',
  'deferralStart', 'deferralEnd', 'installmentAmount', 'nextInstallmentDate', 'suspensionDate', 'suspensionType',
  'hardship', 'referralDate', 'incomeBracket', 'seized', 'whereaboutsUnknown', 'paymentMethod', 'directDebit',
]; // prettier-ignore

/** The worksheet row (cells) of a row object, in the sheet's columns. */
const cellsOf = (r: RowSpec | null): Cell[] => COLUMNS.map((k) => r?.[k] ?? null);

const header = (): Cell[] => buildGrid([], { columns: COLUMNS })[0]!;

type Grid = Cell[][];

function start(rows: (RowSpec | null)[]): { grid: Grid; checker: LedgerChecker; result: CheckResult } {
  const grid = [header(), ...rows.map(cellsOf)];
  const { checker, result } = checkGrid(grid, OPTS);
  return { grid, checker, result };
}

interface Checked {
  result: CheckResult;
  rows: LedgerRow[];
}

/** A fresh full check of the grid with the same mapping: its result and typed rows. */
function fresh(grid: Grid, checker: LedgerChecker): Checked {
  const again = new LedgerChecker(checker.mapping, optionsOf(OPTS));
  return { result: again.checkAll(grid), rows: [...again.dataRows()] };
}

/** The updated checker's result and typed rows, to compare with `fresh`. */
const kept = (result: CheckResult, checker: LedgerChecker): Checked => ({ result, rows: [...checker.dataRows()] });

/** Applies the edits to both the grid and the checker; returns the checker's result and touched rows. */
function edit(grid: Grid, checker: LedgerChecker, changes: { row: number; cells: Cell[] }[]) {
  for (const c of changes) grid[c.row - 1] = [...c.cells];
  return checker.update(changes.map((c) => ({ row: c.row, cells: [...c.cells] })));
}

const A: RowSpec = {
  debtorId: 'A',
  fiscalYear: 'R6',
  period: '4月分',
  assessedAmount: 10000,
  dueDate: '2024-04-30',
  paidAmount: 0,
  outstanding: 10000,
  demandDate: '2024-05-10',
  lastDunningDate: '2025-01-10',
};
const B: RowSpec = { ...A, debtorId: 'B', period: '5月分', dueDate: '2024-05-31', demandDate: null };
const C: RowSpec = { ...A, debtorId: 'C', fiscalYear: 'R1', dueDate: '2019-06-30', demandDate: '2019-07-10' };

const dupRows = (r: CheckResult) =>
  r.findings.filter((f) => f.rule === 'DUPLICATE_ROW').map((f) => [f.row, f.params.firstRow]);

describe('LedgerChecker.update equals a fresh check', () => {
  it('after editing a cell', () => {
    const { grid, checker, result } = start([A, B, C]);
    expect(result.findings.filter((f) => f.row === 3).map((f) => f.rule)).toContain('DEMAND_MISSING');
    const { result: after, rows } = edit(grid, checker, [
      { row: 3, cells: cellsOf({ ...B, demandDate: '2024-06-10' }) },
    ]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(after.findings.filter((f) => f.row === 3)).toEqual([]);
    expect(rows).toContain(3);
  });

  it('after making a row a duplicate of another, and undoing it', () => {
    const { grid, checker } = start([A, B, C]);
    const made = edit(grid, checker, [
      { row: 4, cells: cellsOf({ ...C, debtorId: 'A', fiscalYear: 'R6', period: '4月分' }) },
    ]);
    expect(kept(made.result, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(made.result)).toEqual([[4, 2]]);
    const undone = edit(grid, checker, [{ row: 4, cells: cellsOf(C) }]);
    expect(kept(undone.result, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(undone.result)).toEqual([]);
  });

  it('after making an earlier row a duplicate of a later one: the later row is flagged', () => {
    const { grid, checker } = start([A, B, C]);
    const made = edit(grid, checker, [{ row: 2, cells: cellsOf(B) }]);
    expect(kept(made.result, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(made.result)).toEqual([[3, 2]]);
    expect(made.rows).toEqual(expect.arrayContaining([2, 3]));
  });

  it('after blanking the first of three duplicates: the second becomes the first, only the third is flagged', () => {
    const { grid, checker, result } = start([A, A, A, B]);
    expect(dupRows(result)).toEqual([
      [3, 2],
      [4, 2],
    ]);
    const { result: after, rows } = edit(grid, checker, [{ row: 2, cells: [] }]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(after)).toEqual([[4, 3]]);
    expect(rows).toEqual(expect.arrayContaining([2, 3, 4]));
  });

  it('after changing the key of the first of three duplicates', () => {
    const { grid, checker } = start([A, A, A]);
    const { result: after } = edit(grid, checker, [{ row: 2, cells: cellsOf({ ...A, debtorId: 'Z' }) }]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(after)).toEqual([[4, 3]]);
  });

  it('after changing a row’s payment channel and status: the breakdowns move it, once', () => {
    const { grid, checker, result } = start([{ ...A, paymentMethod: '口座振替', directDebit: '有' }, B, C]);
    const count = (r: CheckResult, key: string) => r.analysis.channels.paymentMethod!.find((s) => s.key === key)!.count;
    expect([count(result, '口座振替'), count(result, 'notEntered')]).toEqual([1, 2]);
    expect(result.analysis.status.byClass.seized.count).toBe(0);
    const { result: after } = edit(grid, checker, [
      { row: 2, cells: cellsOf({ ...A, paymentMethod: '納付書', directDebit: '無', seized: '○' }) },
    ]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect([count(after, '口座振替'), count(after, '納付書'), count(after, 'notEntered')]).toEqual([0, 1, 2]);
    expect(after.analysis.channels.directDebit!.find((s) => s.key === 'notEnrolled')!.count).toBe(1);
    expect(after.analysis.status.byClass.seized).toEqual({ count: 1, outstanding: 10000 });
    expectBreakdownsSumToTotals(after);
  });

  it('after blanking a row (counts, summary and analysis follow)', () => {
    const { grid, checker, result } = start([A, B, C]);
    expect(result.summary.rows).toMatchObject({ checked: 3, blank: 0 });
    const { result: after } = edit(grid, checker, [{ row: 3, cells: cellsOf(null) }]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(after.summary.rows).toMatchObject({ total: 3, checked: 2, blank: 1 });
    expect(after.analysis.total.count).toBe(2);
    expect(after.findings.some((f) => f.row === 3)).toBe(false);
  });

  it('after turning a row into a totals row and back', () => {
    const { grid, checker } = start([A, B, C]);
    const totals = edit(grid, checker, [{ row: 3, cells: cellsOf({ debtorId: '合計', assessedAmount: 30000 }) }]);
    expect(kept(totals.result, checker)).toEqual(fresh(grid, checker));
    expect(totals.result.summary.rows.totals).toBe(1);
    const back = edit(grid, checker, [{ row: 3, cells: cellsOf(B) }]);
    expect(kept(back.result, checker)).toEqual(fresh(grid, checker));
  });

  it('after making amounts unreadable and readable again', () => {
    const { grid, checker } = start([A, B, C]);
    const bad = edit(grid, checker, [{ row: 2, cells: cellsOf({ ...A, paidAmount: '1.5' }) }]);
    expect(kept(bad.result, checker)).toEqual(fresh(grid, checker));
    expect(bad.result.summary.rows.unreadable).toBe(1);
    const good = edit(grid, checker, [{ row: 2, cells: cellsOf(A) }]);
    expect(kept(good.result, checker)).toEqual(fresh(grid, checker));
    expect(good.result.summary.rows.unreadable).toBe(0);
  });

  it('after typing a new row just below the last one', () => {
    const { grid, checker } = start([A, B]);
    const { result: after } = edit(grid, checker, [{ row: 4, cells: cellsOf(A) }]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(dupRows(after)).toEqual([[4, 2]]);
  });

  it('after typing a new row with a blank row between it and the last one', () => {
    const { grid, checker } = start([A, B]);
    grid[3] = cellsOf(null); // the used range now runs to row 5: row 4 is a blank row
    const { result: after } = edit(grid, checker, [{ row: 5, cells: cellsOf(C) }]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
    expect(after.summary.rows).toMatchObject({ total: 4, checked: 3, blank: 1 });
  });

  it('after paying a row in full: its 延滞金見込額 leaves the figure', () => {
    const { grid, checker, result } = start([A, B, C]);
    expect(result.analysis.lateCharge.arrears.rows).toBe(1);
    expect(result.analysis.lateCharge.arrears.estimate).toBeGreaterThan(0);
    const { result: after } = edit(grid, checker, [
      { row: 4, cells: cellsOf({ ...C, paidAmount: 10000, outstanding: 0 }) },
    ]);
    expect(after.analysis.lateCharge.arrears).toEqual({ rows: 0, estimate: 0 });
    expect(after.analysis.lateCharge.current).toEqual(result.analysis.lateCharge.current);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
  });

  it('after several changes in one update', () => {
    const { grid, checker } = start([A, B, C, A]);
    const { result: after } = edit(grid, checker, [
      { row: 2, cells: cellsOf(C) },
      { row: 4, cells: [] },
      { row: 5, cells: cellsOf({ ...A, debtorId: 'C', fiscalYear: 'R1', period: '4月分' }) },
    ]);
    expect(kept(after, checker)).toEqual(fresh(grid, checker));
  });
});

// ---- property: random edits on a small random ledger ----

const rowArb: fc.Arbitrary<RowSpec | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<RowSpec>(
      { debtorId: '合計', assessedAmount: 1000 },
      { claimType: '小計', outstanding: 5000 },
    ),
  },
  {
    weight: 8,
    arbitrary: fc.record<RowSpec>({
      debtorId: fc.constantFrom<Cell>('A', 'B', '１', 1, ' A ', null),
      claimType: fc.constantFrom<Cell>(null, '保育料', '水道料金'),
      fiscalYear: fc.constantFrom<Cell>('R6', 2024, '令和5年度', null, 'X'),
      period: fc.constantFrom<Cell>('1期', '2期', null),
      assessedAmount: fc.constantFrom<Cell>(10000, 5000, null, 'abc', -1),
      dueDate: fc.constantFrom<Cell>('2024-05-31', '2023-05-31', '2019-06-30', '2025-01-31', null, 'bad'),
      paidAmount: fc.constantFrom<Cell>(0, 5000, null, '1.5'),
      outstanding: fc.constantFrom<Cell>(10000, 5000, 0, null),
      demandDate: fc.constantFrom<Cell>(null, '2024-06-10', '2019-07-20', '2025-02-12', '2025-05-01', 'x'),
      lastDunningDate: fc.constantFrom<Cell>(null, '2025-01-10'),
      dunningMethod: fc.constantFrom<Cell>(null, '文書', '臨戸', 'FAX'),
      dunningCount: fc.constantFrom<Cell>(null, 3, 1),
      lastContactDate: fc.constantFrom<Cell>(null, '2025-01-01', '2020-01-01'),
      deferralType: fc.constantFrom<Cell>(null, '分納誓約', '徴収猶予', '履行延期特約', '??'),
      deferralStart: fc.constantFrom<Cell>(null, '2024-06-01', '2019-06-01'),
      deferralEnd: fc.constantFrom<Cell>(null, '2025-06-01', '2025-03-01', '2026-06-01'),
      installmentAmount: fc.constantFrom<Cell>(null, 1000),
      nextInstallmentDate: fc.constantFrom<Cell>(null, '2025-03-01', '2025-03-31'),
      suspensionDate: fc.constantFrom<Cell>(null, '2022-03-31'),
      suspensionType: fc.constantFrom<Cell>(null, '即時消滅', '1号'),
      hardship: fc.constantFrom<Cell>(null, '○', '?'),
      referralDate: fc.constantFrom<Cell>(null, '2025-01-01'),
      incomeBracket: fc.constantFrom<Cell>(null, 'A', 'B'),
      seized: fc.constantFrom<Cell>(null, '○', '2024-12-01', '?'),
      whereaboutsUnknown: fc.constantFrom<Cell>(null, '○'),
      paymentMethod: fc.constantFrom<Cell>(null, '口座振替', '口振', '納付書', 'コンビニ', '現金書留'),
      directDebit: fc.constantFrom<Cell>(null, '有', '無', 'たぶん'),
    }),
  },
);

/** Every row in the totals is in one entry of each payment channel; the status split sums to what is owed. */
function expectBreakdownsSumToTotals({ analysis: a }: CheckResult) {
  for (const c of CHANNELS) {
    const by = a.channels[c]!;
    for (const f of ['count', 'assessed', 'paid', 'outstanding'] as const)
      expect(by.reduce((n, s) => n + s[f], 0)).toBe(a.total[f]);
  }
  const lc = a.lateCharge;
  expect(lc.total).toEqual({
    rows: lc.current.rows + lc.arrears.rows,
    estimate: lc.current.estimate + lc.arrears.estimate,
  });
  expect(lc.total.rows).toBeLessThanOrEqual(a.total.count);
  const split = statusSplit(a);
  expect(split.outstanding).toBe(a.status.revenue.outstanding);
  expect(split.outstanding + split.notInSplit).toBe(a.total.outstanding);
}

describe('LedgerChecker.update: property', () => {
  it('random sequences of row edits give exactly the result of a fresh checkAll of the final grid', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.tuple(fc.nat(), rowArb, fc.boolean()), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows, batches) => {
          const { grid, checker } = start(rows);
          for (const batch of batches) {
            const before = new Map<number, string>();
            for (let r = 2; r <= grid.length; r++) before.set(r, JSON.stringify(checker.findingsOf(r)));
            const changes = batch.map(([i, r, deleted]) => ({
              row: 2 + (i % rows.length),
              cells: deleted && r === null ? [] : cellsOf(r),
            }));
            const { result, rows: touched } = edit(grid, checker, changes);
            expect(kept(result, checker)).toEqual(fresh(grid, checker));
            expectBreakdownsSumToTotals(result);
            for (let r = 2; r <= grid.length; r++) {
              if (JSON.stringify(checker.findingsOf(r)) !== before.get(r)) expect(touched).toContain(r);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
