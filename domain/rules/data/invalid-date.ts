import { invalidCells } from './invalid-cells.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'INVALID_DATE',
  title: { ja: '日付の入力誤り', en: 'Unreadable date' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '日付の欄が空欄でなく、日付として読めない（西暦・和暦・Excelの日付のいずれでもない、存在しない日）',
    en: 'a date cell that is not blank and cannot be read',
  },
  message: {
    ja: '{label}「{value}」を日付として読めません。2024/4/1 や 令和6年4月1日 の形で入力してください。',
    en: '{label} "{value}" is not a date. Write it as 2024/4/1 or 令和6年4月1日.',
  },
  reads: [],
  check: (row, ctx) => invalidCells(row, ctx, 'date'),
});
