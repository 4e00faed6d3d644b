import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../../domain/fields/header.js';
import { calculateLateCharge } from '../../../domain/late-charge/calculate.js';
import { profileOf } from '../../../domain/late-charge/profile.js';
import { buildWorklist, readContacts } from '../../../domain/worklist/index.js';
import { day, finding, ledgerRow } from './helpers.js';

const AS_OF = day('2025-03-31');

describe('one item per debtor', () => {
  it('groups ids that mean the same: 全角 digits, half- and full-width spaces', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: '１００２', outstanding: 1_000 }),
        ledgerRow({ row: 3, debtorId: ' 1002 ', outstanding: 2_000 }),
        ledgerRow({ row: 4, debtorId: '\u30001002\u3000', outstanding: 4_000 }),
        ledgerRow({ row: 5, debtorId: '1003' }),
      ],
      findings: [finding(3, 'DEMAND_MISSING'), finding(5, 'CONTACT_STALE')],
      asOf: AS_OF,
    });
    expect(items.map((i) => [i.debtorId, i.rows, i.outstanding])).toEqual([
      ['1002', [2, 3, 4], 7_000],
      ['1003', [5], 10_000],
    ]);
  });

  it('leaves out rows fully paid, written off, or without a debtor id', () => {
    const rows = [
      ledgerRow({ row: 2, debtorId: 'PAID', outstanding: 0 }),
      ledgerRow({ row: 3, debtorId: 'WO', v: { writeOffDate: day('2024-03-31') } }),
      ledgerRow({ row: 4, debtorId: 'WO2', v: { writtenOffAmount: 10_000 } }),
      ledgerRow({ row: 5, debtorId: null }),
      ledgerRow({ row: 6, debtorId: '－' }), // a dash reads as blank; the reader would have given null
      // A paid row joins no item, even its debtor's: its amount and rules stay off the list.
      ledgerRow({ row: 7, debtorId: 'OPEN', outstanding: 0 }),
      ledgerRow({ row: 8, debtorId: 'OPEN' }),
    ];
    const items = buildWorklist({
      rows,
      findings: [2, 3, 4, 5, 6, 7].map((r) => finding(r, 'HARDSHIP_NO_REFERRAL')).concat(finding(8, 'CONTACT_STALE')),
      asOf: AS_OF,
    });
    expect(items.map((i) => [i.debtorId, i.rows, i.rules])).toEqual([['OPEN', [8], ['CONTACT_STALE']]]);
  });

  it('a debtor whose findings are all outside the table forms no item', () => {
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'A' }), ledgerRow({ row: 3, debtorId: 'B' })],
      findings: [finding(2, 'BALANCE_MISMATCH'), finding(2, 'DEMAND_LATE'), finding(3, 'DUPLICATE_ROW')],
      asOf: AS_OF,
    });
    expect(items).toEqual([]);
  });

  it('an open row without findings still belongs to its debtor item (rows, outstanding)', () => {
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'A' }), ledgerRow({ row: 3, debtorId: 'A', outstanding: 500 })],
      findings: [finding(2, 'EARLY_DUNNING')],
      asOf: AS_OF,
    });
    expect(items[0]).toMatchObject({ rows: [2, 3], outstanding: 10_500 });
  });
});

describe('what an item holds', () => {
  it('the contact from the first row that has each field', () => {
    const grid = [
      ['債務者番号', '氏名', '住所', '電話番号', '納期限', '調定額'],
      ['A', '見本 太郎', null, null, '2024/4/30', 1000],
      ['A', '見本 別名', '市内1-1', '０９０', '2024/5/31', 1000],
    ];
    const mapping = detectHeader(grid)!;
    const contacts = readContacts(grid, mapping);
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'A' }), ledgerRow({ row: 3, debtorId: 'A' })],
      findings: [finding(2, 'CONTACT_STALE')],
      asOf: AS_OF,
      contacts,
    });
    expect(items[0]!.personal).toEqual({ name: '見本 太郎', address: '市内1-1', phone: '090' });
  });

  it('no contact where the sheet maps none', () => {
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'A' })],
      findings: [finding(2, 'CONTACT_STALE')],
      asOf: AS_OF,
    });
    expect(items[0]!.personal).toEqual({ name: null, address: null, phone: null });
  });

  it('the last dunning: the latest date among the rows, with its method', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'A', v: { lastDunningDate: day('2024-06-01'), dunningMethod: '臨戸' } }),
        ledgerRow({ row: 3, debtorId: 'A', v: { lastDunningDate: day('2024-09-01'), dunningMethod: '電話' } }),
        ledgerRow({ row: 4, debtorId: 'B', v: { dunningMethod: '文書' } }),
        ledgerRow({ row: 5, debtorId: 'C' }),
      ],
      findings: [finding(2, 'ESCALATION_DUE'), finding(4, 'ESCALATION_DUE'), finding(5, 'ESCALATION_DUE')],
      asOf: AS_OF,
    });
    expect(items.map((i) => [i.debtorId, i.lastDunning])).toEqual([
      ['A', { method: '電話', date: day('2024-09-01') }],
      ['B', { method: '文書', date: null }],
      ['C', null],
    ]);
  });

  it('the late-charge estimate: the sum of the rows the estimator can price, by default the built-in profiles', () => {
    const rows = [
      ledgerRow({ row: 2, debtorId: 'A', outstanding: 100_000, v: { claimType: '保育料' } }),
      ledgerRow({ row: 3, debtorId: 'A', outstanding: 50_000, v: { claimType: '保育料' } }),
      ledgerRow({ row: 4, debtorId: 'A', outstanding: 7_000, due: null }),
      ledgerRow({ row: 5, debtorId: 'B', outstanding: 1_000 }),
    ];
    const findings = [finding(2, 'CONTACT_STALE'), finding(5, 'CONTACT_STALE')];
    // Built in: 強制徴収公債権 is tax-like; B's 1,000 yen is under the 2,000-yen threshold (0, not null).
    const taxLike = (principal: number) =>
      calculateLateCharge({ principal, dueDate: day('2024-04-30'), paidOn: AS_OF }, profileOf({ kind: 'tax-like' }))!
        .total;
    expect(buildWorklist({ rows, findings, asOf: AS_OF }).map((i) => i.lateChargeEstimate)).toEqual([
      taxLike(100_000) + taxLike(50_000),
      0,
    ]);
    expect(taxLike(100_000)).toBeGreaterThan(0);

    const seen: number[] = [];
    const items = buildWorklist({
      rows,
      findings,
      asOf: AS_OF,
      estimateLateCharge: (row) => {
        seen.push(row.row);
        return row.outstanding! >= 2_000 ? row.outstanding! / 100 : null;
      },
    });
    expect(items.map((i) => [i.debtorId, i.lateChargeEstimate])).toEqual([
      ['A', 1_500],
      ['B', null],
    ]);
    expect(seen.sort()).toEqual([2, 3, 5]); // the row without a due date is not priced
  });
});
