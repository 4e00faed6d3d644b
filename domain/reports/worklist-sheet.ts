/**
 * 対応件数: the worklist's debtors and outstanding per action, with the late-charge estimate, per
 * claim, then per bureau, then the total (GET /oversight/worklist). One definition for the
 * service's consolidated.xlsx and the pane's 取りまとめ.
 */
import type { z } from 'zod';
import type { WorklistCounts } from '../api/oversight.js';
import { WORKLIST_ACTIONS } from '../worklist/actions.js';
import {
  amountColumn,
  reportSheet,
  TOTAL,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

type Source = z.infer<typeof WorklistCounts>;
type Sums = Source['total'];

/** Marks a bureau's own line among the claims. */
export const BUREAU_SUM = '（局計）';

const COLUMNS: readonly ReportColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
  { header: '台帳数', width: 8 },
  amountColumn('収入未済額（円）'),
  amountColumn('延滞金見込額（円）'),
  ...WORKLIST_ACTIONS.flatMap((a) => [
    { header: `${a.tier}. ${a.label.ja}（人）`, width: 12, format: '#,##0' },
    amountColumn(`${a.tier}. ${a.label.ja}（円）`),
  ]),
];

const figures = (s: Sums): SheetCell[] => [
  s.ledgers,
  s.outstandingYen,
  s.lateChargeEstimateYen,
  ...s.byAction.flatMap((a) => [a.debtors, a.outstandingYen]),
];

const NOTE =
  '延滞金見込額は見込みです（収入未済額の全額を各台帳の基準日に納付した場合。一部納付の日付は台帳にありません）。' +
  '人数・金額は各台帳の最新の提出をサービスがチェックした結果で、対応リストの最も急ぐ対応で数えています。';

export function worklistSheet(name: string, s: Source): ReportSheet {
  const uncounted = s.total.ledgers - s.total.ledgersCounted;
  return reportSheet({
    name,
    columns: [...COLUMNS],
    rows: [
      ...s.claims.map((c) => [c.bureau.name, c.division.name, c.claim.name, ...figures(c)]),
      ...s.bureaus.map((b) => [b.bureau.name, '', BUREAU_SUM, ...figures(b)]),
      [TOTAL, '', '', ...figures(s.total)],
    ],
    totalLast: true,
    filter: true,
    note:
      uncounted > 0
        ? `${NOTE}対応ごとの人数は、この機能より前に提出された台帳 ${uncounted} 件を含みません（次の提出から数えます）。`
        : NOTE,
  });
}
