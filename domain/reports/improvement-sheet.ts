/**
 * The improvement list (改善提案): claims that grow against last year or lag their plan, with the
 * division's latest review and finance's proposal beside them. Texts and words go in as given (the
 * pane words the service's codes in Japanese, addin/i18n/labels.ts).
 */
import { amountColumn, reportSheet, sheetAmount, type ReportSheet, type SheetCell } from './report-sheet.js';

interface Named {
  name: string;
}

export interface ImprovementClaim {
  claim: { id: number; name: string };
  bureau: Named;
  division: Named;
  /** Why it is on the list, worded (未収金増加, 計画遅れ). */
  reasons: readonly string[];
  baselineYen: number;
  targetYen: number;
  currentYen: number | null;
  milestone: { outstandingYen: number } | null;
  latestReview: { month: string; assessment: string; nextStep: string } | null;
}

export interface ImprovementProposal {
  claimId: number;
  body: string;
  version: number;
}

/** `baselineLabel` is how ① is headed (見込 or 確定); `claims` are those on the list. */
export function improvementSheet(
  name: string,
  baselineLabel: string,
  claims: readonly ImprovementClaim[],
  proposals: readonly ImprovementProposal[],
): ReportSheet {
  const byClaim = new Map(proposals.map((p) => [p.claimId, p]));
  const columns = [
    { header: '局名', width: 16 },
    { header: '課名', width: 16 },
    { header: '債権名', width: 22 },
    { header: '理由', width: 18 },
    amountColumn(`前年度決算（${baselineLabel}・円）`),
    amountColumn('目標（円）'),
    amountColumn('現在（円）'),
    amountColumn('計画上の今月（円）'),
    { header: '振り返りの月', width: 12 },
    { header: '評価（振り返り）', width: 40 },
    { header: '次の取組み', width: 40 },
    { header: '改善提案', width: 50 },
    { header: '提案の版', width: 8 },
  ];
  const rows = claims.map((c): SheetCell[] => {
    const p = byClaim.get(c.claim.id);
    return [
      c.bureau.name,
      c.division.name,
      c.claim.name,
      c.reasons.join('・'),
      sheetAmount(c.baselineYen),
      sheetAmount(c.targetYen),
      sheetAmount(c.currentYen),
      sheetAmount(c.milestone?.outstandingYen ?? null),
      c.latestReview?.month ?? null,
      c.latestReview?.assessment ?? null,
      c.latestReview?.nextStep ?? null,
      p?.body ?? null,
      p?.version ?? null,
    ];
  });
  return reportSheet({ name, columns, rows });
}
