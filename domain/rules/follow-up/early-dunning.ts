import { addDays } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { deferralInForce, deferralUnknown, iso, isCurrentYear, owes, unknown } from '../terms.js';
import { FOLLOW_UP_BASIS } from './basis.js';

export default defineRule({
  id: 'EARLY_DUNNING',
  title: { ja: '滞納初期の催告漏れ', en: 'No early dunning' },
  severity: 'info',
  group: 'followUp',
  basis: FOLLOW_UP_BASIS,
  condition: {
    ja: '現年度分、収入未済額 > 0、督促状発付日あり、基準日 > 督促状発付日 + earlyDunningDays日、最終催告日が空欄または督促状発付日以前、猶予期間中でない',
    en: '現年度分, outstanding > 0, demandDate set, asOf > demandDate + earlyDunningDays, lastDunningDate blank or ≤ demandDate, not deferralInForce',
  },
  message: {
    ja: '現年度分で、督促（{demandDate}）から{earlyDunningDays}日を過ぎても催告がありません。滞納初期の早めの催告が効果的です。',
    en: 'Current-year claim with no dunning {earlyDunningDays} days after the demand ({demandDate}). Early dunning works best.',
  },
  reads: [
    'fiscalYear',
    'dueDate',
    'outstanding',
    'demandDate',
    'lastDunningDate',
    'deferralType',
    'deferralStart',
    'deferralEnd',
  ],
  check(row, { asOf, params }) {
    const { demandDate, lastDunningDate } = row.v;
    if (!isCurrentYear(row, asOf) || !owes(row) || demandDate === null) return null;
    if (asOf <= addDays(demandDate, params.earlyDunningDays)) return null;
    if (lastDunningDate !== null && lastDunningDate > demandDate) return null;
    if (unknown(row, 'lastDunningDate') || deferralUnknown(row) || deferralInForce(row, asOf)) return null;
    return {
      field: 'lastDunningDate',
      params: { demandDate: iso(demandDate), earlyDunningDays: params.earlyDunningDays },
    };
  },
});
