import { defineRule } from '../rule.js';
import { iso } from '../terms.js';

export default defineRule({
  id: 'COLLECTION_STOP_NOT_APPLICABLE',
  title: { ja: '対象外の徴収停止', en: 'Collection stop not allowed' },
  severity: 'error',
  group: 'suspension',
  basis: { ja: '地方自治法施行令171条の5', en: 'Local Autonomy Act Enforcement Order art. 171-5' },
  condition: { ja: '強制徴収公債権に徴収停止日', en: 'collectionStopDate set on a 強制徴収公債権' },
  message: {
    ja: '徴収停止（{collectionStopDate}）は強制徴収公債権には使えません。滞納処分の執行停止（地方税法15条の7）を検討してください。',
    en: 'A collection stop ({collectionStopDate}) does not apply to an enforceable public claim; use a suspension (Local Tax Act art. 15-7).',
  },
  reads: ['collectionStopDate', 'classification', 'claimType'],
  check(row) {
    const d = row.v.collectionStopDate;
    if (d === null || row.classification !== '強制徴収公債権') return null;
    return { field: 'collectionStopDate', params: { collectionStopDate: iso(d) } };
  },
});
