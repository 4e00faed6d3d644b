/**
 * The analysis's 未収金の状況: the classes under 回収債権 (①②③) and 整理債権 (④⑤⑥⑦), then 分類できない,
 * with subtotals and a total equal to the amount owing; names in Japanese and English.
 */
import { describe, expect, it } from 'vitest';
import { statusClassName, statusGroupName, statusSplit } from '../../../domain/analysis/status-split.js';
import { STATUS_DEFS, STATUS_KEYS } from '../../../domain/status/classify.js';
import { check, type RowSpec } from '../rules/helpers.js';

const OPTS = { asOf: '2025-03-31', claimType: '市民税' };

let seq = 0;
const owing = (amount: number, r: RowSpec = {}): RowSpec => ({
  debtorId: `S-${++seq}`,
  period: `${seq}`,
  fiscalYear: 'R5',
  dueDate: '2023-05-31',
  assessedAmount: amount,
  paidAmount: 0,
  outstanding: amount,
  demandDate: '2023-06-20',
  ...r,
});

const ROWS: RowSpec[] = [
  owing(1000, { seized: '○' }), // ①
  owing(2000, { deferralType: '分納誓約', deferralStart: '2024-04-01', deferralEnd: '2026-03-31' }), // ②
  owing(3000), // ③
  owing(4000), // ③
  owing(5000, { propertySearchResult: '財産なし' }), // ④
  owing(6000, { collectionStopDate: '2024-10-01' }), // ⑤
  owing(7000, { prescriptionDate: '2025-01-31' }), // ⑥
  owing(8000, { hardship: '○' }), // ⑦
  owing(9000, { demandDate: null }), // 分類できない
  owing(500, { paidAmount: 500, outstanding: 0 }), // owes nothing: in no class
];

describe('statusSplit', () => {
  const a = check(ROWS, OPTS).analysis;
  const split = statusSplit(a);

  it('groups ①②③ as 回収債権 and ④⑤⑥⑦ as 整理債権, as the class definitions say', () => {
    expect(split.groups.map((g) => [g.group, g.lines.map((l) => STATUS_DEFS[l.key].mark)])).toEqual([
      ['回収債権', ['①', '②', '③']],
      ['整理債権', ['④', '⑤', '⑥', '⑦']],
      ['分類できない', ['']],
    ]);
    for (const g of split.groups) for (const l of g.lines) expect(STATUS_DEFS[l.key].group).toBe(g.group);
    expect(split.groups.flatMap((g) => g.lines.map((l) => l.key)).sort()).toEqual([...STATUS_KEYS].sort());
  });

  it('gives count and amount per class, subtotals per group, and a total equal to the amount owing', () => {
    const [collect, cleanUp, unclassified] = split.groups;
    expect(collect!.lines.map((l) => [l.count, l.outstanding])).toEqual([
      [1, 1000],
      [1, 2000],
      [2, 7000],
    ]);
    expect(collect).toMatchObject({ count: 4, outstanding: 10000 });
    expect(cleanUp).toMatchObject({ count: 4, outstanding: 26000 });
    expect(unclassified).toMatchObject({ count: 1, outstanding: 9000 });
    expect(split).toMatchObject({ count: 9, outstanding: 45000, notInSplit: 0 });
    expect(split.outstanding).toBe(a.total.outstanding);
    expect(split.outstanding).toBe(a.status.revenue.outstanding);
  });

  it('says how much rows paid beyond their amount take off the total (they owe nothing, so are in no class)', () => {
    // No 収入未済額 column: the derived balance of an overpaid row is below zero.
    const rows = [owing(1000, { outstanding: undefined }), owing(1000, { paidAmount: 1300, outstanding: undefined })];
    const b = check(rows, { ...OPTS, omit: ['outstanding'] }).analysis;
    const s = statusSplit(b);
    expect(b.total.outstanding).toBe(700);
    expect(s.outstanding).toBe(1000);
    expect(s.notInSplit).toBe(-300);
  });

  it('is all zeros on a ledger where nothing is owed', () => {
    const s = statusSplit(check([owing(500, { paidAmount: 500, outstanding: 0 })], OPTS).analysis);
    expect(s).toMatchObject({ count: 0, outstanding: 0, notInSplit: 0 });
  });
});

describe('names', () => {
  it('are the published Japanese, with the mark, and English in English', () => {
    expect(statusClassName('seized', 'ja')).toBe('① 差押中');
    expect(statusClassName('seized', 'en')).toBe('① Seized');
    expect(statusClassName('unclassified', 'ja')).toBe('分類できない');
    expect(statusGroupName('整理債権', 'ja')).toBe('整理債権');
    expect(statusGroupName('回収債権', 'en')).toBe('Being collected');
  });
});
