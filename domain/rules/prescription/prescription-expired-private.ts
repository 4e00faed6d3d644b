import { isBlank } from '../../engine/ledger-row.js';
import { defineRule } from '../rule.js';
import { iso, owes, prescriptionEnd } from '../terms.js';
import { PRESCRIPTION_BASIS, PRESCRIPTION_READS } from './basis.js';

export default defineRule({
  id: 'PRESCRIPTION_EXPIRED_PRIVATE',
  title: { ja: '私債権の時効期間満了', en: "Private claim's period ended" },
  severity: 'warning',
  group: 'prescription',
  basis: PRESCRIPTION_BASIS,
  condition: {
    ja: '私債権、収入未済額 > 0、不納欠損日なし、基準日 > 時効完成日（援用の確認または債権放棄の検討）',
    en: '私債権, outstanding > 0, no writeOffDate, asOf > prescriptionEnd: confirm invocation or consider waiver',
  },
  message: {
    ja: '時効期間が {prescriptionEnd} に満了しています。私債権は援用で消滅するので、援用の有無を確認し、債権放棄（議決・債権管理条例）を検討してください。',
    en: 'The prescription period ended on {prescriptionEnd}. A private claim ends on invocation: confirm it, or consider a waiver.',
  },
  reads: [...PRESCRIPTION_READS, 'writeOffDate'],
  check(row, { asOf, params }) {
    if (row.classification !== '私債権' || !owes(row) || !isBlank(row, 'writeOffDate')) return null;
    const end = prescriptionEnd(row, params);
    if (end === null || asOf <= end) return null;
    return { field: 'outstanding', params: { prescriptionEnd: iso(end) } };
  },
});
