/** 延滞金 (lateCharge): every header a ledger writes for it is found, read as yen, and synced. */
import { describe, expect, it } from 'vitest';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { detectHeader } from '../../../domain/fields/header.js';
import { matchHeader, normalizeHeader } from '../../../domain/fields/header-text.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';

describe('the field 延滞金', () => {
  it('is a yen field sent as a value', () => {
    expect(fieldDef('lateCharge')).toMatchObject({ label: '延滞金', type: 'yen', sync: 'yes' });
    expect(SYNC_FIELDS).toContain('lateCharge');
  });

  it.each([
    ['延滞金', 'label'],
    ['遅延損害金', 'synonym'],
    ['延滞金額', 'synonym'],
    ['延滞金（確定額）', 'synonym'],
    ['延滞金(確定額)', 'synonym'],
    ['延滞金徴収額', 'synonym'],
    ['延滞金（円）', 'label'],
    ['延 滞 金', 'label'],
  ])('header %j is lateCharge (%s)', (header, reason) => {
    expect(matchHeader(normalizeHeader(header))).toEqual({ field: 'lateCharge', reason });
  });

  it('is found in a ledger’s header row beside the amounts, in thousands where marked', () => {
    const d = detectHeader([
      ['令和6年度 市民税 債権管理台帳'],
      ['整理番号', '調定額', '納期限', '収入済額', '最終収入日', '延滞金（千円）'],
      ['A001', 100_000, '2024-05-31', 100_000, '2024-08-15', 2.4],
    ]);
    expect(d?.columns.find((c) => c.field === 'lateCharge')).toMatchObject({ letter: 'F', scale: 1000 });
  });
});
