/**
 * 延滞金見込額 in the analysis (`late-charge.md`, "Where it is used"): per row still owing, the charge
 * if the whole outstanding amount were paid on the as-of date, summed for 現年度分 / 滞納繰越分,
 * under the checker's late-charge profiles (the city's table when given).
 */
import { describe, expect, it } from 'vitest';
import { LateChargeProfiles } from '../../../domain/late-charge/profiles.js';
import { check, type Opts, type RowSpec } from '../rules/helpers.js';

const OPTS: Opts = { asOf: '2026-03-10', claimType: '保育料' };

/** The spec's worked example: 500,000 due 2025-11-30, paid 2026-03-10 → 9,600 (tax-like). */
const WORKED: RowSpec = {
  debtorId: 'W',
  period: '1',
  fiscalYear: 'R7',
  assessedAmount: 500000,
  paidAmount: 0,
  outstanding: 500000,
  dueDate: '2025-11-30',
};

describe('the analysis: 延滞金見込額', () => {
  it('estimates each row owing as paid on the as-of date, by 現年度分 / 滞納繰越分', () => {
    const rows: RowSpec[] = [
      WORKED,
      // 滞納繰越分: 123,456 due 2025-04-30 as of 2025-08-15 is 2,400; here as of 2026-03-10, so more.
      {
        ...WORKED,
        debtorId: 'X',
        fiscalYear: 'R6',
        dueDate: '2024-05-31',
        assessedAmount: 100000,
        outstanding: 100000,
      },
      // Fully paid: no estimate.
      { ...WORKED, debtorId: 'Y', paidAmount: 500000, outstanding: 0 },
      // Under 2,000 yen of principal: counted, and 0.
      { ...WORKED, debtorId: 'Z', assessedAmount: 1999, outstanding: 1999 },
      // No due date: cannot be counted.
      { ...WORKED, debtorId: 'V', dueDate: null },
    ];
    const { lateCharge } = check(rows, OPTS).analysis;
    expect(lateCharge.current).toEqual({ rows: 2, estimate: 9600 });
    expect(lateCharge.arrears.rows).toBe(1);
    expect(lateCharge.arrears.estimate).toBeGreaterThan(0);
    expect(lateCharge.total).toEqual({
      rows: 3,
      estimate: lateCharge.current.estimate + lateCharge.arrears.estimate,
    });
  });

  it('uses the city’s table when the check is given one', () => {
    const none = new LateChargeProfiles({
      byClassification: {
        強制徴収公債権: { kind: 'tax-like' },
        非強制徴収公債権: { kind: 'tax-like' },
        私債権: { kind: 'civil' },
      },
      claimTypes: [{ names: ['保育料'], profile: { kind: 'none' } }],
    });
    const { lateCharge } = check([WORKED], { ...OPTS, lateCharges: none }).analysis;
    expect(lateCharge.total).toEqual({ rows: 1, estimate: 0 });
  });

  it('is empty for a sheet with nothing owing', () => {
    const { lateCharge } = check([{ ...WORKED, paidAmount: 500000, outstanding: 0 }], OPTS).analysis;
    expect(lateCharge.total).toEqual({ rows: 0, estimate: 0 });
  });
});
