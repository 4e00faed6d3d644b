/** 現年 and 滞繰 collection rates (収納率) by bureau, summed exactly, with a 合計 row. */
import { collectionRate } from '../analysis/analysis.js';
import { byGroup, type LedgerTotals } from './ledger-totals.js';
import {
  amountColumn,
  RATE_FORMAT,
  reportSheet,
  sheetAmount,
  TOTAL,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

type Amount =
  | 'current_assessed'
  | 'current_paid'
  | 'current_outstanding'
  | 'arrears_assessed'
  | 'arrears_paid'
  | 'arrears_outstanding';

const rateColumn = (header: string): ReportColumn => ({ header, width: 12, format: RATE_FORMAT });

const COLUMNS: ReportColumn[] = [
  { header: '局名', width: 18 },
  amountColumn('現年 調定額（円）'),
  amountColumn('現年 収入済額（円）'),
  rateColumn('現年 収納率（％）'),
  amountColumn('現年 未収金額（円）'),
  amountColumn('滞繰 調定額（円）'),
  amountColumn('滞繰 収入済額（円）'),
  rateColumn('滞繰 収納率（％）'),
  amountColumn('滞繰 未収金額（円）'),
];

function ratesRow(bureau: string, ls: readonly LedgerTotals[]): SheetCell[] {
  const sum = (k: Amount) => ls.reduce((s, l) => s + l[k], 0n);
  // A rate needs no more than a double's precision.
  const rate = (paid: bigint, assessed: bigint) => collectionRate(Number(paid), Number(assessed)) ?? '－';
  const [ca, cp, aa, ap] = [sum('current_assessed'), sum('current_paid'), sum('arrears_assessed'), sum('arrears_paid')];
  return [
    bureau,
    sheetAmount(ca),
    sheetAmount(cp),
    rate(cp, ca),
    sheetAmount(sum('current_outstanding')),
    sheetAmount(aa),
    sheetAmount(ap),
    rate(ap, aa),
    sheetAmount(sum('arrears_outstanding')),
  ];
}

/** Bureaus of `bureauOrder` first, then any other bureau with ledgers as they come. */
export function ratesSheet(
  name: string,
  ledgers: readonly LedgerTotals[],
  bureauOrder: readonly string[],
): ReportSheet {
  const groups = byGroup(ledgers, (l) => l.bureau, bureauOrder);
  return reportSheet({
    name,
    columns: COLUMNS,
    rows: [...groups.map(([b, ls]) => ratesRow(b, ls)), ratesRow(TOTAL, ledgers)],
    totalLast: true,
  });
}
