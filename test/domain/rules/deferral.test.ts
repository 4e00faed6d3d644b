/**
 * Deferral and installments (徴収の猶予, 履行延期の特約, 分納誓約): rules.md "Deferral and installments".
 */
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../domain/fields/catalogue.js';
import { brief, expectRule, hitsOf, plusDays, rulesFiring, type Opts, type RowSpec } from './helpers.js';

const AS_OF = '2025-03-31';
const OPTS: Opts = { asOf: AS_OF, claimType: '保育料' };
const at = (asOf: string): Opts => ({ ...OPTS, asOf });

/** An installment pledge in force, paid as agreed (next installment not yet due). */
const PLEDGE: RowSpec = {
  debtorId: 'G-1',
  fiscalYear: 'R5',
  period: '3月分',
  assessedAmount: 25000,
  dueDate: '2024-03-29',
  paidAmount: 10000,
  lastPaymentDate: '2025-03-01',
  outstanding: 15000,
  demandDate: '2024-04-08',
  deferralType: '分納誓約',
  deferralStart: '2024-05-01',
  deferralEnd: '2025-09-30',
  installmentAmount: 5000,
  nextInstallmentDate: '2025-03-31',
};

describe('baseline', () => {
  it('a pledge in force and kept has no finding', () => {
    expect(rulesFiring(PLEDGE, OPTS)).toEqual([]);
  });
});

describe('DEFERRAL_INCOMPLETE', () => {
  it.each(['deferralStart', 'deferralEnd', 'installmentAmount'] as const)(
    'fires on a blank %s of a 分納誓約',
    (field) => {
      const hits = hitsOf('DEFERRAL_INCOMPLETE', { ...PLEDGE, [field]: null }, OPTS);
      expect(hits.map((f) => [f.rule, f.field])).toEqual([['DEFERRAL_INCOMPLETE', field]]);
      expect(hits[0]!.severity).toBe('error');
    },
  );

  it('fires on a blank installmentAmount of a 履行延期特約', () => {
    const row: RowSpec = { ...PLEDGE, deferralType: '履行延期特約', installmentAmount: null };
    expectRule('DEFERRAL_INCOMPLETE', row, { ...OPTS, claimType: '水道料金' }, true, 'installmentAmount');
  });

  it('does not ask a 徴収猶予 or 換価猶予 for an installment amount', () => {
    expectRule('DEFERRAL_INCOMPLETE', { ...PLEDGE, deferralType: '徴収猶予', installmentAmount: null }, OPTS, false);
    expectRule('DEFERRAL_INCOMPLETE', { ...PLEDGE, deferralType: '換価猶予', installmentAmount: null }, OPTS, false);
  });

  it('reports each blank field', () => {
    const hits = hitsOf(
      'DEFERRAL_INCOMPLETE',
      { ...PLEDGE, deferralStart: null, deferralEnd: '', installmentAmount: null },
      OPTS,
    );
    expect(hits.map((f) => f.field).sort()).toEqual(['deferralEnd', 'deferralStart', 'installmentAmount']);
  });

  it('fires for a field whose column is not in the sheet, with no column letter', () => {
    const hits = hitsOf('DEFERRAL_INCOMPLETE', PLEDGE, { ...OPTS, omit: ['installmentAmount'] });
    expect(hits.map(brief)).toEqual([
      { row: 2, rule: 'DEFERRAL_INCOMPLETE', field: 'installmentAmount', column: null },
    ]);
  });

  it('does not fire without a deferral type, or when all is filled in', () => {
    expectRule('DEFERRAL_INCOMPLETE', { ...PLEDGE, deferralType: null, deferralStart: null }, OPTS, false);
    expectRule('DEFERRAL_INCOMPLETE', PLEDGE, OPTS, false);
  });

  it('an unreadable deferral type is INVALID_VALUE only', () => {
    expect(rulesFiring({ ...PLEDGE, deferralType: '分割かも', deferralStart: null }, OPTS)).toEqual(['INVALID_VALUE']);
  });

  it('an unreadable start date is INVALID_DATE, not DEFERRAL_INCOMPLETE', () => {
    expect(rulesFiring({ ...PLEDGE, deferralStart: '5月から' }, OPTS)).toEqual(['INVALID_DATE']);
  });
});

describe('DEFERRAL_NOT_APPLICABLE', () => {
  const deferral = (type: string): RowSpec => ({ ...PLEDGE, deferralType: type });

  it.each<[string, Classification, boolean]>([
    ['徴収猶予', '強制徴収公債権', false],
    ['徴収猶予', '非強制徴収公債権', true],
    ['徴収猶予', '私債権', true],
    ['換価猶予', '強制徴収公債権', false],
    ['換価猶予', '非強制徴収公債権', true],
    ['換価猶予', '私債権', true],
    ['履行延期特約', '強制徴収公債権', true],
    ['履行延期特約', '非強制徴収公債権', false],
    ['履行延期特約', '私債権', false],
    ['分納誓約', '強制徴収公債権', false],
    ['分納誓約', '非強制徴収公債権', false],
    ['分納誓約', '私債権', false],
  ])('%s on a %s: fires = %s', (type, classification, fires) => {
    expectRule('DEFERRAL_NOT_APPLICABLE', deferral(type), { asOf: AS_OF, classification }, fires, 'deferralType');
  });

  it('takes the classification from the claim type', () => {
    const hits = hitsOf('DEFERRAL_NOT_APPLICABLE', deferral('徴収猶予'), { ...OPTS, claimType: '市営住宅使用料' });
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEFERRAL_NOT_APPLICABLE', field: 'deferralType', column: 'J' }]);
    expect(hits[0]!.severity).toBe('error');
    expectRule('DEFERRAL_NOT_APPLICABLE', deferral('履行延期特約'), { ...OPTS, claimType: '国民健康保険料' }, true);
    expectRule(
      'DEFERRAL_NOT_APPLICABLE',
      deferral('履行延期特約'),
      { ...OPTS, claimType: '生活保護費返還金（法63条）' },
      false,
    );
  });

  it('takes the classification from a 債権区分 column, and from a 債権名 column', () => {
    expectRule('DEFERRAL_NOT_APPLICABLE', { ...deferral('徴収猶予'), classification: '私債権' }, { asOf: AS_OF }, true);
    expectRule('DEFERRAL_NOT_APPLICABLE', { ...deferral('徴収猶予'), claimType: '水道料金' }, { asOf: AS_OF }, true);
    expectRule('DEFERRAL_NOT_APPLICABLE', { ...deferral('徴収猶予'), claimType: '固定資産税' }, { asOf: AS_OF }, false);
  });

  it('the sheet classification overrides the claim type', () => {
    expectRule('DEFERRAL_NOT_APPLICABLE', deferral('徴収猶予'), { ...OPTS, classification: '私債権' }, true);
  });
});

describe('DEFERRAL_TOO_LONG', () => {
  const tax = (type: string, start: string, end: string): RowSpec => ({
    ...PLEDGE,
    deferralType: type,
    deferralStart: start,
    deferralEnd: end,
  });

  it.each(['徴収猶予', '換価猶予'])('%s ending on addYears(start, 2) fires; the day before does not', (type) => {
    const hits = hitsOf('DEFERRAL_TOO_LONG', tax(type, '2024-04-01', '2026-04-01'), OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEFERRAL_TOO_LONG', field: 'deferralEnd', column: 'L' }]);
    expect(hits[0]!.severity).toBe('warning');
    expectRule('DEFERRAL_TOO_LONG', tax(type, '2024-04-01', '2026-03-31'), OPTS, false);
  });

  it('a 徴収猶予 from Feb 29: addYears(2024-02-29, 2) is 2026-03-01', () => {
    expectRule('DEFERRAL_TOO_LONG', tax('徴収猶予', '2024-02-29', '2026-03-01'), OPTS, true, 'deferralEnd');
    expectRule('DEFERRAL_TOO_LONG', tax('徴収猶予', '2024-02-29', '2026-02-28'), OPTS, false);
  });

  it('履行延期特約 ending on addYears(dueDate, 10) does not fire; the day after does', () => {
    const opts: Opts = { ...OPTS, claimType: '水道料金' };
    const row = (end: string): RowSpec => ({
      ...PLEDGE,
      deferralType: '履行延期特約',
      dueDate: '2015-06-30',
      deferralEnd: end,
    });
    expectRule('DEFERRAL_TOO_LONG', row('2025-06-30'), opts, false);
    expectRule('DEFERRAL_TOO_LONG', row('2025-07-01'), opts, true, 'deferralEnd');
  });

  it('a 履行延期特約 due on Feb 29: addYears(2016-02-29, 10) is 2026-03-01', () => {
    const opts: Opts = { ...OPTS, claimType: '水道料金' };
    const row = (end: string): RowSpec => ({
      ...PLEDGE,
      deferralType: '履行延期特約',
      dueDate: '2016-02-29',
      deferralEnd: end,
    });
    expectRule('DEFERRAL_TOO_LONG', row('2026-03-01'), opts, false);
    expectRule('DEFERRAL_TOO_LONG', row('2026-03-02'), opts, true, 'deferralEnd');
  });

  it('a 分納誓約 has no limit here', () => {
    expectRule('DEFERRAL_TOO_LONG', tax('分納誓約', '2020-01-01', '2035-01-01'), OPTS, false);
  });
});

describe('INSTALLMENT_MISSED', () => {
  const NEXT = '2025-02-28';
  const row: RowSpec = { ...PLEDGE, nextInstallmentDate: NEXT };

  it('does not fire on nextInstallmentDate + 14', () => {
    expect(rulesFiring(row, at(plusDays(NEXT, 14)))).toEqual([]);
  });

  it('fires on nextInstallmentDate + 15', () => {
    const hits = hitsOf('INSTALLMENT_MISSED', row, at(plusDays(NEXT, 15)));
    expect(hits.map(brief)).toEqual([
      { row: 2, rule: 'INSTALLMENT_MISSED', field: 'nextInstallmentDate', column: 'N' },
    ]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ nextInstallmentDate: NEXT, installmentGraceDays: 14 });
    expect(rulesFiring(row, at(plusDays(NEXT, 15)))).toEqual(['INSTALLMENT_MISSED']);
  });

  it('does not fire when nothing is owed, or without a next date', () => {
    expectRule('INSTALLMENT_MISSED', { ...row, paidAmount: 25000, outstanding: 0 }, OPTS, false);
    expectRule('INSTALLMENT_MISSED', { ...row, nextInstallmentDate: null }, OPTS, false);
  });

  it('follows the installmentGraceDays parameter', () => {
    const opts = (asOf: string): Opts => ({ ...at(asOf), params: { installmentGraceDays: 7 } });
    expectRule('INSTALLMENT_MISSED', row, opts(plusDays(NEXT, 7)), false);
    expectRule('INSTALLMENT_MISSED', row, opts(plusDays(NEXT, 8)), true);
  });
});

describe('DEFERRAL_EXPIRED', () => {
  it('does not fire on the last day of the deferral', () => {
    expectRule('DEFERRAL_EXPIRED', { ...PLEDGE, deferralEnd: AS_OF }, OPTS, false);
  });

  it('fires on deferralEnd the day after it ended, while something is owed', () => {
    const hits = hitsOf('DEFERRAL_EXPIRED', { ...PLEDGE, deferralEnd: '2025-03-30' }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DEFERRAL_EXPIRED', field: 'deferralEnd', column: 'L' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ deferralType: '分納誓約', deferralEnd: '2025-03-30' });
  });

  it('does not fire when nothing is owed, or without a deferral type', () => {
    expectRule(
      'DEFERRAL_EXPIRED',
      { ...PLEDGE, deferralEnd: '2025-03-30', paidAmount: 25000, outstanding: 0 },
      OPTS,
      false,
    );
    expectRule('DEFERRAL_EXPIRED', { ...PLEDGE, deferralEnd: '2025-03-30', deferralType: null }, OPTS, false);
  });
});
