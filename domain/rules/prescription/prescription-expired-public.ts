import { isBlank } from '../../engine/ledger-row.js';
import { defineRule } from '../rule.js';
import { iso, isPublic, owes, prescriptionEnd } from '../terms.js';
import { PRESCRIPTION_BASIS, PRESCRIPTION_READS } from './basis.js';

export default defineRule({
  id: 'PRESCRIPTION_EXPIRED_PUBLIC',
  title: { ja: '公債権の時効完成', en: 'Public claim prescribed' },
  severity: 'error',
  group: 'prescription',
  basis: PRESCRIPTION_BASIS,
  condition: {
    ja: '公債権（強制徴収・非強制徴収）、収入未済額 > 0、不納欠損日なし、基準日 > 時効完成日（援用を要せず消滅）',
    en: '公債権 (either kind), outstanding > 0, no writeOffDate, asOf > prescriptionEnd: extinguished without invocation',
  },
  message: {
    ja: '時効が {prescriptionEnd} に完成し、公債権なので援用なしに消滅しています。不納欠損処理をしてください。',
    en: 'Prescription completed on {prescriptionEnd}; a public claim is extinguished without invocation. Write it off.',
  },
  reads: [...PRESCRIPTION_READS, 'writeOffDate'],
  check(row, { asOf, params }) {
    if (!isPublic(row) || !owes(row) || !isBlank(row, 'writeOffDate')) return null;
    const end = prescriptionEnd(row, params);
    if (end === null || asOf <= end) return null;
    return { field: 'outstanding', params: { prescriptionEnd: iso(end) } };
  },
});
