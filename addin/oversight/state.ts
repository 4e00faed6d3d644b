/**
 * What the 計画・取りまとめ views show, as one plain object (React only renders it): who the service
 * says we are, the fiscal year, and one slice per view. Amounts being typed stay strings until saved.
 */
import type { ProposalReason } from '../../domain/api/proposals.js';
import type { PrivacyCheck } from './privacy.js';
import { NO_WARNINGS } from './privacy.js';
import type {
  ClaimItem,
  FlaggedClaimsT,
  HardCaseT,
  Me,
  MeasureT,
  PlanT,
  PlanVersionT,
  ProgressT,
  ProposalItem,
  ProposalT,
  SubmissionsT,
} from './schemas.js';

export type Intent = 'success' | 'info' | 'warning' | 'error';
export interface Notice {
  intent: Intent;
  text: string;
  /** The service's field problems (400 invalid-input), shown under the text. */
  details?: string[];
}

export type Role = 'division' | 'accounting' | 'finance' | 'other';

export interface PlanDraft {
  baseline: string;
  target: string;
  measureIds: string[];
  measures: string;
  /** Amount typed per month (`2024-09` → `485,000,000`); blank: no milestone. */
  milestones: Record<string, string>;
  /** 「個人情報は含まれていません」 for the flagged free text. */
  confirmed: boolean;
}

export interface ReviewDraft {
  month: string;
  assessment: string;
  nextStep: string;
  confirmed: boolean;
  privacy: PrivacyCheck;
}

export interface PlanSlice {
  claims: ClaimItem[];
  measures: MeasureT[];
  groups: { id: string; label: string }[];
  claimId: number | null;
  plan: PlanT | null;
  /** The plan's versions, newest first (empty without a plan). */
  history: PlanVersionT[];
  draft: PlanDraft | null;
  /** Personal-looking text in the draft's free text (`measures`). */
  privacy: PrivacyCheck;
  progress: ProgressT | null;
  proposals: ProposalT[];
  review: ReviewDraft;
  busy: boolean;
  notice: Notice | null;
}

export interface CaseDraft {
  claimId: number | null;
  title: string;
  assessedYen: string;
  outstandingYen: string;
  dueDate: string;
  lastContactDate: string;
  tried: string;
  question: string;
  /** 「個人情報は含まれていません」 */
  confirmed: boolean;
}

export interface CaseSlice {
  draft: CaseDraft;
  privacy: PrivacyCheck;
  list: HardCaseT[];
  busy: boolean;
  notice: Notice | null;
}

export interface AnswerDraft {
  caseId: number;
  policy: string;
  confirmed: boolean;
  privacy: PrivacyCheck;
}

export interface ProposalDraft {
  claimId: number;
  reasons: ProposalReason[];
  body: string;
  /** The version being revised; null for a new proposal. */
  version: number | null;
  confirmed: boolean;
  privacy: PrivacyCheck;
}

export interface ReviewSlice {
  submissions: SubmissionsT | null;
  flagged: FlaggedClaimsT | null;
  proposals: ProposalItem[];
  cases: HardCaseT[];
  proposal: ProposalDraft | null;
  answer: AnswerDraft | null;
  /** Finance's 決算の確定 of the previous fiscal year: asked to confirm, then sent. */
  settle: 'idle' | 'confirm' | 'sending';
  busy: boolean;
  notice: Notice | null;
}

export interface WrittenSheet {
  name: string;
  rows: number;
  charts: number;
}

export interface ConsolidationSlice {
  status: 'idle' | 'running' | 'done' | 'error';
  written: WrittenSheet[];
  notice: Notice | null;
}

export interface OversightState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  me: Me | null;
  role: Role | null;
  fiscalYear: number;
  notice: Notice | null;
  plan: PlanSlice;
  cases: CaseSlice;
  review: ReviewSlice;
  consolidation: ConsolidationSlice;
}

export const emptyCaseDraft = (): CaseDraft => ({
  claimId: null,
  title: '',
  assessedYen: '',
  outstandingYen: '',
  dueDate: '',
  lastContactDate: '',
  tried: '',
  question: '',
  confirmed: false,
});

export const emptyReview = (month: string): ReviewDraft => ({
  month,
  assessment: '',
  nextStep: '',
  confirmed: false,
  privacy: NO_WARNINGS,
});

export function initialOversight(fiscalYear: number, month: string): OversightState {
  return {
    status: 'idle',
    me: null,
    role: null,
    fiscalYear,
    notice: null,
    plan: {
      claims: [],
      measures: [],
      groups: [],
      claimId: null,
      plan: null,
      history: [],
      draft: null,
      privacy: NO_WARNINGS,
      progress: null,
      proposals: [],
      review: emptyReview(month),
      busy: false,
      notice: null,
    },
    cases: { draft: emptyCaseDraft(), privacy: NO_WARNINGS, list: [], busy: false, notice: null },
    review: {
      submissions: null,
      flagged: null,
      proposals: [],
      cases: [],
      proposal: null,
      answer: null,
      settle: 'idle',
      busy: false,
      notice: null,
    },
    consolidation: { status: 'idle', written: [], notice: null },
  };
}

export const roleOf = (role: string): Role =>
  role === 'division' || role === 'accounting' || role === 'finance' ? role : 'other';
