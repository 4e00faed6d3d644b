/**
 * 「年度推移」 as both the service's consolidated.xlsx and the pane's 取りまとめ print it, from the
 * service's answer (domain/api/history.ts): above the table, the amount owing and the collection
 * rate by bureau and year, each drawn as a line chart (years across, a line per bureau); the table
 * has a row for each bureau, the total and each claim, the years across (a row per claim and year
 * would make a city's 10,000 claims 50,000 rows). The command line's TSV is the same table.
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

const ORG_COLUMNS: readonly ReportColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
];

const NOTE =
  '確定: 決算確定の時点で凍結した数値。速報: 各台帳の、基準日がその年度内の最後の提出による現在の数値。収納率 = 収入済額 ÷ 調定額。目標達成: 収入未済額が目標額以下で○、超えて×。増加が2年連続: 収入未済額が前年度より増え、前年度も前々年度より増えた年度。空欄は、その年度の数値がないもの。どの年度にも台帳の数値がない債権は、局の目標額にのみ含まれる。';

const yearLabel = (fy: number) => `${fy}年度`;

/** The last row the charts cover (besideTable: 18 rows from row 2). */
const CHART_BOTTOM = 20;

/** A column group per year, its state (確定・速報) in each header: years across, a row per line. */
function columnsOf(a: Answer): ReportColumn[] {
  return [
    ...ORG_COLUMNS,
    ...a.years.flatMap((y) => {
      const head = `${yearLabel(y.fiscalYear)}（${YEAR_STATE_LABEL[y.state]}）`;
      return [
        amountColumn(`${head} 収入未済額（円）`),
        { header: `${head} 収納率（％）`, width: 10, format: RATE_FORMAT },
        amountColumn(`${head} 不納欠損額（円）`),
        amountColumn(`${head} 目標額（円）`),
        { header: `${head} 目標達成`, width: 8 },
      ];
    }),
    { header: '増加が2年連続', width: 16 },
  ];
}

function lineRow(l: Line, org: SheetCell[]): SheetCell[] {
  return [
    ...org,
    ...l.years.flatMap((f: Figures) => [
      sheetAmount(f.outstandingYen),
      f.rate,
      sheetAmount(f.writtenOffYen),
      sheetAmount(f.targetYen),
      f.attained === null ? null : yesMark(f.attained) || '×',
    ]),
    l.grewTwoYearsTo.map(yearLabel).join('・'),
  ];
}

/**
 * The table's columns and rows: each bureau, the total, then each claim that has figures in some
 * year of the span. A claim only planned, never sent, counts in its bureau's targets but has no row
 * of blanks (a city plans thousands of them: they would be most of the sheet).
 */
export function historyTableRows(a: Answer): { columns: ReportColumn[]; rows: SheetCell[][] } {
  return {
    columns: columnsOf(a),
    rows: [
      ...a.bureaus.map((l) => lineRow(l, [l.bureau, null, null])),
      lineRow(a.total, [TOTAL, null, null]),
      ...a.claims
        .filter((l) => l.years.some((y) => y.ledgers > 0))
        .map((l) => lineRow(l, [l.bureau, l.division, l.claim])),
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
  const data = [...head, ...outstanding, { cells: [] }, ...rate, { cells: [] }];
  // The charts stand side by side right of their data, rows 2 to 20: the table starts below them.
  const lines = [...data, ...Array.from({ length: Math.max(0, CHART_BOTTOM - data.length) }, () => ({ cells: [] }))];
  const lastCol = columnLetter(a.bureaus.length);
  const chart = (n: string, title: string, top: number, beside: number): ReportChart => ({
    name: n,
    type: 'Line',
    dataRange: `A${top}:${lastCol}${top + a.years.length}`,
    title,
    position: besideTable(beside, 2),
  });
  // A chart needs a series: with no bureau within reach there is nothing to draw.
  const charts =
    a.bureaus.length === 0 || a.years.length === 0
      ? []
      : [
          chart('年度推移_未収金', '収入未済額の推移（局別・千円）', firstRow, a.bureaus.length + 1),
          chart('年度推移_収納率', '収納率の推移（局別・％）', rateRow, a.bureaus.length + 9),
        ];
  const { columns, rows } = historyTableRows(a);
  return reportSheet({ name, lines, columns, rows, note: NOTE, filter: true, charts });
}

/** The table as TSV, header first (`saiken report history --format tsv`). */
export function historyTsv(a: Answer): string {
  const { columns, rows } = historyTableRows(a);
  return formatTsv([columns.map((c) => c.header), ...rows]);
}
