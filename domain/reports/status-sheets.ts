/**
 * The status report's sheets, as both the service's .xlsx and the pane's 取りまとめ print them, from
 * the service's answer (domain/api/status.ts): 未収金の状況 (rows owing by class ①–⑦ per claim),
 * 主要債権収入状況 (this year and last, the 縮減額), and where each figure came from: every ledger's
 * revision and as-of date per year, whose amounts sum to the claims' lines.
 */
import type { z } from 'zod';
import type { ReceivablesStatus, StatusFigures, StatusLine } from '../api/status.js';
import { STATUS_DEFS, STATUS_KEYS, type StatusGroup } from '../status/classify.js';
import { integerOf } from './exact.js';
import {
  amountColumn,
  RATE_FORMAT,
  reportSheet,
  sheetAmount,
  TOTAL,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
  type SheetLine,
} from './report-sheet.js';

type Report = z.infer<typeof ReceivablesStatus>;
type Line = z.infer<typeof StatusLine>;
type Figures = z.infer<typeof StatusFigures>;

const ORG_COLUMNS: readonly ReportColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
];

const orgCells = (l: Line, total: boolean): SheetCell[] =>
  total ? [TOTAL, null, null] : [l.bureau, l.division, l.claim];

const PRECEDENCE_NOTE =
  '区分は ⑥時効完成 → ⑤執行停止・徴収停止 → ⑦生活困窮 → ④財産なし・所在不明 → ①差押中 → ②分納・猶予 → ③交渉・催告中 の順に、最初に当てはまるもの。どれにも当てはまらない行、判断に要る欄が読めない行は「分類できない」。';

const groupSum = (f: Figures, group: StatusGroup): bigint =>
  STATUS_KEYS.filter((k) => STATUS_DEFS[k].group === group).reduce(
    (s, k) => s + integerOf(f.byClass[k].outstandingYen),
    0n,
  );

/** 未収金の状況: per claim, rows and amounts owing by class this year, the two groups and the total. */
export function statusSheet(name: string, r: Report, sourcesSheetName: string): ReportSheet {
  const columns: ReportColumn[] = [
    ...ORG_COLUMNS,
    { header: '基準日', width: 12 },
    ...STATUS_KEYS.flatMap((k) => {
      const d = STATUS_DEFS[k];
      return [
        { header: `${d.mark}${d.label} 件数`, width: 10, format: '#,##0' },
        amountColumn(`${d.mark}${d.label}（円）`),
      ];
    }),
    amountColumn('回収債権 計（円）'),
    amountColumn('整理債権 計（円）'),
    amountColumn('収入未済額（円）'),
  ];
  const row = (l: Line, total: boolean): SheetCell[] => {
    const f = l.thisYear;
    if (f === null) return [...orgCells(l, total), null, ...columns.slice(4).map(() => null)];
    return [
      ...orgCells(l, total),
      total ? null : l.asOf,
      ...STATUS_KEYS.flatMap((k) => [f.byClass[k].count, sheetAmount(f.byClass[k].outstandingYen)]),
      sheetAmount(groupSum(f, '回収債権')),
      sheetAmount(groupSum(f, '整理債権')),
      sheetAmount(f.revenue.outstandingYen),
    ];
  };
  const lines: SheetLine[] = [
    { cells: [`未収金の状況（${r.fiscalYear}年度）`], style: 'title' },
    { cells: ['出典', `各台帳の、基準日が${r.fiscalYear}年度内の最後の提出（版と基準日は「${sourcesSheetName}」シート）`], style: 'fact' }, // prettier-ignore
    { cells: [] },
  ];
  return reportSheet({
    name,
    lines,
    columns,
    rows: [...r.claims.map((l) => row(l, false)), row(r.total, true)],
    totalLast: true,
    note: PRECEDENCE_NOTE,
  });
}

const REVENUE = [
  ['調定額', 'assessedYen'],
  ['収入済額', 'paidYen'],
  ['不納欠損額', 'writtenOffYen'],
  ['収入未済額', 'outstandingYen'],
] as const;

/** 主要債権収入状況: per claim, this year's and last year's figures and the 縮減額. */
export function revenueSheet(name: string, r: Report, sourcesSheetName: string): ReportSheet {
  const years = [r.fiscalYear, r.fiscalYear - 1];
  const columns: ReportColumn[] = [
    ...ORG_COLUMNS,
    ...years.flatMap((y) => [
      ...REVENUE.map(([label]) => amountColumn(`${y}年度 ${label}（円）`)),
      { header: `${y}年度 収入率（％）`, width: 12, format: RATE_FORMAT },
    ]),
    amountColumn('縮減額（円）'),
  ];
  const yearCells = (f: Figures | null): SheetCell[] =>
    f === null
      ? [null, null, null, null, null]
      : [...REVENUE.map(([, key]) => sheetAmount(f.revenue[key])), f.revenue.rate];
  const row = (l: Line, total: boolean): SheetCell[] => [
    ...orgCells(l, total),
    ...yearCells(l.thisYear),
    ...yearCells(l.lastYear),
    sheetAmount(l.reductionYen),
  ];
  const lines: SheetLine[] = [
    { cells: [`主要債権収入状況（${r.fiscalYear}年度・${r.fiscalYear - 1}年度）`], style: 'title' },
    { cells: ['出典', `各台帳の、基準日がその年度内の最後の提出（「${sourcesSheetName}」シート）`], style: 'fact' },
    { cells: [] },
  ];
  return reportSheet({
    name,
    lines,
    columns,
    rows: [...r.claims.map((l) => row(l, false)), row(r.total, true)],
    totalLast: true,
    note: '台帳の各行の調定額・収入済額・不納欠損額・収入未済額の計（基準日現在）。縮減額 = 前年度の収入未済額 − 今年度の収入未済額。空欄は、その年度の提出がないもの。',
  });
}

/** Every ledger's figures per year: revision, as-of date, rows and amount owing (they sum to the claims'). */
export function statusSourcesSheet(name: string, r: Report): ReportSheet {
  const columns: ReportColumn[] = [
    { header: '台帳ID', width: 38 },
    ...ORG_COLUMNS,
    { header: '台帳名', width: 24 },
    { header: '年度', width: 8 },
    { header: '版', width: 6 },
    { header: '基準日', width: 12 },
    { header: '行数', width: 8, format: '#,##0' },
    amountColumn('収入未済額（円）'),
  ];
  const rows = r.sources.map((s): SheetCell[] => [
    s.ledgerId,
    s.bureau,
    s.division,
    s.claim,
    s.ledger,
    s.fiscalYear,
    s.revision,
    s.asOf,
    s.rows,
    sheetAmount(s.outstandingYen),
  ]);
  return reportSheet({ name, columns, rows, filter: true });
}
