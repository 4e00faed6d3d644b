import { addDays } from '../../calendar/day.js';
import type { DunningMethod } from '../../fields/catalogue.js';
import { defineRule } from '../rule.js';
import { owes, unknown } from '../terms.js';
import { FOLLOW_UP_BASIS } from './basis.js';

/** The ladder of dunning methods, mildest first. */
export const LADDER: readonly DunningMethod[] = ['文書', 'SMS', 'オートコール', '電話', '勤務先', '臨戸'];
const ESCALATE_FROM = new Set<DunningMethod>(['文書', 'SMS', 'オートコール', '電話']);

export default defineRule({
  id: 'ESCALATION_DUE',
  title: { ja: '催告方法の切り替え', en: 'Escalate the dunning' },
  severity: 'info',
  group: 'followUp',
  basis: FOLLOW_UP_BASIS,
  condition: {
    ja: '催告回数 ≥ 3、催告方法が文書・SMS・オートコール・電話、収入未済額 > 0、最終収入日が空欄または基準日 − 180日より前（段階: 文書 → SMS → オートコール → 電話 → 勤務先 → 臨戸）',
    en: 'dunningCount ≥ 3, dunningMethod is 文書, SMS, オートコール or 電話, outstanding > 0, and lastPaymentDate blank or earlier than asOf − 180 days (ladder: 文書 → SMS → オートコール → 電話 → 勤務先 → 臨戸)',
  },
  message: {
    ja: '{method}での催告が{count}回ありますが、半年以上納付がありません。次の段階（{next}）への切り替えを検討してください。',
    en: '{count} reminders by {method} and no payment for six months. Consider the next step ({next}).',
  },
  reads: ['dunningCount', 'dunningMethod', 'outstanding', 'lastPaymentDate'],
  check(row, { asOf }) {
    const { dunningCount, dunningMethod, lastPaymentDate } = row.v;
    if (dunningCount === null || dunningCount < 3 || dunningMethod === null || !ESCALATE_FROM.has(dunningMethod))
      return null;
    if (!owes(row) || unknown(row, 'lastPaymentDate')) return null;
    if (lastPaymentDate !== null && lastPaymentDate >= addDays(asOf, -180)) return null;
    const next = LADDER[LADDER.indexOf(dunningMethod) + 1] ?? '臨戸';
    return { field: 'dunningMethod', params: { method: dunningMethod, count: dunningCount, next } };
  },
});
