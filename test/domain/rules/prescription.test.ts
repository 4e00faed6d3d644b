/**
 * Prescription (時効: 地方自治法236条, 民法166条・152条): rules.md "Prescription", and the
 * computation of `prescriptionEnd` it defines.
 *
 * `expectEnd` pins a computed prescriptionEnd from the rules' behaviour alone: on that day
 * PRESCRIPTION_IMMINENT fires and the claim has not expired; the day after it has expired.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../domain/rules/rule.js';
import { brief, expectRule, hitsOf, plusDays, type Opts, type RowSpec } from './helpers.js';

const PUBLIC: RuleId = 'PRESCRIPTION_EXPIRED_PUBLIC';
const PRIVATE: RuleId = 'PRESCRIPTION_EXPIRED_PRIVATE';

function expectEnd(row: RowSpec, opts: Opts, end: string, expired: RuleId): void {
  const on: Opts = { ...opts, asOf: end };
  const after: Opts = { ...opts, asOf: plusDays(end, 1) };
  expectRule('PRESCRIPTION_IMMINENT', row, on, true, 'dueDate');
  expect(hitsOf('PRESCRIPTION_IMMINENT', row, on)[0]!.params.prescriptionEnd).toBe(end);
  expectRule(expired, row, on, false);
  expectRule(expired, row, after, true, 'outstanding');
  expectRule('PRESCRIPTION_IMMINENT', row, after, false);
}

const HOIKU: Opts = { claimType: '保育料' }; // 強制徴収公債権, 5 years
const WATER: Opts = { claimType: '水道料金' }; // 私債権, 5 years; 2 before 2020-04-01

const owing = (dueDate: string, extra: RowSpec = {}): RowSpec => ({
  debtorId: 'P-1',
  assessedAmount: 10000,
  dueDate,
  paidAmount: 0,
  outstanding: 10000,
  ...extra,
});

describe('prescriptionEnd: from the due date', () => {
  it('5 years: due 2024-03-31 → ends 2029-03-31', () => {
    expectEnd(owing('2024-03-31'), HOIKU, '2029-03-31', PUBLIC);
  });

  it('due 2020-02-28 → start 2020-02-29 → 5 years on ends 2025-02-28 (民法143条)', () => {
    expectEnd(owing('2020-02-28'), HOIKU, '2025-02-28', PUBLIC);
  });

  it('due 2019-02-28 → start 2019-03-01 → ends on the leap day 2024-02-29', () => {
    expectEnd(owing('2019-02-28'), HOIKU, '2024-02-29', PUBLIC);
  });

  it('2 years (国民健康保険料): due 2020-02-28 → ends 2022-02-28', () => {
    expectEnd(owing('2020-02-28'), { claimType: '国民健康保険料' }, '2022-02-28', PUBLIC);
    expectEnd(owing('2023-05-31'), { claimType: '国民健康保険料' }, '2025-05-31', PUBLIC);
  });

  it('a claim type the table does not know takes 5 years', () => {
    expectEnd(
      owing('2019-06-30'),
      { claimType: '謎の手数料', classification: '非強制徴収公債権' },
      '2024-06-30',
      PUBLIC,
    );
  });

  it('the sheet may override the period', () => {
    expectEnd(owing('2020-06-30'), { ...HOIKU, prescriptionYears: 3 }, '2023-06-30', PUBLIC);
  });

  it('the claim type may come from a 債権名 column', () => {
    expectEnd(owing('2020-03-31', { claimType: '水道料金' }), {}, '2022-03-31', PRIVATE);
  });
});

describe('prescriptionEnd: the old Civil Code for 私債権 that arose before 2020-04-01', () => {
  it('水道料金 due 2020-03-31 takes 2 years; due 2020-04-01 takes 5', () => {
    expectEnd(owing('2020-03-31'), WATER, '2022-03-31', PRIVATE);
    expectEnd(owing('2020-04-01'), WATER, '2025-04-01', PRIVATE);
  });

  it('病院診療費 before the revision takes 3 years, 貸付金 10, 市営住宅使用料 5', () => {
    expectEnd(owing('2019-09-30'), { claimType: '病院診療費' }, '2022-09-30', PRIVATE);
    expectEnd(owing('2015-03-31'), { claimType: '貸付金（奨学金・福祉資金等）' }, '2025-03-31', PRIVATE);
    expectEnd(owing('2019-03-31'), { claimType: '市営住宅使用料' }, '2024-03-31', PRIVATE);
  });

  it('keeps the old period after a renewal: 水道料金 due 2019-12-31, acknowledged 2021-06-30 → 2023-06-30', () => {
    expectEnd(owing('2019-12-31', { acknowledgementDate: '2021-06-30' }), WATER, '2023-06-30', PRIVATE);
  });
});

describe('prescriptionEnd: renewals', () => {
  it('公債権: the 督促 renews from its deadline (demandDate + 10) + 1', () => {
    // The worked example's H-105: demanded 2019-07-12, deadline 07-22, ended 2024-07-22.
    expectEnd(owing('2019-07-01', { demandDate: '2019-07-12' }), HOIKU, '2024-07-22', PUBLIC);
  });

  it('公債権: an explicit 督促指定期限 is used instead of demandDate + 10', () => {
    expectEnd(
      owing('2019-07-01', { demandDate: '2019-07-12', demandDeadline: '2019-07-31' }),
      HOIKU,
      '2024-07-31',
      PUBLIC,
    );
  });

  it('公債権: the demandTermDays parameter sets the deadline', () => {
    const opts: Opts = { ...HOIKU, params: { demandTermDays: 15 } };
    expectEnd(owing('2019-07-01', { demandDate: '2019-07-12' }), opts, '2024-07-27', PUBLIC);
  });

  it('a 督促指定期限 without a demand date renews nothing', () => {
    expectEnd(owing('2019-07-01', { demandDeadline: '2019-07-31' }), HOIKU, '2024-07-01', PUBLIC);
  });

  it('非強制徴収公債権: the demand renews too', () => {
    expectEnd(owing('2021-05-31', { demandDate: '2021-06-15' }), { claimType: '行政財産使用料' }, '2026-06-25', PUBLIC);
  });

  it('私債権: the demand renews nothing', () => {
    expectEnd(owing('2021-05-31', { demandDate: '2021-06-15' }), HOIKU, '2026-06-25', PUBLIC);
    expectEnd(owing('2021-05-31', { demandDate: '2021-06-15' }), WATER, '2026-05-31', PRIVATE);
    expectEnd(
      owing('2021-05-31', { demandDate: '2021-06-15', demandDeadline: '2021-06-30' }),
      WATER,
      '2026-05-31',
      PRIVATE,
    );
  });

  it('an acknowledgement renews every kind: from acknowledgementDate + 1', () => {
    expectEnd(owing('2018-05-31', { acknowledgementDate: '2022-01-10' }), HOIKU, '2027-01-10', PUBLIC);
    expectEnd(owing('2021-05-31', { acknowledgementDate: '2023-02-01' }), WATER, '2028-02-01', PRIVATE);
  });

  it('a partial payment renews: lastPaymentDate + 1 where paid > 0 and outstanding > 0', () => {
    const paid = { paidAmount: 1000, outstanding: 9000, lastPaymentDate: '2022-01-10' };
    expectEnd(owing('2018-05-31', paid), HOIKU, '2027-01-10', PUBLIC);
    expectEnd(owing('2021-05-31', paid), WATER, '2027-01-10', PRIVATE);
  });

  it('a payment date with nothing paid renews nothing', () => {
    expectEnd(owing('2018-05-31', { paidAmount: 0, lastPaymentDate: '2022-01-10' }), HOIKU, '2023-05-31', PUBLIC);
    expectEnd(owing('2018-05-31', { paidAmount: null, lastPaymentDate: '2022-01-10' }), HOIKU, '2023-05-31', PUBLIC);
  });

  it('a paid amount derived with no outstanding column still renews', () => {
    const row = owing('2018-05-31', { paidAmount: 1000, lastPaymentDate: '2022-01-10' });
    expectEnd(row, { ...HOIKU, omit: ['outstanding'] }, '2027-01-10', PUBLIC);
  });

  it('the latest start wins', () => {
    const row = owing('2019-07-01', {
      demandDate: '2019-07-12',
      acknowledgementDate: '2020-01-10',
      paidAmount: 1000,
      outstanding: 9000,
      lastPaymentDate: '2021-03-05',
    });
    expectEnd(row, HOIKU, '2026-03-05', PUBLIC);
    expectEnd({ ...row, acknowledgementDate: '2021-03-06' }, HOIKU, '2026-03-06', PUBLIC);
    expectEnd({ ...row, acknowledgementDate: null, lastPaymentDate: '2019-07-01' }, HOIKU, '2024-07-22', PUBLIC);
  });

  it('the 時効完成予定日 cell wins over the computed date, later or earlier', () => {
    expectEnd(owing('2018-05-31', { prescriptionDate: '2030-01-01' }), HOIKU, '2030-01-01', PUBLIC);
    expectEnd(
      owing('2023-05-31', { acknowledgementDate: '2024-01-01', prescriptionDate: '2025-06-30' }),
      HOIKU,
      '2025-06-30',
      PUBLIC,
    );
    expectEnd(owing('2023-05-31', { prescriptionDate: '令和7年6月30日' }), WATER, '2025-06-30', PRIVATE);
  });
});

describe('PRESCRIPTION_IMMINENT', () => {
  const AS_OF = '2025-03-31';
  const opts: Opts = { ...HOIKU, asOf: AS_OF };
  const ending = (end: string): RowSpec =>
    owing('2023-05-31', { prescriptionDate: end, lastContactDate: '2025-03-01', demandDate: '2023-06-10' });

  it('fires on dueDate when prescriptionEnd = asOf', () => {
    const hits = hitsOf('PRESCRIPTION_IMMINENT', ending(AS_OF), opts);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'PRESCRIPTION_IMMINENT', field: 'dueDate', column: 'C' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ prescriptionEnd: AS_OF });
  });

  it('fires when prescriptionEnd = asOf + 179, not + 180', () => {
    expectRule('PRESCRIPTION_IMMINENT', ending(plusDays(AS_OF, 179)), opts, true, 'dueDate');
    expectRule('PRESCRIPTION_IMMINENT', ending(plusDays(AS_OF, 180)), opts, false);
  });

  it('does not fire once the period has ended (asOf − 1)', () => {
    expectRule('PRESCRIPTION_IMMINENT', ending(plusDays(AS_OF, -1)), opts, false);
  });

  it('follows the prescriptionWarnDays parameter', () => {
    const o: Opts = { ...opts, params: { prescriptionWarnDays: 30 } };
    expectRule('PRESCRIPTION_IMMINENT', ending(plusDays(AS_OF, 29)), o, true);
    expectRule('PRESCRIPTION_IMMINENT', ending(plusDays(AS_OF, 30)), o, false);
  });

  it('does not fire when nothing is owed', () => {
    expectRule('PRESCRIPTION_IMMINENT', { ...ending(AS_OF), paidAmount: 10000, outstanding: 0 }, opts, false);
  });

  it('fires for 私債権 too', () => {
    expectRule('PRESCRIPTION_IMMINENT', ending(AS_OF), { ...opts, claimType: '水道料金' }, true);
  });

  it('an unreadable 時効完成予定日 is INVALID_DATE, and no prescription rule runs on it', () => {
    const row = owing('2018-05-31', {
      prescriptionDate: '令和7年2月30日',
      lastContactDate: '2025-03-01',
      demandDate: '2018-06-10',
    });
    expect(hitsOf('INVALID_DATE', row, opts).map((f) => f.field)).toEqual(['prescriptionDate']);
    expectRule(PUBLIC, row, opts, false);
    expectRule('PRESCRIPTION_IMMINENT', row, opts, false);
  });
});

describe('PRESCRIPTION_EXPIRED_PUBLIC', () => {
  const opts: Opts = { ...HOIKU, asOf: '2025-03-31' };
  const row = owing('2019-07-01', { demandDate: '2019-07-12' }); // ended 2024-07-22

  it('fires on outstanding for a 強制徴収公債権 past its period', () => {
    const hits = hitsOf(PUBLIC, row, opts);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: PUBLIC, field: 'outstanding', column: 'E' }]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ prescriptionEnd: '2024-07-22' });
    expectRule(PRIVATE, row, opts, false);
  });

  it('fires for a 非強制徴収公債権', () => {
    expectRule(PUBLIC, row, { ...opts, claimType: '生活保護費返還金（法63条）' }, true, 'outstanding');
  });

  it('does not fire once written off, or when nothing is owed', () => {
    const writtenOff = { ...row, writeOffDate: '2024-08-01', writtenOffAmount: 10000, outstanding: 0 };
    expectRule(PUBLIC, writtenOff, opts, false);
    expectRule(PUBLIC, { ...row, writeOffDate: '2024-08-01', writtenOffAmount: 5000, outstanding: 5000 }, opts, false);
    expectRule(PUBLIC, { ...row, paidAmount: 10000, outstanding: 0 }, opts, false);
  });

  it('does not fire for a claim of unknown classification', () => {
    expectRule(PUBLIC, row, { asOf: '2025-03-31', claimType: '謎の手数料' }, false);
    expectRule(PRIVATE, row, { asOf: '2025-03-31', claimType: '謎の手数料' }, false);
  });
});

describe('PRESCRIPTION_EXPIRED_PRIVATE', () => {
  const opts: Opts = { ...WATER, asOf: '2025-03-31' };
  const row = owing('2019-12-31'); // 2 years: ended 2021-12-31

  it('fires on outstanding for a 私債権 past its period (a warning: invocation decides)', () => {
    const hits = hitsOf(PRIVATE, row, opts);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: PRIVATE, field: 'outstanding', column: 'E' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ prescriptionEnd: '2021-12-31' });
    expectRule(PUBLIC, row, opts, false);
  });

  it('does not fire once written off, or when nothing is owed', () => {
    expectRule(PRIVATE, { ...row, writeOffDate: '2024-08-01', writtenOffAmount: 5000, outstanding: 5000 }, opts, false);
    expectRule(PRIVATE, { ...row, paidAmount: 10000, outstanding: 0 }, opts, false);
  });

  it('the sheet classification decides: 私債権 by option', () => {
    expectRule(PRIVATE, owing('2019-07-01'), { asOf: '2025-03-31', classification: '私債権' }, true);
    expectRule(PUBLIC, owing('2019-07-01'), { asOf: '2025-03-31', classification: '私債権' }, false);
  });
});
