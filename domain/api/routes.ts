/**
 * Every endpoint of the service in one table: method, path (Express syntax), the roles allowed,
 * the request's params, query and body, the answer's schema (or content type), and the error codes
 * particular to the route. The pane builds its requests from these entries; docs/api.md is
 * generated from them; test/server/http/route-table.test.ts checks the server against them.
 */
import { z } from 'zod';
import { SubmissionPart } from '../sync/protocol.js';
import * as admin from './admin.js';
import { FyQuery, type Role } from './common.js';
import type { ApiErrorCode } from './errors.js';
import * as cases from './hard-cases.js';
import * as history from './history.js';
import * as lateCharges from './late-charges.js';
import * as ledgers from './ledgers.js';
import * as me from './me.js';
import * as oversight from './oversight.js';
import * as plans from './plans.js';
import * as proposals from './proposals.js';
import * as reports from './reports.js';
import * as reviews from './reviews.js';
import * as status from './status.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A non-JSON answer (or request body): its content type, described in words. */
export interface Content {
  contentType: string;
  description: string;
}

export interface RouteSpec {
  method: Method;
  path: string;
  /** Token roles allowed; `public` needs no token. */
  roles: readonly Role[] | 'public';
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body, or the content of a non-JSON one. */
  body?: z.ZodType | Content;
  /** The answer on success; `null` for 204 No Content. */
  response: z.ZodType | Content | null;
  /** Success statuses (200 when not given). */
  ok?: readonly number[];
  /** Codes particular to this route (besides those every route may answer: see COMMON_ERRORS). */
  errors?: readonly ApiErrorCode[];
}

/** What any /api/v1 route may answer, whatever it does. */
export const COMMON_ERRORS: readonly ApiErrorCode[] = [
  'unauthorized',
  'forbidden',
  'too-many-failures',
  'not-found',
  'malformed-json',
  'too-large',
  'unsupported-encoding',
  'headers-too-large',
  'bad-request',
  'internal',
];

const READERS = ['division', 'accounting', 'finance'] as const satisfies readonly Role[];
const OVERSEERS = ['accounting', 'finance'] as const satisfies readonly Role[];
const TEXT_ERRORS = ['invalid-input', 'looks-personal'] as const satisfies readonly ApiErrorCode[];
const PLAN_FILE_ERRORS = [
  'invalid-input',
  'unsupported-media-type',
  'unsupported-encoding',
  'bad-encoding',
  'malformed-csv',
  'empty-file',
  'no-rows',
  'too-many-rows',
  'duplicate-column',
  'missing-columns',
  'unreadable-xlsx',
  'duplicate-claim',
  'conflicting-classification',
  'invalid-amount',
  'invalid-classification',
  'invalid-fiscal-year',
  'invalid-name',
  'missing-value',
  'looks-personal',
  'too-large',
] as const satisfies readonly ApiErrorCode[];

const V1 = '/api/v1';

/** The table: keyed by what the pane calls each endpoint. */
export const ROUTES = {
  // Service ------------------------------------------------------------------------------------
  home: {
    method: 'GET',
    path: '/',
    roles: 'public',
    summary: 'The service’s home page: what it is and how to add the add-in to Excel.',
    response: { contentType: 'text/html', description: 'a page in Japanese' },
  },
  health: {
    method: 'GET',
    path: '/healthz',
    roles: 'public',
    summary:
      'The service is up, and where the pane loads office.js from (`--office-js`; the package’s version when served here).',
    response: z.object({
      ok: z.literal(true),
      officeJs: z.object({ source: z.enum(['cdn', 'self', 'url']), version: z.string().optional() }),
    }),
  },
  manifest: {
    method: 'GET',
    path: '/addin/manifest.xml',
    roles: 'public',
    summary: 'The add-in manifest with every URL on the HTTPS origin of this request (served with the add-in only).',
    response: { contentType: 'application/xml', description: 'the Office add-in manifest' },
    errors: ['not-https', 'unknown-origin'],
  },
  taskpane: {
    method: 'GET',
    path: '/addin/taskpane.html',
    roles: 'public',
    summary:
      'The task pane, with office.js from the source the service was started with (served with the add-in only).',
    response: { contentType: 'text/html', description: 'the built task pane' },
  },
  me: {
    method: 'GET',
    path: `${V1}/me`,
    roles: ['division', 'accounting', 'finance', 'admin'],
    summary: 'The caller’s role, bureau and division, and the rule catalogue version.',
    response: me.Me,
  },
  cityKey: {
    method: 'GET',
    path: `${V1}/city-key`,
    roles: ['division'],
    summary: 'The city’s key for hashing debtor ids before they leave the workbook.',
    response: me.CityKey,
  },
  lateCharges: {
    method: 'GET',
    path: `${V1}/late-charges`,
    roles: ['division', 'accounting', 'finance'],
    summary: 'The city’s late-charge table (profiles and 特例 rates), or the built-in one where the city keeps none.',
    response: lateCharges.CityLateCharges,
  },
  saveLateCharges: {
    method: 'PUT',
    path: `${V1}/late-charges`,
    roles: ['finance'],
    summary: 'Replaces the city’s late-charge table (audited); the body names the version it edited.',
    body: lateCharges.SaveLateCharges,
    response: lateCharges.CityLateCharges,
    errors: ['invalid-input', 'version-conflict'],
  },
  saveSpecialRate: {
    method: 'PUT',
    path: `${V1}/late-charges/special-rates/:year`,
    roles: ['finance'],
    summary: 'Adds or replaces one calendar year’s 特例 rates in the city’s table (audited).',
    params: lateCharges.RateYearParams,
    body: lateCharges.SpecialRateBody,
    response: lateCharges.CityLateCharges,
    errors: ['invalid-input'],
  },

  // Admin --------------------------------------------------------------------------------------
  organisation: {
    method: 'GET',
    path: `${V1}/admin/organisation`,
    roles: ['admin'],
    summary: 'Bureaus, divisions and claims as one flat list, bureaus in the city’s order.',
    response: admin.Organisation,
  },
  addBureau: {
    method: 'POST',
    path: `${V1}/admin/bureaus`,
    roles: ['admin'],
    summary: 'A bureau (made if new) and its divisions.',
    body: admin.NewBureau,
    response: admin.Bureau,
    ok: [201],
    errors: ['invalid-input', 'invalid-name'],
  },
  tokens: {
    method: 'GET',
    path: `${V1}/admin/tokens`,
    roles: ['admin'],
    summary: 'Every token’s role, scope and label (never the token or its hash).',
    response: admin.TokenList,
  },
  addToken: {
    method: 'POST',
    path: `${V1}/admin/tokens`,
    roles: ['admin'],
    summary: 'A division or accounting token, shown this once.',
    body: admin.NewToken,
    response: admin.TokenCreated,
    ok: [201],
    errors: ['invalid-input', 'cli-only', 'invalid-scope', 'invalid-name', 'label-looks-personal'],
  },
  revokeToken: {
    method: 'DELETE',
    path: `${V1}/admin/tokens/:id`,
    roles: ['admin'],
    summary: 'Revokes a token at once.',
    params: admin.TokenParams,
    response: null,
    ok: [204],
    errors: ['invalid-input'],
  },

  // Ledgers ------------------------------------------------------------------------------------
  submit: {
    method: 'POST',
    path: `${V1}/ledgers/:ledgerId/submissions`,
    roles: ['division'],
    summary: 'One part of a ledger submission; the last part applies them all, or none.',
    params: ledgers.LedgerIdParams,
    body: SubmissionPart,
    response: ledgers.SubmissionAnswer,
    ok: [200, 202],
    errors: [
      'invalid-input',
      'invalid-ledger-id',
      'invalid-value',
      'invalid-name',
      'personal-field',
      'key-not-hashed',
      'looks-personal',
      'row-hash-mismatch',
      'duplicate-key',
      'part-mismatch',
      'submission-conflict',
      'stale-revision',
    ],
  },
  rowsSince: {
    method: 'GET',
    path: `${V1}/ledgers/:ledgerId/rows`,
    roles: READERS,
    summary: 'Row keys and hashes changed after revision `since`, to catch up after `stale-revision`.',
    params: ledgers.LedgerIdParams,
    query: ledgers.RowsQuery,
    response: ledgers.RowChanges,
    errors: ['invalid-input'],
  },
  ledger: {
    method: 'GET',
    path: `${V1}/ledgers/:ledgerId`,
    roles: READERS,
    summary: 'One ledger: organisation, revision, totals, aging and finding counts (no rows).',
    params: ledgers.LedgerIdParams,
    response: ledgers.Ledger,
  },
  ledgers: {
    method: 'GET',
    path: `${V1}/ledgers`,
    roles: READERS,
    summary: 'The ledgers within the caller’s reach.',
    response: ledgers.LedgerList,
  },

  // Plans --------------------------------------------------------------------------------------
  importPlans: {
    method: 'POST',
    path: `${V1}/plans/import`,
    roles: ['finance'],
    summary: 'Imports annual plans from the template (CSV in UTF-8 or CP932, or .xlsx), all rows or none.',
    query: plans.ImportQuery,
    body: { contentType: 'text/csv or .xlsx', description: 'the plan template, at most 20 MB and 50,000 rows' },
    response: plans.ImportSummary,
    errors: PLAN_FILE_ERRORS,
  },
  plans: {
    method: 'GET',
    path: `${V1}/plans`,
    roles: READERS,
    summary: 'The plans of a fiscal year within the caller’s reach.',
    query: FyQuery,
    response: plans.PlanList,
    errors: ['invalid-fiscal-year'],
  },
  settle: {
    method: 'POST',
    path: `${V1}/settlements/:fy`,
    roles: ['finance'],
    summary: 'Marks a fiscal year’s settlement final (確定): the next year’s baselines are then settled.',
    params: plans.FyParams,
    response: plans.Settlement,
    ok: [200, 201],
    errors: ['invalid-fiscal-year'],
  },
  measures: {
    method: 'GET',
    path: `${V1}/measures`,
    roles: READERS,
    summary: 'The measures (取組み) a plan can choose, by group.',
    response: plans.MeasureCatalogue,
  },
  claims: {
    method: 'GET',
    path: `${V1}/claims`,
    roles: READERS,
    summary: 'The claims within reach with their plan’s version for the year.',
    query: FyQuery,
    response: plans.ClaimList,
    errors: ['invalid-fiscal-year'],
  },
  plan: {
    method: 'GET',
    path: `${V1}/claims/:claimId/plans/:fy`,
    roles: READERS,
    summary: 'A claim’s plan for a fiscal year (404 when it has none).',
    params: plans.ClaimPlanParams,
    response: plans.PlanAnswer,
    errors: ['invalid-fiscal-year'],
  },
  savePlan: {
    method: 'PUT',
    path: `${V1}/claims/:claimId/plans/:fy`,
    roles: ['division', 'finance'],
    summary: 'Saves a claim’s plan as a new version (201 for the first).',
    params: plans.ClaimPlanParams,
    body: plans.PlanBody,
    response: plans.PlanSaved,
    ok: [200, 201],
    errors: [...TEXT_ERRORS, 'invalid-fiscal-year', 'version-conflict', 'baseline-settled'],
  },
  planHistory: {
    method: 'GET',
    path: `${V1}/claims/:claimId/plans/:fy/history`,
    roles: READERS,
    summary: 'A plan’s versions, newest first.',
    params: plans.ClaimPlanParams,
    response: plans.PlanHistory,
    errors: ['invalid-fiscal-year'],
  },

  // Check and Act ------------------------------------------------------------------------------
  progress: {
    method: 'GET',
    path: `${V1}/claims/:claimId/progress`,
    roles: READERS,
    summary: 'A claim against its plan month by month, with the latest review of each month.',
    params: reviews.ClaimParams,
    query: FyQuery,
    response: reviews.Progress,
    errors: ['invalid-fiscal-year'],
  },
  addReview: {
    method: 'POST',
    path: `${V1}/claims/:claimId/reviews`,
    roles: ['division'],
    summary: 'The division’s review (振り返り) of a month that has come.',
    params: reviews.ClaimParams,
    body: reviews.ReviewBody,
    response: reviews.ReviewSaved,
    ok: [201],
    errors: [...TEXT_ERRORS, 'no-plan'],
  },
  reviews: {
    method: 'GET',
    path: `${V1}/claims/:claimId/reviews`,
    roles: READERS,
    summary: 'Every review of a claim in a fiscal year, newest first.',
    params: reviews.ClaimParams,
    query: FyQuery,
    response: reviews.ReviewList,
    errors: ['invalid-fiscal-year'],
  },

  // Oversight ----------------------------------------------------------------------------------
  submissionPeriod: {
    method: 'GET',
    path: `${V1}/settings/submission-period`,
    roles: READERS,
    summary: 'How often every ledger must be sent, and the deadline in force.',
    response: oversight.PeriodAnswer,
  },
  setSubmissionPeriod: {
    method: 'PUT',
    path: `${V1}/settings/submission-period`,
    roles: ['finance'],
    summary: 'Sets the submission period.',
    body: oversight.SubmissionPeriod,
    response: oversight.PeriodAnswer,
    errors: ['invalid-input'],
  },
  submissions: {
    method: 'GET',
    path: `${V1}/oversight/submissions`,
    roles: OVERSEERS,
    summary: 'Every ledger’s last submission and finding counts, with the chase list.',
    query: oversight.SubmissionsQuery,
    response: oversight.Submissions,
    errors: ['invalid-fiscal-year'],
  },
  flaggedClaims: {
    method: 'GET',
    path: `${V1}/oversight/claims`,
    roles: OVERSEERS,
    summary: 'Claims growing or behind plan (every claim with `all=true`) with review and proposal.',
    query: oversight.FlaggedClaimsQuery,
    response: oversight.FlaggedClaims,
    errors: ['invalid-fiscal-year', 'invalid-input'],
  },
  worklistCounts: {
    method: 'GET',
    path: `${V1}/oversight/worklist`,
    roles: OVERSEERS,
    summary:
      'The worklist’s debtors and outstanding per action, with the late-charge estimate (延滞金見込額), per claim and bureau, from each ledger’s latest check (no debtor).',
    response: oversight.WorklistCounts,
  },
  receivablesStatus: {
    method: 'GET',
    path: `${V1}/oversight/receivables-status`,
    roles: OVERSEERS,
    summary:
      '未収金の状況 (rows owing by class ①–⑦) and 主要債権収入状況 (this year and last) per claim, division and bureau.',
    query: status.StatusQuery,
    response: status.ReceivablesStatus,
    errors: ['invalid-fiscal-year'],
  },
  history: {
    method: 'GET',
    path: `${V1}/oversight/history`,
    roles: OVERSEERS,
    summary:
      'Across years (年度推移, at most 10): per claim and bureau the amount owing, collection rate, write-offs and target attainment, each year 確定 (frozen at settlement) or 速報, and two years’ growth in a row.',
    query: history.HistoryQuery,
    response: history.History,
    errors: ['invalid-fiscal-year', 'invalid-input'],
  },

  // Proposals ----------------------------------------------------------------------------------
  addProposal: {
    method: 'POST',
    path: `${V1}/claims/:claimId/proposals`,
    roles: ['finance'],
    summary: 'Finance’s first improvement proposal (改善提案) for a claim and year.',
    params: reviews.ClaimParams,
    body: proposals.ProposalBody,
    response: proposals.ProposalCreated,
    ok: [201],
    errors: [...TEXT_ERRORS, 'proposal-exists'],
  },
  reviseProposal: {
    method: 'PUT',
    path: `${V1}/claims/:claimId/proposals`,
    roles: ['finance'],
    summary: 'A new version of a claim’s proposal for a year.',
    params: reviews.ClaimParams,
    body: proposals.ProposalBody,
    response: proposals.ProposalRevised,
    errors: [...TEXT_ERRORS, 'version-conflict'],
  },
  claimProposals: {
    method: 'GET',
    path: `${V1}/claims/:claimId/proposals`,
    roles: READERS,
    summary: 'A claim’s proposals of every year, each with its history.',
    params: reviews.ClaimParams,
    response: proposals.ClaimProposals,
  },
  proposals: {
    method: 'GET',
    path: `${V1}/proposals`,
    roles: READERS,
    summary: 'The proposals of a fiscal year within reach.',
    query: FyQuery,
    response: proposals.ProposalList,
    errors: ['invalid-fiscal-year'],
  },

  // Hard cases ---------------------------------------------------------------------------------
  addHardCase: {
    method: 'POST',
    path: `${V1}/hard-cases`,
    roles: ['division'],
    summary: 'A division’s question about one of its claims (処理困難事案).',
    body: cases.NewHardCase,
    response: cases.HardCaseAnswer,
    ok: [201],
    errors: TEXT_ERRORS,
  },
  hardCases: {
    method: 'GET',
    path: `${V1}/hard-cases`,
    roles: READERS,
    summary: 'The hard cases within reach, optionally of one status.',
    query: cases.HardCaseListQuery,
    response: cases.HardCaseList,
    errors: ['invalid-input'],
  },
  hardCase: {
    method: 'GET',
    path: `${V1}/hard-cases/:id`,
    roles: READERS,
    summary: 'One hard case.',
    params: cases.HardCaseParams,
    response: cases.HardCaseAnswer,
  },
  answerHardCase: {
    method: 'POST',
    path: `${V1}/hard-cases/:id/answer`,
    roles: ['accounting', 'finance'],
    summary: 'The handling policy (処理方針) from the bureau’s accounting division or finance.',
    params: cases.HardCaseParams,
    body: cases.HardCaseAnswerBody,
    response: cases.HardCaseAnswer,
    errors: [...TEXT_ERRORS, 'invalid-transition'],
  },
  closeHardCase: {
    method: 'POST',
    path: `${V1}/hard-cases/:id/close`,
    roles: READERS,
    summary: 'Closes a case: the division any time, the party that answered once answered.',
    params: cases.HardCaseParams,
    body: cases.HardCaseCloseBody,
    response: cases.HardCaseAnswer,
    errors: ['invalid-transition'],
  },

  // Reports ------------------------------------------------------------------------------------
  targets: {
    method: 'GET',
    path: `${V1}/reports/targets`,
    roles: ['finance'],
    summary: 'The bureau target table with the year’s progress (JSON), or the table as TSV with `format=tsv`.',
    query: reports.TargetsQuery,
    response: reports.Targets,
    errors: ['invalid-fiscal-year', 'invalid-input'],
  },
  reportClaims: {
    method: 'GET',
    path: `${V1}/reports/claims`,
    roles: ['finance', 'accounting'],
    summary: 'Every claim against its plan with division sums and the total (accounting: its bureau).',
    query: FyQuery,
    response: reports.ReportClaims,
    errors: ['invalid-fiscal-year'],
  },
  consolidated: {
    method: 'GET',
    path: `${V1}/reports/consolidated.xlsx`,
    roles: ['finance'],
    summary: 'The consolidated workbook (債権管理集計) of a fiscal year.',
    query: FyQuery,
    response: {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      description: 'an .xlsx workbook, sent as an attachment',
    },
    errors: ['invalid-fiscal-year'],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export type Routes = typeof ROUTES;

/** The table as a list, in the order above. */
export const ROUTE_LIST: readonly (RouteSpec & { name: RouteName })[] = Object.entries(ROUTES).map(([name, r]) => ({
  name: name as RouteName,
  ...(r as RouteSpec),
}));

/** The JSON answer of a route, as parsed. */
export type ResponseOf<N extends RouteName> = Routes[N]['response'] extends z.ZodType
  ? z.infer<Routes[N]['response']>
  : never;
/** The JSON body a route takes, as sent (defaults may be left out). */
export type BodyOf<N extends RouteName> = Routes[N] extends { body: z.ZodType } ? z.input<Routes[N]['body']> : never;
/** A route's path parameters, as sent. */
export type ParamsOf<N extends RouteName> = Routes[N] extends { params: z.ZodObject }
  ? { [K in keyof z.input<Routes[N]['params']>]: string | number }
  : Record<string, never>;
/** A route's query, as sent. */
export type QueryOf<N extends RouteName> = Routes[N] extends { query: z.ZodObject }
  ? { [K in keyof z.input<Routes[N]['query']>]?: string | number | boolean }
  : Record<string, never>;

/**
 * The URL path of a route: each `:name` replaced by its parameter, encoded, and the query (its
 * undefined values left out) appended.
 */
export function pathOf(
  route: Pick<RouteSpec, 'path'>,
  params: Readonly<Record<string, string | number>> = {},
  query: Readonly<Record<string, string | number | boolean | undefined>> = {},
): string {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(String(v));
  });
  const q = Object.entries(query)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return q.length ? `${path}?${q.join('&')}` : path;
}

/** Whether a route answers JSON (described by a zod schema). */
export const answersJson = (r: RouteSpec): r is RouteSpec & { response: z.ZodType } =>
  r.response !== null && r.response instanceof z.ZodType;
