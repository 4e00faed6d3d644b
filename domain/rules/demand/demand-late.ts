import { addDays } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { iso } from '../terms.js';
import { DEMAND_BASIS } from './basis.js';

export default defineRule({
  id: 'DEMAND_LATE',
  title: { ja: '督促状の発付遅れ', en: 'Demand sent late' },
  severity: 'warning',
  group: 'demand',
  basis: DEMAND_BASIS,
  condition: { ja: '督促状発付日 > 納期限 + demandDays日', en: 'demandDate > dueDate + demandDays' },
  message: {
    ja: '督促状の発付（{demandDate}）が納期限 {dueDate} から{days}日後です。納期限後{demandDays}日以内に発付してください。',
    en: 'The demand ({demandDate}) went out {days} days after the due date {dueDate}; the limit is {demandDays} days.',
  },
  reads: ['demandDate', 'dueDate'],
  check({ v }, { params }) {
    if (v.demandDate === null || v.dueDate === null) return null;
    if (v.demandDate <= addDays(v.dueDate, params.demandDays)) return null;
    return {
      field: 'demandDate',
      params: {
        demandDate: iso(v.demandDate),
        dueDate: iso(v.dueDate),
        days: v.demandDate - v.dueDate,
        demandDays: params.demandDays,
      },
    };
  },
});
