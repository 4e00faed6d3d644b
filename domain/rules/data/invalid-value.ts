import { invalidCells } from './invalid-cells.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'INVALID_VALUE',
  title: { ja: '選択肢・年度等の入力誤り', en: 'Unreadable value' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '選択肢・はい/いいえ・回数・年度の欄が読めない',
    en: 'an enum, boolean, integer or fiscal-year cell that cannot be read',
  },
  message: {
    ja: '{label}「{value}」を読めません。{expected}',
    en: '{label} "{value}" cannot be read. {expected}',
  },
  reads: [],
  check: (row, ctx) => invalidCells(row, ctx, 'other'),
});
