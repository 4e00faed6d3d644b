/**
 * The figures sheets of 取りまとめ, built as plain rows (pure): the bureau target table in the seed's
 * layout (title, unit line, table, note, as the service's .xlsx writes it), target vs current by
 * bureau or division, and aging by bureau or division, with their native charts.
 */
import { columnLetter } from '../../domain/fields/column-letter.js';
import { thousandsRounded } from '../../domain/targets/index.js';
import type { ChartSpec, SheetValue, SheetWriteOptions } from '../excel/workbook-port.js';
import type { LedgersT, TargetsT } from './schemas.js';

export interface SheetPlan {
  name: string;
  rows: SheetValue[][];
  options: SheetWriteOptions;
  charts: ChartSpec[];
}

/** Thousands or yen as the seed prints them: `1,234`, `0`, `△ 13` (the service's AMOUNT_FORMAT). */
import { AMOUNT_FORMAT } from '../../domain/reports/claim-sheet.js';
export { AMOUNT_FORMAT };
export const RATIO_FORMAT = '0.00';
export const TOTAL = '合計';
/** Rough points per character of the sheet's font, for column widths given in characters. */
const pt = (chars: number) => Math.round(chars * 7);

/** A chart right of a table `width` columns wide, about 8 columns by 18 rows. */
function besideTable(width: number, top = 2): ChartSpec['position'] {
  return { from: `${columnLetter(width + 1)}${top}`, to: `${columnLetter(width + 8)}${top + 18}` };
}

const k = (yen: number | null) => (yen === null ? null : thousandsRounded(yen));

/** Row numbers (1-based) of the bureau sheet, as the service's consolidated workbook has them. */
export const TARGET_LAYOUT = { titleRow: 1, unitRow: 2, unitColumn: 5, headerRow: 3 } as const;

export function targetSheet(name: string, t: TargetsT): SheetPlan {
  const rowsOf = [...t.bureaus, t.total].map((r): SheetValue[] => [
    r.bureau,
    k(r.baselineYen),
    k(r.targetYen),
    k(r.diffYen),
    r.ratioHundredths === null ? r.cells[4] : r.ratioHundredths / 100,
  ]);
  const fmt = [null, AMOUNT_FORMAT, AMOUNT_FORMAT, AMOUNT_FORMAT, RATIO_FORMAT];
  const rows: SheetValue[][] = [
    [t.title],
    [null, null, null, null, t.unitLine],
    [...t.headers],
    ...rowsOf,
    [],
    [t.note],
  ];
  const totalRow = TARGET_LAYOUT.headerRow + rowsOf.length;
  return {
    name,
    rows,
    options: {
      numberFormats: rows.map((_, i) => (i >= TARGET_LAYOUT.headerRow && i < totalRow ? fmt : [])),
      columnWidths: [18, 24, 20, 18, 15].map(pt),
      freezeRows: TARGET_LAYOUT.headerRow,
      boldRows: [TARGET_LAYOUT.titleRow, TARGET_LAYOUT.headerRow, totalRow],
    },
    charts: [],
  };
}

export interface ProgressGroup {
  label: string;
  baselineYen: number;
  targetYen: number;
  /** Null where no claim of the group has reported yet (not 0, which would look like success). */
  currentYen: number | null;
}

/** Target vs current per group (千円), the total last; the chart leaves the total out. */
export function progressSheet(
  name: string,
  groupHeader: string,
  groups: ProgressGroup[],
  chartTitle: string,
): SheetPlan {
  const sum = (f: (g: ProgressGroup) => number | null) => {
    const vs = groups.map(f).filter((v): v is number => v !== null);
    return vs.length ? vs.reduce((a, b) => a + b, 0) : null;
  };
  const total: ProgressGroup = {
    label: TOTAL,
    baselineYen: sum((g) => g.baselineYen) ?? 0,
    targetYen: sum((g) => g.targetYen) ?? 0,
    currentYen: sum((g) => g.currentYen),
  };
  const header = [groupHeader, '目標 ②（千円）', '現在（千円）', '前年度決算 ①（千円）', '差 現在-目標（千円）'];
  const line = (g: ProgressGroup): SheetValue[] => [
    g.label,
    k(g.targetYen),
    k(g.currentYen),
    k(g.baselineYen),
    g.currentYen === null ? null : k(g.currentYen - g.targetYen),
  ];
  const rows = [header, ...groups.map(line), line(total)];
  return {
    name,
    rows,
    options: {
      numberFormats: rows.map((_, i) =>
        i === 0 ? [] : [null, AMOUNT_FORMAT, AMOUNT_FORMAT, AMOUNT_FORMAT, AMOUNT_FORMAT],
      ),
      columnWidths: [18, 16, 16, 20, 20].map(pt),
      freezeRows: 1,
      boldRows: [1, rows.length],
    },
    charts:
      groups.length === 0
        ? []
        : [
            {
              name: 'target-vs-current',
              type: 'ColumnClustered',
              dataRange: `A1:C${groups.length + 1}`,
              title: chartTitle,
              position: besideTable(header.length),
            },
          ],
  };
}

/** `0-1` → 1年未満, `1-2` → 1年以上2年未満, `5+` → 5年以上 (as the service's aging sheet heads them). */
export function agingHeader(label: string): string {
  let m = /^(\d+)-(\d+)$/.exec(label);
  if (m) return m[1] === '0' ? `${m[2]}年未満` : `${m[1]}年以上${m[2]}年未満`;
  m = /^(\d+)\+$/.exec(label);
  return m ? `${m[1]}年以上` : label;
}

/** Aging (千円) by bureau or division, stacked by years; the chart leaves out the 合計 row and column. */
export function agingSheet(
  name: string,
  groupHeader: string,
  ledgers: LedgersT['ledgers'],
  groupOf: (l: LedgersT['ledgers'][number]) => string,
  order: readonly string[],
  chartTitle: string,
): SheetPlan {
  const buckets = new Map<string, number>();
  for (const l of ledgers) for (const b of l.aging) if (!buckets.has(b.label)) buckets.set(b.label, b.fromYears);
  const labels = [...buckets].sort((a, b) => a[1] - b[1]).map(([label]) => label);
  const sums = new Map<string, Map<string, number>>(order.map((g) => [g, new Map()]));
  for (const l of ledgers) {
    if (l.revision <= 0 || l.aging.length === 0) continue;
    const by = sums.get(groupOf(l)) ?? new Map<string, number>();
    for (const b of l.aging) by.set(b.label, (by.get(b.label) ?? 0) + b.outstanding);
    sums.set(groupOf(l), by);
  }
  const groups = [...sums].filter(([, by]) => by.size > 0);
  const line = (label: string, by: Map<string, number>): SheetValue[] => {
    const yen = labels.map((b) => by.get(b) ?? 0);
    return [label, ...yen.map(k), k(yen.reduce((a, b) => a + b, 0))];
  };
  const all = new Map<string, number>();
  for (const [, by] of groups) for (const [b, v] of by) all.set(b, (all.get(b) ?? 0) + v);
  const header = [groupHeader, ...labels.map((l) => `${agingHeader(l)}（千円）`), '合計（千円）'];
  const rows = [header, ...groups.map(([g, by]) => line(g, by)), line(TOTAL, all)];
  const amounts = header.map((_, i) => (i === 0 ? null : AMOUNT_FORMAT));
  return {
    name,
    rows,
    options: {
      numberFormats: rows.map((_, i) => (i === 0 ? [] : amounts)),
      columnWidths: header.map((_, i) => pt(i === 0 ? 18 : 16)),
      freezeRows: 1,
      boldRows: [1, rows.length],
    },
    charts:
      groups.length === 0 || labels.length === 0
        ? []
        : [
            {
              name: 'aging',
              type: 'ColumnStacked',
              dataRange: `A1:${columnLetter(labels.length)}${groups.length + 1}`,
              title: chartTitle,
              position: besideTable(header.length),
            },
          ],
  };
}
