import { isBlank } from '../../engine/ledger-row.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'HARDSHIP_NO_REFERRAL',
  title: { ja: '支援窓口の案内漏れ', en: 'No support referral' },
  severity: 'warning',
  group: 'hardship',
  basis: {
    ja: '債権管理の取組み（生活困窮者の自立支援相談等の窓口への案内）',
    en: "The city's plan: refer people in hardship to support desks",
  },
  condition: { ja: '生活困窮が「はい」で支援窓口案内日が空欄', en: 'hardship true and referralDate blank' },
  message: {
    ja: '生活困窮の方ですが、支援窓口への案内の記録がありません。生活困窮者自立支援等の相談窓口を案内し、日付を記録してください。',
    en: 'Marked as in hardship with no referral recorded. Refer them to a support desk and record the date.',
  },
  reads: ['hardship', 'referralDate'],
  check(row) {
    return row.v.hardship === true && isBlank(row, 'referralDate') ? { field: 'referralDate', params: {} } : null;
  },
});
