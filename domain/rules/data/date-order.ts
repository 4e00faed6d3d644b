import { defineRule } from '../rule.js';
import { iso } from '../terms.js';

export default defineRule({
  id: 'DATE_ORDER',
  title: { ja: '調定日と納期限の逆転', en: 'Assessed after due date' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: { ja: '調定日 > 納期限', en: 'assessedDate > dueDate' },
  message: {
    ja: '調定日 {assessedDate} が納期限 {dueDate} より後です。どちらかの日付を確認してください。',
    en: 'Assessed on {assessedDate}, after the due date {dueDate}. Check both dates.',
  },
  reads: ['assessedDate', 'dueDate'],
  check({ v }) {
    if (v.assessedDate === null || v.dueDate === null || v.assessedDate <= v.dueDate) return null;
    return { field: 'assessedDate', params: { assessedDate: iso(v.assessedDate), dueDate: iso(v.dueDate) } };
  },
});
