/**
 * 未収金の状況 (domain/status/classify.ts): each class from a ledger's cells, each edge of the
 * precedence ⑥ ⑤ ⑦ ④ ① ② ③, rows the ledger cannot classify, and, over random ledgers, every row
 * owing counted once with the classes summing to the amount owing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_KEYS, STATUS_PRECEDENCE, type StatusClass, type StatusOf } from '../../../domain/status/classify.js';
import type { RowSpec } from '../rules/helpers.js';
import { check } from '../rules/helpers.js';

const OPTS = { asOf: '2025-03-31', claimType: '市民税' };

/** Owing since 2023, a 督促 sent: prescription ends in 2028. */
const BASE: RowSpec = {
  debtorId: 'A-1',
  fiscalYear: 'R5',
  dueDate: '2023-05-31',
  assessedAmount: 10_000,
  paidAmount: 0,
  outstanding: 10_000,
};
const DEMANDED: RowSpec = { ...BASE, demandDate: '2023-06-20' };

/** The class of a one-row ledger, or null when the row is in none. */
function classOf(spec: RowSpec): StatusOf | null {
  const { byClass } = check([spec], OPTS).analysis.status;
  const hit = STATUS_KEYS.filter((k) => byClass[k].count > 0);
  expect(hit.length).toBeLessThanOrEqual(1);
  return hit[0] ?? null;
}

describe('each class', () => {
  it.each<[string, RowSpec, StatusOf]>([
    ['⑥ a 時効完成予定日 passed', { ...DEMANDED, prescriptionDate: '2025-01-31' }, 'prescribed'],
    [
      '⑥ the period run out without a date written (due 2018, nothing since)',
      { ...BASE, dueDate: '2018-05-31', fiscalYear: 'H30' },
      'prescribed',
    ],
    ['⑤ 執行停止日', { ...DEMANDED, suspensionDate: '2024-10-01', suspensionType: '1号' }, 'stopped'],
    ['⑤ 執行停止区分 without its day', { ...DEMANDED, suspensionType: '即時消滅' }, 'stopped'],
    ['⑤ 徴収停止日', { ...DEMANDED, collectionStopDate: '2024-10-01' }, 'stopped'],
    ['⑦ 生活困窮', { ...DEMANDED, hardship: '○' }, 'hardship'],
    ['④ 財産なし', { ...DEMANDED, propertySearchResult: '財産なし' }, 'nothingToRecover'],
    ['④ 所在不明', { ...DEMANDED, whereaboutsUnknown: '○' }, 'nothingToRecover'],
    ['① 差押日', { ...DEMANDED, seizureDate: '2024-12-01' }, 'seized'],
    ['① 差押 ticked', { ...DEMANDED, seized: '○' }, 'seized'],
    ['① a day written under 差押', { ...DEMANDED, seized: '2024/12/1' }, 'seized'],
    [
      '② 分納誓約 in force',
      { ...DEMANDED, deferralType: '分納誓約', deferralStart: '2024-04-01', deferralEnd: '2026-03-31' },
      'deferred',
    ],
    ['② 分納誓約 begun, no end named', { ...DEMANDED, deferralType: '分納', deferralStart: '2024-04-01' }, 'deferred'],
    ['③ 督促 only', DEMANDED, 'dunning'],
    ['③ a 催告', { ...BASE, lastDunningDate: '2024-06-01' }, 'dunning'],
    ['③ a 交渉', { ...BASE, lastContactDate: '2024-06-01' }, 'dunning'],
    ['③ 弁護士委任', { ...BASE, lawyerDelegated: '○' }, 'dunning'],
    ['分類できない: nothing recorded', BASE, 'unclassified'],
  ])('%s', (_name, spec, expected) => {
    expect(classOf(spec)).toBe(expected);
  });

  it('a row owing nothing is in no class', () => {
    expect(classOf({ ...DEMANDED, paidAmount: 10_000, outstanding: 0, lastPaymentDate: '2024-01-10' })).toBeNull();
  });

  it('a row whose amounts cannot be read is in no class, as in every total', () => {
    expect(classOf({ ...DEMANDED, outstanding: '一万円' })).toBeNull();
  });
});

describe('the precedence: the first class that holds', () => {
  const ALL: RowSpec = {
    ...DEMANDED,
    prescriptionDate: '2025-01-31',
    suspensionDate: '2024-10-01',
    hardship: '○',
    propertySearchResult: '財産なし',
    seizureDate: '2024-12-01',
    deferralType: '分納誓約',
    deferralStart: '2024-04-01',
    deferralEnd: '2026-03-31',
  };
  /** What each class needs, removed one after another from a row that has them all. */
  const WITHOUT: Record<Exclude<StatusOf, 'unclassified' | 'dunning'>, RowSpec> = {
    prescribed: { prescriptionDate: '2029-01-31' },
    stopped: { suspensionDate: null },
    hardship: { hardship: null },
    nothingToRecover: { propertySearchResult: '財産あり' },
    seized: { seizureDate: null },
    deferred: { deferralType: null, deferralStart: null, deferralEnd: null },
  };

  const ORDER: StatusClass[] = [
    'prescribed',
    'stopped',
    'hardship',
    'nothingToRecover',
    'seized',
    'deferred',
    'dunning',
  ];

  it('goes ⑥ ⑤ ⑦ ④ ① ② ③', () => {
    expect(STATUS_PRECEDENCE).toEqual(ORDER);
    let spec: RowSpec = ALL;
    const seen: StatusOf[] = [];
    for (const c of ORDER) {
      const got = classOf(spec);
      seen.push(got!);
      if (c !== 'dunning') spec = { ...spec, ...WITHOUT[c] };
    }
    expect(seen).toEqual(ORDER);
  });

  it('a seizure in force keeps a computed prescription from completing, not a date the clerk wrote', () => {
    const old = { ...BASE, dueDate: '2018-05-31', fiscalYear: 'H30', seizureDate: '2019-01-10' };
    expect(classOf(old)).toBe('seized');
    expect(classOf({ ...old, prescriptionDate: '2024-01-31' })).toBe('prescribed');
    // Whether it was seized cannot be read: whether prescription completed cannot be said either.
    expect(classOf({ ...old, seizureDate: 'R1.13.10' })).toBe('unclassified');
  });

  it('a day after the as-of date is not yet in effect', () => {
    expect(classOf({ ...DEMANDED, suspensionDate: '2025-04-01' })).toBe('dunning');
    expect(classOf({ ...DEMANDED, seizureDate: '2025-04-01' })).toBe('dunning');
    expect(classOf({ ...DEMANDED, collectionStopDate: '2025-04-01' })).toBe('dunning');
    expect(classOf({ ...BASE, demandDate: '2025-04-01' })).toBe('unclassified');
    expect(classOf({ ...DEMANDED, prescriptionDate: '2025-03-31' })).toBe('dunning');
  });

  it('a deferral that has ended, or not begun, is not ②', () => {
    const d = { deferralType: '分納誓約' };
    expect(classOf({ ...DEMANDED, ...d, deferralStart: '2024-04-01', deferralEnd: '2024-12-31' })).toBe('dunning');
    expect(classOf({ ...DEMANDED, ...d, deferralStart: '2025-04-01', deferralEnd: '2026-03-31' })).toBe('dunning');
    expect(classOf({ ...DEMANDED, ...d, deferralStart: '2025-04-01' })).toBe('dunning');
  });

  it('財産あり, 調査中 and 所在不明 left blank say nothing', () => {
    expect(classOf({ ...DEMANDED, propertySearchResult: '調査中', whereaboutsUnknown: '×' })).toBe('dunning');
  });
});

describe('rows the ledger cannot classify', () => {
  it('a field a class before the row’s could not be read: not classified, never guessed', () => {
    expect(classOf({ ...DEMANDED, seizureDate: 'R6.13.1' })).toBe('unclassified');
    expect(classOf({ ...DEMANDED, propertySearchResult: '山田さん宅' })).toBe('unclassified');
    expect(classOf({ ...DEMANDED, seizureDate: '2024-12-01', hardship: '多分' })).toBe('unclassified');
  });

  it('an unreadable field of a later class does not matter', () => {
    expect(classOf({ ...DEMANDED, suspensionDate: '2024-10-01', seizureDate: 'R6.13.1' })).toBe('stopped');
    expect(classOf({ ...DEMANDED, seizureDate: '2024-12-01', lastContactDate: '昨日' })).toBe('seized');
  });
});

describe('over random ledgers', () => {
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const day = pick<string | null>(
    null,
    '2019-05-31',
    '2023-06-20',
    '2024-12-01',
    '2025-03-31',
    '2025-04-01',
    'R6.13.1',
  );
  const flag = pick<string | null>(null, '○', '×', '多分');
  const rowSpec = fc.record({
    fiscalYear: pick('R5', 'R6', 'H30'),
    dueDate: pick('2018-05-31', '2023-05-31', '2024-05-31'),
    assessedAmount: fc.integer({ min: 0, max: 1_000_000 }),
    paidAmount: fc.integer({ min: 0, max: 1_000_000 }),
    writtenOffAmount: pick<number | null>(null, 0, 500),
    demandDate: day,
    lastContactDate: day,
    prescriptionDate: day,
    suspensionDate: day,
    suspensionType: pick<string | null>(null, '1号', '即時消滅'),
    collectionStopDate: day,
    hardship: flag,
    propertySearchResult: pick<string | null>(null, '財産あり', '財産なし', '調査中', '不明な値'),
    whereaboutsUnknown: flag,
    seizureDate: day,
    seized: flag,
    deferralType: pick<string | null>(null, '分納誓約', '徴収猶予'),
    deferralStart: day,
    deferralEnd: day,
    lawyerDelegated: flag,
  });

  it('each row owing is counted exactly once, and the classes sum to the amount owing', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const rows: RowSpec[] = specs.map((s, i) => ({
          debtorId: `R-${i}`,
          ...s,
          outstanding: Math.max(0, s.assessedAmount - s.paidAmount - (s.writtenOffAmount ?? 0)),
        }));
        const { status } = check(rows, OPTS).analysis;
        const owing = rows.filter((r) => (r.outstanding as number) > 0);
        const counted = STATUS_KEYS.reduce((n, k) => n + status.byClass[k].count, 0);
        const amount = STATUS_KEYS.reduce((n, k) => n + status.byClass[k].outstanding, 0);
        expect(counted).toBe(owing.length);
        expect(amount).toBe(owing.reduce((n, r) => n + (r.outstanding as number), 0));
        expect(status.revenue.outstanding).toBe(amount);
        expect(status.revenue.assessed).toBe(rows.reduce((n, r) => n + (r.assessedAmount as number), 0));
        for (const k of STATUS_KEYS) expect(status.byClass[k].count).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});
