import { defineRule } from '../rule.js';
import { DEFERRAL_BASIS } from './basis.js';

export default defineRule({
  id: 'DEFERRAL_NOT_APPLICABLE',
  title: { ja: '猶予の種類の誤り', en: 'Wrong kind of deferral' },
  severity: 'error',
  group: 'deferral',
  basis: DEFERRAL_BASIS,
  condition: {
    ja: '強制徴収公債権でない債権に徴収猶予・換価猶予、または強制徴収公債権に履行延期特約',
    en: '徴収猶予 or 換価猶予 on a claim that is not 強制徴収公債権; 履行延期特約 on a 強制徴収公債権',
  },
  message: {
    ja: '{deferralType}は{classification}には使えません（{allowed}）。猶予の種類を確認してください。',
    en: '{deferralType} does not apply to a {classification} ({allowed}). Check the kind of deferral.',
  },
  reads: ['deferralType', 'classification', 'claimType'],
  check(row) {
    const type = row.v.deferralType;
    const cls = row.classification;
    if (type === null || cls === null) return null;
    const enforceable = cls === '強制徴収公債権';
    if ((type === '徴収猶予' || type === '換価猶予') && !enforceable) {
      return {
        field: 'deferralType',
        params: { deferralType: type, classification: cls, allowed: '強制徴収公債権のみ' },
      };
    }
    if (type === '履行延期特約' && enforceable) {
      return {
        field: 'deferralType',
        params: { deferralType: type, classification: cls, allowed: '非強制徴収公債権・私債権のみ' },
      };
    }
    return null;
  },
});
