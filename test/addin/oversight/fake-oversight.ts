/**
 * The service's plan, review, proposal and hard-case API in memory, as a `fetch`, for the pane's
 * controller and component tests: version conflicts, the 422 looks-personal answer (the service's
 * own detector), role checks. Oversight and report answers are fixtures the test sets. Every
 * request is recorded with its parsed body.
 */
import { isAlwaysRefused, scanFields, type FieldFindings } from '../../../domain/privacy/personal-text.js';
import { MEASURE_GROUP_LABELS, MEASURES } from '../../../domain/plans/measures.js';

export interface Who {
  role: string;
  bureau: string | null;
  division: string | null;
}
export interface Recorded {
  method: string;
  path: string;
  body: unknown;
}
type Json = Record<string, unknown>;

const org = (id: number, name: string) => ({ id, name });
export const DIV = { bureau: org(1, '子ども青少年局'), division: org(11, '保育運営課') };
export const CLAIMS = [
  { id: 101, name: '保育料', classification: '強制徴収公債権', ...DIV },
  { id: 102, name: '一時保育利用料', classification: '私債権', ...DIV },
];

export function planOf(claimId: number, fy: number, version = 1): Json {
  return {
    id: claimId * 10,
    claimId,
    fiscalYear: fy,
    baselineYen: 344_571_093,
    targetYen: 310_304_030,
    baselineSettled: false,
    measureIds: ['early-dunning'],
    chosenMeasures: [],
    measures: '文書催告と電話催告',
    milestones: [{ month: `${fy}-09`, outstandingYen: 330_000_000 }],
    version,
    updatedAt: '2024-06-01T00:00:00.000Z',
  };
}

export class FakeOversight {
  readonly requests: Recorded[] = [];
  readonly plans = new Map<string, Json>([[`101:2024`, planOf(101, 2024)]]);
  /** Earlier versions of each plan, oldest first (the current one is in `plans`). */
  readonly planVersions = new Map<string, Json[]>();
  /** Fiscal years finance has marked settled (確定). */
  readonly settled = new Set<number>();
  readonly cases: Json[] = [];
  proposals: Json[] = [
    {
      id: 7,
      claimId: 101,
      fiscalYear: 2024,
      reasons: ['growing'],
      body: '滞納初期の電話催告を強化してください。',
      version: 1,
      createdAt: '2024-10-01',
      updatedAt: '2024-10-01T00:00:00Z',
    },
  ];
  /** Oversight and report answers, by path without query. */
  readonly fixtures = new Map<string, unknown>();
  /** The next PUT of a plan fails as if someone else saved first. */
  conflictNext = false;
  /** Spans the service finds that the pane's check does not (a newer detector). */
  extraPersonal: ((fields: Record<string, string>) => FieldFindings[]) | null = null;

  constructor(public who: Who = { role: 'division', ...names(DIV) }) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, body });
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const fy = Number(url.searchParams.get('fy'));
    if (path === '/me') return json(200, this.who);
    if (path === '/measures') return json(200, { groups: groups(), measures: MEASURES });
    if (path === '/claims')
      return json(200, {
        claims: CLAIMS.map((c) => ({
          ...c,
          planVersion: (this.plans.get(`${c.id}:${fy}`)?.version as number) ?? null,
          ledgers: 1,
        })),
      });
    let m = /^\/claims\/(\d+)\/plans\/(\d+)\/history$/.exec(path);
    if (m) return this.history(m[1]!, m[2]!);
    if ((m = /^\/settlements\/(\d+)$/.exec(path)) && method === 'POST') return this.settle(Number(m[1]));
    m = /^\/claims\/(\d+)\/plans\/(\d+)$/.exec(path);
    if (m)
      return method === 'PUT' ? this.savePlan(Number(m[1]), Number(m[2]), body as Json) : this.getPlan(m[1]!, m[2]!);
    if ((m = /^\/claims\/(\d+)\/progress$/.exec(path))) return json(200, this.progress(Number(m[1]), fy));
    if (/^\/claims\/\d+\/reviews$/.test(path)) return this.addReview(body as Json);
    if ((m = /^\/claims\/(\d+)\/proposals$/.exec(path))) return this.claimProposals(Number(m[1]), method, body as Json);
    if (path === '/proposals')
      return json(200, {
        proposals: this.proposals.map((p) => ({ ...p, claim: org(p.claimId as number, '保育料'), ...DIV })),
      });
    if (path === '/hard-cases')
      return method === 'POST' ? this.sendCase(body as Json) : json(200, { hardCases: this.cases });
    if ((m = /^\/hard-cases\/(\d+)\/(answer|close)$/.exec(path)))
      return this.caseAction(Number(m[1]), m[2]!, body as Json);
    if (path === '/oversight/claims' && this.fixtures.has(path) && this.settled.has(fy - 1))
      return json(200, { ...(this.fixtures.get(path) as Json), baselineSettled: true });
    if (this.fixtures.has(path)) return json(200, this.fixtures.get(path));
    return json(404, { code: 'not-found', message: '見つかりません。' });
  };

  /** Requests other than GET, for "nothing was sent" checks. */
  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private getPlan(claimId: string, fy: string): Response {
    const plan = this.plans.get(`${claimId}:${fy}`);
    return plan
      ? json(200, { claim: claim(Number(claimId)), plan })
      : json(404, { code: 'not-found', message: 'この年度の年間計画が見つかりません。' });
  }

  private savePlan(claimId: number, fy: number, body: Json): Response {
    const key = `${claimId}:${fy}`;
    const old = this.plans.get(key);
    const version = (old?.version as number | undefined) ?? 0;
    if (this.conflictNext || (body.expectedVersion !== undefined && body.expectedVersion !== version)) {
      this.conflictNext = false;
      const message = 'この計画は他の人が先に更新しました。最新の内容を読み込んでから、もう一度保存してください。';
      return json(409, { code: 'version-conflict', message, details: { currentVersion: version + 1 } });
    }
    const refused = this.personal({ measures: String(body.measures ?? '') }, body.confirmedNoPersonalData === true);
    if (refused) return refused;
    const { expectedVersion: _, confirmedNoPersonalData: __, ...content } = body;
    const plan = { ...planOf(claimId, fy, version + 1), ...content, updatedAt: `2024-11-1${version}T00:00:00.000Z` };
    if (old) this.planVersions.set(key, [...(this.planVersions.get(key) ?? []), old]);
    this.plans.set(key, plan);
    return json(old ? 200 : 201, { claim: claim(claimId), plan, created: !old, changed: true });
  }

  /** Newest first, the current version included, as the service answers. */
  private history(claimId: string, fy: string): Response {
    const key = `${claimId}:${fy}`;
    const plan = this.plans.get(key);
    if (!plan) return json(404, { code: 'not-found', message: 'この年度の年間計画が見つかりません。' });
    const versions = [plan, ...(this.planVersions.get(key) ?? []).slice().reverse()].map((p) => ({
      version: p.version,
      baselineYen: p.baselineYen,
      targetYen: p.targetYen,
      measureIds: p.measureIds,
      measures: p.measures,
      milestones: p.milestones,
      changedAt: p.updatedAt,
      changedBy: { role: this.who.role, label: '' },
    }));
    return json(200, { claim: claim(Number(claimId)), fiscalYear: Number(fy), versions });
  }

  private settle(fy: number): Response {
    if (this.who.role !== 'finance') return json(403, { code: 'forbidden', message: 'この操作の権限がありません。' });
    const created = !this.settled.has(fy);
    this.settled.add(fy);
    return json(created ? 201 : 200, { fiscalYear: fy, settled: true, settledAt: '2025-05-31T00:00:00.000Z' });
  }

  private progress(claimId: number, fy: number): Json {
    const plan = this.plans.get(`${claimId}:${fy}`) ?? null;
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = `${i < 9 ? fy : fy + 1}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
      return {
        month,
        state: i < 6 ? 'past' : i === 6 ? 'reference' : 'future',
        milestoneYen: null,
        plannedYen: null,
        diffYen: null,
        review: null,
      };
    });
    const check = plan && {
      referenceMonth: `${fy}-10`,
      growing: true,
      behindPlan: false,
      gapToTargetYen: 40_000_000,
      changeFromBaselineYen: 5_000_000,
    };
    return { plan, current: { currentYen: 350_000_000, asOf: `${fy}-10-31` }, check, months };
  }

  private claimProposals(claimId: number, method: string, body: Json): Response {
    if (method === 'GET') return json(200, { proposals: this.proposals.filter((p) => p.claimId === claimId) });
    const refused = this.personal({ body: String(body.body) }, body.confirmedNoPersonalData === true);
    if (refused) return refused;
    const old = this.proposals.find((p) => p.claimId === claimId && p.fiscalYear === body.fiscalYear);
    const proposal = {
      id: 70 + this.proposals.length,
      claimId,
      fiscalYear: body.fiscalYear,
      reasons: body.reasons,
      body: body.body,
      version: ((old?.version as number) ?? 0) + 1,
      createdAt: 'x',
      updatedAt: '2024-11-01T00:00:00Z',
    };
    this.proposals = [...this.proposals.filter((p) => p !== old), proposal];
    return json(method === 'POST' ? 201 : 200, { proposal });
  }

  private addReview(b: Json): Response {
    const refused = this.personal(
      { assessment: String(b.assessment), nextStep: String(b.nextStep) },
      b.confirmedNoPersonalData === true,
    );
    return refused ?? json(201, { review: review(b) });
  }

  private personal(fields: Record<string, string>, confirmed: boolean): Response | null {
    const trimmed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]));
    const found = [...scanFields(trimmed), ...(this.extraPersonal?.(trimmed) ?? [])];
    const refused = found.some((f) => f.spans.some(isAlwaysRefused));
    if (found.length === 0 || (confirmed && !refused)) return null;
    const message =
      '氏名・住所・電話番号など、個人を特定できる情報のように見える記載があります。該当箇所を修正するか、個人情報ではないことを確認のうえ送ってください。';
    return json(422, { code: 'looks-personal', message, details: { fields: found, confirmable: !refused } });
  }

  private sendCase(b: Json): Response {
    const refused = this.personal(
      { title: String(b.title), tried: String(b.tried), question: String(b.question) },
      b.confirmedNoPersonalData === true,
    );
    if (refused) return refused;
    const { claimId, confirmedNoPersonalData, ...rest } = b;
    const hardCase = {
      id: this.cases.length + 1,
      claim: org(Number(claimId), '保育料'),
      ...DIV,
      ...rest,
      confirmedNoPersonalData,
      status: 'open',
      createdAt: '2024-11-02T00:00:00Z',
      answer: null,
      closedAt: null,
    };
    this.cases.unshift(hardCase);
    return json(201, { hardCase });
  }

  private caseAction(id: number, action: string, b: Json): Response {
    const c = this.cases.find((x) => x.id === id);
    if (!c) return json(404, { code: 'not-found', message: '処理困難事案が見つかりません。' });
    if (action === 'answer') {
      const refused = this.personal({ policy: String(b.policy) }, b.confirmedNoPersonalData === true);
      if (refused) return refused;
      Object.assign(c, {
        status: 'answered',
        answer: {
          policy: b.policy,
          role: this.who.role,
          answeredAt: '2024-11-03T00:00:00Z',
        },
      });
    } else Object.assign(c, { status: 'closed' });
    return json(200, { hardCase: c });
  }
}

function names(d: typeof DIV): Omit<Who, 'role'> {
  return { bureau: d.bureau.name, division: d.division.name };
}
const groups = () => Object.entries(MEASURE_GROUP_LABELS).map(([id, label]) => ({ id, label }));
const claim = (id: number) => CLAIMS.find((c) => c.id === id) ?? { ...CLAIMS[0]!, id };
const review = (b: Json) => ({
  id: 1,
  ...b,
  currentYen: 350_000_000,
  plannedYen: null,
  createdAt: 'x',
  createdBy: null,
});

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
