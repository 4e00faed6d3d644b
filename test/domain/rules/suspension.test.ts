/**
 * Suspension and stop (執行停止, 徴収停止): rules.md "Suspension and stop".
 */
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../domain/fields/catalogue.js';
import { brief, expectRule, hitsOf, rulesFiring, type Opts, type RowSpec } from './helpers.js';

const AS_OF = '2025-03-31';
const OPTS: Opts = { asOf: AS_OF, claimType: '固定資産税' };
const at = (asOf: string): Opts => ({ ...OPTS, asOf });

/** Suspended (執行停止 1号) on 2022-03-31; its prescription is renewed by a recent acknowledgement. */
const SUSPENDED: RowSpec = {
  debtorId: 'S-1',
  fiscalYear: 'R2',
  period: '1期',
  assessedAmount: 50000,
  dueDate: '2020-04-30',
  paidAmount: 0,
  outstanding: 50000,
  demandDate: '2020-05-15',
  acknowledgementDate: '2024-01-10',
  suspensionDate: '2022-03-31',
  suspensionType: '1号',
};

describe('SUSPENSION_NOT_APPLICABLE', () => {
  it.each<[Classification, boolean]>([
    ['強制徴収公債権', false],
    ['非強制徴収公債権', true],
    ['私債権', true],
  ])('suspensionDate on a %s: fires = %s', (classification, fires) => {
    expectRule('SUSPENSION_NOT_APPLICABLE', SUSPENDED, { asOf: '2024-03-30', classification }, fires, 'suspensionDate');
  });

  it('is on suspensionDate, an error, naming the classification', () => {
    const hits = hitsOf('SUSPENSION_NOT_APPLICABLE', SUSPENDED, { ...OPTS, claimType: '市営住宅使用料' });
    expect(hits.map(brief)).toEqual([
      { row: 2, rule: 'SUSPENSION_NOT_APPLICABLE', field: 'suspensionDate', column: 'J' },
    ]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ suspensionDate: '2022-03-31', classification: '私債権' });
  });

  it('does not fire without a suspension date', () => {
    expectRule(
      'SUSPENSION_NOT_APPLICABLE',
      { ...SUSPENDED, suspensionDate: null },
      { ...OPTS, claimType: '水道料金' },
      false,
    );
  });
});

describe('SUSPENSION_EXPIRED', () => {
  it('does not fire the day before the third anniversary', () => {
    expect(rulesFiring(SUSPENDED, at('2025-03-30'))).toEqual([]);
  });

  it('fires on outstanding on exactly addYears(suspensionDate, 3)', () => {
    const hits = hitsOf('SUSPENSION_EXPIRED', SUSPENDED, at('2025-03-31'));
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'SUSPENSION_EXPIRED', field: 'outstanding', column: 'G' }]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ suspensionDate: '2022-03-31', extinguishedOn: '2025-03-31' });
    expect(rulesFiring(SUSPENDED, at('2025-03-31'))).toEqual(['SUSPENSION_EXPIRED']);
  });

  it('a suspension on Feb 29: three years on is 2023-03-01', () => {
    const row: RowSpec = {
      ...SUSPENDED,
      suspensionDate: '2020-02-29',
      dueDate: '2019-04-30',
      demandDate: '2019-05-15',
    };
    expectRule('SUSPENSION_EXPIRED', row, at('2023-02-28'), false);
    expectRule('SUSPENSION_EXPIRED', row, at('2023-03-01'), true, 'outstanding');
  });

  it('fires for every suspension type but 即時消滅, and for a blank type', () => {
    for (const t of ['1号', '2号', '3号', null])
      expectRule('SUSPENSION_EXPIRED', { ...SUSPENDED, suspensionType: t }, OPTS, true);
    expectRule('SUSPENSION_EXPIRED', { ...SUSPENDED, suspensionType: '即時消滅' }, OPTS, false);
  });

  it('does not fire when nothing is owed', () => {
    expectRule('SUSPENSION_EXPIRED', { ...SUSPENDED, paidAmount: 50000, outstanding: 0 }, OPTS, false);
  });

  it('does not fire on a claim that is not 強制徴収公債権 (SUSPENSION_NOT_APPLICABLE instead)', () => {
    const opts: Opts = { ...OPTS, claimType: '行政財産使用料' };
    expectRule('SUSPENSION_EXPIRED', SUSPENDED, opts, false);
    expectRule('SUSPENSION_NOT_APPLICABLE', SUSPENDED, opts, true);
  });

  it('is independent of prescription: a claim can be past both', () => {
    // Due 2019-04-30, demanded 2019-05-15 (deadline 05-25): the period ended on 2024-05-25.
    const row: RowSpec = {
      ...SUSPENDED,
      fiscalYear: 'R1',
      dueDate: '2019-04-30',
      demandDate: '2019-05-15',
      acknowledgementDate: null,
    };
    expect(rulesFiring(row, OPTS)).toEqual(['PRESCRIPTION_EXPIRED_PUBLIC', 'SUSPENSION_EXPIRED']);
  });
});

describe('IMMEDIATE_EXTINCTION_OPEN', () => {
  const row: RowSpec = { ...SUSPENDED, suspensionDate: '2025-03-01', suspensionType: '即時消滅' };

  it('fires on outstanding while something is owed, with the amount', () => {
    const hits = hitsOf('IMMEDIATE_EXTINCTION_OPEN', row, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'IMMEDIATE_EXTINCTION_OPEN', field: 'outstanding', column: 'G' }]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ outstanding: 50000 });
    expect(rulesFiring(row, OPTS)).toEqual(['IMMEDIATE_EXTINCTION_OPEN']);
  });

  it('does not fire once written off, or for another suspension type', () => {
    expectRule(
      'IMMEDIATE_EXTINCTION_OPEN',
      { ...row, writtenOffAmount: 50000, writeOffDate: '2025-03-10', outstanding: 0 },
      OPTS,
      false,
    );
    expectRule('IMMEDIATE_EXTINCTION_OPEN', { ...row, suspensionType: '3号' }, OPTS, false);
  });

  it('an unreadable suspension type is INVALID_VALUE only', () => {
    expect(rulesFiring({ ...row, suspensionType: '即日' }, OPTS)).toEqual(['INVALID_VALUE']);
  });
});

describe('COLLECTION_STOP_NOT_APPLICABLE', () => {
  const row: RowSpec = { ...SUSPENDED, suspensionDate: null, suspensionType: null, collectionStopDate: '2024-12-01' };

  it('fires on collectionStopDate on a 強制徴収公債権', () => {
    const hits = hitsOf('COLLECTION_STOP_NOT_APPLICABLE', row, OPTS);
    expect(hits.map(brief)).toEqual([
      { row: 2, rule: 'COLLECTION_STOP_NOT_APPLICABLE', field: 'collectionStopDate', column: 'L' },
    ]);
    expect(hits[0]!.severity).toBe('error');
    expect(hits[0]!.params).toMatchObject({ collectionStopDate: '2024-12-01' });
  });

  it.each<Classification>(['非強制徴収公債権', '私債権'])('does not fire on a %s', (classification) => {
    expectRule('COLLECTION_STOP_NOT_APPLICABLE', row, { asOf: AS_OF, classification }, false);
  });

  it('does not fire without a stop date', () => {
    expectRule('COLLECTION_STOP_NOT_APPLICABLE', { ...row, collectionStopDate: null }, OPTS, false);
  });
});
