/**
 * Records and follow-up (経過記録, 滞納初期の催告, 段階的な強化): rules.md "Records and follow-up".
 */
import { describe, expect, it } from 'vitest';
import type { FieldKey } from '../../../domain/fields/catalogue.js';
import { brief, expectRule, hitsOf, plusDays, rulesFiring, type Opts, type RowSpec } from './helpers.js';

const AS_OF = '2025-03-31';
const OPTS: Opts = { asOf: AS_OF, claimType: '保育料' };
const at = (asOf: string): Opts => ({ ...OPTS, asOf });
const STALE_EDGE = plusDays(AS_OF, -365); // 2024-03-31

/** An arrears row (FY2022), demanded in time long ago. */
const ARREARS: RowSpec = {
  debtorId: 'F-1',
  fiscalYear: 'R4',
  period: '1月分',
  assessedAmount: 20000,
  dueDate: '2023-01-31',
  paidAmount: 0,
  outstanding: 20000,
  demandDate: '2023-02-10',
  lastDunningDate: null,
  lastContactDate: null,
  lastPaymentDate: null,
  acknowledgementDate: null,
};

describe('CONTACT_STALE', () => {
  it('fires on lastContactDate when nothing was recorded for over 365 days', () => {
    const hits = hitsOf('CONTACT_STALE', ARREARS, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'CONTACT_STALE', field: 'lastContactDate', column: 'K' }]);
    expect(hits[0]!.severity).toBe('warning');
    expect(hits[0]!.params).toMatchObject({ lastTouch: '2023-02-10', contactStaleDays: 365 });
    expect(rulesFiring(ARREARS, OPTS)).toEqual(['CONTACT_STALE']);
  });

  it.each<FieldKey>(['demandDate', 'lastDunningDate', 'lastContactDate', 'lastPaymentDate', 'acknowledgementDate'])(
    'the latest touch on %s exactly asOf − 365 days keeps it quiet; one day earlier does not',
    (field) => {
      const extra: RowSpec = field === 'lastPaymentDate' ? { paidAmount: 1000, outstanding: 19000 } : {};
      expectRule('CONTACT_STALE', { ...ARREARS, ...extra, [field]: STALE_EDGE }, OPTS, false);
      expectRule(
        'CONTACT_STALE',
        { ...ARREARS, ...extra, [field]: plusDays(STALE_EDGE, -1) },
        OPTS,
        true,
        'lastContactDate',
      );
    },
  );

  it('takes the latest of the five dates', () => {
    const row: RowSpec = {
      ...ARREARS,
      lastDunningDate: '2023-06-01',
      lastContactDate: '2024-06-01',
      acknowledgementDate: '2023-01-01',
    };
    expectRule('CONTACT_STALE', row, OPTS, false);
  });

  it('waits for dueDate + demandDays: asOf = due + 20 no, due + 21 yes (no contact at all)', () => {
    const fresh: RowSpec = { ...ARREARS, fiscalYear: 'R6', dueDate: '2025-03-01', demandDate: null };
    expectRule('CONTACT_STALE', fresh, at('2025-03-21'), false);
    const hits = hitsOf('CONTACT_STALE', fresh, at('2025-03-22'));
    expect(hits.map((f) => f.field)).toEqual(['lastContactDate']);
  });

  it('does not fire when nothing is owed', () => {
    expectRule('CONTACT_STALE', { ...ARREARS, paidAmount: 20000, outstanding: 0 }, OPTS, false);
  });

  it('does not fire under a deferral in force, inclusive of its first and last days', () => {
    const deferred: RowSpec = { ...ARREARS, deferralType: '分納誓約', installmentAmount: 2000 };
    expectRule('CONTACT_STALE', { ...deferred, deferralStart: '2024-01-01', deferralEnd: AS_OF }, OPTS, false);
    expectRule('CONTACT_STALE', { ...deferred, deferralStart: AS_OF, deferralEnd: '2025-12-31' }, OPTS, false);
  });

  it('fires when the deferral ended the day before asOf, or starts the day after', () => {
    const deferred: RowSpec = { ...ARREARS, deferralType: '分納誓約', installmentAmount: 2000 };
    expectRule('CONTACT_STALE', { ...deferred, deferralStart: '2024-01-01', deferralEnd: '2025-03-30' }, OPTS, true);
    expectRule('CONTACT_STALE', { ...deferred, deferralStart: '2025-04-01', deferralEnd: '2025-12-31' }, OPTS, true);
  });

  it('fires under a deferral with no end date (not in force)', () => {
    const row: RowSpec = {
      ...ARREARS,
      deferralType: '分納誓約',
      deferralStart: '2024-01-01',
      deferralEnd: null,
      installmentAmount: 2000,
    };
    expectRule('CONTACT_STALE', row, OPTS, true);
  });

  it('does not fire once suspended (執行停止) or stopped (徴収停止)', () => {
    expectRule('CONTACT_STALE', { ...ARREARS, suspensionDate: '2023-06-01' }, OPTS, false);
    expectRule(
      'CONTACT_STALE',
      { ...ARREARS, collectionStopDate: '2023-06-01' },
      { ...OPTS, claimType: '水道料金' },
      false,
    );
  });

  it('follows the contactStaleDays parameter', () => {
    const opts: Opts = { ...OPTS, params: { contactStaleDays: 100 } };
    expectRule('CONTACT_STALE', { ...ARREARS, lastContactDate: plusDays(AS_OF, -100) }, opts, false);
    expectRule('CONTACT_STALE', { ...ARREARS, lastContactDate: plusDays(AS_OF, -101) }, opts, true);
  });

  it('an unreadable contact date is INVALID_DATE only', () => {
    expect(rulesFiring({ ...ARREARS, lastContactDate: '先月' }, OPTS)).toEqual(['INVALID_DATE']);
  });
});

/** A current-year (FY2024) row demanded on 2025-02-12 with no dunning since. */
const CURRENT: RowSpec = {
  debtorId: 'E-1',
  fiscalYear: 'R6',
  period: '1月分',
  assessedAmount: 18000,
  dueDate: '2025-01-31',
  paidAmount: 0,
  outstanding: 18000,
  demandDate: '2025-02-12',
  lastDunningDate: null,
};

describe('EARLY_DUNNING', () => {
  it('does not fire on demandDate + 30', () => {
    expect(rulesFiring(CURRENT, at('2025-03-14'))).toEqual([]);
  });

  it('fires on lastDunningDate on demandDate + 31', () => {
    const hits = hitsOf('EARLY_DUNNING', CURRENT, at('2025-03-15'));
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'EARLY_DUNNING', field: 'lastDunningDate', column: 'I' }]);
    expect(hits[0]!.severity).toBe('info');
    expect(hits[0]!.params).toMatchObject({ demandDate: '2025-02-12', earlyDunningDays: 30 });
    expect(rulesFiring(CURRENT, at('2025-03-15'))).toEqual(['EARLY_DUNNING']);
  });

  it('fires when the last dunning is on or before the demand, not after it', () => {
    expectRule('EARLY_DUNNING', { ...CURRENT, lastDunningDate: '2025-02-12' }, OPTS, true, 'lastDunningDate');
    expectRule('EARLY_DUNNING', { ...CURRENT, lastDunningDate: '2025-01-20' }, OPTS, true, 'lastDunningDate');
    expectRule('EARLY_DUNNING', { ...CURRENT, lastDunningDate: '2025-02-13' }, OPTS, false);
  });

  it('only for 現年度分: fiscalYear = FY(asOf)', () => {
    expectRule('EARLY_DUNNING', { ...CURRENT, fiscalYear: 'R5' }, OPTS, false);
    expectRule('EARLY_DUNNING', { ...CURRENT, fiscalYear: '令和6年度' }, at('2025-03-31'), true);
    // On 2025-04-01 FY2025 begins: the same row is 滞納繰越分.
    expectRule('EARLY_DUNNING', CURRENT, at('2025-04-01'), false);
  });

  it('a blank fiscal year is FY(dueDate)', () => {
    expectRule('EARLY_DUNNING', { ...CURRENT, fiscalYear: null }, OPTS, true);
    expectRule('EARLY_DUNNING', { ...CURRENT, fiscalYear: null }, { ...OPTS, omit: ['fiscalYear'] }, true);
  });

  it('does not fire without a demand, without anything owed, or under a deferral in force', () => {
    expectRule('EARLY_DUNNING', { ...CURRENT, demandDate: null }, OPTS, false);
    expectRule('EARLY_DUNNING', { ...CURRENT, paidAmount: 18000, outstanding: 0 }, OPTS, false);
    const deferred: RowSpec = {
      ...CURRENT,
      deferralType: '分納誓約',
      deferralStart: '2025-03-01',
      installmentAmount: 3000,
    };
    expectRule('EARLY_DUNNING', { ...deferred, deferralEnd: AS_OF }, OPTS, false);
    expectRule('EARLY_DUNNING', { ...deferred, deferralEnd: '2025-03-30' }, OPTS, true);
  });

  it('follows the earlyDunningDays parameter', () => {
    const opts = (asOf: string): Opts => ({ ...at(asOf), params: { earlyDunningDays: 10 } });
    expectRule('EARLY_DUNNING', CURRENT, opts('2025-02-22'), false);
    expectRule('EARLY_DUNNING', CURRENT, opts('2025-02-23'), true);
  });
});

/** Dunned three times by letter, never paid. */
const DUNNED: RowSpec = {
  ...ARREARS,
  lastDunningDate: '2025-02-01',
  dunningMethod: '文書',
  dunningCount: 3,
};

describe('ESCALATION_DUE', () => {
  it('fires on dunningMethod after 3 letters with no payment, naming the next step', () => {
    const hits = hitsOf('ESCALATION_DUE', DUNNED, OPTS);
    expect(hits.map(brief)).toEqual([{ row: 2, rule: 'ESCALATION_DUE', field: 'dunningMethod', column: 'K' }]);
    expect(hits[0]!.severity).toBe('info');
    expect(hits[0]!.params).toMatchObject({ method: '文書', count: 3, next: 'SMS' });
    expect(rulesFiring(DUNNED, OPTS)).toEqual(['ESCALATION_DUE']);
  });

  it('does not fire at a count of 2', () => {
    expect(rulesFiring({ ...DUNNED, dunningCount: 2 }, OPTS)).toEqual([]);
  });

  it('reads counts written 3回', () => {
    expectRule('ESCALATION_DUE', { ...DUNNED, dunningCount: '3回' }, OPTS, true);
  });

  it.each([
    ['文書', 'SMS'],
    ['SMS', 'オートコール'],
    ['オートコール', '電話'],
    ['電話', '勤務先'],
  ])('fires for %s, next %s', (method, next) => {
    const hits = hitsOf('ESCALATION_DUE', { ...DUNNED, dunningMethod: method }, OPTS);
    expect(hits.map((f) => f.params.next)).toEqual([next]);
  });

  it.each(['勤務先', '臨戸'])('does not fire for %s (already escalated)', (method) => {
    expectRule('ESCALATION_DUE', { ...DUNNED, dunningMethod: method }, OPTS, false);
  });

  it('a last payment on asOf − 180 keeps it quiet; on asOf − 181 it fires', () => {
    const paid = { ...DUNNED, paidAmount: 1000, outstanding: 19000 };
    expectRule('ESCALATION_DUE', { ...paid, lastPaymentDate: plusDays(AS_OF, -180) }, OPTS, false);
    expectRule('ESCALATION_DUE', { ...paid, lastPaymentDate: plusDays(AS_OF, -181) }, OPTS, true, 'dunningMethod');
  });

  it('does not fire when nothing is owed, or without a method', () => {
    expectRule('ESCALATION_DUE', { ...DUNNED, paidAmount: 20000, outstanding: 0 }, OPTS, false);
    expectRule('ESCALATION_DUE', { ...DUNNED, dunningMethod: null }, OPTS, false);
  });
});
