import { isBlank, type ReadField } from '../../engine/ledger-row.js';
import { fieldDef } from '../../fields/catalogue.js';
import { defineRule, type Hit } from '../rule.js';

const REQUIRED: readonly ReadField[] = ['debtorId', 'dueDate', 'assessedAmount'];

export default defineRule({
  id: 'REQUIRED_MISSING',
  title: { ja: '必須項目の空欄', en: 'Required field blank' },
  severity: 'error',
  group: 'data',
  basis: null,
  condition: {
    ja: '債務者番号・納期限・調定額のいずれかが空欄',
    en: 'debtorId, dueDate or assessedAmount is blank',
  },
  message: {
    ja: '{label}が空欄です。台帳の必須項目なので入力してください。',
    en: '{label} is blank. It is required in every ledger row.',
  },
  reads: REQUIRED,
  check(row) {
    const hits: Hit[] = [];
    for (const field of REQUIRED) if (isBlank(row, field)) hits.push({ field, params: { label: fieldDef(field).label } });
    return hits;
  },
});
