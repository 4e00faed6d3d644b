/**
 * The list sheets of 取りまとめ from the service's answers (pure): every claim against its plan,
 * every ledger's submission status with the chase list marked, and the improvement list (growing
 * or behind-plan claims with the division's review and finance's proposal). Texts from the service
 * go in as given. The sheets themselves are defined in domain/reports.
 */
import { claimSheet } from '../../domain/reports/claim-sheet.js';
import { improvementSheet as improvementReport } from '../../domain/reports/improvement-sheet.js';
import { submissionStatusSheet } from '../../domain/reports/submission-sheet.js';
import { sheetPlan, type SheetPlan } from './render-sheet.js';
import {
  onImprovementList,
  type FlaggedClaimsT,
  type ProposalItem,
  type ReportClaimsT,
  type SubmissionsT,
} from './schemas.js';

export function claimsSheet(name: string, r: ReportClaimsT): SheetPlan {
  return sheetPlan(claimSheet(name, r.claims));
}

export function submissionsSheet(name: string, s: SubmissionsT): SheetPlan {
  return sheetPlan(submissionStatusSheet(name, s));
}

export function improvementSheet(name: string, f: FlaggedClaimsT, proposals: readonly ProposalItem[]): SheetPlan {
  return sheetPlan(improvementReport(name, f.baselineStatus, f.claims.filter(onImprovementList), proposals));
}
