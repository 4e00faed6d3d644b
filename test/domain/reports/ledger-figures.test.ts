/** The figures a ledger keeps as JSON: written and read back, and what older or damaged columns read as. */
import { describe, expect, it } from 'vitest';
import { ledgerFiguresJson, ledgerFiguresOf } from '../../../domain/reports/ledger-figures.js';
import { agingOf } from '../../../domain/reports/ledger-totals.js';
import { countByAction } from '../../../domain/worklist/counts.js';

const AGING = [{ label: '0-1', fromYears: 0, toYears: 1, count: 2, outstanding: 30_000 }];
const LATE = { current: { rows: 1, estimate: 0 }, arrears: { rows: 2, estimate: 4_100 }, total: { rows: 3, estimate: 4_100 } }; // prettier-ignore
const COUNTS = countByAction([
  { action: 'stopPrescription', outstanding: 20_000 },
  { action: 'firstDunning', outstanding: 10_000 },
]);

describe('ledger figures JSON', () => {
  it('reads back what was written', () => {
    const json = ledgerFiguresJson({ aging: AGING, lateCharge: LATE, worklist: COUNTS });
    expect(ledgerFiguresOf(json)).toEqual({ aging: AGING, lateCharge: LATE, worklist: COUNTS });
    expect(agingOf(json)).toEqual([{ label: '0-1', fromYears: 0, outstanding: 30_000n }]);
  });

  it('reads a ledger applied before the estimate and counts (the bare aging array) as aging alone', () => {
    const json = JSON.stringify(AGING);
    expect(ledgerFiguresOf(json)).toEqual({ aging: AGING, lateCharge: null, worklist: null });
    expect(agingOf(json)).toHaveLength(1);
  });

  it('puts stored counts in the table’s order, every action once', () => {
    const json = ledgerFiguresJson({ aging: [], lateCharge: LATE, worklist: [...COUNTS].reverse().slice(0, 5) });
    const read = ledgerFiguresOf(json).worklist!;
    expect(read.map((c) => c.action)).toEqual(COUNTS.map((c) => c.action));
    expect(read.find((c) => c.action === 'stopPrescription')).toMatchObject({ debtors: 0, outstanding: 0 });
    expect(read.find((c) => c.action === 'firstDunning')).toMatchObject({ debtors: 1, outstanding: 10_000 });
  });

  it('reads damaged JSON as nothing, never throwing', () => {
    for (const bad of ['', '{', '{"aging":3}', 'null', '{"aging":[],"lateCharge":{"total":1},"worklist":null}'])
      expect(ledgerFiguresOf(bad)).toEqual({ aging: [], lateCharge: null, worklist: null });
  });
});
