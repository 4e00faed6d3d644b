import { addYears } from '../../calendar/day.js';
import { defineRule } from '../rule.js';
import { iso } from '../terms.js';
import { DEFERRAL_BASIS } from './basis.js';

export default defineRule({
  id: 'DEFERRAL_TOO_LONG',
  title: { ja: '猶予期間の上限超過', en: 'Deferral over its limit' },
  severity: 'warning',
  group: 'deferral',
  basis: DEFERRAL_BASIS,
  condition: {
    ja: '徴収猶予・換価猶予で猶予終了日 ≥ 猶予開始日の2年後の同日（地方税法15条: 1年、延長して2年まで）、または履行延期特約で猶予終了日 > 納期限の10年後の同日（施行令171条の6）',
    en: '徴収猶予 or 換価猶予 with deferralEnd ≥ addYears(deferralStart, 2); 履行延期特約 with deferralEnd > addYears(dueDate, 10)',
  },
  message: {
    ja: '{deferralType}の終了日 {deferralEnd} が法定の上限（{limit}）を超えています。期間を確認してください。',
    en: 'The {deferralType} ends on {deferralEnd}, past its legal limit ({limit}). Check the period.',
  },
  reads: ['deferralType', 'deferralStart', 'deferralEnd', 'dueDate'],
  check({ v }) {
    const { deferralType: type, deferralStart: start, deferralEnd: end, dueDate } = v;
    if (type === null || end === null) return null;
    if ((type === '徴収猶予' || type === '換価猶予') && start !== null && end >= addYears(start, 2)) {
      return { field: 'deferralEnd', params: { deferralType: type, deferralEnd: iso(end), limit: '開始から2年未満' } };
    }
    if (type === '履行延期特約' && dueDate !== null && end > addYears(dueDate, 10)) {
      return {
        field: 'deferralEnd',
        params: { deferralType: type, deferralEnd: iso(end), limit: `納期限から10年: ${iso(addYears(dueDate, 10))}` },
      };
    }
    return null;
  },
});
