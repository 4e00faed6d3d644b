import { addDays } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { iso, owes, prescriptionEnd } from '../terms.js';
import { PRESCRIPTION_BASIS, PRESCRIPTION_READS } from './basis.js';

export default defineRule({
  id: 'PRESCRIPTION_IMMINENT',
  title: { ja: '時効完成間近', en: 'Prescription imminent' },
  severity: 'warning',
  group: 'prescription',
  basis: PRESCRIPTION_BASIS,
  condition: {
    ja: '収入未済額 > 0、基準日 ≤ 時効完成日 < 基準日 + prescriptionWarnDays日',
    en: 'outstanding > 0, asOf ≤ prescriptionEnd < asOf + prescriptionWarnDays',
  },
  message: {
    ja: '時効が {prescriptionEnd} に完成します（あと{daysLeft}日）。督促・承認（分納誓約）・納付など時効の更新を検討してください。',
    en: 'Prescription completes on {prescriptionEnd} ({daysLeft} days left). Consider renewing it (demand, acknowledgement, payment).',
  },
  reads: PRESCRIPTION_READS,
  check(row, { asOf, params }) {
    if (!owes(row)) return null;
    const end = prescriptionEnd(row, params);
    if (end === null || end < asOf || end >= addDays(asOf, params.prescriptionWarnDays)) return null;
    return { field: 'dueDate', params: { prescriptionEnd: iso(end), daysLeft: end - asOf } };
  },
});
