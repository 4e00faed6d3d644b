import { addYears } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { iso, owes, unknown } from '../terms.js';

export default defineRule({
  id: 'SUSPENSION_EXPIRED',
  title: { ja: '執行停止後3年の経過', en: 'Suspension past three years' },
  severity: 'error',
  group: 'suspension',
  basis: { ja: '地方税法15条の7第4項', en: 'Local Tax Act art. 15-7(4)' },
  condition: {
    ja: '強制徴収公債権、執行停止日あり、執行停止区分が即時消滅でない、基準日 ≥ 執行停止日の3年後の同日、収入未済額 > 0（納付義務は消滅している）',
    en: '強制徴収公債権, suspensionDate set, suspensionType not 即時消滅, asOf ≥ addYears(suspensionDate, 3), outstanding > 0',
  },
  message: {
    ja: '執行停止（{suspensionDate}）から3年が経ち、{extinguishedOn}に納付義務が消滅しています。不納欠損処理をしてください。',
    en: 'Three years have passed since the suspension ({suspensionDate}); the duty to pay ceased on {extinguishedOn}. Write the claim off.',
  },
  reads: ['suspensionDate', 'suspensionType', 'outstanding', 'classification', 'claimType'],
  check(row, { asOf }) {
    const { suspensionDate, suspensionType } = row.v;
    if (row.classification !== '強制徴収公債権' || suspensionDate === null || suspensionType === '即時消滅') {
      return null;
    }
    if (unknown(row, 'suspensionType')) return null;
    const ends = addYears(suspensionDate, 3);
    if (asOf < ends || !owes(row)) return null;
    return { field: 'outstanding', params: { suspensionDate: iso(suspensionDate), extinguishedOn: iso(ends) } };
  },
});
