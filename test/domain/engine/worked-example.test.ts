/**
 * The worked example of `docs/spec/domain/examples` (hoikuryo.xlsx, 保育料, as of 2025-03-31), rebuilt
 * cell for cell as ExcelJS reads it: its expected findings follow from rules.md.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { checkGrid } from '../rules/helpers.js';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const GRID: Cell[][] = [
  ['債務者番号', '氏名', '個人番号', '年度', '月分', '調定額', '納期限', '収入済額', '収入未済額', '督促日', '催告日', '納付相談日', '分納開始日', '分納終了日', '分納区分', '月額', '次回納期', '時効完成日'],
  ['H-101', '青木 悠真', null, 'R6', '4月分', 23000, d('2024-04-30'), 23000, 0],
  ['H-102', '石井 さくら', null, 'R6', '5月分', 23000, d('2024-05-31'), 0, 23000, d('2024-06-14'), d('2024-08-01')],
  ['H-103', '森 颯太', null, 'R6', '12月分', 18000, d('2024-12-27'), 0, 18000],
  ['H-104', '青木 悠真', null, 'R6', '9月分', 18000, d('2024-09-30'), 0, 18000, d('2024-10-31'), d('2024-12-02')],
  ['H-105', '石井 さくら', null, 'R1', '6月分', 20000, d('2019-07-01'), 0, 20000, d('2019-07-12'), d('2020-01-10'), d('2024-06-01')],
  ['H-106', '森 颯太', null, 'R5', '3月分', 25000, d('2024-03-29'), 5000, 20000, d('2024-04-08'), null, null, d('2024-05-01'), d('2025-04-30'), '分納誓約', 5000, d('2025-02-28')],
  ['H-107', '青木 悠真', null, 'R4', '7月分', 21000, d('2022-08-01'), 0, 21000, d('2022-08-10'), d('2023-02-01'), null, null, null, null, null, null, d('2025-06-30')],
  ['H-108', '石井 さくら', null, 'R6', '1月分', 18000, d('2025-01-31'), 0, 18000, d('2025-02-12')],
  ['H-109', '森 颯太', null, 'R6', '2月分', 18000, d('2025-02-28'), 18000, 18000],
]; // prettier-ignore

const EXPECTED = [
  { row: 1, rule: 'PERSONAL_NUMBER_COLUMN' },
  { row: 4, rule: 'CONTACT_STALE' },
  { row: 4, rule: 'DEMAND_MISSING' },
  { row: 5, rule: 'DEMAND_LATE' },
  { row: 6, rule: 'PRESCRIPTION_EXPIRED_PUBLIC' },
  { row: 7, rule: 'INSTALLMENT_MISSED' },
  { row: 8, rule: 'CONTACT_STALE' },
  { row: 8, rule: 'PRESCRIPTION_IMMINENT' },
  { row: 9, rule: 'EARLY_DUNNING' },
  { row: 10, rule: 'BALANCE_MISMATCH' },
  { row: 10, rule: 'CONTACT_STALE' },
  { row: 10, rule: 'DEMAND_MISSING' },
];

describe('worked example hoikuryo.xlsx', () => {
  const { result } = checkGrid(GRID, { asOf: '2025-03-31', claimType: '保育料' });

  it('reports exactly the expected findings, ordered by row then rule id', () => {
    expect(result.findings.map((f) => ({ row: f.row, rule: f.rule }))).toEqual(EXPECTED);
  });

  it('reports the 個人番号 column on its header cell, and never maps it', () => {
    const pn = result.findings.find((f) => f.rule === 'PERSONAL_NUMBER_COLUMN')!;
    expect(pn).toMatchObject({ row: 1, column: 'C', field: null, severity: 'error' });
    expect(result.mapping.columns.some((c) => c.column === 2)).toBe(false);
  });

  it('computes H-105 prescription from the 督促 deadline: ended 2024-07-22', () => {
    const f = result.findings.find((x) => x.row === 6 && x.rule === 'PRESCRIPTION_EXPIRED_PUBLIC')!;
    expect(f.params.prescriptionEnd).toBe('2024-07-22');
    expect(f.field).toBe('outstanding');
    expect(f.column).toBe('I');
  });

  it('takes H-107 prescription from the 時効完成日 cell', () => {
    const f = result.findings.find((x) => x.row === 8 && x.rule === 'PRESCRIPTION_IMMINENT')!;
    expect(f.params.prescriptionEnd).toBe('2025-06-30');
  });

  it('counts rows', () => {
    expect(result.summary.rows).toEqual({ total: 9, checked: 9, blank: 0, totals: 0, unreadable: 0 });
    expect(result.summary.bySeverity).toEqual({ error: 5, warning: 6, info: 1 });
  });
});
