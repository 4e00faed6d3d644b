/**
 * `checkSheet`: header detection (or a stored mapping), then every row; a sheet with nothing to
 * check, or no header, is a failure rather than an empty result.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../domain/engine/check.js';
import { buildGrid, checkGrid, optionsOf, type RowSpec } from '../rules/helpers.js';

const OPTS = { asOf: '2025-03-31', claimType: '保育料' };
const ROW: RowSpec = {
  debtorId: 'A-1',
  assessedAmount: 10000,
  dueDate: '2024-04-30',
  paidAmount: 0,
  outstanding: 10000,
};

describe('checkSheet', () => {
  it('fails on an empty sheet', () => {
    expect(checkSheet([], optionsOf(OPTS))).toEqual({ ok: false, failure: { reason: 'empty' } });
    expect(checkSheet([[null, ''], []], optionsOf(OPTS))).toEqual({ ok: false, failure: { reason: 'empty' } });
  });

  it('fails on a sheet with no header it can recognise', () => {
    expect(
      checkSheet(
        [
          ['a', 'b'],
          [1, 2],
        ],
        optionsOf(OPTS),
      ),
    ).toEqual({ ok: false, failure: { reason: 'no-header' } });
  });

  it('finds the header under title rows and numbers findings by worksheet row', () => {
    const body = buildGrid([ROW]);
    const { result } = checkGrid([['令和6年度 保育料 債権管理台帳'], [], ...body], OPTS);
    expect(result.mapping.headerRows).toEqual([3]);
    expect(result.findings.map((f) => [f.row, f.rule])).toEqual([
      [4, 'CONTACT_STALE'],
      [4, 'DEMAND_MISSING'],
    ]);
  });

  it('uses a stored mapping instead of detecting one', () => {
    const grid = buildGrid([ROW]);
    const detected = checkGrid(grid, OPTS).result.mapping;
    const moved = { ...detected, columns: detected.columns.filter((c) => c.field !== 'outstanding') };
    const outcome = checkSheet(grid, { ...optionsOf(OPTS), mapping: moved });
    if (!outcome.ok) throw new Error('not checked');
    // Without the 収入未済額 column the outstanding is derived: 10000 − 0, still owing.
    expect(outcome.result.mapping).toBe(moved);
    expect(outcome.result.findings.map((f) => [f.rule, f.column])).toEqual([
      ['CONTACT_STALE', null],
      ['DEMAND_MISSING', null],
    ]);
  });

  it('overrides rule parameters per sheet', () => {
    const row: RowSpec = { ...ROW, dueDate: '2025-03-10' };
    expect(checkGrid(buildGrid([row]), OPTS).result.findings.map((f) => f.rule)).toEqual([
      'CONTACT_STALE',
      'DEMAND_MISSING',
    ]);
    const quiet = checkGrid(buildGrid([row]), { ...OPTS, params: { demandDays: 30 } }).result;
    expect(quiet.findings).toEqual([]);
  });
});
