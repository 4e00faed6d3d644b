/**
 * The per-claim sheet (債権別) as both the service's .xlsx and the pane's 取りまとめ print it: one
 * definition, so the two workbooks cannot drift apart.
 */
import type { JsonInteger } from './exact.js';
import {
  amountColumn,
  reportSheet,
  sheetAmount,
  yesMark,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

/** What a claim's progress line must give (the service's report and the pane's copy of it). */
export interface ClaimSheetSource {
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
  baselineYen: JsonInteger | null;
  targetYen: JsonInteger | null;
  currentYen: JsonInteger | null;
  gapYen: JsonInteger | null;
  growing: boolean | null;
  behindPlan: boolean | null;
  asOf: string | null;
  ledgers: number;
  planVersion: number | null;
}

const CLAIM_SHEET_COLUMNS: readonly ReportColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
  { header: '債権区分', width: 16 },
  amountColumn('前年度決算（円）'),
  amountColumn('目標（円）'),
  amountColumn('現在（円）'),
  amountColumn('延滞金見込額（円）'),
  amountColumn('差 現在-目標（円）'),
  { header: '未収金増加', width: 10 },
  { header: '計画遅れ', width: 10 },
  { header: '基準日', width: 12 },
  { header: '台帳数', width: 8 },
  { header: '計画の版', width: 8 },
];

/** A claim's late-charge estimate by its bureau, division and name (as the sums name them). */
export type LateChargeByClaim = ReadonlyMap<string, number>;

const claimKey = (bureau: string, division: string, claim: string) => JSON.stringify([bureau, division, claim]);

/** 延滞金見込額 per claim from the worklist's sums (GET /oversight/worklist), for `claimSheet`. */
export function lateChargeByClaim(
  claims: readonly {
    bureau: { name: string };
    division: { name: string };
    claim: { name: string };
    lateChargeEstimateYen: number;
  }[],
): LateChargeByClaim {
  return new Map(claims.map((c) => [claimKey(c.bureau.name, c.division.name, c.claim.name), c.lateChargeEstimateYen]));
}

function claimSheetRow(c: ClaimSheetSource, lateCharges: LateChargeByClaim): SheetCell[] {
  // Shown where the current amount is: a claim no ledger reported has neither.
  const lateCharge = c.currentYen === null ? null : (lateCharges.get(claimKey(c.bureau, c.division, c.claim)) ?? 0);
  return [
    c.bureau,
    c.division,
    c.claim,
    c.classification,
    sheetAmount(c.baselineYen),
    sheetAmount(c.targetYen),
    sheetAmount(c.currentYen),
    sheetAmount(lateCharge),
    sheetAmount(c.gapYen),
    yesMark(c.growing),
    yesMark(c.behindPlan),
    c.asOf,
    c.ledgers,
    c.planVersion,
  ];
}

const NOTE =
  '延滞金見込額は見込みです（収入未済額の全額を各台帳の基準日に納付した場合。一部納付の日付は台帳にありません）。';

/** Every claim against its plan, one row each, filtered by header, with its late-charge estimate. */
export function claimSheet(
  name: string,
  claims: readonly ClaimSheetSource[],
  lateCharges: LateChargeByClaim,
): ReportSheet {
  return reportSheet({
    name,
    columns: [...CLAIM_SHEET_COLUMNS],
    rows: claims.map((c) => claimSheetRow(c, lateCharges)),
    filter: true,
    note: NOTE,
  });
}
