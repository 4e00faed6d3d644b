import { defineRule } from '../rule.js';
import { iso } from '../terms.js';
import { DEMAND_BASIS } from './basis.js';

export default defineRule({
  id: 'DEMAND_BEFORE_DUE',
  title: { ja: '納期限前の督促', en: 'Demand before the due date' },
  severity: 'error',
  group: 'demand',
  basis: DEMAND_BASIS,
  condition: { ja: '督促状発付日 ≤ 納期限', en: 'demandDate ≤ dueDate' },
  message: {
    ja: '督促状発付日 {demandDate} が納期限 {dueDate} 以前です。督促は納期限を過ぎてから発付するものです。日付を確認してください。',
    en: 'Demand date {demandDate} is on or before the due date {dueDate}; a demand follows the due date. Check the dates.',
  },
  reads: ['demandDate', 'dueDate'],
  check({ v }) {
    if (v.demandDate === null || v.dueDate === null || v.demandDate > v.dueDate) return null;
    return { field: 'demandDate', params: { demandDate: iso(v.demandDate), dueDate: iso(v.dueDate) } };
  },
});
