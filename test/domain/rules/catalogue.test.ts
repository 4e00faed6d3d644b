/**
 * The catalogue against rules.md: every rule id, its severity, and one ledger on which every rule
 * fires, with messages that are Japanese, fully filled in, and name the legal basis where there is one.
 */
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '../../../domain/rules/catalogue.js';
import { RULE_IDS, type RuleId, type Severity } from '../../../domain/rules/rule.js';
import { checkGrid, buildGrid, type RowSpec } from './helpers.js';

/** rules.md, table by table; then the rules specified beside their feature (late-charge.md, "Check"). */
const SPEC: [RuleId, Severity][] = [
  ['REQUIRED_MISSING', 'error'],
  ['INVALID_DATE', 'error'],
  ['INVALID_AMOUNT', 'error'],
  ['INVALID_VALUE', 'error'],
  ['BALANCE_MISMATCH', 'error'],
  ['DUPLICATE_ROW', 'error'],
  ['DATE_ORDER', 'error'],
  ['FUTURE_DATE', 'error'],
  ['WRITE_OFF_INCOMPLETE', 'error'],
  ['PERSONAL_NUMBER_COLUMN', 'error'],
  ['DEMAND_MISSING', 'error'],
  ['DEMAND_LATE', 'warning'],
  ['DEMAND_BEFORE_DUE', 'error'],
  ['CONTACT_STALE', 'warning'],
  ['EARLY_DUNNING', 'info'],
  ['ESCALATION_DUE', 'info'],
  ['DEFERRAL_INCOMPLETE', 'error'],
  ['DEFERRAL_NOT_APPLICABLE', 'error'],
  ['DEFERRAL_TOO_LONG', 'warning'],
  ['INSTALLMENT_MISSED', 'warning'],
  ['DEFERRAL_EXPIRED', 'warning'],
  ['SUSPENSION_NOT_APPLICABLE', 'error'],
  ['SUSPENSION_EXPIRED', 'error'],
  ['IMMEDIATE_EXTINCTION_OPEN', 'error'],
  ['COLLECTION_STOP_NOT_APPLICABLE', 'error'],
  ['PRESCRIPTION_IMMINENT', 'warning'],
  ['PRESCRIPTION_EXPIRED_PUBLIC', 'error'],
  ['PRESCRIPTION_EXPIRED_PRIVATE', 'warning'],
  ['HARDSHIP_NO_REFERRAL', 'warning'],
  ['LATE_CHARGE_MISMATCH', 'warning'],
];

/** Rules whose rules.md section or condition names a statute (法 / 施行令 and an article). */
const WITH_LEGAL_BASIS: RuleId[] = [
  'DEMAND_MISSING',
  'DEMAND_LATE',
  'DEMAND_BEFORE_DUE',
  'DEFERRAL_TOO_LONG',
  'SUSPENSION_EXPIRED',
  'IMMEDIATE_EXTINCTION_OPEN',
  'COLLECTION_STOP_NOT_APPLICABLE',
  'PRESCRIPTION_IMMINENT',
  'PRESCRIPTION_EXPIRED_PUBLIC',
  'PRESCRIPTION_EXPIRED_PRIVATE',
  'LATE_CHARGE_MISMATCH',
];

describe('the catalogue', () => {
  it('has exactly the rule ids of rules.md and late-charge.md, in their order', () => {
    expect([...RULE_IDS]).toEqual(SPEC.map(([id]) => id));
    expect(RULES.map((r) => r.id)).toEqual(SPEC.map(([id]) => id));
  });

  it.each(SPEC)('%s is %s', (id, severity) => {
    expect(ruleById(id).severity).toBe(severity);
  });
});

const base: RowSpec = {
  claimType: '保育料',
  fiscalYear: 'R6',
  assessedAmount: 10000,
  dueDate: '2024-10-31',
  paidAmount: 0,
  outstanding: 10000,
};
const ok: RowSpec = { ...base, demandDate: '2024-11-10', lastDunningDate: '2025-01-10' };
let n = 0;
const r = (spec: RowSpec): RowSpec => ({
  ...spec,
  debtorId: spec.debtorId === undefined ? `R-${++n}` : spec.debtorId,
  period: `${n}`,
});

/** One ledger on which every rule fires (as of 2025-03-31). */
const ROWS: RowSpec[] = [
  r({ ...ok, debtorId: null }), // REQUIRED_MISSING
  r({ ...ok, lastContactDate: 'xx' }), // INVALID_DATE
  r({ ...ok, paidAmount: '1.5' }), // INVALID_AMOUNT
  r({ ...ok, dunningMethod: 'FAX' }), // INVALID_VALUE
  r({ ...ok, outstanding: 1 }), // BALANCE_MISMATCH
  { ...ok, debtorId: 'DUP', period: 'x' },
  { ...ok, debtorId: 'DUP', period: 'x' }, // DUPLICATE_ROW
  r({ ...ok, assessedDate: '2024-11-01' }), // DATE_ORDER
  r({ ...ok, referralDate: '2026-01-01' }), // FUTURE_DATE
  r({ ...ok, writeOffDate: '2025-01-01' }), // WRITE_OFF_INCOMPLETE
  r({ ...base }), // DEMAND_MISSING (and CONTACT_STALE)
  r({ ...ok, demandDate: '2024-12-01' }), // DEMAND_LATE
  r({ ...ok, demandDate: '2024-10-31' }), // DEMAND_BEFORE_DUE
  r({ ...base, dueDate: '2025-01-31', demandDate: '2025-02-12' }), // EARLY_DUNNING
  r({ ...ok, dunningMethod: '文書', dunningCount: 3 }), // ESCALATION_DUE
  r({ ...ok, deferralType: '分納誓約', deferralStart: '2024-11-01' }), // DEFERRAL_INCOMPLETE
  r({
    ...ok,
    deferralType: '履行延期特約',
    deferralStart: '2024-11-01',
    deferralEnd: '2025-10-31',
    installmentAmount: 1000,
  }), // DEFERRAL_NOT_APPLICABLE
  r({ ...ok, deferralType: '徴収猶予', deferralStart: '2024-11-01', deferralEnd: '2026-11-01' }), // DEFERRAL_TOO_LONG
  r({ ...ok, nextInstallmentDate: '2025-02-01' }), // INSTALLMENT_MISSED
  r({
    ...ok,
    deferralType: '分納誓約',
    deferralStart: '2024-11-01',
    deferralEnd: '2025-02-01',
    installmentAmount: 1000,
  }), // DEFERRAL_EXPIRED
  r({ ...ok, claimType: '水道料金', suspensionDate: '2025-01-01' }), // SUSPENSION_NOT_APPLICABLE
  r({ ...ok, suspensionDate: '2022-01-01' }), // SUSPENSION_EXPIRED
  r({ ...ok, suspensionDate: '2025-01-01', suspensionType: '即時消滅' }), // IMMEDIATE_EXTINCTION_OPEN
  r({ ...ok, collectionStopDate: '2025-01-01' }), // COLLECTION_STOP_NOT_APPLICABLE
  r({ ...ok, prescriptionDate: '2025-06-30' }), // PRESCRIPTION_IMMINENT
  r({ ...ok, fiscalYear: 'R1', dueDate: '2019-06-30', demandDate: '2019-07-10', lastDunningDate: '2025-01-10' }), // PRESCRIPTION_EXPIRED_PUBLIC
  r({ ...ok, claimType: '水道料金', fiscalYear: 'R1', dueDate: '2019-06-30', demandDate: '2019-07-10' }), // PRESCRIPTION_EXPIRED_PRIVATE
  r({ ...ok, hardship: '○' }), // HARDSHIP_NO_REFERRAL
  r({
    ...base,
    dueDate: '2024-04-30',
    paidAmount: 10000,
    lastPaymentDate: '2024-12-20',
    outstanding: 0,
    lateCharge: 1,
  }), // LATE_CHARGE_MISMATCH
];

describe('one ledger firing every rule', () => {
  const grid = buildGrid(ROWS, { extra: [{ header: '個人番号' }] });
  const { result } = checkGrid(grid, { asOf: '2025-03-31' });

  it('fires every rule of the catalogue', () => {
    const fired = new Set(result.findings.map((f) => f.rule));
    expect(RULE_IDS.filter((id) => !fired.has(id))).toEqual([]);
  });

  it('renders every message in Japanese with every placeholder filled', () => {
    for (const f of result.findings) {
      expect(f.message, f.rule).not.toMatch(/\{\w+\}/);
      expect(f.message, f.rule).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(f.message, f.rule).not.toMatch(/undefined|NaN|null/);
    }
  });

  it('names the legal basis in the message of each rule that has one', () => {
    const missing = new Set<RuleId>();
    for (const f of result.findings) {
      if (WITH_LEGAL_BASIS.includes(f.rule) && !/(法|令)[^。]*?\d+条/.test(f.message)) missing.add(f.rule);
    }
    expect([...missing]).toEqual([]);
  });
});
