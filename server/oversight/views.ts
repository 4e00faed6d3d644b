/**
 * The shapes the oversight, plan and hard-case answers share: a claim with its organisation, who
 * wrote a version, a plan, a review and a proposal, each as the contract (domain/api) types it.
 */
import type { z } from 'zod';
import type { ClaimView, Author } from '../../domain/api/common.js';
import type { Plan } from '../../domain/api/plans.js';
import type { Proposal, ProposalReason } from '../../domain/api/proposals.js';
import type { Review } from '../../domain/api/reviews.js';
import { findMeasure } from '../../domain/plans/measures.js';
import type { Milestone } from '../../domain/plans/milestones.js';
import type { ClaimRecord } from '../db/repos/claims.js';
import type { PlanRow } from '../db/repos/plan-edits.js';
import type { ProposalRow } from '../db/repos/proposals.js';
import type { ReviewRow } from '../db/repos/reviews.js';
import { checkLabel } from '../db/repos/tokens.js';

/** A JSON array stored as text; anything else reads as empty. */
export function parseJsonArray<T = unknown>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export const orgView = (r: { bureau_id: number; bureau: string; division_id: number; division: string }) => ({
  bureau: { id: r.bureau_id, name: r.bureau },
  division: { id: r.division_id, name: r.division },
});

export const claimView = (c: ClaimRecord): z.infer<typeof ClaimView> => ({
  id: c.id,
  name: c.name,
  classification: c.classification,
  bureau: { id: c.bureau_id, name: c.bureau },
  division: { id: c.division_id, name: c.division },
});

/**
 * Who wrote a version: the token's role and label (never the token). A label made before labels
 * were checked may name a person (the command line once suggested 「保育課 山田」): it is not shown.
 */
export const authorOf = (r: { role: string | null; label: string | null }): z.infer<typeof Author> =>
  r.role === null ? null : { role: r.role, label: r.label && checkLabel(r.label).ok ? r.label : '' };

export const milestonesOut = (json: string) =>
  parseJsonArray<Milestone>(json).map((m) => ({ month: m.month, outstandingYen: Number(m.outstanding) }));

export function planView(p: PlanRow, settled: boolean): z.infer<typeof Plan> {
  const ids = parseJsonArray<string>(p.measure_ids);
  return {
    id: p.id,
    claimId: p.claim_id,
    fiscalYear: p.fiscal_year,
    baselineYen: Number(p.baseline),
    targetYen: Number(p.target),
    baselineSettled: settled,
    measureIds: ids,
    chosenMeasures: ids.map((id) => ({ id, label: findMeasure(id)?.label ?? id })),
    measures: p.measures,
    milestones: milestonesOut(p.milestones),
    version: p.version,
    updatedAt: p.updated_at,
    confirmedNoPersonalData: p.confirmed_no_personal === 1,
  };
}

export function reviewView(r: ReviewRow): z.infer<typeof Review> {
  return {
    id: r.id,
    fiscalYear: r.fiscal_year,
    month: r.month,
    assessment: r.assessment,
    nextStep: r.next_step,
    currentYen: r.current_outstanding === null ? null : Number(r.current_outstanding),
    plannedYen: r.planned_outstanding === null ? null : Number(r.planned_outstanding),
    planVersion: r.plan_version,
    confirmedNoPersonalData: r.confirmed_no_personal === 1,
    createdAt: r.created_at,
    createdBy: authorOf(r),
  };
}

export function proposalView(p: ProposalRow): z.infer<typeof Proposal> {
  return {
    id: p.id,
    claimId: p.claim_id,
    fiscalYear: p.fiscal_year,
    reasons: parseJsonArray<ProposalReason>(p.reasons),
    body: p.body,
    version: p.version,
    confirmedNoPersonalData: p.confirmed_no_personal === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}
