/** 「年度推移」: the chart data above the table, the charts over it, the table and its TSV. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { History } from '../../../domain/api/history.js';
import { historySheet, historyTsv } from '../../../domain/history/history-sheet.js';
import { sheetLayout } from '../../../domain/reports/report-sheet.js';

type Answer = z.infer<typeof History>;

const figures = (outstanding: number | null, rate: number | null = null) => ({
  ledgers: outstanding === null ? 0 : 1,
  outstandingYen: outstanding,
  assessedYen: outstanding === null ? null : outstanding * 2,
  paidYen: outstanding,
  writtenOffYen: outstanding === null ? null : 0,
  rate,
  targetYen: 1_000_000,
  gapToTargetYen: outstanding === null ? null : outstanding - 1_000_000,
  attained: outstanding === null ? null : outstanding <= 1_000_000,
});

const line = (bureau: string, claim: string | null, owed: (number | null)[], grew: number[] = []) => ({
  bureau,
  division: claim === null ? null : '課',
  claim,
  classification: null,
  years: owed.map((o) => figures(o, o === null ? null : 50)),
  grewTwoYearsTo: grew,
});

const ANSWER: Answer = {
  from: 2022,
  to: 2024,
  years: [
    { fiscalYear: 2022, state: 'settled' },
    { fiscalYear: 2023, state: 'settled' },
    { fiscalYear: 2024, state: 'provisional' },
  ],
  bureaus: [line('局A', null, [900_000, 1_000_000, 1_100_400], [2024]), line('局B', null, [null, 2_000, 1_500])],
  total: line('合計', null, [900_000, 1_002_000, 1_101_900]),
  claims: [line('局A', '債権1', [900_000, 1_000_000, 1_100_400], [2024]), line('局B', '債権2', [null, 2_000, 1_500])],
};

describe('historySheet', () => {
  const s = historySheet('年度推移', ANSWER);

  it('puts the amount owing and the rate by bureau above the table, years down', () => {
    expect(s.lines[0]!.cells).toEqual(['年度推移（2022年度〜2024年度）']);
    expect(s.lines[1]!.cells).toEqual(['区分', '2022年度 確定・2023年度 確定・2024年度 速報']);
    expect(s.lines.slice(3, 7).map((l) => l.cells)).toEqual([
      ['収入未済額（千円）', '局A', '局B'],
      ['2022年度', 900, null],
      ['2023年度', 1_000, 2],
      ['2024年度', 1_100, 2], // thousands, rounded half away from zero
    ]);
    expect(s.lines[8]!.cells).toEqual(['収納率（％）', '局A', '局B']);
  });

  it('draws a line chart over each, a line per bureau', () => {
    expect(s.charts.map((c) => [c.type, c.dataRange])).toEqual([
      ['Line', 'A4:C7'],
      ['Line', 'A9:C12'],
    ]);
    // The ranges hold what the lines hold (the writers read the cells there).
    expect(s.lines[8 + 3]!.cells).toEqual(['2024年度', 50, 50]);
    expect(sheetLayout(s).headerRow).toBe(s.lines.length + 1);
  });

  it('has a row for each bureau, the total and each claim, years across, the state in each header', () => {
    expect(s.columns.map((c) => c.header).slice(0, 8)).toEqual([
      '局名',
      '課名',
      '債権名',
      '2022年度（確定） 収入未済額（円）',
      '2022年度（確定） 収納率（％）',
      '2022年度（確定） 不納欠損額（円）',
      '2022年度（確定） 目標額（円）',
      '2022年度（確定） 目標達成',
    ]);
    expect(s.columns[13]!.header).toBe('2024年度（速報） 収入未済額（円）');
    expect(s.columns.at(-1)!.header).toBe('増加が2年連続');
    expect(s.rows.map((r) => r.slice(0, 3))).toEqual([
      ['局A', null, null],
      ['局B', null, null],
      ['合計', null, null],
      ['局A', '課', '債権1'],
      ['局B', '課', '債権2'],
    ]);
    const [claim1, claim2] = s.rows.slice(3);
    expect(claim1!.slice(3, 8)).toEqual([900_000, 50, 0, 1_000_000, '○']);
    // 目標達成: ○ at or below the target, × above, blank without figures.
    expect([0, 1, 2].map((i) => claim1![7 + 5 * i])).toEqual(['○', '○', '×']);
    expect([0, 1, 2].map((i) => claim2![7 + 5 * i])).toEqual([null, '○', '○']);
    expect([claim1!.at(-1), claim2!.at(-1)]).toEqual(['2024年度', '']);
  });

  it('starts the table below the charts, which stand side by side right of their data', () => {
    expect(sheetLayout(s).headerRow).toBe(21);
    expect(s.charts.map((c) => [c.position.from, c.position.to])).toEqual([
      ['E2', 'L20'],
      ['M2', 'T20'],
    ]);
  });

  it('leaves out a claim with no figures in any year (its target still counts in its bureau’s)', () => {
    const planned = line('局A', '計画だけの債権', [null, null, null]);
    const t = historySheet('年度推移', { ...ANSWER, claims: [...ANSWER.claims, planned] });
    expect(t.rows.map((r) => r[2])).not.toContain('計画だけの債権');
    expect(t.rows).toHaveLength(5);
  });

  it('draws no chart when no bureau is within reach', () => {
    expect(historySheet('年度推移', { ...ANSWER, bureaus: [], claims: [] }).charts).toEqual([]);
  });
});

describe('historyTsv', () => {
  it('is the table, header first', () => {
    const lines = historyTsv(ANSWER).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual(['局名', '課名', '債権名', '2022年度（確定） 収入未済額（円）']);
    expect(lines[4]!.split('\t').slice(0, 5)).toEqual(['局A', '課', '債権1', '900000', '50']);
  });
});
