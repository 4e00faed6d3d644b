/**
 * The analysis beside the findings (rules.md "Analysis"): 現年度分 / 滞納繰越分, 収納率 to one
 * decimal, aging by whole years since the due date, splits where mapped, skipped and unreadable rows.
 */
import { describe, expect, it } from 'vitest';
import { check, type Opts, type RowSpec } from '../rules/helpers.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '保育料' };

let seq = 0;
const row = (r: RowSpec): RowSpec => ({ debtorId: `Z-${++seq}`, period: `${seq}`, ...r });

const SPLIT_ROWS: RowSpec[] = [
  row({ fiscalYear: 'R6', dueDate: '2024-05-31', assessedAmount: 3000, paidAmount: 2000, outstanding: 1000 }),
  row({ fiscalYear: 'R5', dueDate: '2023-05-31', assessedAmount: 10000, paidAmount: 0, outstanding: 10000 }),
  row({ fiscalYear: null, dueDate: '2025-03-31', assessedAmount: 5000, paidAmount: 5000, outstanding: 0 }),
  row({ fiscalYear: '2023年度', dueDate: '2023-08-31', assessedAmount: 8000, paidAmount: 2000, outstanding: 6000 }),
];

describe('現年度分 / 滞納繰越分', () => {
  it('splits by fiscal year against FY(asOf); a blank fiscal year is FY(dueDate)', () => {
    const a = check(SPLIT_ROWS, OPTS).analysis;
    expect(a.asOf).toBe('2025-03-31');
    expect(a.fiscalYear).toBe(2024);
    expect(a.current).toEqual({ count: 2, assessed: 8000, paid: 7000, outstanding: 1000, collectionRate: 87.5 });
    expect(a.arrears).toEqual({ count: 2, assessed: 18000, paid: 2000, outstanding: 16000, collectionRate: 11.1 });
    expect(a.total).toEqual({ count: 4, assessed: 26000, paid: 9000, outstanding: 17000, collectionRate: 34.6 });
  });

  it('on 2025-04-01 FY2025 begins and every FY2024 row is 滞納繰越分', () => {
    const a = check(SPLIT_ROWS, { ...OPTS, asOf: '2025-04-01' }).analysis;
    expect(a.fiscalYear).toBe(2025);
    expect(a.current.count).toBe(0);
    expect(a.current.assessed).toBe(0);
    expect(a.arrears).toMatchObject({ count: 4, assessed: 26000, paid: 9000, outstanding: 17000 });
  });

  it('reads fiscal years as meant: 令和6年度, R6 and 2024 are all 現年度分', () => {
    const rows = ['令和6年度', 'R6', 2024, '２０２４'].map((fy) =>
      row({ fiscalYear: fy, dueDate: '2024-05-31', assessedAmount: 1000, paidAmount: 0, outstanding: 1000 }),
    );
    const a = check(rows, OPTS).analysis;
    expect(a.current.count).toBe(4);
    expect(a.arrears.count).toBe(0);
  });

  it('uses the derived outstanding where the sheet has no 収入未済額 column', () => {
    const rows = [
      row({
        fiscalYear: 'R6',
        dueDate: '2024-05-31',
        assessedAmount: 10000,
        paidAmount: 4000,
        writtenOffAmount: 1000,
        writeOffDate: '2025-03-01',
      }),
    ];
    expect(check(rows, OPTS).analysis.current).toMatchObject({ count: 1, outstanding: 5000 });
  });
});

describe('収納率', () => {
  const rate = (assessed: number, paid: number) =>
    check(
      [
        row({
          fiscalYear: 'R6',
          dueDate: '2024-05-31',
          assessedAmount: assessed,
          paidAmount: paid,
          outstanding: assessed - paid,
        }),
      ],
      OPTS,
    ).analysis.current.collectionRate;

  it('is paid ÷ assessed × 100 to one decimal', () => {
    expect(rate(3000, 2000)).toBe(66.7);
    expect(rate(3000, 1000)).toBe(33.3);
    expect(rate(8000, 1000)).toBe(12.5);
    expect(rate(10000, 10000)).toBe(100);
    expect(rate(10000, 0)).toBe(0);
  });

  it('rounds half up on the exact figures (四捨五入), with no floating-point drift', () => {
    expect(rate(2000, 1)).toBe(0.1); // 0.05
    expect(rate(2000, 1001)).toBe(50.1); // 50.05
    expect(rate(2000, 1999)).toBe(100); // 99.95
    expect(rate(20000, 1)).toBe(0); // 0.005
  });
});

describe('aging by whole years since the due date', () => {
  const owing = (dueDate: string, outstanding: number) =>
    row({ fiscalYear: null, dueDate, assessedAmount: outstanding, paidAmount: 0, outstanding });

  it('puts each owing row in [0,1) [1,2) [2,3) [3,4) [4,5) [5,∞); exactly one year is 1-2', () => {
    const rows = [
      owing('2025-03-31', 1), // 0 years
      owing('2024-04-01', 2), // 364 days
      owing('2024-03-31', 10), // exactly 1 year
      owing('2023-04-01', 20), // 1 year 364 days
      owing('2023-03-31', 100), // exactly 2
      owing('2022-03-31', 1000), // 3
      owing('2021-03-31', 10000), // 4
      owing('2020-04-01', 20000), // 4 years 364 days
      owing('2020-03-31', 100000), // 5
      owing('2015-01-01', 200000), // 10
    ];
    const aging = check(rows, OPTS).analysis.aging;
    expect(aging.map((b) => [b.fromYears, b.toYears, b.outstanding])).toEqual([
      [0, 1, 3],
      [1, 2, 30],
      [2, 3, 100],
      [3, 4, 1000],
      [4, 5, 30000],
      [5, null, 300000],
    ]);
    expect(aging.map((b) => b.count)).toEqual([2, 2, 1, 1, 2, 2]);
  });

  it('a row that owes nothing adds no outstanding to any bucket', () => {
    const rows = [
      row({ fiscalYear: null, dueDate: '2022-03-31', assessedAmount: 5000, paidAmount: 5000, outstanding: 0 }),
      owing('2022-03-31', 7),
    ];
    const aging = check(rows, OPTS).analysis.aging;
    expect(aging.map((b) => b.outstanding)).toEqual([0, 0, 0, 7, 0, 0]);
  });
});

describe('unreadable and skipped rows', () => {
  it('leaves a row with an unreadable amount out of every total, and counts it', () => {
    const rows = [
      row({ fiscalYear: 'R6', dueDate: '2024-05-31', assessedAmount: 1000, paidAmount: 0, outstanding: 1000 }),
      row({ fiscalYear: 'R6', dueDate: '2024-05-31', assessedAmount: 'abc', paidAmount: 0, outstanding: 500 }),
      row({ fiscalYear: 'R5', dueDate: '2023-05-31', assessedAmount: 2000, paidAmount: -100, outstanding: 2100 }),
      row({ fiscalYear: 'R5', dueDate: '2023-05-31', assessedAmount: 2000, paidAmount: 0, outstanding: '2,000.5' }),
    ];
    const result = check(rows, OPTS);
    expect(result.summary.rows).toEqual({ total: 4, checked: 4, blank: 0, totals: 0, unreadable: 3 });
    expect(result.analysis.total).toEqual({ count: 1, assessed: 1000, paid: 0, outstanding: 1000, collectionRate: 0 });
    expect(result.analysis.arrears.count).toBe(0);
    expect(result.analysis.aging.reduce((s, b) => s + b.outstanding, 0)).toBe(1000);
  });

  it('a row with an unreadable date but readable amounts stays in the totals', () => {
    const rows = [
      row({
        fiscalYear: 'R6',
        dueDate: '2024-05-31',
        assessedAmount: 1000,
        paidAmount: 0,
        outstanding: 1000,
        demandDate: '督促済',
      }),
    ];
    const result = check(rows, OPTS);
    expect(result.summary.rows.unreadable).toBe(0);
    expect(result.analysis.total).toMatchObject({ count: 1, assessed: 1000, outstanding: 1000 });
  });

  it('counts blank and totals rows as skipped, outside the totals', () => {
    const rows = [
      row({ fiscalYear: 'R6', dueDate: '2024-05-31', assessedAmount: 1000, paidAmount: 0, outstanding: 1000 }),
      null,
      { debtorId: '小計', assessedAmount: 1000, paidAmount: 0, outstanding: 1000 },
      null,
      { debtorId: '合計', assessedAmount: 1000, paidAmount: 0, outstanding: 1000 },
    ];
    const result = check(rows, OPTS);
    expect(result.summary.rows).toEqual({ total: 5, checked: 1, blank: 2, totals: 2, unreadable: 0 });
    expect(result.analysis.total).toMatchObject({ count: 1, assessed: 1000, outstanding: 1000 });
  });
});

describe('by income bracket (and by dunning method: channels.test.ts)', () => {
  const base = { fiscalYear: 'R6', dueDate: '2024-05-31', assessedAmount: 1000, paidAmount: 0 };

  it('are null where the sheet has no such column', () => {
    const a = check([row({ ...base, outstanding: 1000 })], OPTS).analysis;
    expect(a.byIncomeBracket).toBeNull();
    expect(a.channels.dunningMethod).toBeNull();
  });

  it('split count and outstanding by value where mapped', () => {
    const rows = [
      row({ ...base, outstanding: 1000, incomeBracket: 'A階層', dunningMethod: '文書' }),
      row({ ...base, outstanding: 600, incomeBracket: 'A階層', dunningMethod: '電話' }),
      row({ ...base, outstanding: 400, incomeBracket: 'B階層', dunningMethod: '文書' }),
    ];
    const a = check(rows, OPTS).analysis;
    const pick = (s: typeof a.byIncomeBracket, key: string) => s?.find((x) => x.key === key);
    expect(pick(a.byIncomeBracket, 'A階層')).toMatchObject({ count: 2, outstanding: 1600 });
    expect(pick(a.byIncomeBracket, 'B階層')).toMatchObject({ count: 1, outstanding: 400 });
    expect(a.channels.dunningMethod?.find((x) => x.key === '文書')).toMatchObject({ count: 2, outstanding: 1400 });
    expect(a.channels.dunningMethod?.find((x) => x.key === '電話')).toMatchObject({ count: 1, outstanding: 600 });
  });

  it('one of the two may be mapped without the other', () => {
    const a = check([row({ ...base, outstanding: 1000, dunningMethod: 'SMS' })], OPTS).analysis;
    expect(a.byIncomeBracket).toBeNull();
    expect(a.channels.dunningMethod?.find((x) => x.key === 'SMS')).toMatchObject({ count: 1, outstanding: 1000 });
  });
});
