/**
 * The per-claim sheet (債権別) as both the service's .xlsx and the pane's 取りまとめ print it: one
 * definition, so the two workbooks cannot drift apart.
 */
import { integerOf, sheetInteger, type JsonInteger } from './exact.js';

/** Thousands separators, and △ for a negative, as the city's tables print amounts. */
export const AMOUNT_FORMAT = '#,##0;"△ "#,##0';

export interface SheetColumn {
  header: string;
  width: number;
  format?: string;
}

export type SheetCell = string | number | null;

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

const amount = (header: string): SheetColumn => ({ header, width: 18, format: AMOUNT_FORMAT });

export const CLAIM_SHEET_COLUMNS: readonly SheetColumn[] = [
  { header: '局名', width: 16 },
  { header: '課名', width: 16 },
  { header: '債権名', width: 24 },
  { header: '債権区分', width: 16 },
  amount('前年度決算（円）'),
  amount('目標（円）'),
  amount('現在（円）'),
  amount('差 現在-目標（円）'),
  { header: '未収金増加', width: 10 },
  { header: '計画遅れ', width: 10 },
  { header: '基準日', width: 12 },
  { header: '台帳数', width: 8 },
  { header: '計画の版', width: 8 },
];

/** ○ for yes, blank otherwise (how the city's lists mark a flag). */
export const yesMark = (b: boolean | null | undefined): string => (b ? '○' : '');

/** An amount for a cell: a number while Excel holds it to the yen, else its digits as text (exact.ts). */
export function sheetAmount(x: JsonInteger | null): SheetCell {
  if (x === null) return null;
  if (typeof x === 'number' && !Number.isSafeInteger(x)) return x;
  return sheetInteger(integerOf(x));
}

export function claimSheetRow(c: ClaimSheetSource): SheetCell[] {
  return [
    c.bureau,
    c.division,
    c.claim,
    c.classification,
    sheetAmount(c.baselineYen),
    sheetAmount(c.targetYen),
    sheetAmount(c.currentYen),
    sheetAmount(c.gapYen),
    yesMark(c.growing),
    yesMark(c.behindPlan),
    c.asOf,
    c.ledgers,
    c.planVersion,
  ];
}
