/**
 * The worked example of `docs/spec/domain/examples` (hoikuryo.xlsx, 保育料, as of 2025-03-31), rebuilt
 * cell for cell as ExcelJS reads it: its expected findings follow from rules.md.
 */
import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLE } from '../../fixtures/worked-example.js';
import { checkGrid } from '../rules/helpers.js';

const GRID = WORKED_EXAMPLE;

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
