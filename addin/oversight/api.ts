/**
 * The service's plan, review, proposal, hard-case, oversight and report endpoints as the pane calls
 * them. Failures become SyncErrors with the service's own Japanese message, as in sync/client.ts.
 */
import { z } from 'zod';
import type { Translate } from '../i18n/messages.js';
import { SyncError } from '../sync/errors.js';
import { requestJson, type RequestSettings } from '../sync/request.js';
import * as S from './schemas.js';

export interface ApiOptions {
  serverUrl: string;
  token: string;
  t: Translate;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const id = (n: number) => encodeURIComponent(String(n));

export interface PlanBody {
  baselineYen: number;
  targetYen: number;
  measureIds: string[];
  measures: string;
  milestones: { month: string; outstandingYen: number }[];
  expectedVersion?: number;
  confirmedNoPersonalData?: boolean;
}

export interface ReviewBody {
  month: string;
  assessment: string;
  nextStep: string;
  confirmedNoPersonalData?: boolean;
}

export interface HardCaseBody {
  claimId: number;
  title: string;
  assessedYen: number | null;
  outstandingYen: number | null;
  dueDate: string | null;
  lastContactDate: string | null;
  tried: string;
  question: string;
  confirmedNoPersonalData: boolean;
}

export interface ProposalBody {
  fiscalYear: number;
  reasons: string[];
  body: string;
  expectedVersion?: number;
  confirmedNoPersonalData?: boolean;
}

export class OversightApi {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: ApiOptions) {
    this.base = opts.serverUrl.trim().replace(/\/+$/, '');
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  me = () => this.get('/api/v1/me', S.Me);
  measures = () => this.get('/api/v1/measures', S.Measures);
  claims = (fy: number) => this.get(`/api/v1/claims?fy=${fy}`, S.ClaimList);

  /** The plan, or null when the claim has none for that year. */
  async plan(claimId: number, fy: number): Promise<S.PlanT | null> {
    try {
      return (await this.get(`/api/v1/claims/${id(claimId)}/plans/${fy}`, S.PlanAnswer)).plan;
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return null;
      throw e;
    }
  }
  /** The plan's versions, newest first; none when the claim has no plan for that year. */
  async planHistory(claimId: number, fy: number): Promise<S.PlanVersionT[]> {
    try {
      return (await this.get(`/api/v1/claims/${id(claimId)}/plans/${fy}/history`, S.PlanHistory)).versions;
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return [];
      throw e;
    }
  }
  savePlan = (claimId: number, fy: number, body: PlanBody) =>
    this.send('PUT', `/api/v1/claims/${id(claimId)}/plans/${fy}`, S.PlanSaved, body);
  progress = (claimId: number, fy: number) => this.get(`/api/v1/claims/${id(claimId)}/progress?fy=${fy}`, S.Progress);
  addReview = (claimId: number, body: ReviewBody) =>
    this.send('POST', `/api/v1/claims/${id(claimId)}/reviews`, S.ReviewSaved, body);

  claimProposals = (claimId: number) => this.get(`/api/v1/claims/${id(claimId)}/proposals`, S.ClaimProposals);
  proposals = (fy: number) => this.get(`/api/v1/proposals?fy=${fy}`, S.ProposalList);
  saveProposal = (claimId: number, body: ProposalBody, create: boolean) =>
    this.send(create ? 'POST' : 'PUT', `/api/v1/claims/${id(claimId)}/proposals`, S.ProposalSaved, body);

  hardCases = () => this.get('/api/v1/hard-cases', S.HardCaseList);
  sendHardCase = (body: HardCaseBody) => this.send('POST', '/api/v1/hard-cases', S.HardCaseSaved, body);
  answerHardCase = (caseId: number, policy: string, confirmedNoPersonalData: boolean) =>
    this.send('POST', `/api/v1/hard-cases/${id(caseId)}/answer`, S.HardCaseSaved, { policy, confirmedNoPersonalData });
  closeHardCase = (caseId: number) => this.send('POST', `/api/v1/hard-cases/${id(caseId)}/close`, S.HardCaseSaved, {});

  submissions = (fy: number) => this.get(`/api/v1/oversight/submissions?fy=${fy}`, S.Submissions);
  flaggedClaims = (fy: number, all = false) =>
    this.get(`/api/v1/oversight/claims?fy=${fy}${all ? '&all=true' : ''}`, S.FlaggedClaims);
  targets = (fy: number) => this.get(`/api/v1/reports/targets?fy=${fy}`, S.Targets);
  reportClaims = (fy: number) => this.get(`/api/v1/reports/claims?fy=${fy}`, S.ReportClaims);
  /** Finance: the fiscal year's settlement is final (見込 → 確定); ① of the next year's table follows. */
  settle = (fy: number) => this.send('POST', `/api/v1/settlements/${fy}`, S.Settlement, {});
  ledgers = () => this.get('/api/v1/ledgers', S.Ledgers);

  private get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    return this.send('GET', path, schema);
  }

  private send<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const { t } = this.opts;
    const settings: RequestSettings = {
      base: this.base,
      token: this.opts.token,
      fetch: this.fetch,
      timeoutMs: this.opts.timeoutMs ?? 60_000,
      messages: {
        network: t('ov.error.network'),
        unexpected: t('ov.error.unexpected'),
        unauthorized: t('sync.error.unauthorized'),
        http: (status) => t('sync.error.http', { status }),
      },
    };
    return requestJson(settings, method, path, schema, body);
  }
}
