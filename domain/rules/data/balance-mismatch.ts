import { defineRule } from '../rule.js';

export default defineRule({
  id: 'BALANCE_MISMATCH',
  title: { ja: '収入未済額の不一致', en: 'Balance mismatch' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '調定額と収入未済額がともに入力されていて、調定額 − 収入済額 − 不納欠損額 ≠ 収入未済額（空欄は0）',
    en: 'assessedAmount and outstanding both present and assessed − paid − writtenOff ≠ outstanding (blank = 0)',
  },
  message: {
    ja: '収入未済額 {outstanding}円 が、調定額 {assessed}円 − 収入済額 {paid}円 − 不納欠損額 {writtenOff}円 = {expected}円 と合いません。',
    en: 'Outstanding {outstanding} yen does not equal assessed {assessed} − paid {paid} − written off {writtenOff} = {expected} yen.',
  },
  reads: ['assessedAmount', 'paidAmount', 'writtenOffAmount', 'outstanding'],
  check(row) {
    const { assessedAmount, paidAmount, writtenOffAmount, outstanding } = row.v;
    if (assessedAmount === null || outstanding === null) return null;
    if (row.invalid?.paidAmount || row.invalid?.writtenOffAmount) return null;
    const paid = paidAmount ?? 0;
    const writtenOff = writtenOffAmount ?? 0;
    const expected = assessedAmount - paid - writtenOff;
    if (expected === outstanding) return null;
    return { field: 'outstanding', params: { outstanding, assessed: assessedAmount, paid, writtenOff, expected } };
  },
});
