/** The report sheets as data: layout, the city's printed figures, and exact sums past 2^53. */
import { describe, expect, it } from 'vitest';
import { agingByGroup, agingSheet } from '../../../domain/reports/aging-sheet.js';
import { progressSheet } from '../../../domain/reports/progress-sheet.js';
import { sheetLayout, sheetThousands, TOTAL } from '../../../domain/reports/report-sheet.js';
import { ledgerStatusSheet, submissionStatusSheet } from '../../../domain/reports/submission-sheet.js';
import { targetSheet } from '../../../domain/reports/target-sheet.js';
import { buildTargetTable } from '../../../domain/targets/index.js';
import { SEED_BUREAU_ORDER, SEED_PLAN_LINES } from '../targets/seed-fixture.js';

/** A figure as `#,##0;"△ "#,##0` (or `0.00` for the ratio) shows it. */
const shown = (v: unknown, format: string | undefined) =>
  typeof v !== 'number'
    ? v
    : format === '0.00'
      ? v.toFixed(2)
      : (v < 0 ? '△ ' : '') + Math.abs(v).toLocaleString('en-US');

describe('the target sheet', () => {
  const table = buildTargetTable(SEED_PLAN_LINES, { fiscalYear: 2024, bureauOrder: SEED_BUREAU_ORDER, settled: false });
  const sheet = targetSheet('局別目標', table);

  it('is laid out as the seed: title, unit line over the ratio, header in row 3, 合計 last, note below', () => {
    expect(sheet.lines.map((l) => l.style)).toEqual(['title', 'unit']);
    expect(sheet.lines[1]!.cells).toEqual([null, null, null, null, table.unitLine]);
    expect(sheetLayout(sheet)).toEqual({
      headerRow: 3,
      firstDataRow: 4,
      lastRow: 3 + table.rows.length + 1,
      noteRow: 3 + table.rows.length + 3,
    });
    expect(sheet.columns.map((c) => c.header)).toEqual([...table.headers]);
    expect(sheet.rows.at(-1)![0]).toBe(TOTAL);
    expect(sheet.totalLast).toBe(true);
    expect(sheet.note).toBe(table.note);
  });

  it('shows every figure exactly as domain/targets prints it', () => {
    [...table.rows, table.total].forEach((r, i) => {
      const cells = sheet.rows[i]!.map((v, c) => shown(v, sheet.columns[c]!.format));
      expect(cells).toEqual([...r.cells]);
    });
  });
});

describe('sums', () => {
  const big = 2n ** 53n + 1n;

  it('aging adds exactly past 2^53 and writes the digits where Excel cannot hold them', () => {
    const groups = agingByGroup(
      [
        { group: 'A局', buckets: [{ label: '0-1', fromYears: 0, outstanding: big }] },
        { group: 'B局', buckets: [{ label: '0-1', fromYears: 0, outstanding: big }] },
      ],
      [],
    );
    const yen = agingSheet({ name: 'x', groupHeader: '局名', unit: 'yen', labels: ['0-1'], groups });
    expect(yen.rows.at(-1)).toEqual([TOTAL, '18,014,398,509,481,986', '18,014,398,509,481,986']);
    expect(yen.charts).toEqual([]);
    const k = agingSheet({
      name: 'x',
      groupHeader: '局名',
      unit: 'thousands',
      labels: ['0-1'],
      groups,
      chartTitle: 't',
    });
    expect(k.rows.at(-1)).toEqual([TOTAL, 18_014_398_509_482, 18_014_398_509_482]);
    expect(k.charts[0]).toMatchObject({
      type: 'ColumnStacked',
      dataRange: 'A1:B3',
      position: { from: 'E2', to: 'L20' },
    });
  });

  it('progress leaves a total current blank until a group reports, and rounds half away from zero', () => {
    const none = progressSheet(
      'p',
      '局名',
      [{ label: 'A', baselineYen: 1_500, targetYen: -1_500, currentYen: null }],
      't',
    );
    expect(none.rows).toEqual([
      ['A', -2, null, 2, null],
      [TOTAL, -2, null, 2, null],
    ]);
    expect(sheetThousands(2 ** 60)).toBe('1,152,921,504,606,847');
  });
});

describe('the submission sheets', () => {
  it('take the service’s columns from the pane’s table: same headers, same widths', () => {
    const service = ledgerStatusSheet('s', [], []).columns;
    const pane = submissionStatusSheet('p', {
      window: { label: '' },
      ledgers: [],
      chase: [],
      totals: { ledgers: 0, ok: 0, due: 0, late: 0, never: 0 },
    }).columns;
    for (const c of service) expect(pane).toContainEqual(c);
  });
});
