import { isBlank, type ReadField } from '../../engine/ledger-row.js';
import { fieldDef } from '../../fields/catalogue.js';
import { defineRule, type Hit } from '../rule.js';
import { DEFERRAL_BASIS } from './basis.js';

export default defineRule({
  id: 'DEFERRAL_INCOMPLETE',
  title: { ja: '猶予の記入漏れ', en: 'Deferral incomplete' },
  severity: 'error',
  group: 'deferral',
  basis: DEFERRAL_BASIS,
  condition: {
    ja: '猶予区分があり猶予開始日または猶予終了日が空欄、または猶予区分が分納誓約・履行延期特約で分納額が空欄',
    en: 'deferralType set and deferralStart or deferralEnd blank; or deferralType 分納誓約 or 履行延期特約 and installmentAmount blank',
  },
  message: {
    ja: '{deferralType}の{label}が空欄です。納付履行状況を管理できるよう入力してください。',
    en: '{label} is blank for this {deferralType}. Fill it in so payments can be tracked.',
  },
  reads: ['deferralType'],
  check(row) {
    const type = row.v.deferralType;
    if (type === null) return null;
    const needed: ReadField[] = ['deferralStart', 'deferralEnd'];
    if (type === '分納誓約' || type === '履行延期特約') needed.push('installmentAmount');
    const hits: Hit[] = [];
    for (const field of needed) {
      if (isBlank(row, field)) hits.push({ field, params: { deferralType: type, label: fieldDef(field).label } });
    }
    return hits;
  },
});
