import { describe, expect, it } from 'vitest';
import { RULE_IDS, type RuleId } from '../../../domain/rules/rule.js';
import { WORKLIST_ACTIONS, actionOfRule, buildWorklist } from '../../../domain/worklist/index.js';
import { day, finding, ledgerRow } from './helpers.js';

const AS_OF = day('2025-03-31');

/** The spec's table (`worklist.md`, "Actions, most urgent first"), written out again. */
const SPEC_TIERS: readonly [number, string, readonly RuleId[]][] = [
  [1, '時効の完成を止める', ['PRESCRIPTION_IMMINENT']],
  [2, '欠損処理', ['PRESCRIPTION_EXPIRED_PUBLIC', 'SUSPENSION_EXPIRED', 'IMMEDIATE_EXTINCTION_OPEN']],
  [3, '督促状の発付', ['DEMAND_MISSING']],
  [4, '分納の督励', ['INSTALLMENT_MISSED']],
  [5, '援用・放棄の確認', ['PRESCRIPTION_EXPIRED_PRIVATE']],
  [6, '次の段階の催告', ['ESCALATION_DUE']],
  [7, '初回の催告', ['EARLY_DUNNING']],
  [8, '生活支援の案内', ['HARDSHIP_NO_REFERRAL']],
  [9, '接触の再開', ['CONTACT_STALE']],
  [10, '猶予・停止の見直し', ['DEFERRAL_EXPIRED', 'SUSPENSION_NOT_APPLICABLE', 'COLLECTION_STOP_NOT_APPLICABLE', 'DEFERRAL_NOT_APPLICABLE']],
]; // prettier-ignore

describe('the action table', () => {
  it('is the spec table: tiers 1–10 in order, Japanese labels, rules', () => {
    expect(WORKLIST_ACTIONS.map((a) => [a.tier, a.label.ja, a.rules])).toEqual(SPEC_TIERS);
    for (const a of WORKLIST_ACTIONS) expect(a.label.en).not.toBe('');
  });

  it('names only rules of the catalogue, each in one tier', () => {
    const all = WORKLIST_ACTIONS.flatMap((a) => a.rules);
    for (const r of all) expect(RULE_IDS).toContain(r);
    expect(new Set(all).size).toBe(all.length);
  });

  it('data rules call for no action', () => {
    for (const r of ['REQUIRED_MISSING', 'BALANCE_MISMATCH', 'DUPLICATE_ROW', 'DEMAND_LATE'] as const)
      expect(actionOfRule(r)).toBeUndefined();
  });
});

describe('each tier from its rule', () => {
  for (const a of WORKLIST_ACTIONS) {
    for (const rule of a.rules) {
      it(`${rule} → tier ${a.tier} ${a.code}`, () => {
        const items = buildWorklist({
          rows: [ledgerRow({ row: 2, debtorId: 'D1' })],
          findings: [finding(2, rule, rule === 'PRESCRIPTION_IMMINENT' ? { prescriptionEnd: '2025-06-30' } : {})],
          asOf: AS_OF,
        });
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ rank: 1, tier: a.tier, action: a.code, debtorId: 'D1', rules: [rule] });
      });
    }
  }

  it('the most urgent action wins; the other findings are listed with it, data errors too', () => {
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'D1' }), ledgerRow({ row: 3, debtorId: 'D1' })],
      findings: [
        finding(2, 'CONTACT_STALE'),
        finding(2, 'BALANCE_MISMATCH'),
        finding(3, 'EARLY_DUNNING'),
        finding(3, 'DEMAND_MISSING'),
      ],
      asOf: AS_OF,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      tier: 3,
      action: 'issueDemand',
      rules: ['DEMAND_MISSING', 'EARLY_DUNNING', 'CONTACT_STALE', 'BALANCE_MISMATCH'],
      rows: [2, 3],
      findings: [
        { row: 2, rule: 'BALANCE_MISMATCH' },
        { row: 2, rule: 'CONTACT_STALE' },
        { row: 3, rule: 'DEMAND_MISSING' },
        { row: 3, rule: 'EARLY_DUNNING' },
      ],
    });
  });
});
