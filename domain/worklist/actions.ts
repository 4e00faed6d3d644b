/**
 * The worklist's actions (`worklist.md`, "Actions, most urgent first"): each tier, its code, its words
 * in Japanese and English, and the rules that call for it. Data, so the pane, the command line and the
 * service's counts all read the same table.
 */
import type { RuleId, Text } from '../rules/rule.js';

export const ACTION_CODES = [
  'stopPrescription',
  'writeOff',
  'issueDemand',
  'chaseInstallment',
  'confirmInvocation',
  'escalateDunning',
  'firstDunning',
  'referSupport',
  'resumeContact',
  'reviewMeasure',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type ActionTier = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export interface WorklistAction {
  tier: ActionTier;
  code: ActionCode;
  label: Text;
  /** What the clerk does, as the spec's table says it. */
  todo: Text;
  rules: readonly RuleId[];
}

export const WORKLIST_ACTIONS: readonly WorklistAction[] = [
  {
    tier: 1,
    code: 'stopPrescription',
    label: { ja: '時効の完成を止める', en: 'Stop prescription' },
    todo: {
      ja: '時効完成日までに催告・承認（分納誓約）・差押',
      en: 'Demand, acknowledgement (pledge) or seizure before the date',
    },
    rules: ['PRESCRIPTION_IMMINENT'],
  },
  {
    tier: 2,
    code: 'writeOff',
    label: { ja: '欠損処理', en: 'Write off' },
    todo: { ja: '不納欠損（債権は消滅している）', en: 'Write the extinguished claim off' },
    rules: ['PRESCRIPTION_EXPIRED_PUBLIC', 'SUSPENSION_EXPIRED', 'IMMEDIATE_EXTINCTION_OPEN'],
  },
  {
    tier: 3,
    code: 'issueDemand',
    label: { ja: '督促状の発付', en: 'Issue the demand' },
    todo: { ja: '法定の義務が未了', en: 'A statutory duty not yet done' },
    rules: ['DEMAND_MISSING'],
  },
  {
    tier: 4,
    code: 'chaseInstallment',
    label: { ja: '分納の督励', en: 'Chase the installment' },
    todo: { ja: '連絡し、分納の取消し・履行延期を検討', en: 'Contact; consider cancelling the installment plan' },
    rules: ['INSTALLMENT_MISSED'],
  },
  {
    tier: 5,
    code: 'confirmInvocation',
    label: { ja: '援用・放棄の確認', en: 'Confirm invocation or waiver' },
    todo: { ja: '時効の援用を確認し、債権放棄の手続', en: 'Ask whether prescription was invoked; waiver procedure' },
    rules: ['PRESCRIPTION_EXPIRED_PRIVATE'],
  },
  {
    tier: 6,
    code: 'escalateDunning',
    label: { ja: '次の段階の催告', en: 'Escalate the dunning' },
    todo: { ja: '最終の催告方法の次の段階へ', en: 'The next step after the last dunning method' },
    rules: ['ESCALATION_DUE'],
  },
  {
    tier: 7,
    code: 'firstDunning',
    label: { ja: '初回の催告', en: 'First reminder' },
    todo: { ja: '督促後の最初の催告', en: 'The first reminder after the demand' },
    rules: ['EARLY_DUNNING'],
  },
  {
    tier: 8,
    code: 'referSupport',
    label: { ja: '生活支援の案内', en: 'Refer to support' },
    todo: { ja: '生活困窮者自立支援の窓口を案内', en: 'Refer to the support desk' },
    rules: ['HARDSHIP_NO_REFERRAL'],
  },
  {
    tier: 9,
    code: 'resumeContact',
    label: { ja: '接触の再開', en: 'Resume contact' },
    todo: { ja: '1年以上接触がない', en: 'No contact for a year' },
    rules: ['CONTACT_STALE'],
  },
  {
    tier: 10,
    code: 'reviewMeasure',
    label: { ja: '猶予・停止の見直し', en: 'Review the deferral or stop' },
    todo: { ja: '措置を終了または訂正', en: 'End or correct the measure' },
    rules: [
      'DEFERRAL_EXPIRED',
      'SUSPENSION_NOT_APPLICABLE',
      'COLLECTION_STOP_NOT_APPLICABLE',
      'DEFERRAL_NOT_APPLICABLE',
    ],
  },
];

const BY_RULE = new Map<RuleId, WorklistAction>(WORKLIST_ACTIONS.flatMap((a) => a.rules.map((r) => [r, a] as const)));
const BY_CODE = new Map<ActionCode, WorklistAction>(WORKLIST_ACTIONS.map((a) => [a.code, a]));

/** The action a rule calls for, or undefined for a rule that creates no item (data errors and the like). */
export function actionOfRule(rule: RuleId): WorklistAction | undefined {
  return BY_RULE.get(rule);
}

export function actionByCode(code: ActionCode): WorklistAction {
  return BY_CODE.get(code)!;
}
