/**
 * The figures sheets of 取りまとめ from the service's answers (pure): the bureau target table in
 * the seed's layout, target vs current by bureau or division, and aging by bureau or division with
 * their native charts. The sheets themselves are defined in domain/reports.
 */
import { agingByGroup, agingSheet as agingReport, bucketLabels } from '../../domain/reports/aging-sheet.js';
import { progressSheet as progressReport, type ProgressGroup } from '../../domain/reports/progress-sheet.js';
import { exactYen } from '../../domain/reports/report-sheet.js';
import { targetSheet as targetReport } from '../../domain/reports/target-sheet.js';
import { sheetPlan, type SheetPlan } from './render-sheet.js';
import type { LedgersT, TargetsT } from './sheet-sums.js';

export type { SheetPlan };

export function targetSheet(name: string, t: TargetsT): SheetPlan {
  return sheetPlan(targetReport(name, { ...t, rows: t.bureaus }));
}

/** Target vs current per group (千円), the total last; the chart leaves the total out. */
export function progressSheet(
  name: string,
  groupHeader: string,
  groups: ProgressGroup[],
  chartTitle: string,
): SheetPlan {
  return sheetPlan(progressReport(name, groupHeader, groups, chartTitle));
}

type Ledger = LedgersT['ledgers'][number];

/** Aging (千円) of the ledgers with data, by bureau or division; the chart leaves out the 合計 row and column. */
export function agingSheet(
  name: string,
  groupHeader: string,
  ledgers: LedgersT['ledgers'],
  groupOf: (l: Ledger) => string,
  order: readonly string[],
  chartTitle: string,
): SheetPlan {
  const buckets = (l: Ledger) => l.aging.map((b) => ({ ...b, outstanding: exactYen(b.outstanding) }));
  const items = ledgers
    .filter((l) => l.revision > 0 && l.aging.length > 0)
    .map((l) => ({ group: groupOf(l), buckets: buckets(l) }));
  const groups = agingByGroup(items, order).filter((g) => g.byBucket.size > 0);
  const labels = bucketLabels(ledgers.map(buckets));
  return sheetPlan(agingReport({ name, groupHeader, unit: 'thousands', labels, groups, chartTitle }));
}
