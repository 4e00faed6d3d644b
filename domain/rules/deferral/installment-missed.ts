import { addDays } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { iso, owes } from '../terms.js';
import { DEFERRAL_BASIS } from './basis.js';

export default defineRule({
  id: 'INSTALLMENT_MISSED',
  title: { ja: '分納の不履行', en: 'Installment missed' },
  severity: 'warning',
  group: 'deferral',
  basis: DEFERRAL_BASIS,
  condition: {
    ja: '収入未済額 > 0、次回納付予定日あり、基準日 > 次回納付予定日 + installmentGraceDays日',
    en: 'outstanding > 0, nextInstallmentDate set, asOf > nextInstallmentDate + installmentGraceDays',
  },
  message: {
    ja: '次回納付予定日 {nextInstallmentDate} から{installmentGraceDays}日を過ぎても納付が記録されていません。履行状況を確認し、連絡してください。',
    en: 'No payment recorded {installmentGraceDays} days after the installment due {nextInstallmentDate}. Check and contact the debtor.',
  },
  reads: ['outstanding', 'nextInstallmentDate'],
  check(row, { asOf, params }) {
    const next = row.v.nextInstallmentDate;
    if (!owes(row) || next === null || asOf <= addDays(next, params.installmentGraceDays)) return null;
    return {
      field: 'nextInstallmentDate',
      params: { nextInstallmentDate: iso(next), installmentGraceDays: params.installmentGraceDays },
    };
  },
});
