/**
 * Every free-text field of every oversight route through the one personal-text gate: refused 422
 * `looks-personal` with the spans of each field (and no text of its own) unless the sender confirms;
 * a My Number refused even then; nothing stored on a refusal; the confirmation stored with the
 * version and counted by kind in the audit, never the text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { buildWorld, FY, JAPANESE, type Reply, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const NAME = '山田太郎';
const PHONE = '052-961-1111';
const PERSONAL = `担当の${NAME}が${PHONE}へ電話する。`;
const MY_NUMBER = '個人番号 1234-5678-9012 で照会';
const CLEAN = '滞納初期の電話催告を強化する。';

const one = async <T>(sql: string, params: (string | number)[] = []) => (await w.svc.service.db.get<T>(sql, params))!;
const lastAudit = async (entity: string) =>
  one<{ details: string }>('SELECT details FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1', [entity]);

let proposalYear = FY;
let openCase = 0;

interface Route {
  name: string;
  /** The free-text fields this route scans, as the 422 names them. */
  fields: string[];
  entity: string;
  send(texts: Record<string, string>, confirmed?: boolean): Promise<Reply>;
  /** Something that changes whenever the route stores anything. */
  state(): Promise<unknown>;
  /** The stored confirmation, read back through the API from the reply. */
  confirmedIn(r: Reply): boolean;
}

const body = (fields: Record<string, unknown>, confirmed?: boolean) =>
  confirmed === undefined ? fields : { ...fields, confirmedNoPersonalData: confirmed };

const ROUTES: Route[] = [
  {
    name: 'PUT /claims/:claimId/plans/:fy (division)',
    fields: ['measures'],
    entity: 'plan',
    send: (t, c) =>
      w.call('PUT', `/api/v1/claims/${w.claims.own}/plans/${FY}`, w.t.divOwn, {
        baselineYen: 500_000_000,
        targetYen: 450_000_000,
        ...body({ measures: t.measures ?? CLEAN }, c),
      }),
    state: () => one('SELECT version, measures FROM plans WHERE claim_id = ? AND fiscal_year = ?', [w.claims.own, FY]),
    confirmedIn: (r) => r.json.plan.confirmedNoPersonalData,
  },
  {
    name: 'PUT /claims/:claimId/plans/:fy (finance)',
    fields: ['measures'],
    entity: 'plan',
    send: (t, c) =>
      w.call('PUT', `/api/v1/claims/${w.claims.foreign}/plans/${FY}`, w.t.finance, {
        baselineYen: 120_000_000,
        targetYen: 100_000_000,
        ...body({ measures: t.measures ?? CLEAN }, c),
      }),
    state: () => one('SELECT version FROM plans WHERE claim_id = ? AND fiscal_year = ?', [w.claims.foreign, FY]),
    confirmedIn: (r) => r.json.plan.confirmedNoPersonalData,
  },
  {
    name: 'POST /claims/:claimId/reviews',
    fields: ['assessment', 'nextStep'],
    entity: 'plan_review',
    send: (t, c) =>
      w.call(
        'POST',
        `/api/v1/claims/${w.claims.own}/reviews`,
        w.t.divOwn,
        body({ month: '2024-11', assessment: t.assessment ?? CLEAN, nextStep: t.nextStep ?? CLEAN }, c),
      ),
    state: () => one('SELECT COUNT(*) AS n FROM plan_reviews'),
    confirmedIn: (r) => r.json.review.confirmedNoPersonalData,
  },
  {
    name: 'POST /claims/:claimId/proposals',
    fields: ['body'],
    entity: 'proposal',
    send: (t, c) =>
      w.call(
        'POST',
        `/api/v1/claims/${w.claims.own}/proposals`,
        w.t.finance,
        body({ fiscalYear: ++proposalYear, reasons: ['growing'], body: t.body ?? CLEAN }, c),
      ),
    state: () => one('SELECT COUNT(*) AS n FROM proposals'),
    confirmedIn: (r) => r.json.proposal.confirmedNoPersonalData,
  },
  {
    name: 'PUT /claims/:claimId/proposals',
    fields: ['body'],
    entity: 'proposal',
    send: (t, c) =>
      w.call(
        'PUT',
        `/api/v1/claims/${w.claims.sibling}/proposals`,
        w.t.finance,
        body({ fiscalYear: FY, reasons: ['other'], body: t.body ?? CLEAN }, c),
      ),
    state: () => one('SELECT version, body FROM proposals WHERE claim_id = ? AND fiscal_year = ?', [w.claims.sibling, FY]), // prettier-ignore
    confirmedIn: (r) => r.json.proposal.confirmedNoPersonalData,
  },
  {
    name: 'POST /hard-cases',
    fields: ['title', 'tried', 'question'],
    entity: 'hard_case',
    send: (t, c) =>
      w.call(
        'POST',
        '/api/v1/hard-cases',
        w.t.divOwn,
        body(
          { claimId: w.claims.own, title: t.title ?? '分納不履行', tried: t.tried ?? CLEAN, question: t.question ?? CLEAN }, // prettier-ignore
          c,
        ),
      ),
    state: () => one('SELECT COUNT(*) AS n FROM hard_cases'),
    confirmedIn: (r) => r.json.hardCase.confirmedNoPersonalData,
  },
  {
    name: 'POST /hard-cases/:id/answer',
    fields: ['policy'],
    entity: 'hard_case',
    send: async (t, c) => {
      if (!openCase) openCase = await newCase();
      const r = await w.call('POST', `/api/v1/hard-cases/${openCase}/answer`, w.t.accOwn, body({ policy: t.policy ?? CLEAN }, c)); // prettier-ignore
      if (r.status === 200) openCase = 0;
      return r;
    },
    state: () => one('SELECT COUNT(*) AS n FROM hard_cases WHERE status = ?', ['answered']),
    confirmedIn: (r) => r.json.hardCase.answer.confirmedNoPersonalData,
  },
];

async function newCase(): Promise<number> {
  const r = await w.call('POST', '/api/v1/hard-cases', w.t.divOwn, {
    claimId: w.claims.own,
    title: '分納不履行',
    tried: CLEAN,
    question: CLEAN,
  });
  expect(r.status, r.text).toBe(201);
  return r.json.hardCase.id as number;
}

beforeAll(async () => {
  // The proposal PUT revises one that exists.
  const made = await w.call('POST', `/api/v1/claims/${w.claims.sibling}/proposals`, w.t.finance, {
    fiscalYear: FY,
    body: CLEAN,
  });
  expect(made.status, made.text).toBe(201);
});

describe.each(ROUTES)('$name', (route) => {
  it.each(route.fields)(
    'refuses personal-looking %s with its spans, echoing no text, storing nothing',
    async (field) => {
      const before = await route.state();
      const r = await route.send({ [field]: PERSONAL });
      expect(r.status, r.text).toBe(422);
      expect(r.json.code).toBe('looks-personal');
      expect(r.json.message).toMatch(JAPANESE);
      expect(r.json.details.confirmable).toBe(true);
      expect(r.json.details.fields).toEqual([
        {
          field,
          spans: [
            { kind: 'name', start: PERSONAL.indexOf(NAME), end: PERSONAL.indexOf(NAME) + NAME.length },
            { kind: 'phone', start: PERSONAL.indexOf(PHONE), end: PERSONAL.indexOf(PHONE) + PHONE.length },
          ],
        },
      ]);
      for (const s of [NAME, PHONE, '電話する']) expect(r.text.includes(s), s).toBe(false);
      expect(await route.state()).toEqual(before);
      // Explicitly unconfirmed is the same.
      expect((await route.send({ [field]: PERSONAL }, false)).status).toBe(422);
    },
  );

  it('takes the text as typed once confirmed, stores the confirmation and audits counts, not text', async () => {
    const field = route.fields.at(-1)!;
    const r = await route.send({ [field]: `${PERSONAL}（${route.name}）` }, true);
    expect(r.status, r.text).toBeLessThan(300);
    expect(route.confirmedIn(r)).toBe(true);
    const audit = await lastAudit(route.entity);
    expect(JSON.parse(audit.details)).toMatchObject({ confirmedNoPersonal: true, warnings: { name: 1, phone: 1 } });
    for (const s of [NAME, PHONE]) expect(audit.details.includes(s)).toBe(false);
  });

  it('stores no confirmation for clean text, even when the sender ticked', async () => {
    const field = route.fields[0]!;
    const r = await route.send({ [field]: `${CLEAN}（${route.name} ${Date.now()}）` }, true);
    expect(r.status, r.text).toBeLessThan(300);
    expect(route.confirmedIn(r)).toBe(false);
    expect(JSON.parse((await lastAudit(route.entity)).details)).toMatchObject({ warnings: {} });
  });

  it('always refuses a My Number, confirmed or not, and stores nothing', async () => {
    const before = await route.state();
    for (const confirmed of [false, true]) {
      const r = await route.send({ [route.fields[0]!]: MY_NUMBER }, confirmed);
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ code: 'looks-personal', details: { confirmable: false } });
      expect(r.json.message).toContain('個人番号は送れません');
      expect(r.json.details.fields[0].spans).toEqual([{ kind: 'my-number', start: 5, end: 19 }]);
      expect(r.text).not.toContain('1234');
    }
    expect(await route.state()).toEqual(before);
  });

  it('refuses a confirmation that is not a boolean', async () => {
    const r = await route.send({ [route.fields[0]!]: CLEAN }, 'yes' as never);
    expect(r.status).toBe(400);
    expect(r.json.details[0]).toMatchObject({ path: 'confirmedNoPersonalData' });
    expect(r.json.details[0].problem).toMatch(JAPANESE);
  });
});

describe('history keeps each version’s confirmation', () => {
  it('plan history and proposal history say which versions were confirmed', async () => {
    const plan = await w.call('GET', `/api/v1/claims/${w.claims.own}/plans/${FY}/history`, w.t.accOwn);
    const flags = (plan.json.versions as { confirmedNoPersonalData: boolean; measures: string }[]).map((v) => [
      v.measures.includes(NAME),
      v.confirmedNoPersonalData,
    ]);
    expect(flags).toContainEqual([true, true]);
    expect(flags.every(([personal, confirmed]) => personal === confirmed)).toBe(true);
    const proposals = await w.call('GET', `/api/v1/claims/${w.claims.sibling}/proposals`, w.t.divSibling);
    const history = proposals.json.proposals[0].history as { body: string; confirmedNoPersonalData: boolean }[];
    expect(history.map((h) => [h.body.includes(NAME), h.confirmedNoPersonalData])).toContainEqual([true, true]);
    expect(history.every((h) => h.body.includes(NAME) === h.confirmedNoPersonalData)).toBe(true);
  });
});

describe('labels of tokens made before labels were checked', () => {
  it('are not shown beside what the token wrote when they name a person', async () => {
    const { division_id: divisionId, bureau_id: bureauId } = (await w.svc.service.db.get<{
      division_id: number;
      bureau_id: number;
    }>('SELECT division_id, bureau_id FROM tokens WHERE role = ? AND division_id IS NOT NULL ORDER BY id LIMIT 1', [
      'division',
    ]))!;
    const old = await w.svc.service.db.transaction((tx) =>
      insertToken(tx, { role: 'division', bureauId, divisionId, label: '保険年金課 山田' }),
    );
    const claim = (await w.call('GET', `/api/v1/claims?fy=${FY}`, old.token)).json.claims[0].id as number;
    const r = await w.call('POST', `/api/v1/claims/${claim}/reviews`, old.token, {
      month: '2024-12',
      assessment: CLEAN,
      nextStep: CLEAN,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.review.createdBy).toEqual({ role: 'division', label: '' });
    const list = await w.call('GET', `/api/v1/claims/${claim}/reviews?fy=${FY}`, w.t.finance);
    const labels = (list.json.reviews as { createdBy: { label: string } | null }[]).map((x) => x.createdBy?.label);
    expect(labels.some((l) => l?.includes('山田'))).toBe(false);
  });
});
