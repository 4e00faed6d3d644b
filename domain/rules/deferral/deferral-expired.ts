import { defineRule } from '../rule.js';
import { iso, owes } from '../terms.js';
import { DEFERRAL_BASIS } from './basis.js';

export default defineRule({
  id: 'DEFERRAL_EXPIRED',
  title: { ja: '猶予期間の満了', en: 'Deferral ended' },
  severity: 'warning',
  group: 'deferral',
  basis: DEFERRAL_BASIS,
  condition: {
    ja: '猶予区分あり、猶予終了日 < 基準日、収入未済額 > 0',
    en: 'deferralType set, deferralEnd < asOf, outstanding > 0',
  },
  message: {
    ja: '{deferralType}の期間が {deferralEnd} に終わっていますが、未収が残っています。延長・再催告など次の対応を決めてください。',
    en: 'The {deferralType} ended on {deferralEnd} with an amount still owed. Decide the next step.',
  },
  reads: ['deferralType', 'deferralEnd', 'outstanding'],
  check(row, { asOf }) {
    const { deferralType, deferralEnd } = row.v;
    if (deferralType === null || deferralEnd === null || deferralEnd >= asOf || !owes(row)) return null;
    return { field: 'deferralEnd', params: { deferralType, deferralEnd: iso(deferralEnd) } };
  },
});
