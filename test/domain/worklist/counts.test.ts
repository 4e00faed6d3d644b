import { describe, expect, it } from 'vitest';
import { ActionCountSchema, WORKLIST_ACTIONS, buildWorklist, countByAction } from '../../../domain/worklist/index.js';
import { day, finding, ledgerRow } from './helpers.js';

describe('countByAction', () => {
  it('debtors and outstanding per action, every action in tier order, no debtor named', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'A', outstanding: 1_000 }),
        ledgerRow({ row: 3, debtorId: 'A', outstanding: 2_000 }),
        ledgerRow({ row: 4, debtorId: 'B', outstanding: 4_000 }),
        ledgerRow({ row: 5, debtorId: 'C', outstanding: 8_000 }),
      ],
      findings: [finding(2, 'DEMAND_MISSING'), finding(4, 'DEMAND_MISSING'), finding(5, 'CONTACT_STALE')],
      asOf: day('2025-03-31'),
    });
    const counts = countByAction(items);
    expect(counts.map((c) => c.action)).toEqual(WORKLIST_ACTIONS.map((a) => a.code));
    expect(counts.find((c) => c.action === 'issueDemand')).toEqual({
      tier: 3,
      action: 'issueDemand',
      debtors: 2,
      outstanding: 7_000,
    });
    expect(counts.find((c) => c.action === 'resumeContact')).toMatchObject({ debtors: 1, outstanding: 8_000 });
    expect(counts.reduce((n, c) => n + c.debtors, 0)).toBe(3);
    for (const c of counts) expect(ActionCountSchema.strict().parse(c)).toEqual(c);
    expect(JSON.stringify(counts)).not.toMatch(/"A"|"B"|"C"/);
  });

  it('an empty list counts zero everywhere', () => {
    expect(countByAction([]).every((c) => c.debtors === 0 && c.outstanding === 0)).toBe(true);
  });
});
