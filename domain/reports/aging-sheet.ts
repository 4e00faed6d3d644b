/**
 * Outstanding amounts by years in arrears (滞納年数別), one row per bureau or division and a 合計
 * row, summed exactly. The service prints yen; the pane prints thousands with a stacked chart.
 */
import { columnLetter } from '../fields/column-letter.js';
import { agingOf, type LedgerTotals } from './ledger-totals.js';
import {
  amountColumn,
  besideTable,
  reportSheet,
  sheetAmount,
  sheetThousands,
  TOTAL,
  type ReportChart,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

export interface AgingBucket {
  /** `0-1`, `1-2`, `5+`. */
  label: string;
  fromYears: number;
  outstanding: bigint;
}

export interface AgingGroup {
  label: string;
  /** How many ledgers fell into the group (with or without aging). */
  ledgers: number;
  byBucket: Map<string, bigint>;
}

/** `0-1` → 1年未満, `1-2` → 1年以上2年未満, `5+` → 5年以上. */
export function agingHeader(label: string): string {
  let m = /^(\d+)-(\d+)$/.exec(label);
  if (m) return m[1] === '0' ? `${m[2]}年未満` : `${m[1]}年以上${m[2]}年未満`;
  m = /^(\d+)\+$/.exec(label);
  return m ? `${m[1]}年以上` : label;
}

/** The bucket labels that occur, youngest first. */
export function bucketLabels(lists: Iterable<readonly AgingBucket[]>): string[] {
  const from = new Map<string, number>();
  for (const bs of lists) for (const b of bs) if (!from.has(b.label)) from.set(b.label, b.fromYears);
  return [...from].sort((a, b) => a[1] - b[1]).map(([label]) => label);
}

/** Σ per group and bucket: the groups of `order` first (empty ones too), then others as they appear. */
export function agingByGroup(
  items: Iterable<{ group: string; buckets: readonly AgingBucket[] }>,
  order: readonly string[],
): AgingGroup[] {
  const groups = new Map<string, AgingGroup>(order.map((label) => [label, { label, ledgers: 0, byBucket: new Map() }]));
  for (const it of items) {
    let g = groups.get(it.group);
    if (!g) groups.set(it.group, (g = { label: it.group, ledgers: 0, byBucket: new Map() }));
    g.ledgers++;
    for (const b of it.buckets) g.byBucket.set(b.label, (g.byBucket.get(b.label) ?? 0n) + b.outstanding);
  }
  return [...groups.values()];
}

const UNITS = {
  yen: { suffix: '（円）', width: 18, cell: sheetAmount },
  thousands: { suffix: '（千円）', width: 16, cell: sheetThousands },
} as const;

export interface AgingSheetSource {
  name: string;
  /** 局名 or 課名. */
  groupHeader: string;
  unit: keyof typeof UNITS;
  labels: readonly string[];
  groups: readonly AgingGroup[];
  /** A stacked chart of the groups (without the 合計 row and column); none when absent. */
  chartTitle?: string;
}

export function agingSheet(s: AgingSheetSource): ReportSheet {
  const unit = UNITS[s.unit];
  const line = (label: string, by: ReadonlyMap<string, bigint>): SheetCell[] => {
    const yen = s.labels.map((b) => by.get(b) ?? 0n);
    return [label, ...yen.map(unit.cell), unit.cell(yen.reduce((a, b) => a + b, 0n))];
  };
  const all = new Map<string, bigint>();
  for (const g of s.groups) for (const [b, v] of g.byBucket) all.set(b, (all.get(b) ?? 0n) + v);
  const columns = [
    { header: s.groupHeader, width: 18 },
    ...s.labels.map((l) => amountColumn(`${agingHeader(l)}${unit.suffix}`, unit.width)),
    amountColumn(`${TOTAL}${unit.suffix}`, unit.width),
  ];
  const charts: ReportChart[] =
    s.chartTitle === undefined || s.groups.length === 0 || s.labels.length === 0
      ? []
      : [
          {
            name: 'aging',
            type: 'ColumnStacked',
            dataRange: `A1:${columnLetter(s.labels.length)}${s.groups.length + 1}`,
            title: s.chartTitle,
            position: besideTable(columns.length),
          },
        ];
  return reportSheet({
    name: s.name,
    columns,
    rows: [...s.groups.map((g) => line(g.label, g.byBucket)), line(TOTAL, all)],
    totalLast: true,
    charts,
  });
}

/** The service's sheet: every stored ledger's buckets by bureau, in yen. */
export function ledgerAgingSheet(
  name: string,
  ledgers: readonly LedgerTotals[],
  bureauOrder: readonly string[],
): ReportSheet {
  const items = ledgers.map((l) => ({ group: l.bureau, buckets: agingOf(l.aging) }));
  return agingSheet({
    name,
    groupHeader: '局名',
    unit: 'yen',
    labels: bucketLabels(items.map((i) => i.buckets)),
    groups: agingByGroup(items, bureauOrder).filter((g) => g.ledgers > 0),
    chartTitle: '滞納年数別の未収金（局別・円）',
  });
}
