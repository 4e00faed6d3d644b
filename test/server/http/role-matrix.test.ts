/**
 * Every endpoint × every kind of caller → the status it must answer, generated from one table.
 * The app's router is walked, so a route added without a row here fails the suite. Two bureaus
 * (one with two divisions), a ledger per division from real submissions, and plans imported by
 * finance; responses within reach are also checked for data outside the caller's scope. A claim,
 * plan, proposal or hard case that exists but is out of the caller's reach is 403, as a ledger is;
 * one that does not exist is 404 for the roles the route is for.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/http/app.js';
import { hashToken } from '../../../server/db/repos/tokens.js';
import { CSV, TEMPLATE_HEADER, toCsv, XLSX, type Row } from '../plans/fixtures.js';
import { makeTempDir, startTestService, type TestService } from '../helpers/service.js';
import { LEDGER, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import type { LedgerInfo, RowUpsert } from '../../../domain/sync/protocol.js';
import { DEFAULT_LATE_CHARGE_TABLE } from '../../../domain/late-charge/index.js';

/** Who calls: no token, an unknown one, a revoked one, and each role in and out of scope. */
const WHO = [
  'none',
  'invalid',
  'revoked',
  'divOwn',
  'divSibling',
  'divForeign',
  'accOwn',
  'accForeign',
  'finance',
  'admin',
] as const;
type Who = (typeof WHO)[number];

const A = { bureau: '健康福祉局', own: '保険年金課', sibling: '介護保険課' };
const B = { bureau: '都市整備局', division: '住宅課' };
const FY = 2024;
const LEDGERS = { own: newId('own'), sibling: newId('sib'), foreign: newId('for') };
const INFO: Record<keyof typeof LEDGERS, LedgerInfo> = {
  own: { ...LEDGER, name: '国保料 台帳（保険年金課）', claimType: '国民健康保険料' },
  sibling: { ...LEDGER, name: '介護保険料 台帳（介護保険課）', claimType: '介護保険料' },
  foreign: { ...LEDGER, name: '住宅使用料 台帳（住宅課）', claimType: '市営住宅使用料' },
};
const PLANS: Row[] = [
  [A.bureau, A.own, '国民健康保険料', '強制徴収公債権', '2024', 500_000_000, 450_000_000, '電話催告'],
  [A.bureau, A.sibling, '介護保険料', '強制徴収公債権', '2024', 80_000_000, 75_000_000, '文書催告'],
  [B.bureau, B.division, '市営住宅使用料', '私債権', '2024', 120_000_000, 100_000_000, '臨戸'],
];
const PLAN_CSV = toCsv(PLANS, TEMPLATE_HEADER);

let svc: TestService;
const tokens = {} as Record<Exclude<Who, 'none'>, string>;
let upserts: RowUpsert[];
/** The claims of the three plans (ids read back once finance has imported them). */
const CLAIMS = { own: 0, sibling: 0, foreign: 0 };
const UNKNOWN_CLAIM = 999_999;

interface Body {
  type: string;
  data: string;
}
interface Reply {
  status: number;
  type: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(
  method: string,
  path: string,
  token?: string,
  body?: Body,
  extra: Record<string, string> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = body.type;
  const res = await fetch(`${svc.url}${path}`, { method, headers, body: body?.data });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, json: type.includes('json') ? JSON.parse(text) : undefined };
}

const json = (value: unknown): Body => ({ type: 'application/json', data: JSON.stringify(value) });

/** The version a save of the city's late-charge table must name (whatever earlier cases saved). */
async function lateChargesVersion(): Promise<number> {
  const r = await fetch(`${svc.url}/api/v1/late-charges`, { headers: { Authorization: `Bearer ${tokens.finance}` } });
  return ((await r.json()) as { version: number }).version;
}

async function revisionOf(ledgerId: string): Promise<number> {
  const row = await svc.service.db.get<{ revision: number }>('SELECT revision FROM ledgers WHERE id = ?', [ledgerId]);
  return row?.revision ?? 0;
}

/** A part for `ledgerId` at its current revision (so the owner's submission applies). */
async function submission(ledgerId: string, info: LedgerInfo, parts = 1): Promise<Body> {
  const [first] = makeSubmission({ upserts, ledger: info, baseRevision: await revisionOf(ledgerId), parts });
  return json(first);
}

/** A token made (and its id) only so an admin may revoke it. */
async function throwawayTokenId(): Promise<number> {
  const r = await call(
    'POST',
    '/api/v1/admin/tokens',
    tokens.admin,
    json({ role: 'accounting', bureau: B.bureau, label: '失効用' }),
  );
  expect(r.status).toBe(201);
  return r.json.id as number;
}

const PLAN_EDIT = {
  // The imported baseline and target (settled by the settlement row, so a division may not move
  // the baseline), with measures chosen from the catalogue and a milestone.
  baselineYen: 500_000_000,
  targetYen: 450_000_000,
  measureIds: ['early-dunning', 'staged-escalation'],
  measures: '電話催告',
  milestones: [{ month: '2024-09', outstandingYen: 480_000_000 }],
};
const REVIEW = { month: '2024-11', assessment: '滞納初期の催告が遅れた', nextStep: '12月に集中催告期間を設ける' };
const PROPOSAL = { fiscalYear: FY, reasons: ['growing'], body: '滞納初期の催告を強化し、口座振替の勧奨を進めること' };
const HARD_CASE = () => ({
  claimId: CLAIMS.own,
  title: '分納誓約の不履行が続く事案',
  assessedYen: 240_000,
  outstandingYen: 180_000,
  dueDate: '2023-05-31',
  lastContactDate: '2024-10-01',
  tried: '文書催告3回、電話催告2回、臨戸1回。分納誓約後に2回不履行。',
  question: '執行停止の要件に当たるか判断に迷っている。',
});
const ANSWER = { policy: '財産調査の結果を待って、執行停止の要件を満たすか判断する。' };

/** A proposal year no call has used yet: each POST is a first one, whoever the caller. */
let proposalYear = FY;

/** Finance's proposal for the own claim and FY, made if it is not there yet (a PUT revises it). */
async function ensureProposal(): Promise<void> {
  const r = await call('POST', `/api/v1/claims/${CLAIMS.own}/proposals`, tokens.finance, json(PROPOSAL));
  expect([201, 409], r.text).toContain(r.status);
}

/** A fresh hard case of the own division, for one call: open, or answered by `answeredBy`. */
async function hardCaseId(answeredBy?: 'accOwn' | 'finance'): Promise<number> {
  const made = await call('POST', '/api/v1/hard-cases', tokens.divOwn, json(HARD_CASE()));
  expect(made.status, made.text).toBe(201);
  const id = made.json.hardCase.id as number;
  if (answeredBy) {
    const r = await call('POST', `/api/v1/hard-cases/${id}/answer`, tokens[answeredBy], json(ANSWER));
    expect(r.status, r.text).toBe(200);
  }
  return id;
}

interface Endpoint {
  /** The route as the router registers it: METHOD and path pattern. */
  route: string;
  /** What this row probes, when a route has several rows. */
  variant?: string;
  path: () => string | Promise<string>;
  body?: () => Body | Promise<Body>;
  /** The status for the callers who may; everyone else authenticated gets `denied`. */
  ok: number;
  may: readonly Who[];
  denied?: number;
  /** No token needed at all. */
  open?: boolean;
  headers?: Record<string, string>;
  contentType?: RegExp;
  /** The error code when `ok` is itself an error status. */
  errorCode?: string;
  /** Callers answered neither `ok` nor `denied` (a refusal of the request, not of the caller). */
  other?: Partial<Record<Who, { status: number; code: string }>>;
}

const READERS_OWN: Who[] = ['divOwn', 'accOwn', 'finance'];
const AUTHENTICATED: Who[] = ['divOwn', 'divSibling', 'divForeign', 'accOwn', 'accForeign', 'finance', 'admin'];
const LEDGER_ROLES: Who[] = ['divOwn', 'divSibling', 'divForeign', 'accOwn', 'accForeign', 'finance'];
const DIVISIONS: Who[] = ['divOwn', 'divSibling', 'divForeign'];
const OVERSEERS: Who[] = ['accOwn', 'accForeign', 'finance'];

const ENDPOINTS: Endpoint[] = [
  { route: 'GET /healthz', path: () => '/healthz', ok: 200, may: [...WHO], open: true },
  { route: 'GET /', path: () => '/', ok: 200, may: [...WHO], open: true, contentType: /^text\/html/ },
  {
    route: 'GET /addin/taskpane.html',
    path: () => '/addin/taskpane.html',
    ok: 200,
    may: [...WHO],
    open: true,
    contentType: /^text\/html/,
  },
  {
    route: 'GET /addin/manifest.xml',
    variant: 'behind a TLS-ending proxy',
    path: () => '/addin/manifest.xml',
    headers: { 'X-Forwarded-Proto': 'https' },
    ok: 200,
    may: [...WHO],
    open: true,
    contentType: /^application\/xml/,
  },
  {
    route: 'GET /addin/manifest.xml',
    variant: 'plain HTTP',
    path: () => '/addin/manifest.xml',
    ok: 400,
    may: [...WHO],
    open: true,
    errorCode: 'not-https',
  },
  { route: 'GET /api/v1/me', path: () => '/api/v1/me', ok: 200, may: AUTHENTICATED },
  // Only a division's task pane hashes debtor ids: nobody else gets the key.
  { route: 'GET /api/v1/city-key', path: () => '/api/v1/city-key', ok: 200, may: DIVISIONS },
  // Everyone who computes a late charge reads the city's table; only finance changes it.
  { route: 'GET /api/v1/late-charges', path: () => '/api/v1/late-charges', ok: 200, may: LEDGER_ROLES },
  {
    route: 'PUT /api/v1/late-charges',
    path: () => '/api/v1/late-charges',
    body: async () => json({ version: await lateChargesVersion(), table: DEFAULT_LATE_CHARGE_TABLE }),
    ok: 200,
    may: ['finance'],
  },
  {
    route: 'PUT /api/v1/late-charges/special-rates/:year',
    path: () => '/api/v1/late-charges/special-rates/2027',
    body: () => json({ first: '2.9', second: '9.2' }),
    ok: 200,
    may: ['finance'],
  },
  { route: 'GET /api/v1/admin/organisation', path: () => '/api/v1/admin/organisation', ok: 200, may: ['admin'] },
  {
    route: 'POST /api/v1/admin/bureaus',
    path: () => '/api/v1/admin/bureaus',
    body: () => json({ name: A.bureau, divisions: [A.own] }),
    ok: 201,
    may: ['admin'],
  },
  { route: 'GET /api/v1/admin/tokens', path: () => '/api/v1/admin/tokens', ok: 200, may: ['admin'] },
  {
    route: 'POST /api/v1/admin/tokens',
    path: () => '/api/v1/admin/tokens',
    body: () => json({ role: 'division', bureau: A.bureau, division: A.own, label: '表のテスト' }),
    ok: 201,
    may: ['admin'],
  },
  // Finance and admin tokens only with the command line on the service's machine.
  ...(['finance', 'admin'] as const).map((role): Endpoint => ({
    route: 'POST /api/v1/admin/tokens',
    variant: `a ${role} token: command line only`,
    path: () => '/api/v1/admin/tokens',
    body: () => json({ role, label: '財政課 端末' }),
    ok: 403,
    may: ['admin'],
    errorCode: 'cli-only',
  })),
  {
    route: 'DELETE /api/v1/admin/tokens/:id',
    path: async () => `/api/v1/admin/tokens/${await throwawayTokenId()}`,
    ok: 204,
    may: ['admin'],
  },
  {
    route: 'DELETE /api/v1/admin/tokens/:id',
    variant: 'unknown id',
    path: () => '/api/v1/admin/tokens/999999',
    ok: 404,
    may: ['admin'],
  },
  {
    route: 'POST /api/v1/ledgers/:ledgerId/submissions',
    path: () => `/api/v1/ledgers/${LEDGERS.own}/submissions`,
    body: () => submission(LEDGERS.own, INFO.own),
    ok: 200,
    may: ['divOwn'],
  },
  {
    route: 'POST /api/v1/ledgers/:ledgerId/submissions',
    variant: 'first of two parts',
    path: () => `/api/v1/ledgers/${LEDGERS.own}/submissions`,
    body: () => submission(LEDGERS.own, INFO.own, 2),
    ok: 202,
    may: ['divOwn'],
  },
  {
    route: 'GET /api/v1/ledgers/:ledgerId/rows',
    path: () => `/api/v1/ledgers/${LEDGERS.own}/rows?since=0`,
    ok: 200,
    may: READERS_OWN,
  },
  {
    route: 'GET /api/v1/ledgers/:ledgerId/rows',
    variant: 'unknown ledger',
    path: () => `/api/v1/ledgers/${newId('none')}/rows`,
    ok: 404,
    may: LEDGER_ROLES,
  },
  { route: 'GET /api/v1/ledgers/:ledgerId', path: () => `/api/v1/ledgers/${LEDGERS.own}`, ok: 200, may: READERS_OWN },
  {
    route: 'GET /api/v1/ledgers/:ledgerId',
    variant: 'unknown ledger',
    path: () => `/api/v1/ledgers/${newId('none')}`,
    ok: 404,
    may: LEDGER_ROLES,
  },
  { route: 'GET /api/v1/ledgers', path: () => '/api/v1/ledgers', ok: 200, may: LEDGER_ROLES },
  {
    route: 'POST /api/v1/plans/import',
    path: () => '/api/v1/plans/import',
    body: () => ({ type: CSV, data: PLAN_CSV }),
    ok: 200,
    may: ['finance'],
  },
  { route: 'GET /api/v1/plans', path: () => `/api/v1/plans?fy=${FY}`, ok: 200, may: LEDGER_ROLES },
  {
    route: 'POST /api/v1/settlements/:fy',
    path: () => `/api/v1/settlements/${FY - 1}`,
    ok: 201,
    may: ['finance'],
  },
  { route: 'GET /api/v1/reports/targets', path: () => `/api/v1/reports/targets?fy=${FY}`, ok: 200, may: ['finance'] },
  {
    route: 'GET /api/v1/reports/targets',
    variant: 'TSV',
    path: () => `/api/v1/reports/targets?fy=${FY}&format=tsv`,
    ok: 200,
    may: ['finance'],
    contentType: /^text\/tab-separated-values/,
  },
  {
    route: 'GET /api/v1/reports/claims',
    path: () => `/api/v1/reports/claims?fy=${FY}`,
    ok: 200,
    may: ['accOwn', 'accForeign', 'finance'],
  },
  {
    route: 'GET /api/v1/reports/consolidated.xlsx',
    path: () => `/api/v1/reports/consolidated.xlsx?fy=${FY}`,
    ok: 200,
    may: ['finance'],
    contentType: new RegExp(`^${XLSX.replace(/\./g, '\\.')}`),
  },

  // Plans as the pane edits them (plans-edit.ts): divisions write their own, finance any,
  // accounting reads its bureau's.
  { route: 'GET /api/v1/measures', path: () => '/api/v1/measures', ok: 200, may: LEDGER_ROLES },
  { route: 'GET /api/v1/claims', path: () => `/api/v1/claims?fy=${FY}`, ok: 200, may: LEDGER_ROLES },
  {
    route: 'GET /api/v1/claims/:claimId/plans/:fy',
    path: () => `/api/v1/claims/${CLAIMS.own}/plans/${FY}`,
    ok: 200,
    may: READERS_OWN,
  },
  {
    route: 'GET /api/v1/claims/:claimId/plans/:fy',
    variant: 'a year without plan',
    path: () => `/api/v1/claims/${CLAIMS.own}/plans/${FY + 10}`,
    ok: 404,
    may: READERS_OWN,
  },
  {
    route: 'GET /api/v1/claims/:claimId/plans/:fy',
    variant: 'unknown claim',
    path: () => `/api/v1/claims/${UNKNOWN_CLAIM}/plans/${FY}`,
    ok: 404,
    may: LEDGER_ROLES,
  },
  {
    route: 'PUT /api/v1/claims/:claimId/plans/:fy',
    path: () => `/api/v1/claims/${CLAIMS.own}/plans/${FY}`,
    body: () => json(PLAN_EDIT),
    ok: 200,
    may: ['divOwn', 'finance'],
  },
  {
    route: 'PUT /api/v1/claims/:claimId/plans/:fy',
    variant: 'unknown claim',
    path: () => `/api/v1/claims/${UNKNOWN_CLAIM}/plans/${FY}`,
    body: () => json(PLAN_EDIT),
    ok: 404,
    may: [...DIVISIONS, 'finance'],
  },
  {
    route: 'GET /api/v1/claims/:claimId/plans/:fy/history',
    path: () => `/api/v1/claims/${CLAIMS.own}/plans/${FY}/history`,
    ok: 200,
    may: READERS_OWN,
  },

  // Check and Act (plan-reviews.ts): the division reviews, its accounting and finance read.
  {
    route: 'GET /api/v1/claims/:claimId/progress',
    path: () => `/api/v1/claims/${CLAIMS.own}/progress?fy=${FY}`,
    ok: 200,
    may: READERS_OWN,
  },
  {
    route: 'GET /api/v1/claims/:claimId/progress',
    variant: 'unknown claim',
    path: () => `/api/v1/claims/${UNKNOWN_CLAIM}/progress?fy=${FY}`,
    ok: 404,
    may: LEDGER_ROLES,
  },
  {
    route: 'POST /api/v1/claims/:claimId/reviews',
    path: () => `/api/v1/claims/${CLAIMS.own}/reviews`,
    body: () => json(REVIEW),
    ok: 201,
    may: ['divOwn'],
  },
  {
    route: 'POST /api/v1/claims/:claimId/reviews',
    variant: 'unknown claim',
    path: () => `/api/v1/claims/${UNKNOWN_CLAIM}/reviews`,
    body: () => json(REVIEW),
    ok: 404,
    may: DIVISIONS,
  },
  {
    route: 'GET /api/v1/claims/:claimId/reviews',
    path: () => `/api/v1/claims/${CLAIMS.own}/reviews?fy=${FY}`,
    ok: 200,
    may: READERS_OWN,
  },

  // Oversight (oversight.ts): the period is read by every role but admin and set by finance.
  {
    route: 'GET /api/v1/settings/submission-period',
    path: () => '/api/v1/settings/submission-period',
    ok: 200,
    may: LEDGER_ROLES,
  },
  {
    route: 'PUT /api/v1/settings/submission-period',
    path: () => '/api/v1/settings/submission-period',
    body: () => json({ kind: 'monthly', day: 10 }),
    ok: 200,
    may: ['finance'],
  },
  {
    route: 'GET /api/v1/oversight/submissions',
    path: () => `/api/v1/oversight/submissions?fy=${FY}`,
    ok: 200,
    may: OVERSEERS,
  },
  {
    route: 'GET /api/v1/oversight/claims',
    path: () => `/api/v1/oversight/claims?fy=${FY}&all=true`,
    ok: 200,
    may: OVERSEERS,
  },
  {
    route: 'GET /api/v1/oversight/worklist',
    path: () => '/api/v1/oversight/worklist',
    ok: 200,
    may: OVERSEERS,
  },
  {
    route: 'GET /api/v1/oversight/receivables-status',
    path: () => `/api/v1/oversight/receivables-status?fy=${FY}`,
    ok: 200,
    may: OVERSEERS,
  },
  {
    route: 'GET /api/v1/oversight/history',
    path: () => `/api/v1/oversight/history?from=${FY - 4}&to=${FY}`,
    ok: 200,
    may: OVERSEERS,
  },

  // Improvement proposals (proposals.ts): finance writes, the claim's three parties read.
  {
    route: 'POST /api/v1/claims/:claimId/proposals',
    path: () => `/api/v1/claims/${CLAIMS.own}/proposals`,
    body: () => json({ ...PROPOSAL, fiscalYear: ++proposalYear }),
    ok: 201,
    may: ['finance'],
  },
  {
    route: 'POST /api/v1/claims/:claimId/proposals',
    variant: 'unknown claim',
    path: () => `/api/v1/claims/${UNKNOWN_CLAIM}/proposals`,
    body: () => json(PROPOSAL),
    ok: 404,
    may: ['finance'],
  },
  {
    route: 'PUT /api/v1/claims/:claimId/proposals',
    path: () => `/api/v1/claims/${CLAIMS.own}/proposals`,
    body: async () => {
      await ensureProposal();
      return json({ ...PROPOSAL, reasons: ['growing', 'behind-plan'] });
    },
    ok: 200,
    may: ['finance'],
  },
  {
    route: 'GET /api/v1/claims/:claimId/proposals',
    path: () => `/api/v1/claims/${CLAIMS.own}/proposals`,
    ok: 200,
    may: READERS_OWN,
  },
  { route: 'GET /api/v1/proposals', path: () => `/api/v1/proposals?fy=${FY}`, ok: 200, may: LEDGER_ROLES },

  // Hard cases (hard-cases.ts): the division asks, its accounting or finance answers, and the
  // division or the party that answered closes; a fresh case per call where the call changes it.
  {
    route: 'POST /api/v1/hard-cases',
    path: () => '/api/v1/hard-cases',
    body: () => json(HARD_CASE()),
    ok: 201,
    may: ['divOwn'],
  },
  {
    route: 'POST /api/v1/hard-cases',
    variant: 'unknown claim',
    path: () => '/api/v1/hard-cases',
    body: () => json({ ...HARD_CASE(), claimId: UNKNOWN_CLAIM }),
    ok: 404,
    may: DIVISIONS,
  },
  { route: 'GET /api/v1/hard-cases', path: () => '/api/v1/hard-cases', ok: 200, may: LEDGER_ROLES },
  {
    route: 'GET /api/v1/hard-cases/:id',
    path: async () => `/api/v1/hard-cases/${await hardCaseId()}`,
    ok: 200,
    may: READERS_OWN,
  },
  {
    route: 'GET /api/v1/hard-cases/:id',
    variant: 'unknown case',
    path: () => '/api/v1/hard-cases/999999',
    ok: 404,
    may: LEDGER_ROLES,
  },
  {
    route: 'POST /api/v1/hard-cases/:id/answer',
    path: async () => `/api/v1/hard-cases/${await hardCaseId()}/answer`,
    body: () => json(ANSWER),
    ok: 200,
    may: ['accOwn', 'finance'],
  },
  {
    route: 'POST /api/v1/hard-cases/:id/answer',
    variant: 'unknown case',
    path: () => '/api/v1/hard-cases/999999/answer',
    body: () => json(ANSWER),
    ok: 404,
    may: OVERSEERS,
  },
  {
    route: 'POST /api/v1/hard-cases/:id/close',
    variant: 'answered by accounting',
    path: async () => `/api/v1/hard-cases/${await hardCaseId('accOwn')}/close`,
    body: () => json({}),
    ok: 200,
    may: ['divOwn', 'accOwn'],
  },
  {
    route: 'POST /api/v1/hard-cases/:id/close',
    variant: 'answered by finance',
    path: async () => `/api/v1/hard-cases/${await hardCaseId('finance')}/close`,
    body: () => json({}),
    ok: 200,
    may: ['divOwn', 'finance'],
  },
  {
    route: 'POST /api/v1/hard-cases/:id/close',
    variant: 'open: only the division withdraws',
    path: async () => `/api/v1/hard-cases/${await hardCaseId()}/close`,
    body: () => json({}),
    ok: 200,
    may: ['divOwn'],
    other: {
      accOwn: { status: 409, code: 'invalid-transition' },
      finance: { status: 409, code: 'invalid-transition' },
    },
  },
  {
    route: 'POST /api/v1/hard-cases/:id/close',
    variant: 'unknown case',
    path: () => '/api/v1/hard-cases/999999/close',
    body: () => json({}),
    ok: 404,
    may: LEDGER_ROLES,
  },
];

function expected(e: Endpoint, who: Who): number {
  if (e.may.includes(who)) return e.ok;
  if (e.other?.[who]) return e.other[who].status;
  if (!e.open && (who === 'none' || who === 'invalid' || who === 'revoked')) return 401;
  return e.denied ?? 403;
}

const nameOf = (e: Endpoint) => `${e.route}${e.variant ? ` (${e.variant})` : ''}`;
const CASES = ENDPOINTS.flatMap((e) => WHO.map((who) => ({ name: nameOf(e), e, who, status: expected(e, who) })));
const CODES: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** As startTestService, with a static directory so the routes that come with it are served too. */
async function startWithStaticDir(): Promise<TestService> {
  const staticDir = makeTempDir();
  writeFileSync(join(staticDir, 'taskpane.html'), '<!doctype html><!-- office.js --><!-- /office.js -->');
  const svc = await startTestService({ staticDir });
  return {
    ...svc,
    async close() {
      await svc.close();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  svc = await startWithStaticDir();
  tokens.admin = svc.adminToken;
  tokens.finance = await svc.makeToken('finance');
  // Finance imports the plans first: bureaus and divisions come from the plan file.
  const imported = await call('POST', '/api/v1/plans/import', tokens.finance, { type: CSV, data: PLAN_CSV });
  expect(imported.status, imported.text).toBe(200);
  tokens.divOwn = await svc.makeToken('division', A.bureau, A.own);
  tokens.divSibling = await svc.makeToken('division', A.bureau, A.sibling);
  tokens.divForeign = await svc.makeToken('division', B.bureau, B.division);
  tokens.accOwn = await svc.makeToken('accounting', A.bureau);
  tokens.accForeign = await svc.makeToken('accounting', B.bureau);
  tokens.invalid = `skn_${'x'.repeat(43)}`;
  tokens.revoked = await svc.makeToken('division', A.bureau, A.own);
  const claims = await call('GET', `/api/v1/claims?fy=${FY}`, tokens.finance);
  const claimId = (name: string) =>
    (claims.json.claims as { id: number; name: string }[]).find((c) => c.name === name)!.id;
  CLAIMS.own = claimId(INFO.own.claimType);
  CLAIMS.sibling = claimId(INFO.sibling.claimType);
  CLAIMS.foreign = claimId(INFO.foreign.claimType);
  const revokedId = (await svc.service.db.get<{ id: number }>('SELECT id FROM tokens WHERE token_hash = ?', [
    hashToken(tokens.revoked),
  ]))!.id;
  expect((await call('DELETE', `/api/v1/admin/tokens/${revokedId}`, tokens.admin)).status).toBe(204);

  upserts = await upsertsFor(makeRows(5));
  const owners = { own: tokens.divOwn, sibling: tokens.divSibling, foreign: tokens.divForeign };
  for (const k of ['own', 'sibling', 'foreign'] as const) {
    const r = await call(
      'POST',
      `/api/v1/ledgers/${LEDGERS[k]}/submissions`,
      owners[k],
      json(makeSubmission({ upserts, ledger: INFO[k] })[0]),
    );
    expect(r.status, r.text).toBe(200);
  }
});
afterAll(() => svc?.close());

describe('the route table', () => {
  interface LayerLike {
    route?: { path: unknown; methods: Record<string, boolean> };
    rawPath?: unknown;
    handle: { stack?: LayerLike[] };
  }

  /** METHOD and full path of every route, walking mounted routers (express 5 / router 2). */
  function routesOf(stack: readonly LayerLike[], prefix = ''): string[] {
    return stack.flatMap((layer) => {
      if (layer.route) {
        expect(typeof layer.route.path, 'a route path that is not a string').toBe('string');
        return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${prefix}${String(layer.route!.path)}`);
      }
      if (layer.handle.stack) {
        expect(typeof layer.rawPath, 'a router mounted on a path that is not a string').toBe('string');
        const mount = layer.rawPath === '/' ? '' : String(layer.rawPath);
        return routesOf(layer.handle.stack, prefix + mount);
      }
      return [];
    });
  }

  it('has a row for every route the app registers, and no row for a route it does not', () => {
    const app = createApp({ db: svc.service.db, logger: pino({ level: 'silent' }), staticDir: svc.dir });
    const registered = routesOf((app as unknown as { router: { stack: LayerLike[] } }).router.stack);
    expect(registered.length).toBeGreaterThan(10);
    expect(new Set(registered).size, 'a route registered twice').toBe(registered.length);
    const table = new Set(ENDPOINTS.map((e) => e.route));
    expect(
      registered.filter((r) => !table.has(r)),
      'routes without a row in ENDPOINTS: add one per route (and per variant worth probing)',
    ).toEqual([]);
    expect(
      [...table].filter((r) => !registered.includes(r)),
      'rows in ENDPOINTS for routes the app does not register',
    ).toEqual([]);
  });

  it('answers an unregistered path or method with 404 (401 before a token is shown)', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['PUT', '/api/v1/ledgers'],
      ['PATCH', `/api/v1/ledgers/${LEDGERS.own}`],
      ['DELETE', '/api/v1/plans'],
    ] as const) {
      expect((await call(method, path, tokens.finance)).json).toMatchObject({ code: 'not-found' });
      expect((await call(method, path)).status).toBe(401);
    }
    expect((await call('GET', '/api/v2/me', tokens.finance)).status).toBe(404);
  });
});

describe('endpoint × caller', () => {
  it.each(CASES)('$name as $who → $status', async ({ e, who, status }) => {
    const method = e.route.split(' ')[0]!;
    const path = await e.path();
    const body = e.body ? await e.body() : undefined;
    const r = await call(method, path, who === 'none' ? undefined : tokens[who], body, e.headers);
    expect(r.status, r.text.slice(0, 300)).toBe(status);
    if (status >= 400) {
      expect(r.type).toMatch(/^application\/json/);
      expect(Object.keys(r.json).sort()).toEqual(['code', 'details', 'message']);
      expect(r.json.code).toBe(
        e.other?.[who]?.code ?? (e.may.includes(who) ? e.errorCode : undefined) ?? CODES[status],
      );
      expect(r.json.message).toMatch(JAPANESE);
    } else if (status !== 204) {
      expect(r.type).toMatch(e.contentType ?? /^application\/json/);
    }
  });
});

describe('nothing outside the caller’s scope in the answers', () => {
  const FOREIGN_OF: Partial<Record<Who, string[]>> = {
    divOwn: [A.sibling, B.bureau, B.division, LEDGERS.sibling, LEDGERS.foreign, INFO.sibling.name, '介護保険料'],
    divSibling: [A.own, B.bureau, B.division, LEDGERS.own, LEDGERS.foreign, INFO.own.name, '国民健康保険料'],
    divForeign: [A.bureau, A.own, A.sibling, LEDGERS.own, LEDGERS.sibling, '国民健康保険料', '介護保険料'],
    accOwn: [B.bureau, B.division, LEDGERS.foreign, INFO.foreign.name, '市営住宅使用料'],
    accForeign: [A.bureau, A.own, A.sibling, LEDGERS.own, LEDGERS.sibling, '国民健康保険料', '介護保険料'],
  };
  const SCOPED = Object.keys(FOREIGN_OF) as Who[];
  const clean = (who: Who, r: Reply) => {
    expect(r.status, r.text.slice(0, 200)).toBeLessThan(300);
    for (const s of FOREIGN_OF[who]!) expect(r.text.includes(s), `${who} sees ${s}`).toBe(false);
  };

  it.each(SCOPED)('%s: ledgers, plans and me hold nothing of other divisions or bureaus', async (who) => {
    const t = tokens[who as Exclude<Who, 'none'>];
    const ledgers = await call('GET', '/api/v1/ledgers', t);
    clean(who, ledgers);
    const ids = (ledgers.json.ledgers as { id: string }[]).map((l) => l.id).sort();
    const mine = {
      divOwn: [LEDGERS.own],
      divSibling: [LEDGERS.sibling],
      divForeign: [LEDGERS.foreign],
      accOwn: [LEDGERS.own, LEDGERS.sibling].sort(),
      accForeign: [LEDGERS.foreign],
    }[who as 'divOwn'];
    expect(ids).toEqual(mine);
    const plans = await call('GET', `/api/v1/plans?fy=${FY}`, t);
    clean(who, plans);
    expect(plans.json.plans).toHaveLength(mine.length);
    clean(who, await call('GET', '/api/v1/me', t));
    for (const id of mine) {
      clean(who, await call('GET', `/api/v1/ledgers/${id}`, t));
      clean(who, await call('GET', `/api/v1/ledgers/${id}/rows`, t));
    }
  });

  it.each(SCOPED)('%s: claims, plans, progress, proposals and hard cases hold nothing beyond reach', async (who) => {
    const t = tokens[who as Exclude<Who, 'none'>];
    await ensureProposal();
    await hardCaseId('accOwn');
    const claims = await call('GET', `/api/v1/claims?fy=${FY}`, t);
    clean(who, claims);
    const mine = {
      divOwn: [CLAIMS.own],
      divSibling: [CLAIMS.sibling],
      divForeign: [CLAIMS.foreign],
      accOwn: [CLAIMS.own, CLAIMS.sibling],
      accForeign: [CLAIMS.foreign],
    }[who as 'divOwn'];
    expect((claims.json.claims as { id: number }[]).map((c) => c.id).sort()).toEqual([...mine].sort());
    const cases = await call('GET', '/api/v1/hard-cases', t);
    clean(who, cases);
    // Every hard case here is the own division's.
    expect(cases.json.hardCases.length > 0).toBe(who === 'divOwn' || who === 'accOwn');
    const lists = [`/api/v1/proposals?fy=${FY}`, '/api/v1/settings/submission-period'];
    if (who.startsWith('acc')) {
      lists.push(
        `/api/v1/oversight/submissions?fy=${FY}`,
        `/api/v1/oversight/claims?fy=${FY}&all=true`,
        `/api/v1/oversight/receivables-status?fy=${FY}`,
        `/api/v1/oversight/history?from=${FY - 4}&to=${FY}`,
      );
    }
    for (const path of lists) clean(who, await call('GET', path, t));
    for (const id of mine) {
      for (const path of [`plans/${FY}`, `plans/${FY}/history`, `progress?fy=${FY}`, `reviews?fy=${FY}`, 'proposals']) {
        clean(who, await call('GET', `/api/v1/claims/${id}/${path}`, t));
      }
    }
  });

  it('accounting sees its own bureau’s claims in the claims report, totals included', async () => {
    const own = await call('GET', `/api/v1/reports/claims?fy=${FY}`, tokens.accOwn);
    clean('accOwn', own);
    expect(new Set(own.json.claims.map((c: { bureau: string }) => c.bureau))).toEqual(new Set([A.bureau]));
    expect(own.json.total.targetYen).toBe(450_000_000 + 75_000_000);
    const foreign = await call('GET', `/api/v1/reports/claims?fy=${FY}`, tokens.accForeign);
    clean('accForeign', foreign);
    expect(foreign.json.total.targetYen).toBe(100_000_000);
    const all = await call('GET', `/api/v1/reports/claims?fy=${FY}`, tokens.finance);
    expect(all.json.claims).toHaveLength(3);
  });

  it('a refusal says nothing about the ledger it refuses', async () => {
    const r = await call('GET', `/api/v1/ledgers/${LEDGERS.own}`, tokens.accForeign);
    expect(r.status).toBe(403);
    for (const s of [A.bureau, A.own, INFO.own.name, '国民健康保険料']) expect(r.text.includes(s)).toBe(false);
    const rows = await call('GET', `/api/v1/ledgers/${LEDGERS.own}/rows`, tokens.divSibling);
    expect(rows.status).toBe(403);
    expect(rows.text.includes(upserts[0]!.key)).toBe(false);
    const hardCase = await call('GET', `/api/v1/hard-cases/${await hardCaseId()}`, tokens.accForeign);
    expect(hardCase.status).toBe(403);
    for (const s of [A.bureau, A.own, HARD_CASE().title, '国民健康保険料'])
      expect(hardCase.text.includes(s)).toBe(false);
    const plan = await call('GET', `/api/v1/claims/${CLAIMS.own}/plans/${FY}`, tokens.divSibling);
    expect(plan.status).toBe(403);
    for (const s of [A.own, '国民健康保険料', PLAN_EDIT.measures]) expect(plan.text.includes(s)).toBe(false);
  });

  /** Routes an admin token may call: its own, who it is, and what needs no token at all. */
  const ADMIN_REACH = (e: Endpoint) =>
    e.open === true || e.route === 'GET /api/v1/me' || e.route.includes(' /api/v1/admin/');

  it('no row lets admin reach a ledger, plan, review, proposal, hard case or report', () => {
    const reach = ENDPOINTS.filter((e) => e.may.includes('admin') && !ADMIN_REACH(e)).map(nameOf);
    expect(reach, 'admin may call these, but they are not admin routes').toEqual([]);
    // And the table covers every kind of ledger data, so the check above is not vacuous.
    for (const part of ['/ledgers', '/plans', '/reviews', '/proposals', '/hard-cases', '/reports', '/oversight']) {
      expect(
        ENDPOINTS.some((e) => e.route.includes(part) && !e.may.includes('admin')),
        part,
      ).toBe(true);
    }
  });

  it('admin gets nothing of ledgers, plans, reviews, proposals or hard cases from any other route', async () => {
    await ensureProposal();
    const caseId = await hardCaseId('accOwn');
    await call('POST', `/api/v1/claims/${CLAIMS.own}/reviews`, tokens.divOwn, json(REVIEW));
    const secrets = [
      ...Object.values(LEDGERS),
      ...Object.values(INFO).map((i) => i.name),
      upserts[0]!.key,
      PLAN_EDIT.measures,
      REVIEW.assessment,
      REVIEW.nextStep,
      PROPOSAL.body,
      HARD_CASE().title,
      HARD_CASE().tried,
      ANSWER.policy,
      '国民健康保険料',
    ];
    const probed: string[] = [];
    for (const e of ENDPOINTS.filter((x) => !ADMIN_REACH(x))) {
      const method = e.route.split(' ')[0]!;
      const path = (await e.path()).replace('999999', String(caseId));
      const r = await call(method, path, tokens.admin, e.body ? await e.body() : undefined);
      expect(r.status, `${nameOf(e)}: ${r.text.slice(0, 200)}`).toBe(403);
      for (const s of secrets) expect(r.text.includes(s), `${nameOf(e)} shows ${s}`).toBe(false);
      probed.push(e.route);
    }
    expect(new Set(probed).size).toBeGreaterThan(25);
  });

  it('admin sees the organisation and tokens, but no ledger data and no token secret or hash', async () => {
    const org = await call('GET', '/api/v1/admin/organisation', tokens.admin);
    const list = await call('GET', '/api/v1/admin/tokens', tokens.admin);
    for (const r of [org, list]) {
      expect(r.status).toBe(200);
      for (const s of [...Object.values(LEDGERS), ...Object.values(INFO).map((i) => i.name), upserts[0]!.key]) {
        expect(r.text.includes(s)).toBe(false);
      }
    }
    expect(list.text).not.toMatch(/skn_|token_hash/);
    for (const t of Object.values(tokens)) expect(list.text.includes(hashToken(t))).toBe(false);
  });
});
