/**
 * The service's plan, review, proposal, hard-case, oversight and report endpoints as the pane calls
 * them: each request built from its route in the table (domain/api/routes.ts), each body typed by the
 * route's request schema, each answer read with the pane's pick of the route's answer (schemas.ts;
 * sheet-sums.ts for the report answers the sheets are built from).
 * Failures become SyncErrors with the service's own Japanese message, as in sync/client.ts.
 */
import { z } from 'zod';
import { ROUTES, type BodyOf, type RouteSpec } from '../../domain/api/routes.js';
import type { Translate } from '../i18n/messages.js';
import { SyncError } from '../sync/errors.js';
import { requestRoute, type RequestSettings, type RouteCall } from '../sync/request.js';
import * as S from './schemas.js';
import { Ledgers, ReportClaims, Targets } from './sheet-sums.js';

export interface ApiOptions {
  serverUrl: string;
  token: string;
  t: Translate;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** What PUT /claims/:claimId/plans/:fy takes (fields with defaults may be left out). */
export type PlanBody = BodyOf<'savePlan'>;
export type ReviewBody = BodyOf<'addReview'>;
export type HardCaseBody = BodyOf<'addHardCase'>;
export type ProposalBody = BodyOf<'addProposal'>;

export class OversightApi {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: ApiOptions) {
    this.base = opts.serverUrl.trim().replace(/\/+$/, '');
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  me = () => this.call(ROUTES.me, S.Me);
  measures = () => this.call(ROUTES.measures, S.Measures);
  claims = (fy: number) => this.call(ROUTES.claims, S.ClaimList, { query: { fy } });

  /** The plan, or null when the claim has none for that year. */
  async plan(claimId: number, fy: number): Promise<S.PlanT | null> {
    try {
      return (await this.call(ROUTES.plan, S.PlanAnswer, { params: { claimId, fy } })).plan;
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return null;
      throw e;
    }
  }
  /** The plan's versions, newest first; none when the claim has no plan for that year. */
  async planHistory(claimId: number, fy: number): Promise<S.PlanVersionT[]> {
    try {
      return (await this.call(ROUTES.planHistory, S.PlanHistory, { params: { claimId, fy } })).versions;
    } catch (e) {
      if (e instanceof SyncError && e.status === 404) return [];
      throw e;
    }
  }
  savePlan = (claimId: number, fy: number, body: PlanBody) =>
    this.call(ROUTES.savePlan, S.PlanSaved, { params: { claimId, fy }, body });
  progress = (claimId: number, fy: number) =>
    this.call(ROUTES.progress, S.Progress, { params: { claimId }, query: { fy } });
  addReview = (claimId: number, body: ReviewBody) =>
    this.call(ROUTES.addReview, S.ReviewSaved, { params: { claimId }, body });

  claimProposals = (claimId: number) => this.call(ROUTES.claimProposals, S.ClaimProposals, { params: { claimId } });
  proposals = (fy: number) => this.call(ROUTES.proposals, S.ProposalList, { query: { fy } });
  saveProposal = (claimId: number, body: ProposalBody, create: boolean) =>
    this.call(create ? ROUTES.addProposal : ROUTES.reviseProposal, S.ProposalSaved, { params: { claimId }, body });

  hardCases = () => this.call(ROUTES.hardCases, S.HardCaseList);
  sendHardCase = (body: HardCaseBody) => this.call(ROUTES.addHardCase, S.HardCaseSaved, { body });
  answerHardCase = (caseId: number, policy: string, confirmedNoPersonalData: boolean) =>
    this.call(ROUTES.answerHardCase, S.HardCaseSaved, {
      params: { id: caseId },
      body: { policy, confirmedNoPersonalData } satisfies BodyOf<'answerHardCase'>,
    });
  closeHardCase = (caseId: number) =>
    this.call(ROUTES.closeHardCase, S.HardCaseSaved, {
      params: { id: caseId },
      body: {} satisfies BodyOf<'closeHardCase'>,
    });

  submissions = (fy: number) => this.call(ROUTES.submissions, S.Submissions, { query: { fy } });
  flaggedClaims = (fy: number, all = false) =>
    this.call(ROUTES.flaggedClaims, S.FlaggedClaims, { query: { fy, all: all ? 'true' : undefined } });
  targets = (fy: number) => this.call(ROUTES.targets, Targets, { query: { fy } });
  reportClaims = (fy: number) => this.call(ROUTES.reportClaims, ReportClaims, { query: { fy } });
  receivablesStatus = (fy: number) =>
    this.call(ROUTES.receivablesStatus, ROUTES.receivablesStatus.response, { query: { fy } });
  worklistCounts = () => this.call(ROUTES.worklistCounts, ROUTES.worklistCounts.response);
  /** 年度推移: fiscal years `from`..`to` within the caller's reach. */
  history = (from: number, to: number) => this.call(ROUTES.history, ROUTES.history.response, { query: { from, to } });
  /** Finance: the fiscal year's settlement is final (見込 → 確定); ① of the next year's table follows. */
  settle = (fy: number) => this.call(ROUTES.settle, ROUTES.settle.response, { params: { fy }, body: {} });
  ledgers = () => this.call(ROUTES.ledgers, Ledgers);

  private call<T>(route: Pick<RouteSpec, 'method' | 'path'>, schema: z.ZodType<T>, call: RouteCall = {}): Promise<T> {
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
    return requestRoute(settings, route, schema, call);
  }
}
