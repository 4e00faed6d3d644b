import { addDays } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { deferralInForce, deferralUnknown, iso, latest, owes, unknown } from '../terms.js';
import { FOLLOW_UP_BASIS } from './basis.js';

export default defineRule({
  id: 'CONTACT_STALE',
  title: { ja: '経過記録の途絶', en: 'No recent contact' },
  severity: 'warning',
  group: 'followUp',
  basis: FOLLOW_UP_BASIS,
  condition: {
    ja: '収入未済額 > 0、基準日 > 納期限 + demandDays日、猶予期間中でない、執行停止日・徴収停止日がない、かつ督促状発付日・最終催告日・最終交渉日・最終収入日・承認日のうち最も新しいものが空欄または基準日 − contactStaleDays日より前',
    en: 'outstanding > 0, asOf > dueDate + demandDays, not deferralInForce, no suspensionDate or collectionStopDate, and the latest of demandDate, lastDunningDate, lastContactDate, lastPaymentDate, acknowledgementDate is blank or earlier than asOf − contactStaleDays',
  },
  message: {
    ja: '{contactStaleDays}日以上、督促・催告・交渉・納付の記録がありません（最後の記録: {lastTouch}）。状況を確認し、経過を記録してください。',
    en: 'No demand, dunning, contact or payment recorded for over {contactStaleDays} days (last: {lastTouch}). Follow up and record it.',
  },
  reads: [
    'outstanding', 'dueDate', 'deferralType', 'deferralStart', 'deferralEnd', 'suspensionDate', 'collectionStopDate',
    'demandDate', 'lastDunningDate', 'lastContactDate', 'lastPaymentDate', 'acknowledgementDate',
  ], // prettier-ignore
  check(row, { asOf, params }) {
    const v = row.v;
    if (!owes(row) || v.dueDate === null || asOf <= addDays(v.dueDate, params.demandDays)) return null;
    if (deferralInForce(row, asOf) || v.suspensionDate !== null || v.collectionStopDate !== null) return null;
    if (deferralUnknown(row) || unknown(row, 'suspensionDate', 'collectionStopDate')) return null;
    if (unknown(row, 'demandDate', 'lastDunningDate', 'lastContactDate', 'lastPaymentDate', 'acknowledgementDate'))
      return null;
    const last = latest(v.demandDate, v.lastDunningDate, v.lastContactDate, v.lastPaymentDate, v.acknowledgementDate);
    if (last !== null && last >= addDays(asOf, -params.contactStaleDays)) return null;
    return {
      field: 'lastContactDate',
      params: { lastTouch: last === null ? 'なし' : iso(last), contactStaleDays: params.contactStaleDays },
    };
  },
});
