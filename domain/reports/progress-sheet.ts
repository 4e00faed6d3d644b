/** Target against current (千円) per bureau or division, the total last, with a clustered chart. */
import type { JsonInteger } from './exact.js';
import {
  amountColumn,
  besideTable,
  exactYen,
  reportSheet,
  sheetThousands,
  sumOrNull,
  TOTAL,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

export interface ProgressGroup {
  label: string;
  baselineYen: JsonInteger;
  targetYen: JsonInteger;
  /** Null where no claim of the group has reported yet (not 0, which would look like success). */
  currentYen: JsonInteger | null;
}

function progressRow(g: { label: string; baseline: bigint; target: bigint; current: bigint | null }): SheetCell[] {
  return [
    g.label,
    sheetThousands(g.target),
    sheetThousands(g.current),
    sheetThousands(g.baseline),
    g.current === null ? null : sheetThousands(g.current - g.target),
  ];
}

/** The chart leaves the total out. */
export function progressSheet(
  name: string,
  groupHeader: string,
  groups: readonly ProgressGroup[],
  chartTitle: string,
): ReportSheet {
  const exact = (g: ProgressGroup) => ({
    label: g.label,
    baseline: exactYen(g.baselineYen),
    target: exactYen(g.targetYen),
    current: g.currentYen === null ? null : exactYen(g.currentYen),
  });
  const total = {
    label: TOTAL,
    baseline: sumOrNull(groups.map((g) => g.baselineYen)) ?? 0n,
    target: sumOrNull(groups.map((g) => g.targetYen)) ?? 0n,
    current: sumOrNull(groups.map((g) => g.currentYen)),
  };
  const columns = [
    { header: groupHeader, width: 18 },
    amountColumn('目標 ②（千円）', 16),
    amountColumn('現在（千円）', 16),
    amountColumn('前年度決算 ①（千円）', 20),
    amountColumn('差 現在-目標（千円）', 20),
  ];
  return reportSheet({
    name,
    columns,
    rows: [...groups.map((g) => progressRow(exact(g))), progressRow(total)],
    totalLast: true,
    charts:
      groups.length === 0
        ? []
        : [
            {
              name: 'target-vs-current',
              type: 'ColumnClustered',
              dataRange: `A1:C${groups.length + 1}`,
              title: chartTitle,
              position: besideTable(columns.length),
            },
          ],
  });
}
