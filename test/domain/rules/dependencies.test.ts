/**
 * rules.md, "Terms": "A condition that needs a value that is blank (where it does not ask for blank)
 * or unreadable does not hold. An unreadable value is reported once, by its INVALID_* rule, and by
 * nothing that depends on it." And: "Rules are independent: every rule whose condition holds reports".
 *
 * So an unreadable cell silences exactly the rules whose condition needs it on that row, and no
 * other: each case below has an unreadable cell that the firing rule's condition does not need.
 */
import { describe, expect, it } from 'vitest';
import { expectRule, hitsOf, type Opts, type RowSpec } from './helpers.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '保育料' };

describe('an unreadable value silences only the rules that need it', () => {
  it('PRESCRIPTION_EXPIRED_PUBLIC from a filled 時効完成予定日 does not need the due date', () => {
    const row: RowSpec = {
      debtorId: 'U-1',
      fiscalYear: 'R1',
      assessedAmount: 10000,
      dueDate: '7月末',
      paidAmount: 0,
      outstanding: 10000,
      demandDate: '2019-08-10',
      lastContactDate: '2025-03-01',
      prescriptionDate: '2024-07-31',
    };
    expectRule('PRESCRIPTION_EXPIRED_PUBLIC', { ...row, dueDate: '2019-07-31' }, OPTS, true, 'outstanding');
    expect(hitsOf('INVALID_DATE', row, OPTS).map((f) => f.field)).toEqual(['dueDate']);
    expectRule('PRESCRIPTION_EXPIRED_PUBLIC', row, OPTS, true, 'outstanding');
  });

  it('EARLY_DUNNING of a row with its fiscal year filled in does not need the due date', () => {
    const row: RowSpec = {
      debtorId: 'U-2',
      fiscalYear: 'R6',
      assessedAmount: 18000,
      dueDate: '1月末',
      paidAmount: 0,
      outstanding: 18000,
      demandDate: '2025-02-12',
    };
    expectRule('EARLY_DUNNING', { ...row, dueDate: '2025-01-31' }, OPTS, true, 'lastDunningDate');
    expectRule('EARLY_DUNNING', row, OPTS, true, 'lastDunningDate');
  });

  it('DEFERRAL_TOO_LONG of a 徴収猶予 does not need the due date', () => {
    const row: RowSpec = {
      debtorId: 'U-3',
      assessedAmount: 18000,
      dueDate: '1月末',
      paidAmount: 0,
      outstanding: 18000,
      deferralType: '徴収猶予',
      deferralStart: '2024-04-01',
      deferralEnd: '2026-04-01',
    };
    expectRule('DEFERRAL_TOO_LONG', { ...row, dueDate: '2024-01-31' }, OPTS, true, 'deferralEnd');
    expectRule('DEFERRAL_TOO_LONG', row, OPTS, true, 'deferralEnd');
  });

  it('DEMAND_MISSING with no deferral type does not need the deferral start', () => {
    const row: RowSpec = {
      debtorId: 'U-4',
      fiscalYear: 'R6',
      assessedAmount: 18000,
      dueDate: '2024-10-31',
      paidAmount: 0,
      outstanding: 18000,
      lastContactDate: '2025-03-01',
      deferralType: null,
      deferralStart: '未定',
    };
    expectRule('DEMAND_MISSING', { ...row, deferralStart: null }, OPTS, true, 'demandDate');
    expectRule('DEMAND_MISSING', row, OPTS, true, 'demandDate');
  });

  it('PRESCRIPTION_EXPIRED_PRIVATE does not need the demand date (a 私債権 demand renews nothing)', () => {
    const row: RowSpec = {
      debtorId: 'U-5',
      assessedAmount: 5000,
      dueDate: '2019-12-31',
      paidAmount: 0,
      outstanding: 5000,
      demandDate: '督促済',
      lastContactDate: '2025-03-01',
    };
    const opts: Opts = { ...OPTS, claimType: '水道料金' };
    expectRule('PRESCRIPTION_EXPIRED_PRIVATE', { ...row, demandDate: '2020-01-20' }, opts, true, 'outstanding');
    expectRule('PRESCRIPTION_EXPIRED_PRIVATE', row, opts, true, 'outstanding');
  });
});
