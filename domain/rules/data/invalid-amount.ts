import { invalidCells } from './invalid-cells.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'INVALID_AMOUNT',
  title: { ja: '金額の入力誤り', en: 'Unusable amount' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '金額の欄が読めない、1円未満の端数がある、またはマイナス（過納は還付であり、マイナスの残高ではない）',
    en: 'a yen cell that cannot be read, has a fraction of a yen, or is negative (an overpayment is a refund, not a negative balance)',
  },
  message: {
    ja: '{label}「{value}」は金額として使えません（{problem}）。この行は集計から除いています。',
    en: '{label} "{value}" cannot be used as an amount ({problem}). The row is left out of the totals.',
  },
  reads: [],
  check: (row, ctx) => invalidCells(row, ctx, 'yen'),
});
