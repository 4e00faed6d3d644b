/**
 * The route table (domain/api/routes.ts) against the real service: every route the app registers
 * is in the table and every entry is registered; roles outside an entry's `roles` get 403 and no
 * token 401; and the answers of a service with data (plans, ledgers, reviews, proposals, hard
 * cases) parse with the entry's schema with nothing left over, so a field the schema does not
 * list fails here.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROLES, type Role } from '../../../domain/api/common.js';
import { answersJson, pathOf, ROUTE_LIST, ROUTES, type RouteName } from '../../../domain/api/routes.js';
import { createApp } from '../../../server/http/app.js';
import { startService, type RunningService } from '../../../server/service.js';
import { CSV, TEMPLATE_HEADER, toCsv, type Row } from '../plans/fixtures.js';
import { createToken, makeTempDir } from '../helpers/service.js';
import { LEDGER, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';

const BUREAU = '健康福祉局';
const DIVISION = '保険年金課';
const FY = 2024;
const PLANS: Row[] = [
  [BUREAU, DIVISION, '国民健康保険料', '強制徴収公債権', '2024', 500_000_000, 450_000_000, '電話催告'],
];
const LEDGER_ID = newId('tbl');

let dir: string;
let service: RunningService;
const tokens = {} as Record<Role, string>;
const sample = { claimId: 0, caseId: 0, tokenId: 0 };
/** Every JSON answer seen, by route: checked against the route's schema at the end. */
const answers = new Map<RouteName, unknown[]>();

interface Reply {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(
  name: RouteName,
  who: Role | null,
  o: { params?: Record<string, string | number>; query?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Reply> {
  const r = ROUTES[name];
  const headers: Record<string, string> = {};
  if (who) headers.Authorization = `Bearer ${tokens[who]}`;
  let body: string | undefined;
  if (o.raw !== undefined) [headers['Content-Type'], body] = [CSV, o.raw];
  else if (o.body !== undefined) [headers['Content-Type'], body] = ['application/json', JSON.stringify(o.body)];
  const res = await fetch(service.url + pathOf(r, o.params, o.query), { method: r.method, headers, body });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const json = type.includes('json') && text ? JSON.parse(text) : undefined;
  return { status: res.status, type, json };
}

/** A call that must succeed; its answer is kept for the conformance check. */
async function ok(name: RouteName, who: Role, o: Parameters<typeof call>[2] = {}): Promise<Reply> {
  const r = await call(name, who, o);
  const statuses: readonly number[] = 'ok' in ROUTES[name] ? (ROUTES[name] as { ok: readonly number[] }).ok : [200];
  expect(statuses, `${name}: ${r.status} ${JSON.stringify(r.json)?.slice(0, 300)}`).toContain(r.status);
  if (r.json !== undefined) answers.set(name, [...(answers.get(name) ?? []), r.json]);
  return r;
}

/** Path parameters that reach the route (values of records that exist, where the route needs one). */
const paramsFor = () => ({ ledgerId: LEDGER_ID, claimId: sample.claimId, fy: FY, id: sample.caseId, year: 2027 });

beforeAll(async () => {
  dir = makeTempDir();
  service = await startService({
    port: 0,
    host: '127.0.0.1',
    database: join(dir, 'saiken.db'),
    http: true,
    staticDir: dir,
    logger: pino({ level: 'silent' }),
    authFailures: { limit: 1_000_000, windowMs: 60_000 },
  });
  tokens.admin = service.firstAdminToken!;
  tokens.finance = await createToken(service.url, tokens.admin, 'finance', undefined, undefined, service.db);
  await ok('importPlans', 'finance', { raw: toCsv(PLANS, TEMPLATE_HEADER) });
  tokens.division = await createToken(service.url, tokens.admin, 'division', BUREAU, DIVISION);
  tokens.accounting = await createToken(service.url, tokens.admin, 'accounting', BUREAU);

  // Admin answers.
  await ok('organisation', 'admin');
  await ok('addBureau', 'admin', { body: { name: '都市整備局', divisions: ['住宅課'] } });
  const made = await ok('addToken', 'admin', { body: { role: 'accounting', bureau: '都市整備局', label: '失効用' } });
  sample.tokenId = made.json.id;
  await ok('tokens', 'admin');
  await ok('revokeToken', 'admin', { params: { id: sample.tokenId } });

  // A ledger from a real submission, in two parts (received, then applied).
  const upserts = await upsertsFor(makeRows(5));
  const ledger = { ...LEDGER, name: '国保料 台帳', claimType: '国民健康保険料' };
  for (const part of makeSubmission({ upserts, ledger, parts: 2 })) {
    await ok('submit', 'division', { params: { ledgerId: LEDGER_ID }, body: part });
  }

  // The city's late-charge table: the built-in one, then finance's edits.
  const builtIn = await ok('lateCharges', 'division');
  const saved = await ok('saveLateCharges', 'finance', { body: { version: 0, table: builtIn.json.table } });
  await ok('saveSpecialRate', 'finance', { params: { year: 2027 }, body: { first: '2.9', second: '9.2' } });
  expect(saved.json.version).toBe(1);
  await ok('lateCharges', 'accounting');

  const claims = await ok('claims', 'division', { query: { fy: String(FY) } });
  sample.claimId = claims.json.claims[0].id;
  const claim = { claimId: sample.claimId };
  const plan = { ...claim, fy: FY };
  await ok('settle', 'finance', { params: { fy: FY - 1 } });
  await ok('savePlan', 'division', {
    params: plan,
    body: {
      baselineYen: 500_000_000,
      targetYen: 450_000_000,
      measureIds: ['early-dunning'],
      measures: '電話催告',
      milestones: [{ month: '2024-09', outstandingYen: 480_000_000 }],
    },
  });
  await ok('addReview', 'division', {
    params: claim,
    body: { month: '2024-11', assessment: '催告が遅れた', nextStep: '12月に集中催告' },
  });
  await ok('addProposal', 'finance', {
    params: claim,
    body: { fiscalYear: FY, reasons: ['growing'], body: '口座振替の勧奨を進めること' },
  });
  await ok('reviseProposal', 'finance', {
    params: claim,
    body: { fiscalYear: FY, reasons: ['growing', 'behind-plan'], body: '口座振替の勧奨を進めること' },
  });
  const hardCase = {
    claimId: sample.claimId,
    title: '分納誓約の不履行が続く事案',
    assessedYen: 240_000,
    outstandingYen: 180_000,
    dueDate: '2023-05-31',
    lastContactDate: null,
    tried: '文書催告3回、電話催告2回。',
    question: '執行停止の要件に当たるか。',
  };
  const open = await ok('addHardCase', 'division', { body: hardCase });
  sample.caseId = open.json.hardCase.id;
  const answered = await ok('addHardCase', 'division', { body: hardCase });
  await ok('answerHardCase', 'accounting', { params: { id: answered.json.hardCase.id }, body: { policy: '財産調査を待つ。' } }); // prettier-ignore
  await ok('closeHardCase', 'division', { params: { id: answered.json.hardCase.id }, body: {} });
  await ok('setSubmissionPeriod', 'finance', { body: { kind: 'days', days: 31 } });
});

afterAll(async () => {
  await service?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface LayerLike {
  route?: { path: unknown; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle: { stack?: LayerLike[] };
}

/** METHOD and full path of every route, walking mounted routers (express 5 / router 2). */
function routesOf(stack: readonly LayerLike[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${prefix}${String(layer.route!.path)}`);
    }
    if (layer.handle.stack)
      return routesOf(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : String(layer.rawPath)));
    return [];
  });
}

describe('the route table and the app', () => {
  it('lists every route the app registers, and only those', () => {
    const app = createApp({ db: service.db, logger: pino({ level: 'silent' }), staticDir: dir });
    const registered = routesOf((app as unknown as { router: { stack: LayerLike[] } }).router.stack);
    const table = ROUTE_LIST.map((r) => `${r.method} ${r.path}`);
    expect(new Set(table).size, 'an entry twice').toBe(table.length);
    expect([...registered].sort()).toEqual([...table].sort());
    expect(registered.filter((r) => r.includes('/api/v1/')).length).toBeGreaterThan(30);
  });

  const guarded = ROUTE_LIST.filter((r) => r.roles !== 'public');
  it.each(guarded.map((r) => ({ name: r.name, route: `${r.method} ${r.path}`, roles: r.roles as readonly Role[] })))(
    '$route: 401 without a token, 403 for roles outside $roles',
    async ({ name, roles }) => {
      const none = await call(name, null, { params: paramsFor() });
      expect(none.status).toBe(401);
      expect(none.json.code).toBe('unauthorized');
      for (const who of ROLES.filter((r) => !roles.includes(r))) {
        const body = ROUTES[name].method === 'GET' ? undefined : {};
        const r = await call(name, who, { params: paramsFor(), body });
        expect(r.status, `${name} as ${who}`).toBe(403);
        expect(r.json.code).toBe('forbidden');
      }
    },
  );
});

describe('answers against the table’s schemas', () => {
  const query = { fy: String(FY) };
  const READS: [RouteName, Role, Parameters<typeof call>[2]?][] = [
    ['me', 'division'],
    ['me', 'admin'],
    ['cityKey', 'division'],
    ['health', 'finance'],
    ['ledgers', 'finance'],
    ['ledger', 'accounting', { params: { ledgerId: LEDGER_ID } }],
    ['rowsSince', 'division', { params: { ledgerId: LEDGER_ID }, query: { since: '0' } }],
    ['plans', 'finance', { query }],
    ['measures', 'division'],
    ['claims', 'accounting', { query }],
    ['plan', 'division', { params: { claimId: 0, fy: FY } }],
    ['planHistory', 'division', { params: { claimId: 0, fy: FY } }],
    ['progress', 'division', { params: { claimId: 0 }, query }],
    ['progress', 'division', { params: { claimId: 0 }, query: { fy: String(FY + 1) } }],
    ['reviews', 'accounting', { params: { claimId: 0 }, query }],
    ['submissionPeriod', 'division'],
    ['submissions', 'accounting', { query }],
    ['flaggedClaims', 'finance', { query: { ...query, all: 'true' } }],
    ['receivablesStatus', 'accounting', { query }],
    ['worklistCounts', 'finance'],
    ['history', 'finance', { query: { from: String(FY - 4), to: String(FY) } }],
    ['history', 'accounting', { query: { from: String(FY - 1), to: String(FY) } }],
    ['claimProposals', 'division', { params: { claimId: 0 } }],
    ['proposals', 'finance', { query }],
    ['hardCases', 'division'],
    ['hardCase', 'accounting', { params: { id: 0 } }],
    ['targets', 'finance', { query }],
    ['reportClaims', 'accounting', { query }],
  ];

  it('reads the service with data', async () => {
    for (const [name, who, o = {}] of READS) {
      const params = o.params && { ...o.params, ...('claimId' in o.params ? { claimId: sample.claimId } : {}) };
      await ok(name, who, { ...o, params: params && ('id' in params ? { ...params, id: sample.caseId } : params) });
    }
  });

  it.each(ROUTE_LIST.filter(answersJson).map((r) => ({ name: r.name, route: `${r.method} ${r.path}` })))(
    '$route: every answer parses, with no field the schema does not list',
    ({ name }) => {
      const seen = answers.get(name) ?? [];
      expect(seen.length, `no answer of ${name} was seen`).toBeGreaterThan(0);
      const schema = ROUTES[name].response as z.ZodType;
      for (const json of seen) {
        const parsed = schema.safeParse(json);
        expect(parsed.error?.issues ?? []).toEqual([]);
        // Objects drop unknown keys on parse: what was dropped is what the schema does not list.
        expect(parsed.data).toEqual(json);
      }
    },
  );

  it('answers the non-JSON routes with the content type the table gives', async () => {
    const tsv = await fetch(`${service.url}${pathOf(ROUTES.targets, {}, { fy: FY, format: 'tsv' })}`, {
      headers: { Authorization: `Bearer ${tokens.finance}` },
    });
    expect(tsv.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    const xlsx = await call('consolidated', 'finance', { query: { fy: String(FY) } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain(ROUTES.consolidated.response.contentType);
    const home = await call('home', null);
    expect(home.type).toMatch(/^text\/html/);
  });
});
