import { addDays } from '../../calendar/day.js';
import { isBlank } from '../../engine/ledger-row.js';
import { defineRule } from '../rule.js';
import { iso, owes, unknown } from '../terms.js';
import { DEMAND_BASIS } from './basis.js';

export default defineRule({
  id: 'DEMAND_MISSING',
  title: { ja: '督促状の未発付', en: 'Demand not sent' },
  severity: 'error',
  group: 'demand',
  basis: DEMAND_BASIS,
  condition: {
    ja: '収入未済額 > 0、基準日 > 納期限 + demandDays日、督促状発付日が空欄、かつ（猶予区分があり猶予開始日 ≤ 納期限）でない',
    en: 'outstanding > 0, asOf > dueDate + demandDays, demandDate blank, and not (deferralType set and deferralStart ≤ dueDate)',
  },
  message: {
    ja: '納期限 {dueDate} から{demandDays}日を過ぎても督促状の発付日がありません。督促は法令上の義務です。発付して日付を記録してください。',
    en: 'No demand notice recorded {demandDays} days after the due date {dueDate}. The demand is a statutory duty: send it and record the date.',
  },
  reads: ['outstanding', 'dueDate', 'demandDate', 'deferralType', 'deferralStart'],
  check(row, { asOf, params }) {
    const { dueDate, deferralType, deferralStart } = row.v;
    if (!owes(row) || dueDate === null || !isBlank(row, 'demandDate')) return null;
    if (asOf <= addDays(dueDate, params.demandDays)) return null;
    if (deferralType !== null && deferralStart !== null && deferralStart <= dueDate) return null;
    // The exception needs a deferral type and its start: either unreadable leaves it undecided.
    if (unknown(row, 'deferralType') || (deferralType !== null && unknown(row, 'deferralStart'))) return null;
    return { field: 'demandDate', params: { dueDate: iso(dueDate), demandDays: params.demandDays } };
  },
});
