import { defineRule } from '../rule.js';

/** Sheet-level: the engine reports it from the header, once per such column; no row is read for it. */
export default defineRule({
  id: 'PERSONAL_NUMBER_COLUMN',
  title: { ja: '個人番号の列', en: 'My Number column' },
  severity: 'error',
  group: 'data',
  basis: {
    ja: '行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）19条',
    en: 'My Number Act, art. 19',
  },
  condition: {
    ja: 'シートに「個人番号」または「マイナンバー」の列がある（その列は読まず、送らず、記録しない）',
    en: 'the sheet has a column headed 個人番号 or マイナンバー (never read, synced or logged)',
  },
  message: {
    ja: '{column}列「{header}」は個人番号の列です。この列は読み取らず、送信もしません。このシートは個人番号の列を削除するまで送信できません。',
    en: 'Column {column} "{header}" holds Individual Numbers. It is never read or sent; the sheet cannot be synced until the column is removed.',
  },
  reads: [],
});
