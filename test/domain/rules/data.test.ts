/**
 * Data rules (台帳の整備): rules.md "Data", and the terms they rely on (blank vs unreadable,
 * values compared as meant, totals and blank rows, the finding's shape and order).
 */
import { describe, expect, it } from 'vitest';
import { FIELD_KEYS, type FieldKey } from '../../../domain/fields/catalogue.js';
import type { Cell } from '../../../domain/values/parsed.js';
import {
  brief,
  check,
  checkGrid,
  expectRule,
  findingsFor,
  findingsOfRow,
  hitsOf,
  rulesFiring,
  type Opts,
  type RowSpec,
} from './helpers.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '保育料' };

/** Paid in full: no rule has anything to say. */
const PAID: RowSpec = {
  debtorId: 'A-1',
  fiscalYear: 'R6',
  period: '4月分',
  assessedAmount: 10000,
  dueDate: '2024-04-30',
  paidAmount: 10000,
  outstanding: 0,
};

/** Owing, but demanded in time and dunned since: no rule fires as of 2025-03-31. */
const OWING: RowSpec = {
  debtorId: 'B-1',
  fiscalYear: 'R6',
  period: '10月分',
  assessedAmount: 10000,
  dueDate: '2024-10-31',
  paidAmount: 0,
  outstanding: 10000,
  demandDate: '2024-11-15',
  lastDunningDate: '2025-01-10',
};

/** Owing since 2019 with nothing done: DEMAND_MISSING, CONTACT_STALE and PRESCRIPTION_EXPIRED_PUBLIC. */
const NEGLECTED: RowSpec = {
  debtorId: 'C-1',
  fiscalYear: 'R1',
  period: '5月分',
  assessedAmount: 10000,
  dueDate: '令和元年5月1日',
  paidAmount: 0,
  outstanding: 10000,
};

describe('baselines', () => {
  it('a row paid in full has no finding', () => {
    expect(rulesFiring(PAID, OPTS)).toEqual([]);
  });
  it('an owing row with its demand and dunning done has no finding', () => {
    expect(rulesFiring(OWING, OPTS)).toEqual([]);
  });
  it('a neglected row fires the rules that depend on its due date', () => {
    expect(rulesFiring(NEGLECTED, OPTS)).toEqual(['CONTACT_STALE', 'DEMAND_MISSING', 'PRESCRIPTION_EXPIRED_PUBLIC']);
  });
});

describe('REQUIRED_MISSING', () => {
  it.each<[FieldKey, string]>([
    ['debtorId', 'A'],
    ['dueDate', 'E'],
    ['assessedAmount', 'D'],
  ])('fires on a blank %s, in its own column', (field, column) => {
    const row: RowSpec = { ...PAID, [field]: null };
    const hits = hitsOf('REQUIRED_MISSING', row, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'REQUIRED_MISSING', field, column }]);
    expect(hits[0]!.severity).toBe('error');
  });

  it('fires once per blank field', () => {
    const row: RowSpec = {
      fiscalYear: 'R6',
      paidAmount: 0,
      outstanding: 0,
      debtorId: '',
      dueDate: null,
      assessedAmount: '  ',
    };
    expect(
      hitsOf('REQUIRED_MISSING', row, OPTS)
        .map((f) => f.field)
        .sort(),
    ).toEqual(['assessedAmount', 'debtorId', 'dueDate']);
  });

  it('fires for a field whose column is not in the sheet (blank in every row), with no column letter', () => {
    const hits = hitsOf('REQUIRED_MISSING', PAID, { ...OPTS, omit: ['debtorId'] });
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'REQUIRED_MISSING', field: 'debtorId', column: null }]);
  });

  it('treats a dash as blank in a date cell', () => {
    expect(hitsOf('REQUIRED_MISSING', { ...PAID, dueDate: '－' }, OPTS).map((f) => f.field)).toEqual(['dueDate']);
  });

  it('does not fire when all three are filled', () => {
    expectRule('REQUIRED_MISSING', PAID, OPTS, false);
  });

  it('an unreadable due date is INVALID_DATE only: no REQUIRED_MISSING, no DEMAND_MISSING, nothing that reads it', () => {
    expect(rulesFiring({ ...NEGLECTED, dueDate: '令和元年4月30日' }, OPTS)).toEqual(['INVALID_DATE']);
    expect(rulesFiring({ ...NEGLECTED, dueDate: 'あした' }, OPTS)).toEqual(['INVALID_DATE']);
  });

  it('an unreadable assessed amount is INVALID_AMOUNT only', () => {
    expect(rulesFiring({ ...PAID, assessedAmount: 'abc' }, OPTS)).toEqual(['INVALID_AMOUNT']);
  });
});

describe('INVALID_DATE', () => {
  it.each<[string, string]>([
    ['2024/2/30', 'no-such-day'],
    ['令和元年4月30日', 'no-such-day'],
    ['2023/2/29', 'no-such-day'],
    ['あした', 'unreadable'],
    ['4月1日', 'unreadable'],
  ])('fires on %s, with the cell as typed', (cell, reason) => {
    const hits = hitsOf('INVALID_DATE', { ...OWING, lastDunningDate: cell }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'INVALID_DATE', field: 'lastDunningDate', column: 'I' }]);
    expect(hits[0]!.params).toMatchObject({ value: cell, reason });
  });

  it.each<Cell>([
    '2025/1/10',
    '2025-01-10',
    '2025年1月10日',
    '2025.1.10',
    'R7.1.10',
    '令和7年1月10日',
    '令和７年１月１０日',
    45667,
    new Date(Date.UTC(2025, 0, 10)),
  ])('reads %s as a date (2025-01-10)', (cell) => {
    expect(rulesFiring({ ...OWING, lastDunningDate: cell }, OPTS)).toEqual([]);
  });

  it('reads 平成31年5月1日 (past the era end) as 2019-05-01', () => {
    const row: RowSpec = { ...NEGLECTED, dueDate: '平成31年5月1日' };
    expect(hitsOf('INVALID_DATE', row, OPTS)).toEqual([]);
    // Exactly 2019-05-01: a demand on 2019-05-21 (due + 20) is in time, one on 2019-05-22 is late.
    expectRule('DEMAND_LATE', { ...row, demandDate: '2019/5/21' }, OPTS, false);
    expectRule('DEMAND_LATE', { ...row, demandDate: '2019/5/22' }, OPTS, true, 'demandDate');
  });

  it('reports 令和元年4月30日 (before the era began) as invalid', () => {
    expect(hitsOf('INVALID_DATE', { ...PAID, assessedDate: '令和元年4月30日' }, OPTS).map((f) => f.field)).toEqual([
      'assessedDate',
    ]);
  });

  it('does not fire on blank date cells', () => {
    expectRule(
      'INVALID_DATE',
      { ...OWING, lastContactDate: '', acknowledgementDate: '－', referralDate: null },
      OPTS,
      false,
    );
  });

  it('an unreadable demand date is not DEMAND_MISSING (it is not blank) nor anything else', () => {
    expect(rulesFiring({ ...NEGLECTED, demandDate: '督促済' }, OPTS)).toEqual(['INVALID_DATE']);
  });
});

describe('INVALID_AMOUNT', () => {
  it.each<[Cell, string]>([
    ['1,234.5', 'fraction'],
    [100.5, 'fraction'],
    [-100, 'negative'],
    ['△500', 'negative'],
    ['▲500', 'negative'],
    ['いちまん', 'unreadable'],
  ])('fires on paidAmount %s (%s)', (cell, reason) => {
    const hits = hitsOf('INVALID_AMOUNT', { ...PAID, paidAmount: cell }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'INVALID_AMOUNT', field: 'paidAmount', column: 'F' }]);
    expect(hits[0]!.params).toMatchObject({ reason });
  });

  it.each<Cell>(['10,000', '１０，０００', '10,000円', 10000, '10000'])('reads %s as 10,000 yen', (cell) => {
    expect(rulesFiring({ ...PAID, paidAmount: cell }, OPTS)).toEqual([]);
  });

  it('zero is a valid amount', () => {
    expect(rulesFiring({ ...PAID, assessedAmount: 0, paidAmount: 0, outstanding: 0 }, OPTS)).toEqual([]);
  });

  it('reports each unreadable amount on its own field', () => {
    const fields = hitsOf('INVALID_AMOUNT', { ...PAID, assessedAmount: 'x', outstanding: -1 }, OPTS).map(
      (f) => f.field,
    );
    expect(fields.sort()).toEqual(['assessedAmount', 'outstanding']);
  });

  it('an unreadable paid amount silences BALANCE_MISMATCH (which reads it)', () => {
    expectRule('BALANCE_MISMATCH', { ...PAID, paidAmount: 9999 }, OPTS, true, 'outstanding');
    expect(rulesFiring({ ...PAID, paidAmount: 'abc' }, OPTS)).toEqual(['INVALID_AMOUNT']);
  });

  it('an unreadable outstanding silences every rule that reads outstanding', () => {
    expect(rulesFiring({ ...NEGLECTED, outstanding: '10000.5' }, OPTS)).toEqual(['INVALID_AMOUNT']);
  });

  it('a negative written-off amount is INVALID_AMOUNT, not WRITE_OFF_INCOMPLETE', () => {
    expect(rulesFiring({ ...PAID, writtenOffAmount: '△1' }, OPTS)).toEqual(['INVALID_AMOUNT']);
  });
});

describe('INVALID_VALUE', () => {
  it.each<[FieldKey, Cell]>([
    ['classification', '公私混合'],
    ['dunningMethod', 'FAX'],
    ['deferralType', 'そのうち払う'],
    ['suspensionType', '4号'],
    ['dunningCount', '三回'],
    ['dunningCount', -1],
    ['dunningCount', 2.5],
    ['hardship', 'たぶん'],
    ['lawyerDelegated', 'たぶん'],
    ['fiscalYear', 'X年度'],
    ['fiscalYear', '令和0年度'],
    ['fiscalYear', 'FY24'],
    ['fiscalYear', 2024.5],
  ])('fires on %s %s', (field, cell) => {
    const hits = hitsOf('INVALID_VALUE', { ...PAID, [field]: cell }, OPTS);
    expect(hits.map((f) => [f.rule, f.field])).toEqual([['INVALID_VALUE', field]]);
    expect(hits[0]!.params.value).toBe(String(cell));
  });

  it.each<[FieldKey, Cell]>([
    ['classification', '強制徴収公債権'],
    ['dunningMethod', 'ＳＭＳ'],
    ['deferralType', '分納誓約'],
    ['suspensionType', '即時消滅'],
    ['dunningCount', '3回'],
    ['hardship', '×'],
    ['lawyerDelegated', '○'],
    ['fiscalYear', '令和6年度'],
    ['fiscalYear', 'R6年度'],
    ['fiscalYear', '2024年度'],
    ['fiscalYear', 2024],
    ['fiscalYear', 'H30'],
    ['fiscalYear', '平成31年度'],
  ])('reads %s %s', (field, cell) => {
    expect(hitsOf('INVALID_VALUE', { ...PAID, [field]: cell }, OPTS)).toEqual([]);
  });

  it('an unreadable dunning method silences ESCALATION_DUE', () => {
    const row: RowSpec = { ...OWING, dunningCount: 5, dunningMethod: '文書' };
    expectRule('ESCALATION_DUE', row, OPTS, true);
    expect(rulesFiring({ ...row, dunningMethod: 'FAX' }, OPTS)).toEqual(['INVALID_VALUE']);
  });

  it('an unreadable hardship flag silences HARDSHIP_NO_REFERRAL', () => {
    expect(rulesFiring({ ...PAID, hardship: '○' }, OPTS)).toEqual(['HARDSHIP_NO_REFERRAL']);
    expect(rulesFiring({ ...PAID, hardship: 'たぶん' }, OPTS)).toEqual(['INVALID_VALUE']);
  });

  it('an unreadable classification silences DEFERRAL_NOT_APPLICABLE', () => {
    const row: RowSpec = {
      ...PAID,
      deferralType: '履行延期特約',
      deferralStart: '2024-05-01',
      deferralEnd: '2024-12-31',
      installmentAmount: 1000,
    };
    expectRule('DEFERRAL_NOT_APPLICABLE', row, OPTS, true);
    expect(rulesFiring({ ...row, classification: '公私混合' }, OPTS)).toEqual(['INVALID_VALUE']);
  });

  it('an unreadable fiscal year is reported once: two such rows are not duplicates', () => {
    const row: RowSpec = { ...PAID, fiscalYear: 'X年度' };
    expect(findingsFor([row, row], OPTS).map((f) => [f.row, f.rule])).toEqual([
      [2, 'INVALID_VALUE'],
      [3, 'INVALID_VALUE'],
    ]);
  });
});

describe('BALANCE_MISMATCH', () => {
  const row: RowSpec = { ...PAID, assessedAmount: 10000, paidAmount: 3000, outstanding: 7000 };

  it('does not fire when assessed − paid − writtenOff = outstanding', () => {
    expectRule('BALANCE_MISMATCH', row, OPTS, false);
    expectRule(
      'BALANCE_MISMATCH',
      { ...row, writtenOffAmount: 7000, writeOffDate: '2025-03-01', outstanding: 0 },
      OPTS,
      false,
    );
  });

  it('fires on outstanding when they differ, with the figures', () => {
    const hits = hitsOf('BALANCE_MISMATCH', { ...row, outstanding: 7001 }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'BALANCE_MISMATCH', field: 'outstanding', column: 'G' }]);
    expect(hits[0]!.params).toMatchObject({
      outstanding: 7001,
      assessed: 10000,
      paid: 3000,
      writtenOff: 0,
      expected: 7000,
    });
  });

  it('takes blank paid and written-off amounts as 0', () => {
    expectRule('BALANCE_MISMATCH', { ...row, paidAmount: null, outstanding: 10000 }, OPTS, false);
    expectRule('BALANCE_MISMATCH', { ...row, paidAmount: '', outstanding: 7000 }, OPTS, true, 'outstanding');
  });

  it('needs both assessed and outstanding', () => {
    expectRule('BALANCE_MISMATCH', { ...row, outstanding: null }, OPTS, false);
    expectRule('BALANCE_MISMATCH', { ...row, assessedAmount: null }, OPTS, false);
  });

  it('never fires without an outstanding column: outstanding is derived', () => {
    expectRule('BALANCE_MISMATCH', { ...row, outstanding: 1 }, { ...OPTS, omit: ['outstanding'] }, false);
  });

  it('derives outstanding as assessed − paid − writtenOff where the column is absent', () => {
    const r: RowSpec = {
      ...row,
      paidAmount: 4000,
      writtenOffAmount: 1000,
      writeOffDate: '2025-03-01',
      suspensionType: '即時消滅',
      suspensionDate: '2025-03-01',
    };
    const hits = hitsOf('IMMEDIATE_EXTINCTION_OPEN', r, { ...OPTS, omit: ['outstanding'] });
    expect(hits.map((f) => [f.field, f.column, f.params.outstanding])).toEqual([['outstanding', null, 5000]]);
  });

  it('a derived outstanding of 0 owes nothing; of 1 owes', () => {
    const opts = { ...OPTS, omit: ['outstanding'] as FieldKey[] };
    expectRule('DEMAND_MISSING', { ...NEGLECTED, paidAmount: 10000 }, opts, false);
    expectRule('DEMAND_MISSING', { ...NEGLECTED, paidAmount: 9999 }, opts, true, 'demandDate');
  });

  it('a blank outstanding cell in a sheet that has the column is blank, not derived', () => {
    expectRule('DEMAND_MISSING', { ...NEGLECTED, outstanding: null }, OPTS, false);
  });
});

describe('DUPLICATE_ROW', () => {
  const base: RowSpec = {
    ...PAID,
    debtorId: '1002',
    claimType: '保育料',
    fiscalYear: 'R6',
    period: '4月分',
    assessmentNo: 'N-1',
  };

  it('flags the later row only, naming the first', () => {
    const all = check([base, base], OPTS).findings;
    expect(all.map((f) => [f.row, f.rule])).toEqual([[3, 'DUPLICATE_ROW']]);
    expect(all[0]!.params.firstRow).toBe(2);
    expect(all[0]!.severity).toBe('error');
  });

  it('flags every later row of three, each naming the first', () => {
    const all = check([base, { ...PAID, debtorId: 'X' }, base, base], OPTS).findings;
    expect(all.map((f) => [f.row, f.rule, f.params.firstRow])).toEqual([
      [4, 'DUPLICATE_ROW', 2],
      [5, 'DUPLICATE_ROW', 2],
    ]);
  });

  it('compares debtor ids as meant: 1002, "１００２" and " 1002 " are one id', () => {
    const rows: RowSpec[] = [
      { ...base, debtorId: 1002 },
      { ...base, debtorId: '１００２' },
      { ...base, debtorId: ' 1002 ' },
    ];
    expect(findingsFor(rows, OPTS).map((f) => [f.row, f.rule])).toEqual([
      [3, 'DUPLICATE_ROW'],
      [4, 'DUPLICATE_ROW'],
    ]);
  });

  it('compares fiscal years as meant: 令和6年度, R6 and 2024 are one year', () => {
    const rows: RowSpec[] = [
      { ...base, fiscalYear: '令和6年度' },
      { ...base, fiscalYear: 'R6' },
      { ...base, fiscalYear: 2024 },
      { ...base, fiscalYear: '２０２４年度' },
    ];
    expect(findingsFor(rows, OPTS).map((f) => [f.row, f.rule])).toEqual([
      [3, 'DUPLICATE_ROW'],
      [4, 'DUPLICATE_ROW'],
      [5, 'DUPLICATE_ROW'],
    ]);
  });

  it('a blank fiscal year is FY(dueDate): due 2025-03-31 matches R6, due 2025-04-01 does not', () => {
    const a = findingsFor(
      [
        { ...base, fiscalYear: 'R6' },
        { ...base, fiscalYear: null, dueDate: '2025-03-31' },
      ],
      OPTS,
    );
    expect(a.filter((f) => f.rule === 'DUPLICATE_ROW').map((f) => f.row)).toEqual([3]);
    const b = findingsFor(
      [
        { ...base, fiscalYear: 'R6' },
        { ...base, fiscalYear: null, dueDate: '2025-04-01' },
      ],
      OPTS,
    );
    expect(b.filter((f) => f.rule === 'DUPLICATE_ROW')).toEqual([]);
  });

  it.each<FieldKey>(['debtorId', 'claimType', 'fiscalYear', 'period', 'assessmentNo'])(
    'rows differing in %s are not duplicates',
    (field) => {
      const other: RowSpec = { ...base, [field]: field === 'fiscalYear' ? 'R5' : 'other' };
      expect(findingsFor([base, other], OPTS).filter((f) => f.rule === 'DUPLICATE_ROW')).toEqual([]);
    },
  );

  it('compares claim types, periods and assessment numbers as NFKC-trimmed text', () => {
    const other: RowSpec = { ...base, claimType: ' 保育料 ', period: '４月分', assessmentNo: 'Ｎ-1' };
    expect(findingsFor([base, other], OPTS).map((f) => [f.row, f.rule])).toEqual([[3, 'DUPLICATE_ROW']]);
  });

  it('differences in fields outside the key do not matter', () => {
    const other: RowSpec = { ...base, assessedAmount: 20000, paidAmount: 20000, dueDate: '2024-05-31' };
    expect(findingsFor([base, other], OPTS).map((f) => [f.row, f.rule])).toEqual([[3, 'DUPLICATE_ROW']]);
  });

  it('finds duplicates where key columns are absent (blank in every row)', () => {
    const r: RowSpec = { debtorId: 'Z', assessedAmount: 100, dueDate: '2024-04-30', paidAmount: 100, outstanding: 0 };
    expect(findingsFor([r, r], OPTS).map((f) => [f.row, f.rule])).toEqual([[3, 'DUPLICATE_ROW']]);
  });

  it('rows whose fiscal year comes from an unreadable due date are not compared (reported once, as INVALID_DATE)', () => {
    const r: RowSpec = { debtorId: 'Z', assessedAmount: 100, paidAmount: 100, outstanding: 0 };
    const rows: RowSpec[] = [
      { ...r, dueDate: 'あした' },
      { ...r, dueDate: 'あさって' },
    ];
    expect(findingsFor(rows, OPTS).map((f) => [f.row, f.rule])).toEqual([
      [2, 'INVALID_DATE'],
      [3, 'INVALID_DATE'],
    ]);
  });

  it('blank rows and totals rows between duplicates do not matter', () => {
    const rows = [base, null, { debtorId: '合計', assessedAmount: 10000 }, base];
    expect(findingsFor(rows, OPTS).map((f) => [f.row, f.rule])).toEqual([[5, 'DUPLICATE_ROW']]);
  });
});

describe('DATE_ORDER', () => {
  it('does not fire when assessedDate = dueDate', () => {
    expectRule('DATE_ORDER', { ...PAID, assessedDate: '2024-04-30' }, OPTS, false);
  });
  it('fires on assessedDate when it is one day after dueDate', () => {
    const hits = hitsOf('DATE_ORDER', { ...PAID, assessedDate: '2024/5/1' }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'DATE_ORDER', field: 'assessedDate', column: 'D' }]);
    expect(hits[0]!.params).toMatchObject({ assessedDate: '2024-05-01', dueDate: '2024-04-30' });
  });
  it('does not fire when either date is blank', () => {
    expectRule('DATE_ORDER', { ...PAID, assessedDate: null }, OPTS, false);
    expectRule('DATE_ORDER', { ...PAID, assessedDate: '2024-05-01', dueDate: null }, OPTS, false);
  });
});

describe('FUTURE_DATE', () => {
  const DONE: FieldKey[] = [
    'lastPaymentDate',
    'writeOffDate',
    'demandDate',
    'lastDunningDate',
    'lastContactDate',
    'acknowledgementDate',
    'suspensionDate',
    'collectionStopDate',
    'referralDate',
  ];

  it.each(DONE)('%s on the as-of date does not fire', (field) => {
    expectRule('FUTURE_DATE', { ...PAID, [field]: '2025-03-31' }, OPTS, false);
  });

  it.each(DONE)('%s the day after the as-of date fires on that field', (field) => {
    const hits = hitsOf('FUTURE_DATE', { ...PAID, [field]: '2025/4/1' }, OPTS);
    expect(hits.map((f) => [f.rule, f.field])).toEqual([['FUTURE_DATE', field]]);
    expect(hits[0]!.params).toMatchObject({ date: '2025-04-01', asOf: '2025-03-31' });
    expect(hits[0]!.column).not.toBeNull();
  });

  it('reports each future field separately', () => {
    const row: RowSpec = { ...OWING, demandDate: '2026-01-01', lastContactDate: '2026-01-01' };
    expect(hitsOf('FUTURE_DATE', row, OPTS).map((f) => f.field)).toEqual(['demandDate', 'lastContactDate']);
  });

  it.each<FieldKey>([
    'dueDate',
    'assessedDate',
    'deferralEnd',
    'nextInstallmentDate',
    'prescriptionDate',
    'demandDeadline',
    'deferralStart',
  ])('%s in the future is not FUTURE_DATE', (field) => {
    expectRule('FUTURE_DATE', { ...PAID, [field]: '2030-01-01' }, OPTS, false);
  });

  it('an unreadable date of one field does not silence the others', () => {
    const row: RowSpec = { ...PAID, demandDate: 'xx', lastContactDate: '2025-04-01' };
    expect(rulesFiring(row, OPTS)).toEqual(['FUTURE_DATE', 'INVALID_DATE']);
  });

  it('follows the as-of date', () => {
    expectRule('FUTURE_DATE', { ...PAID, lastContactDate: '2025-04-01' }, { ...OPTS, asOf: '2025-04-01' }, false);
  });
});

describe('WRITE_OFF_INCOMPLETE', () => {
  it('fires on writeOffDate when an amount > 0 has no date', () => {
    const hits = hitsOf('WRITE_OFF_INCOMPLETE', { ...PAID, paidAmount: 0, writtenOffAmount: 10000 }, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'WRITE_OFF_INCOMPLETE', field: 'writeOffDate', column: null }]);
    const withCol = hitsOf(
      'WRITE_OFF_INCOMPLETE',
      { ...PAID, paidAmount: 0, writtenOffAmount: 10000, writeOffDate: '' },
      OPTS,
    );
    expect(withCol.map((f) => [f.field, f.column])).toEqual([['writeOffDate', 'H']]);
  });

  it('fires on writtenOffAmount when a date has no amount, or an amount of 0', () => {
    expectRule('WRITE_OFF_INCOMPLETE', { ...PAID, writeOffDate: '2025-03-01' }, OPTS, true, 'writtenOffAmount');
    expectRule(
      'WRITE_OFF_INCOMPLETE',
      { ...PAID, writeOffDate: '2025-03-01', writtenOffAmount: 0 },
      OPTS,
      true,
      'writtenOffAmount',
    );
  });

  it('does not fire when both or neither are recorded', () => {
    expectRule(
      'WRITE_OFF_INCOMPLETE',
      { ...PAID, paidAmount: 0, writtenOffAmount: 10000, writeOffDate: '2025-03-01' },
      OPTS,
      false,
    );
    expectRule('WRITE_OFF_INCOMPLETE', { ...PAID, writtenOffAmount: 0, writeOffDate: null }, OPTS, false);
  });

  it('an unreadable write-off date is INVALID_DATE only', () => {
    expect(rulesFiring({ ...PAID, paidAmount: 0, writtenOffAmount: 10000, writeOffDate: '欠損済' }, OPTS)).toEqual([
      'INVALID_DATE',
    ]);
  });
});

describe('PERSONAL_NUMBER_COLUMN', () => {
  const MYNUMBER = '123456789018';

  it('fires on the header cell of a 個人番号 column: header row, its letter, no field; the column is never read', () => {
    const { result } = checkGrid(
      [
        ['債務者番号', '調定額', '納期限', '個人番号', '収入済額', '収入未済額'],
        ['A-1', 10000, '2024-04-30', MYNUMBER, 10000, 0],
        ['A-2', 10000, '2024-04-30', 'not a number at all', 10000, 0],
      ],
      OPTS,
    );
    expect(result.findings.map(brief)).toEqual([{ row: 1, rule: 'PERSONAL_NUMBER_COLUMN', field: null, column: 'D' }]);
    expect(result.findings[0]!.severity).toBe('error');
    expect(result.mapping.columns.map((c) => c.column)).not.toContain(3);
    expect(JSON.stringify(result)).not.toContain(MYNUMBER);
  });

  it('fires for マイナンバー too, even when the column is empty, and on the header row under a title', () => {
    const { result } = checkGrid(
      [
        ['令和6年度 保育料 債権管理台帳'],
        ['債務者番号', '調定額', '納期限', '収入済額', '収入未済額', 'マイナンバー'],
        ['A-1', 10000, '2024-04-30', 10000, 0, null],
      ],
      OPTS,
    );
    expect(result.findings.map(brief)).toEqual([{ row: 2, rule: 'PERSONAL_NUMBER_COLUMN', field: null, column: 'F' }]);
  });

  it('fires once per such column, with no data rows at all', () => {
    const { result } = checkGrid([['個人番号', '債務者番号', '調定額', '納期限', 'マイナンバー']], OPTS);
    expect(result.findings.map((f) => [f.row, f.rule, f.column])).toEqual([
      [1, 'PERSONAL_NUMBER_COLUMN', 'A'],
      [1, 'PERSONAL_NUMBER_COLUMN', 'E'],
    ]);
  });

  it('fires on the header row of a two-row header where 個人番号 stands over both rows', () => {
    const { result } = checkGrid(
      [
        ['整理番号', '個人番号', '調定額', '納期限', '督促', ''],
        ['', '', '', '', '発付日', '指定期限'],
        ['A-1', MYNUMBER, 10000, '2024-04-30', '2024-05-10', '2024-05-20'],
      ],
      OPTS,
    );
    expect(result.mapping.headerRows).toEqual([1, 2]);
    expect(result.findings.filter((f) => f.rule === 'PERSONAL_NUMBER_COLUMN').map(brief)).toEqual([
      { row: 1, rule: 'PERSONAL_NUMBER_COLUMN', field: null, column: 'B' },
    ]);
    expect(JSON.stringify(result)).not.toContain(MYNUMBER);
  });

  it('does not fire without such a column', () => {
    expect(findingsFor([PAID], OPTS)).toEqual([]);
  });
});

describe('totals and blank rows', () => {
  it.each(['合計', '小計', '計', '総計', '合　計', ' 計 '])(
    'a row whose first text cell is %s is skipped and counted',
    (label) => {
      const result = check([PAID, { debtorId: label, assessedAmount: 10000, paidAmount: 10000, outstanding: 0 }], OPTS);
      expect(result.findings).toEqual([]);
      expect(result.summary.rows).toEqual({ total: 2, checked: 1, blank: 0, totals: 1, unreadable: 0 });
      expect(result.analysis.total.count).toBe(1);
      expect(result.analysis.total.assessed).toBe(10000);
    },
  );

  it('the first text cell decides, in whatever column it stands', () => {
    const result = check([PAID, { debtorName: '合計', assessedAmount: 99999 }], OPTS);
    expect(result.findings).toEqual([]);
    expect(result.summary.rows.totals).toBe(1);
  });

  it('other words are data rows (合計額, 会計)', () => {
    const result = check(
      [
        { debtorId: '合計額', assessedAmount: 1 },
        { debtorId: '会計', assessedAmount: 1 },
      ],
      OPTS,
    );
    expect(result.summary.rows).toMatchObject({ checked: 2, totals: 0 });
    expect(result.findings.map((f) => [f.row, f.rule, f.field])).toEqual([
      [2, 'REQUIRED_MISSING', 'dueDate'],
      [3, 'REQUIRED_MISSING', 'dueDate'],
    ]);
  });

  it('blank rows are skipped and counted', () => {
    const { result } = checkGrid(
      [
        ['債務者番号', '調定額', '納期限', '収入済額', '収入未済額'],
        ['A-1', 10000, '2024-04-30', 10000, 0],
        [],
        [null, null, '', '  ', null],
        ['A-2', 10000, '2024-04-30', 10000, 0],
      ],
      OPTS,
    );
    expect(result.findings).toEqual([]);
    expect(result.summary.rows).toEqual({ total: 4, checked: 2, blank: 2, totals: 0, unreadable: 0 });
  });

  it('rows after a blank row are still checked, with their own worksheet row numbers', () => {
    const fs = findingsFor([PAID, null, null, { ...PAID, debtorId: 'A-2', dueDate: null }], OPTS);
    expect(fs).toEqual([{ row: 5, rule: 'REQUIRED_MISSING', field: 'dueDate', column: 'E' }]);
  });
});

describe('a finding', () => {
  it('has rule, severity, 1-based row, column letter, field, a Japanese message and its params', () => {
    const [f] = findingsOfRow({ ...OWING, demandDate: '2024-11-25' }, OPTS);
    expect(f).toEqual({
      rule: 'DEMAND_LATE',
      severity: 'warning',
      row: 2,
      column: 'H',
      field: 'demandDate',
      message: expect.stringMatching(/督促/),
      params: { demandDate: '2024-11-25', dueDate: '2024-10-31', days: 25, demandDays: 20 },
    });
    expect(f!.message).not.toMatch(/[{}]/);
  });

  it('uses Excel letters past Z (AA, AB, …)', () => {
    const opts: Opts = { ...OPTS, columns: FIELD_KEYS };
    const hits = hitsOf('HARDSHIP_NO_REFERRAL', { ...PAID, hardship: '○' }, opts);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'HARDSHIP_NO_REFERRAL', field: 'referralDate', column: 'AK' }]);
  });

  it('is ordered by row, then by rule id', () => {
    const rows: (RowSpec | null)[] = [
      { ...NEGLECTED, hardship: '○', lastContactDate: '2099-01-01', demandDate: '2019-04-01' },
      null,
      PAID,
      { ...NEGLECTED, debtorId: 'C-2', dunningCount: '三回' },
      NEGLECTED,
    ];
    const fs = findingsFor(rows, OPTS);
    const keys = fs.map((f) => [f.row, f.rule] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(keys).toEqual([
      [2, 'DEMAND_BEFORE_DUE'],
      [2, 'FUTURE_DATE'],
      [2, 'HARDSHIP_NO_REFERRAL'],
      [2, 'PRESCRIPTION_EXPIRED_PUBLIC'],
      [5, 'CONTACT_STALE'],
      [5, 'DEMAND_MISSING'],
      [5, 'INVALID_VALUE'],
      [5, 'PRESCRIPTION_EXPIRED_PUBLIC'],
      [6, 'CONTACT_STALE'],
      [6, 'DEMAND_MISSING'],
      [6, 'DUPLICATE_ROW'],
      [6, 'PRESCRIPTION_EXPIRED_PUBLIC'],
    ]);
  });

  it('summary counts findings by severity and by rule', () => {
    const result = check([NEGLECTED, { ...PAID, dueDate: null }], OPTS);
    expect(result.summary.bySeverity).toEqual({ error: 3, warning: 1, info: 0 });
    expect(result.summary.byRule).toEqual({
      CONTACT_STALE: 1,
      DEMAND_MISSING: 1,
      PRESCRIPTION_EXPIRED_PUBLIC: 1,
      REQUIRED_MISSING: 1,
    });
  });
});
