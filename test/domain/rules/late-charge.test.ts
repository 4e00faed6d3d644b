/**
 * LATE_CHARGE_MISMATCH (`late-charge.md`, "Check"): a fully paid row, with a last payment date and
 * no deferral, whose recorded 延滞金 differs from the charge on the assessed amount from the due
 * date to the last payment. A late charge never makes a row an error.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../domain/engine/ledger-row.js';
import {
  DEFAULT_LATE_CHARGE_TABLE,
  LateChargeProfiles,
  NONE,
  profileOf,
  TAX_LIKE,
} from '../../../domain/late-charge/index.js';
import { lateChargeMismatch } from '../../../domain/rules/late-charge/late-charge-mismatch.js';
import { ruleById } from '../../../domain/rules/catalogue.js';
import { brief, buildGrid, checkGrid, expectRule, hitsOf, rulesFiring, type Opts, type RowSpec } from './helpers.js';

const TAX: Opts = { asOf: '2025-09-30', claimType: '市民税' };
const CIVIL: Opts = { asOf: '2025-09-30', claimType: '水道料金' };

/** The first worked example, paid in full: the charge is 2,400 yen. */
const PAID: RowSpec = {
  debtorId: 'L-1',
  fiscalYear: 'R7',
  assessedAmount: 123_456,
  dueDate: '2025-04-30',
  paidAmount: 123_456,
  lastPaymentDate: '2025-08-15',
  outstanding: 0,
  lateCharge: 2400,
};

function rowOf(spec: RowSpec, opts: Opts): LedgerRow {
  const [row] = [...checkGrid(buildGrid([spec], opts), opts).checker.dataRows()];
  return row!;
}

describe('LATE_CHARGE_MISMATCH', () => {
  it('fires on 延滞金, a warning with the recorded and expected amounts', () => {
    const hits = hitsOf('LATE_CHARGE_MISMATCH', { ...PAID, lateCharge: '2,000円' }, TAX);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'LATE_CHARGE_MISMATCH', field: 'lateCharge', column: 'H' }]);
    expect(hits[0]).toMatchObject({ severity: 'warning', params: { recorded: 2000, expected: 2400 } });
    expect(hits[0]!.message).toBe(
      '記入された延滞金 2,000円 は、納期限の翌日から最終収入日までの計算額 2,400円 と異なります。計算と記入を確認してください。' +
        '（根拠: 地方自治法231条の3第2項、地方税法20条の4の2・附則3条の2、民法404条・419条）',
    );
    expect(rulesFiring({ ...PAID, lateCharge: 2000 }, TAX)).toEqual(['LATE_CHARGE_MISMATCH']);
  });

  it('does not fire where the recorded amount is the charge, or the cell is blank, or there is no such column', () => {
    expect(rulesFiring(PAID, TAX)).toEqual([]);
    expectRule('LATE_CHARGE_MISMATCH', { ...PAID, lateCharge: null }, TAX, false);
    expectRule('LATE_CHARGE_MISMATCH', { ...PAID, lateCharge: '－' }, TAX, false);
    expectRule('LATE_CHARGE_MISMATCH', PAID, { ...TAX, omit: ['lateCharge'] }, false);
  });

  it('fires on a recorded charge where none is owed (paid on the due date; a charge under 1,000 yen)', () => {
    const onTime = { ...PAID, lastPaymentDate: '2025-04-30', lateCharge: 100 };
    expect(hitsOf('LATE_CHARGE_MISMATCH', onTime, TAX)[0]!.params).toEqual({ recorded: 100, expected: 0 });
    expectRule('LATE_CHARGE_MISMATCH', { ...onTime, lateCharge: 0 }, TAX, false);
    expectRule('LATE_CHARGE_MISMATCH', { ...PAID, assessedAmount: 1999, paidAmount: 1999, lateCharge: 0 }, TAX, false);
  });

  it('checks only a fully paid row with a last payment date and no deferral', () => {
    const wrong = { ...PAID, lateCharge: 2000 };
    expectRule('LATE_CHARGE_MISMATCH', wrong, TAX, true, 'lateCharge');
    expectRule('LATE_CHARGE_MISMATCH', { ...wrong, paidAmount: 100_000, outstanding: 23_456 }, TAX, false);
    expectRule('LATE_CHARGE_MISMATCH', { ...wrong, lastPaymentDate: null }, TAX, false);
    expectRule('LATE_CHARGE_MISMATCH', { ...wrong, deferralType: '分納誓約' }, TAX, false);
    const writtenOff = { ...wrong, paidAmount: 100_000, writtenOffAmount: 23_456, writeOffDate: '2025-08-20' };
    expectRule('LATE_CHARGE_MISMATCH', writtenOff, TAX, false);
    // Without an outstanding column the balance is derived: assessed − paid − written off.
    expectRule('LATE_CHARGE_MISMATCH', wrong, { ...TAX, omit: ['outstanding'] }, true, 'lateCharge');
  });

  it('a 私債権 is checked against 遅延損害金 at the civil rate', () => {
    const water: RowSpec = {
      ...PAID,
      fiscalYear: 'H30',
      assessedAmount: 300_000,
      paidAmount: 300_000,
      dueDate: '2019-03-31',
      lastPaymentDate: '2021-03-31',
      lateCharge: 30_041,
    };
    expectRule('LATE_CHARGE_MISMATCH', water, CIVIL, false);
    const hits = hitsOf('LATE_CHARGE_MISMATCH', { ...water, lateCharge: 30_000 }, CIVIL);
    expect(hits[0]!.params).toEqual({ recorded: 30_000, expected: 30_041 });
  });

  it('an unreadable cell is reported by INVALID_* only', () => {
    expect(rulesFiring({ ...PAID, lateCharge: '二千円' }, TAX)).toEqual(['INVALID_AMOUNT']);
    expect(rulesFiring({ ...PAID, lateCharge: 2000, lastPaymentDate: '8月中旬' }, TAX)).toEqual(['INVALID_DATE']);
    expect(rulesFiring({ ...PAID, lateCharge: -100 }, TAX)).toEqual(['INVALID_AMOUNT']);
  });

  it('under a profile of none, any recorded amount but 0 is a mismatch with expected 0, paid or not', () => {
    const row = rowOf({ ...PAID, lateCharge: 2400 }, TAX);
    expect(lateChargeMismatch(row, NONE)).toEqual({ field: 'lateCharge', params: { recorded: 2400, expected: 0 } });
    expect(lateChargeMismatch(rowOf({ ...PAID, lateCharge: 0 }, TAX), NONE)).toBeNull();
    const open = rowOf({ ...PAID, paidAmount: 0, outstanding: 123_456, lastPaymentDate: null, lateCharge: 500 }, TAX);
    expect(lateChargeMismatch(open, NONE)?.params).toEqual({ recorded: 500, expected: 0 });
    expect(lateChargeMismatch(row, TAX_LIKE)).toBeNull();
    expect(lateChargeMismatch(row, null)).toBeNull();
  });

  it('follows the profile it is given: 14.6% / 7.3% without 特例 expects 4,500', () => {
    const row = rowOf(PAID, TAX);
    const noSpecial = profileOf({ kind: 'tax-like', special: false });
    expect(lateChargeMismatch(row, noSpecial)?.params).toEqual({ recorded: 2400, expected: 4500 });
  });

  it("counts under the city's table when the check is given one (the service's, when connected)", () => {
    const table = { ...DEFAULT_LATE_CHARGE_TABLE, specialRates: [{ year: 2025, first: '2.5', second: '8.8' }] };
    const city = new LateChargeProfiles(table);
    // 2,400 is right under the built-in 2.4% for 2025; under the city's 2.5% it is not.
    expect(rulesFiring(PAID, TAX)).toEqual([]);
    const hits = hitsOf('LATE_CHARGE_MISMATCH', PAID, { ...TAX, lateCharges: city });
    expect(hits[0]?.params).toEqual({ recorded: 2400, expected: 2500 });
    const none = new LateChargeProfiles({ ...table, claimTypes: [{ names: ['市民税'], profile: { kind: 'none' } }] });
    expect(hitsOf('LATE_CHARGE_MISMATCH', PAID, { ...TAX, lateCharges: none })[0]?.params).toEqual({
      recorded: 2400,
      expected: 0,
    });
  });

  it('is a warning with its legal basis, never an error', () => {
    const def = ruleById('LATE_CHARGE_MISMATCH');
    expect(def.severity).toBe('warning');
    expect(def.basis?.ja).toContain('地方自治法231条の3第2項');
    expect(def.basis?.ja).toContain('地方税法20条の4の2');
    expect(def.basis?.ja).toContain('民法404条・419条');
    expect(def.message.en).toContain('{expected}');
  });
});
