/**
 * Words for the codes the service sends (submission states, chase reasons, hard-case statuses,
 * roles, proposal reasons, the submission period), in the pane's language. The service's own
 * Japanese `*Label` fields are not read: the pane words every code itself, so English Office gets
 * English and the service can stop sending them.
 */
import type { SubmissionPeriod } from '../../domain/plans/submission-period.js';
import { translator, type MessageKey, type Translate } from './messages.js';

export type SubmissionStateCode = 'ok' | 'due' | 'late' | 'never' | 'no-ledger';
export type HardCaseStatusCode = 'open' | 'answered' | 'closed';
export type ReasonCode = 'growing' | 'behind-plan' | 'other';

/** A ledger's submission state, or why a ledger or claim is on the chase list (late, never, no-ledger). */
export const stateLabel = (t: Translate, state: SubmissionStateCode): string => t(`ov.state.${state}`);

export const caseStatusLabel = (t: Translate, status: HardCaseStatusCode): string => t(`ov.caseStatus.${status}`);

const ROLE_KEYS: Record<string, MessageKey> = {
  division: 'ov.role.division',
  accounting: 'ov.role.accounting',
  finance: 'ov.role.finance',
};
/** 所管課・経理担当課・財政局; その他 for anything else. */
export const roleLabel = (t: Translate, role: string | null): string => t(ROLE_KEYS[role ?? ''] ?? 'ov.role.other');

const REASON_KEYS: Record<ReasonCode, MessageKey> = {
  growing: 'ov.reason.growing',
  'behind-plan': 'ov.reason.behind',
  other: 'ov.reason.other',
};
/** Why a claim is on the improvement list, or a proposal's reason; an unknown code as it is. */
export const reasonLabel = (t: Translate, reason: string): string =>
  reason in REASON_KEYS ? t(REASON_KEYS[reason as ReasonCode]) : reason;

/** 毎月10日までに送信 / 31日以内ごとに送信. */
export const periodLabel = (t: Translate, p: SubmissionPeriod): string =>
  p.kind === 'monthly' ? t('ov.period.monthly', { day: p.day }) : t('ov.period.days', { days: p.days });

/** 確定 once last fiscal year's settlement is final, 見込 until then. */
export const baselineStatusLabel = (t: Translate, settled: boolean): string =>
  t(settled ? 'ov.baseline.settled' : 'ov.baseline.estimate');

/** The Japanese words, for the 取りまとめ sheets (which are Japanese whatever Office's language). */
export const ja: Translate = translator('ja');
