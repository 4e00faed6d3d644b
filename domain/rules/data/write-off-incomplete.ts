import { isBlank } from '../../engine/ledger-row.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'WRITE_OFF_INCOMPLETE',
  title: { ja: '不納欠損の記入漏れ', en: 'Write-off incomplete' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '不納欠損額 > 0 で不納欠損日が空欄、または不納欠損日があって不納欠損額 > 0 でない',
    en: 'writtenOffAmount > 0 with no writeOffDate, or writeOffDate with no writtenOffAmount > 0',
  },
  message: {
    ja: '不納欠損の記録が片方だけです（{missing}が空欄）。不納欠損額と不納欠損日をそろえてください。',
    en: 'The write-off is recorded only in part ({missing} is blank). Fill in both its amount and its date.',
  },
  reads: ['writtenOffAmount', 'writeOffDate'],
  check(row) {
    const { writtenOffAmount, writeOffDate } = row.v;
    if (writtenOffAmount !== null && writtenOffAmount > 0 && isBlank(row, 'writeOffDate')) {
      return { field: 'writeOffDate', params: { missing: '不納欠損日' } };
    }
    if (writeOffDate !== null && !row.invalid?.writtenOffAmount && !(writtenOffAmount !== null && writtenOffAmount > 0)) {
      return { field: 'writtenOffAmount', params: { missing: '不納欠損額' } };
    }
    return null;
  },
});
