/**
 * 「年度推移」 as both the service's consolidated.xlsx and the pane's 取りまとめ print it, from the
 * service's answer (domain/api/history.ts): above the table, the amount owing and the collection
 * rate by bureau and year, each drawn as a line chart (years across, a line per bureau); the table
 * has each bureau's, the total's and each claim's line per year. The command line's TSV is the
 * same table.
 */
import type { z } from 'zod';
import type { History, HistoryLine, HistoryYearFigures } from '../api/history.js';
import { columnLetter } from '../fields/column-letter.js';
import { formatTsv } from '../reports/delimited.js';
import {
  amountColumn,
  besideTable,
  RATE_FORMAT,
  reportSheet,
  sheetAmount,
  sheetThousands,
  TOTAL,
  yesMark,
  type ReportChart,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
  type SheetLine,
} from '../reports/report-sheet.js';

type Answer = z.infer<typeof History>;
type Line = z.infer<typeof HistoryLine>;
type Figures = z.infer<typeof HistoryYearFigures>;

export const HISTORY_SHEET_NAME = '年度推移';

export const YEAR_STATE_LABEL = { settled: '確定', provisional: '速報' } as const;

const COLUMNS: readonly ReportColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
  { header: '年度', width: 10 },
  { header: '区分', width: 6 },
  { header: '台帳数', width: 8, format: '#,##0' },
  amountColumn('調定額（円）'),
  amountColumn('収入済額（円）'),
  { header: '収納率（％）', width: 10, format: RATE_FORMAT },
  amountColumn('不納欠損額（円）'),
  amountColumn('収入未済額（円）'),
  amountColumn('目標額（円）'),
  amountColumn('目標との差（円）'),
  { header: '目標達成', width: 8 },
  { header: '増加が2年連続', width: 12 },
];

const NOTE =
  '確定: 決算確定の時点で凍結した数値。速報: 各台帳の、基準日がその年度内の最後の提出による現在の数値。収納率 = 収入済額 ÷ 調定額。目標達成: 収入未済額が目標額以下。増加が2年連続: 収入未済額が前年度より増え、前年度も前々年度より増えた年度に○。空欄は、その年度の数値がないもの。';

const yearLabel = (fy: number) => `${fy}年度`;

/** A line's rows, one per year. */
function lineRows(a: Answer, l: Line, org: SheetCell[]): SheetCell[][] {
  return a.years.map((y, i) => {
    const f: Figures = l.years[i]!;
    return [
      ...org,
      yearLabel(y.fiscalYear),
      YEAR_STATE_LABEL[y.state],
      f.ledgers,
      sheetAmount(f.assessedYen),
      sheetAmount(f.paidYen),
      f.rate,
      sheetAmount(f.writtenOffYen),
      sheetAmount(f.outstandingYen),
      sheetAmount(f.targetYen),
      sheetAmount(f.gapToTargetYen),
      f.attained === null ? null : yesMark(f.attained) || '×',
      yesMark(l.grewTwoYearsTo.includes(y.fiscalYear)),
    ];
  });
}

/** The table's header and rows: bureaus, the total, then claims. */
export function historyTableRows(a: Answer): { columns: readonly ReportColumn[]; rows: SheetCell[][] } {
  return {
    columns: COLUMNS,
    rows: [
      ...a.bureaus.flatMap((l) => lineRows(a, l, [l.bureau, null, null])),
      ...lineRows(a, a.total, [TOTAL, null, null]),
      ...a.claims.flatMap((l) => lineRows(a, l, [l.bureau, l.division, l.claim])),
    ],
  };
}

/** Years down, a column per bureau: what a line chart draws as a line per bureau across the years. */
function byBureau(a: Answer, corner: string, cell: (f: Figures) => SheetCell): SheetLine[] {
  return [
    { cells: [corner, ...a.bureaus.map((b) => b.bureau)] },
    ...a.years.map((y, i) => ({ cells: [yearLabel(y.fiscalYear), ...a.bureaus.map((b) => cell(b.years[i]!))] })),
  ];
}

export function historySheet(name: string, a: Answer): ReportSheet {
  const states = a.years.map((y) => `${yearLabel(y.fiscalYear)} ${YEAR_STATE_LABEL[y.state]}`).join('・');
  const head: SheetLine[] = [
    { cells: [`年度推移（${yearLabel(a.from)}〜${yearLabel(a.to)}）`], style: 'title' },
    { cells: ['区分', states], style: 'fact' },
    { cells: [] },
  ];
  const outstanding = byBureau(a, '収入未済額（千円）', (f) => sheetThousands(f.outstandingYen));
  const rate = byBureau(a, '収納率（％）', (f) => f.rate);
  const firstRow = head.length + 1;
  const rateRow = firstRow + outstanding.length + 1;
  const lines = [...head, ...outstanding, { cells: [] }, ...rate, { cells: [] }];
  const lastCol = columnLetter(a.bureaus.length);
  const chart = (n: string, title: string, top: number, top2: number): ReportChart => ({
    name: n,
    type: 'Line',
    dataRange: `A${top}:${lastCol}${top + a.years.length}`,
    title,
    position: besideTable(COLUMNS.length, top2),
  });
  // A chart needs a series: with no bureau within reach there is nothing to draw.
  const charts =
    a.bureaus.length === 0 || a.years.length === 0
      ? []
      : [
          chart('年度推移_未収金', '収入未済額の推移（局別・千円）', firstRow, 2),
          chart('年度推移_収納率', '収納率の推移（局別・％）', rateRow, 22),
        ];
  const { rows } = historyTableRows(a);
  return reportSheet({ name, lines, columns: [...COLUMNS], rows, note: NOTE, filter: true, charts });
}

/** The table as TSV, header first (`saiken report history --format tsv`). */
export function historyTsv(a: Answer): string {
  const { columns, rows } = historyTableRows(a);
  return formatTsv([columns.map((c) => c.header), ...rows]);
}
