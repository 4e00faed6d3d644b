import { defineRule } from '../rule.js';
import { iso } from '../terms.js';

export default defineRule({
  id: 'SUSPENSION_NOT_APPLICABLE',
  title: { ja: '対象外の執行停止', en: 'Suspension not allowed' },
  severity: 'error',
  group: 'suspension',
  basis: { ja: '地方税法15条の7（滞納処分の執行停止）', en: 'Local Tax Act art. 15-7' },
  condition: {
    ja: '強制徴収公債権でない債権に執行停止日',
    en: 'suspensionDate set on a claim that is not 強制徴収公債権',
  },
  message: {
    ja: '執行停止（{suspensionDate}）は強制徴収公債権だけの制度です。{classification}では徴収停止（施行令171条の5）を検討してください。',
    en: 'Suspension ({suspensionDate}) applies only to enforceable public claims. For a {classification}, consider a collection stop (Order art. 171-5).',
  },
  reads: ['suspensionDate', 'classification', 'claimType'],
  check(row) {
    const d = row.v.suspensionDate;
    if (d === null || row.classification === null || row.classification === '強制徴収公債権') return null;
    return { field: 'suspensionDate', params: { suspensionDate: iso(d), classification: row.classification } };
  },
});
