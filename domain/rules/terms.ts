/**
 * The terms `rules.md` defines once and many rules use ("Terms used in conditions").
 */
import { addDays, addYears, fiscalYearOf, formatISO, type Day } from '../calendar/day.js';
import { anyInvalid, type LedgerRow, type ReadField } from '../engine/ledger-row.js';
import type { RuleParams } from './rule.js';

/** outstanding > 0: something is still owed. */
export function owes(row: LedgerRow): boolean {
  return row.outstanding !== null && row.outstanding > 0;
}

/** True when any of these cells could not be read: a condition that needs them cannot be decided. */
export function unknown(row: LedgerRow, ...fields: ReadField[]): boolean {
  return anyInvalid(row, fields);
}

/** Whether deferralInForce can be decided at all. */
export function deferralUnknown(row: LedgerRow): boolean {
  return unknown(row, 'deferralType', 'deferralStart', 'deferralEnd');
}

/** deferralType set and deferralStart ≤ asOf ≤ deferralEnd. */
export function deferralInForce(row: LedgerRow, asOf: Day): boolean {
  const { deferralType, deferralStart, deferralEnd } = row.v;
  return (
    deferralType !== null &&
    deferralStart !== null &&
    deferralEnd !== null &&
    deferralStart <= asOf &&
    asOf <= deferralEnd
  );
}

/** 現年度分: the row's fiscal year is the as-of date's. */
export function isCurrentYear(row: LedgerRow, asOf: Day): boolean {
  return row.fiscalYear !== null && row.fiscalYear === fiscalYearOf(asOf);
}

export function isPublic(row: LedgerRow): boolean {
  return row.classification === '強制徴収公債権' || row.classification === '非強制徴収公債権';
}

/** The latest of the days that are set; null when none is. */
export function latest(...days: (Day | null)[]): Day | null {
  let best: Day | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

/**
 * The last day of the prescription period: the 時効完成予定日 cell where filled in; otherwise
 * counted from the latest start (due date, the 督促's deadline for 公債権, acknowledgement, a
 * partial payment) — the day before the same date `years` on, or the month's last day (民法143条).
 */
export function prescriptionEnd(row: LedgerRow, params: RuleParams): Day | null {
  const v = row.v;
  if (v.prescriptionDate !== null) return v.prescriptionDate;
  if (v.dueDate === null || unknown(row, 'prescriptionDate', 'acknowledgementDate')) return null;
  const starts: (Day | null)[] = [addDays(v.dueDate, 1)];
  // A 督促 renews a public claim only; for a private one its date does not matter.
  if (isPublic(row) && unknown(row, 'demandDate')) return null;
  if (isPublic(row) && v.demandDate !== null) {
    if (unknown(row, 'demandDeadline')) return null;
    starts.push(addDays(v.demandDeadline ?? addDays(v.demandDate, params.demandTermDays), 1));
  }
  if (v.acknowledgementDate !== null) starts.push(addDays(v.acknowledgementDate, 1));
  // A partial payment renews only where something was paid and something is still owed.
  if (owes(row) && (v.paidAmount ?? 0) > 0 && unknown(row, 'lastPaymentDate')) return null;
  if (owes(row) && v.lastPaymentDate !== null && unknown(row, 'paidAmount')) return null;
  if (v.lastPaymentDate !== null && (v.paidAmount ?? 0) > 0 && owes(row)) starts.push(addDays(v.lastPaymentDate, 1));
  const start = latest(...starts) as Day;
  // addYears takes a missing Feb 29 to Mar 1, so the day before is February's last day.
  return addDays(addYears(start, row.periodYears), -1);
}

export const iso = formatISO;
