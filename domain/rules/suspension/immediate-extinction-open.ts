import { defineRule } from '../rule.js';
import { owes } from '../terms.js';

export default defineRule({
  id: 'IMMEDIATE_EXTINCTION_OPEN',
  title: { ja: '即時消滅後の未収', en: 'Extinguished claim still owed' },
  severity: 'error',
  group: 'suspension',
  basis: { ja: '地方税法15条の7第5項', en: 'Local Tax Act art. 15-7(5)' },
  condition: { ja: '執行停止区分が即時消滅で収入未済額 > 0', en: 'suspensionType 即時消滅 and outstanding > 0' },
  message: {
    ja: '即時消滅として執行停止した債権に未収 {outstanding}円 が残っています。不納欠損処理をしてください。',
    en: 'Suspended with immediate extinction, yet {outstanding} yen is still open. Write it off.',
  },
  reads: ['suspensionType', 'outstanding'],
  check(row) {
    if (row.v.suspensionType !== '即時消滅' || !owes(row)) return null;
    return { field: 'outstanding', params: { outstanding: row.outstanding ?? 0 } };
  },
});
