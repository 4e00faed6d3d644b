import { defineRule } from '../rule.js';

export default defineRule({
  id: 'DUPLICATE_ROW',
  title: { ja: '二重計上の疑い', en: 'Possible double count' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '債務者番号・債権名・年度・期別・調定番号の組が、それより上の行と同じ',
    en: 'the same (debtorId, claimType, fiscalYear, period, assessmentNo) as an earlier row',
  },
  message: {
    ja: '{firstRow}行目と同じ債務者・債権・年度・期別・調定番号です。二重計上でないか確認してください。',
    en: 'Same debtor, claim, fiscal year, period and assessment number as row {firstRow}. Check for double counting.',
  },
  reads: ['debtorId', 'claimType', 'fiscalYear', 'period', 'assessmentNo'],
  check(row, ctx) {
    const first = ctx.duplicateOf(row);
    return first === null ? null : { field: 'debtorId', params: { firstRow: first } };
  },
});
