/**
 * Hardship (生活困窮者への支援): rules.md "Hardship".
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { brief, expectRule, hitsOf, rulesFiring, type Opts, type RowSpec } from './helpers.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '国民健康保険料' };

const PAID: RowSpec = {
  debtorId: 'K-1',
  fiscalYear: 'R6',
  assessedAmount: 12000,
  dueDate: '2024-07-31',
  paidAmount: 12000,
  outstanding: 0,
  hardship: null,
  referralDate: null,
};

describe('HARDSHIP_NO_REFERRAL', () => {
  it('fires on referralDate when hardship is marked and no referral is recorded', () => {
    const row: RowSpec = { ...PAID, hardship: '○' };
    const hits = hitsOf('HARDSHIP_NO_REFERRAL', row, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'HARDSHIP_NO_REFERRAL', field: 'referralDate', column: 'H' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(rulesFiring(row, OPTS)).toEqual(['HARDSHIP_NO_REFERRAL']);
  });

  it.each<Cell>(['○', '〇', '●', '✓', '有', 'あり', '済', 'はい', 'TRUE', true, 1, '1', 'Y'])(
    'hardship %s is true',
    (cell) => {
      expectRule('HARDSHIP_NO_REFERRAL', { ...PAID, hardship: cell }, OPTS, true, 'referralDate');
    },
  );

  it.each<Cell>([null, '', '×', '無', 'なし', 'いいえ', 'FALSE', false, 0, 'N'])('hardship %s is false', (cell) => {
    expectRule('HARDSHIP_NO_REFERRAL', { ...PAID, hardship: cell }, OPTS, false);
  });

  it('does not fire once a referral is recorded', () => {
    expectRule('HARDSHIP_NO_REFERRAL', { ...PAID, hardship: '○', referralDate: '2025-01-15' }, OPTS, false);
  });

  it('fires where the sheet has no referral column (blank in every row), with no column letter', () => {
    const hits = hitsOf('HARDSHIP_NO_REFERRAL', { ...PAID, hardship: '○' }, { ...OPTS, omit: ['referralDate'] });
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'HARDSHIP_NO_REFERRAL', field: 'referralDate', column: null }]);
  });

  it('an unreadable referral date is INVALID_DATE, not HARDSHIP_NO_REFERRAL', () => {
    expect(rulesFiring({ ...PAID, hardship: '○', referralDate: '案内済' }, OPTS)).toEqual(['INVALID_DATE']);
  });

  it('an unreadable hardship flag is INVALID_VALUE, not HARDSHIP_NO_REFERRAL', () => {
    expect(rulesFiring({ ...PAID, hardship: '要確認' }, OPTS)).toEqual(['INVALID_VALUE']);
  });
});
