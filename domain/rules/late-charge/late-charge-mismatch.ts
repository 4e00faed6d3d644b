import { calculateLateCharge } from '../../late-charge/calculate.js';
import { rowLateChargeProfile } from '../../late-charge/estimate.js';
import type { LedgerRow } from '../../engine/ledger-row.js';
import type { LateChargeProfile } from '../../late-charge/profile.js';
import { defineRule, type Hit } from '../rule.js';
import { unknown } from '../terms.js';

/**
 * `late-charge.md`, "Check": a fully paid row's recorded 延滞金 against the charge on the assessed
 * amount from the due date to the last payment. Only a paid row is checked: for an open row the
 * charge is still growing, and a row does not hold the dates of earlier partial payments.
 */
export default defineRule({
  id: 'LATE_CHARGE_MISMATCH',
  title: { ja: '延滞金の計算違い', en: 'Late charge mismatch' },
  severity: 'warning',
  group: 'lateCharge',
  basis: {
    ja: '地方自治法231条の3第2項、地方税法20条の4の2・附則3条の2、民法404条・419条',
    en: 'Local Autonomy Act art. 231-3(2); Local Tax Act art. 20-4-2 and suppl. art. 3-2; Civil Code art. 404, 419',
  },
  condition: {
    ja: '完納（収入未済額 0、収入済額 = 調定額、不納欠損なし）で最終収入日があり、猶予区分が空欄、延滞金が記入され、その額が調定額・納期限・最終収入日から計算した額と異なる。延滞金のない債権（設定が対象外）では 0 以外の記入',
    en: 'fully paid (outstanding 0, paid = assessed, no write-off), lastPaymentDate set, no deferralType, lateCharge filled and different from the charge on the assessed amount from the due date to the last payment; on a claim type whose profile is none, lateCharge filled and not 0',
  },
  message: {
    ja: '記入された延滞金 {recorded}円 は、納期限の翌日から最終収入日までの計算額 {expected}円 と異なります。計算と記入を確認してください。',
    en: 'The recorded late charge ({recorded} yen) differs from the {expected} yen counted from the day after the due date to the last payment. Check the calculation and the entry.',
  },
  reads: [
    'lateCharge', 'assessedAmount', 'paidAmount', 'outstanding', 'writtenOffAmount', 'writeOffDate',
    'lastPaymentDate', 'dueDate', 'deferralType', 'claimType', 'classification', 'demandDate',
  ], // prettier-ignore
  check: (row, ctx) => lateChargeMismatch(row, rowLateChargeProfile(row, ctx.lateCharges)),
});

/** The rule for one row under a profile (the row's own, or one a test or a city supplies). */
export function lateChargeMismatch(row: LedgerRow, profile: LateChargeProfile | null): Hit | null {
  const v = row.v;
  const recorded = v.lateCharge;
  if (recorded === null || profile === null) return null;
  const hit = (expected: number) => ({ field: 'lateCharge' as const, params: { recorded, expected } });
  // No charge can ever be owed: any amount but 0 is wrong, paid or not.
  if (profile.kind === 'none') return recorded !== 0 ? hit(0) : null;
  if (unknown(row, 'assessedAmount', 'paidAmount', 'outstanding', 'writtenOffAmount', 'writeOffDate')) return null;
  if (unknown(row, 'lastPaymentDate', 'dueDate', 'deferralType')) return null;
  const fullyPaid =
    row.outstanding === 0 &&
    v.assessedAmount !== null &&
    v.paidAmount === v.assessedAmount &&
    !v.writtenOffAmount &&
    v.writeOffDate === null;
  if (!fullyPaid || v.lastPaymentDate === null || v.dueDate === null || v.deferralType !== null) return null;
  // Only an ordinance that ends the first period after the 督促 needs its date.
  if (profile.kind === 'tax-like' && profile.firstPeriod.kind === 'after-demand' && unknown(row, 'demandDate')) {
    return null;
  }
  const r = calculateLateCharge(
    { principal: v.assessedAmount!, dueDate: v.dueDate, paidOn: v.lastPaymentDate, demandDate: v.demandDate },
    profile,
  );
  if (r === null || r.total === recorded) return null;
  return hit(r.total);
}
