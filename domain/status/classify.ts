/**
 * 未収金の状況: each row still owing falls in exactly one class of the published shape (大阪市's
 * per-claim sheets), or in 分類できない when the ledger does not say enough. Never guessed.
 *
 * 回収債権 (still being collected):
 *   ① 差押中 — seized, not yet converted to cash. 国税徴収法47条以下 (強制徴収公債権: 地方税法の
 *      滞納処分の例、地方自治法231条の3第3項), 私債権: 民事執行法.
 *   ② 分納・猶予 — an installment pledge or a deferral in force. 地方税法15条 (徴収猶予)、15条の5・
 *      15条の6 (換価の猶予)、地方自治法施行令171条の6 (履行延期の特約)、分納誓約 (債務の承認、民法152条).
 *   ③ 交渉・催告中 — a demand, dunning, contact or a lawyer's mandate recorded. 地方自治法231条の3
 *      第1項・施行令171条 (督促)、民法150条 (催告)、施行令171条の2 (強制執行等).
 * 整理債権 (to be cleaned up):
 *   ④ 財産なし・所在不明 — the property search found nothing, or the debtor cannot be found.
 *      国税徴収法141条 (財産調査); what 地方税法15条の7第1項1号・3号 and 施行令171条の5第2号 stop on.
 *   ⑤ 執行停止・徴収停止 — 地方税法15条の7 (滞納処分の執行停止、国税徴収法153条)、地方自治法施行令
 *      171条の5 (徴収停止).
 *   ⑥ 時効完成 — 地方自治法236条 (公債権: 援用を要せず消滅)、民法166条 (私債権: 期間の経過、消滅は
 *      援用による、民法145条)、地方税法18条.
 *   ⑦ 生活困窮 — hardship recorded (地方税法15条の7第1項2号 is the stop it may lead to).
 *
 * Precedence, first that holds: ⑥ ⑤ ⑦ ④ ① ② ③. The 整理 classes come first so that a collectable
 * amount is never overstated: ⑥ because a claim whose period has run cannot be collected whatever
 * else is under way; ⑤ because the city's decision to stop overrides the means in progress (a
 * seizure is released on 執行停止, 地方税法15条の7第3項); ⑦ before ④ because hardship decides how the
 * claim is handled (referral, 15条の7第1項2号) where both hold. Among the 回収 classes the stronger
 * means first: a seizure, then a deferral, then dunning.
 */
import type { Day } from '../calendar/day.js';
import { anyInvalid, type LedgerRow, type ReadField } from '../engine/ledger-row.js';
import { PRESCRIPTION_READS } from '../rules/prescription/basis.js';
import type { RuleParams } from '../rules/rule.js';
import { deferralInForce, owes, prescriptionEnd } from '../rules/terms.js';

export const STATUS_CLASSES = [
  'seized',
  'deferred',
  'dunning',
  'nothingToRecover',
  'stopped',
  'prescribed',
  'hardship',
] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
/** A row still owing that the ledger cannot place in a class. */
export const UNCLASSIFIED = 'unclassified';
export type StatusOf = StatusClass | typeof UNCLASSIFIED;
export const STATUS_KEYS: readonly StatusOf[] = [...STATUS_CLASSES, UNCLASSIFIED];

export type StatusGroup = '回収債権' | '整理債権' | '分類できない';

export interface StatusClassDef {
  /** ①…⑦ as the published sheets number them. */
  mark: string;
  label: string;
  en: string;
  group: StatusGroup;
}

export const STATUS_DEFS: Readonly<Record<StatusOf, StatusClassDef>> = {
  seized: { mark: '①', label: '差押中', en: 'Seized', group: '回収債権' },
  deferred: { mark: '②', label: '分納・猶予', en: 'Installments or deferral', group: '回収債権' },
  dunning: { mark: '③', label: '交渉・催告中', en: 'Under negotiation or dunning', group: '回収債権' },
  nothingToRecover: {
    mark: '④',
    label: '財産なし・所在不明',
    en: 'No assets or whereabouts unknown',
    group: '整理債権',
  },
  stopped: { mark: '⑤', label: '執行停止・徴収停止', en: 'Enforcement or collection stopped', group: '整理債権' },
  prescribed: { mark: '⑥', label: '時効完成', en: 'Prescription completed', group: '整理債権' },
  hardship: { mark: '⑦', label: '生活困窮', en: 'Hardship', group: '整理債権' },
  unclassified: { mark: '', label: '分類できない', en: 'Cannot be classified', group: '分類できない' },
};

/** The order in which the classes are tried: the first that holds is the row's. */
export const STATUS_PRECEDENCE: readonly StatusClass[] = [
  'prescribed',
  'stopped',
  'hardship',
  'nothingToRecover',
  'seized',
  'deferred',
  'dunning',
];

/**
 * The fields each class is decided on. Where one of them could not be read, whether that class
 * holds is unknown: the row is not classified, rather than put in a class after it.
 */
export const STATUS_READS: Readonly<Record<StatusClass, readonly ReadField[]>> = {
  prescribed: PRESCRIPTION_READS,
  stopped: ['suspensionDate', 'suspensionType', 'collectionStopDate'],
  hardship: ['hardship'],
  nothingToRecover: ['propertySearchResult', 'whereaboutsUnknown'],
  seized: ['seizureDate', 'seized'],
  deferred: ['deferralType', 'deferralStart', 'deferralEnd'],
  dunning: ['demandDate', 'lastDunningDate', 'lastContactDate', 'lawyerDelegated'],
};

/** A day recorded on or before the as-of date (a later one is not yet in effect). */
const by = (d: Day | null, asOf: Day) => d !== null && d <= asOf;

/** Whether one class holds for a row (precedence aside); null when that cannot be decided. */
function holds(c: StatusClass, row: LedgerRow, asOf: Day, params: RuleParams): boolean | null {
  const v = row.v;
  switch (c) {
    case 'prescribed': {
      const end = prescriptionEnd(row, params);
      if (end === null || asOf <= end) return false;
      // A seizure in force keeps prescription from completing (民法148条1項): a date computed
      // without it does not hold; a 時効完成予定日 the clerk wrote does.
      if (v.prescriptionDate !== null) return true;
      if (anyInvalid(row, STATUS_READS.seized)) return null;
      return !holds('seized', row, asOf, params);
    }
    case 'stopped':
      // A 停止区分 without its day still says the city stopped; a day names when.
      return (v.suspensionDate !== null ? by(v.suspensionDate, asOf) : v.suspensionType !== null) ||
        by(v.collectionStopDate, asOf); // prettier-ignore
    case 'hardship':
      return v.hardship === true;
    case 'nothingToRecover':
      return v.propertySearchResult === '財産なし' || v.whereaboutsUnknown === true;
    case 'seized':
      // Ticked, or a 差押日 reached; a day written under 差押 reads as ticked.
      return v.seizureDate !== null ? by(v.seizureDate, asOf) : v.seized === true;
    case 'deferred':
      // In force (rules.md's term), or an installment pledge that names no end and has begun.
      return (
        deferralInForce(row, asOf) ||
        (v.deferralType !== null && v.deferralEnd === null && (v.deferralStart === null || v.deferralStart <= asOf))
      );
    case 'dunning':
      return (
        by(v.demandDate, asOf) ||
        by(v.lastDunningDate, asOf) ||
        by(v.lastContactDate, asOf) ||
        v.lawyerDelegated === true
      );
  }
}

/**
 * The class of a row on the as-of date; null when it owes nothing (or its amounts cannot be read:
 * it is in no total, as in the analysis).
 */
export function statusOf(row: LedgerRow, asOf: Day, params: RuleParams): StatusOf | null {
  if (row.amountsUnreadable || !owes(row)) return null;
  for (const c of STATUS_PRECEDENCE) {
    if (anyInvalid(row, STATUS_READS[c])) return UNCLASSIFIED;
    const h = holds(c, row, asOf, params);
    if (h === null) return UNCLASSIFIED;
    if (h) return c;
  }
  return UNCLASSIFIED;
}
