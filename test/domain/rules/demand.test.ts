/**
 * Demand rules (督促: 地方自治法231条の3第1項, 同施行令171条): rules.md "Demand".
 */
import { describe, expect, it } from 'vitest';
import { brief, expectRule, hitsOf, plusDays, rulesFiring, slash, type Opts, type RowSpec } from './helpers.js';

const DUE = '2024-10-31';
const OPTS: Opts = { claimType: '保育料' };
const at = (asOf: string): Opts => ({ ...OPTS, asOf });

/** Owing, due 2024-10-31, with no 督促 yet; the last contact keeps CONTACT_STALE quiet. */
const UNDEMANDED: RowSpec = {
  debtorId: 'D-1',
  fiscalYear: 'R6',
  period: '10月分',
  assessedAmount: 18000,
  dueDate: DUE,
  paidAmount: 0,
  outstanding: 18000,
  demandDate: null,
  lastContactDate: '2024-11-01',
};

describe('DEMAND_MISSING', () => {
  it('does not fire when asOf is exactly dueDate + 20', () => {
    expect(rulesFiring(UNDEMANDED, at(plusDays(DUE, 20)))).toEqual([]);
  });

  it('fires on demandDate when asOf is dueDate + 21', () => {
    const hits = hitsOf('DEMAND_MISSING', UNDEMANDED, at(plusDays(DUE, 21)));
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEMAND_MISSING', field: 'demandDate', column: 'H' }]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ dueDate: DUE, demandDays: 20 });
    expect(rulesFiring(UNDEMANDED, at(plusDays(DUE, 21)))).toEqual(['DEMAND_MISSING']);
  });

  it('reads dates typed as 2024/10/31', () => {
    expectRule('DEMAND_MISSING', { ...UNDEMANDED, dueDate: slash(DUE) }, at('2024-11-21'), true, 'demandDate');
    expectRule('DEMAND_MISSING', { ...UNDEMANDED, dueDate: slash(DUE) }, at('2024-11-20'), false);
  });

  it('fires where the sheet has no 督促 column (blank in every row), with no column letter', () => {
    const hits = hitsOf('DEMAND_MISSING', UNDEMANDED, { ...at('2025-03-31'), omit: ['demandDate'] });
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEMAND_MISSING', field: 'demandDate', column: null }]);
  });

  it('does not fire with a demand date, or when nothing is owed', () => {
    expectRule('DEMAND_MISSING', { ...UNDEMANDED, demandDate: '2024-11-10' }, at('2025-03-31'), false);
    expectRule('DEMAND_MISSING', { ...UNDEMANDED, paidAmount: 18000, outstanding: 0 }, at('2025-03-31'), false);
  });

  it('follows the demandDays parameter', () => {
    const opts = (asOf: string): Opts => ({ ...at(asOf), params: { demandDays: 30 } });
    expectRule('DEMAND_MISSING', UNDEMANDED, opts(plusDays(DUE, 30)), false);
    const hits = hitsOf('DEMAND_MISSING', UNDEMANDED, opts(plusDays(DUE, 31)));
    expect(hits.map((f) => f.params.demandDays)).toEqual([30]);
  });

  it('does not fire under a deferral that began on or before the due date', () => {
    const deferred: RowSpec = {
      ...UNDEMANDED,
      deferralType: '分納誓約',
      deferralStart: DUE,
      deferralEnd: '2025-10-31',
      installmentAmount: 3000,
    };
    expectRule('DEMAND_MISSING', deferred, at('2025-03-31'), false);
    expectRule('DEMAND_MISSING', { ...deferred, deferralStart: plusDays(DUE, -30) }, at('2025-03-31'), false);
  });

  it('fires under a deferral that began after the due date', () => {
    const deferred: RowSpec = {
      ...UNDEMANDED,
      deferralType: '分納誓約',
      deferralStart: plusDays(DUE, 1),
      deferralEnd: '2025-10-31',
      installmentAmount: 3000,
    };
    expectRule('DEMAND_MISSING', deferred, at('2025-03-31'), true, 'demandDate');
  });

  it('fires when a deferral type has no start date (the exception needs deferralStart ≤ dueDate)', () => {
    const row: RowSpec = {
      ...UNDEMANDED,
      deferralType: '分納誓約',
      deferralStart: null,
      deferralEnd: '2025-10-31',
      installmentAmount: 3000,
    };
    expectRule('DEMAND_MISSING', row, at('2025-03-31'), true, 'demandDate');
  });

  it('an unreadable demand date is INVALID_DATE, not DEMAND_MISSING', () => {
    expect(rulesFiring({ ...UNDEMANDED, demandDate: '済' }, at('2025-03-31'))).toEqual(['INVALID_DATE']);
  });

  it('an unreadable due date is INVALID_DATE, not DEMAND_MISSING', () => {
    expect(rulesFiring({ ...UNDEMANDED, dueDate: '10月末' }, at('2025-03-31'))).toEqual(['INVALID_DATE']);
  });
});

describe('DEMAND_LATE', () => {
  const row = (demandDate: string): RowSpec => ({ ...UNDEMANDED, demandDate, lastDunningDate: '2025-03-01' });

  it('does not fire for a demand on dueDate + 20', () => {
    expect(rulesFiring(row(plusDays(DUE, 20)), at('2025-03-31'))).toEqual([]);
  });

  it('fires on demandDate for a demand on dueDate + 21, with the days it took', () => {
    const hits = hitsOf('DEMAND_LATE', row(plusDays(DUE, 21)), at('2025-03-31'));
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEMAND_LATE', field: 'demandDate', column: 'H' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ demandDate: '2024-11-21', dueDate: DUE, days: 21, demandDays: 20 });
  });

  it('fires whether or not anything is still owed', () => {
    expectRule(
      'DEMAND_LATE',
      { ...row('2025-01-15'), paidAmount: 18000, outstanding: 0 },
      at('2025-03-31'),
      true,
      'demandDate',
    );
  });

  it('follows the demandDays parameter', () => {
    const opts: Opts = { ...at('2025-03-31'), params: { demandDays: 25 } };
    expectRule('DEMAND_LATE', row(plusDays(DUE, 25)), opts, false);
    expectRule('DEMAND_LATE', row(plusDays(DUE, 26)), opts, true, 'demandDate');
  });

  it('needs both dates', () => {
    expectRule('DEMAND_LATE', { ...row('2025-01-15'), dueDate: null }, at('2025-03-31'), false);
  });
});

describe('DEMAND_BEFORE_DUE', () => {
  const row = (demandDate: string): RowSpec => ({ ...UNDEMANDED, demandDate, lastDunningDate: '2025-03-01' });

  it('fires on demandDate for a demand on the due date', () => {
    const hits = hitsOf('DEMAND_BEFORE_DUE', row(DUE), at('2025-03-31'));
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEMAND_BEFORE_DUE', field: 'demandDate', column: 'H' }]);
    expect(hits[0]!.severity).toBe('error');
  });

  it('fires for a demand before the due date', () => {
    expectRule('DEMAND_BEFORE_DUE', row(plusDays(DUE, -1)), at('2025-03-31'), true, 'demandDate');
  });

  it('does not fire for a demand the day after the due date', () => {
    expect(rulesFiring(row(plusDays(DUE, 1)), at('2025-03-31'))).toEqual([]);
  });
});
