/**
 * The list sheets of 取りまとめ from the service's answers (pure): every claim against its plan,
 * every ledger's submission status with the chase list marked, and the improvement list (growing
 * or behind-plan claims with the division's review and finance's proposal). Texts from the service
 * go in as given; its codes (states, reasons, the period, the baseline's settlement) are worded in
 * Japanese here, whatever Office's language. The sheets themselves are defined in domain/reports.
 */
import type { ResponseOf } from '../../domain/api/routes.js';
import { claimSheet, lateChargeByClaim } from '../../domain/reports/claim-sheet.js';
import { improvementSheet as improvementReport } from '../../domain/reports/improvement-sheet.js';
import { submissionStatusSheet } from '../../domain/reports/submission-sheet.js';
import { baselineStatusLabel, ja, periodLabel, reasonLabel, stateLabel } from '../i18n/labels.js';
import { sheetPlan, type SheetPlan } from './render-sheet.js';
import { onImprovementList, type FlaggedClaimsT, type ProposalItem, type SubmissionsT } from './schemas.js';
import type { ReportClaimsT } from './sheet-sums.js';

export function claimsSheet(name: string, r: ReportClaimsT, worklist: ResponseOf<'worklistCounts'>): SheetPlan {
  return sheetPlan(claimSheet(name, r.claims, lateChargeByClaim(worklist.claims)));
}

export function submissionsSheet(name: string, s: SubmissionsT): SheetPlan {
  return sheetPlan(
    submissionStatusSheet(name, {
      ...s,
      window: { label: periodLabel(ja, s.period) },
      ledgers: s.ledgers.map((l) => ({ ...l, stateLabel: stateLabel(ja, l.state) })),
      chase: s.chase.map((c) => ({ ...c, reasonLabel: stateLabel(ja, c.reason) })),
    }),
  );
}

export function improvementSheet(name: string, f: FlaggedClaimsT, proposals: readonly ProposalItem[]): SheetPlan {
  const claims = f.claims
    .filter(onImprovementList)
    .map((c) => ({ ...c, reasons: c.reasons.map((r) => reasonLabel(ja, r)) }));
  return sheetPlan(improvementReport(name, baselineStatusLabel(ja, f.baselineSettled), claims, proposals));
}
