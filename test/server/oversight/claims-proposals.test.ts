/** Claims that grow or lag their plan, with the division's review; finance's improvement proposals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, buildWorld, CLAIM_NAMES, FY, JAPANESE, statuses, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
  const o = w.outstanding;
  const plan = (claimId: number, body: object) =>
    w.call('PUT', `/api/v1/claims/${claimId}/plans/${FY}`, w.t.finance, body);
  // Growing: above last year. Behind: below last year but above December's milestone. On track.
  expect((await plan(w.claims.own, { baselineYen: o.own - 1, targetYen: o.own - 100 })).status).toBe(200);
  const sibling = { baselineYen: o.sibling + 1_000_000, targetYen: o.sibling - 100, milestones: [{ month: '2024-12', outstandingYen: o.sibling - 1 }] }; // prettier-ignore
  expect((await plan(w.claims.sibling, sibling)).status).toBe(200);
  const foreign = { baselineYen: o.foreign + 5_000, targetYen: o.foreign - 100, milestones: [{ month: '2024-12', outstandingYen: o.foreign }] }; // prettier-ignore
  expect((await plan(w.claims.foreign, foreign)).status).toBe(200);
  const review = { month: '2024-11', assessment: '前年度より増加。滞納初期の催告が不足', nextStep: '12月に集中催告' };
  expect((await w.call('POST', `/api/v1/claims/${w.claims.own}/reviews`, w.t.divOwn, review)).status).toBe(201);
});
afterAll(() => w?.close());

const flagged = (token: string, query = '') => w.call('GET', `/api/v1/oversight/claims?fy=${FY}${query}`, token);
const names = (r: { json: { claims: { claim: { name: string } }[] } }) => r.json.claims.map((c) => c.claim.name);

describe('GET /oversight/claims', () => {
  it('is for accounting and finance only', async () => {
    const { got, want } = await statuses(w, 'GET', `/api/v1/oversight/claims?fy=${FY}`, {
      accOwn: 200,
      accForeign: 200,
      finance: 200,
    });
    expect(got).toEqual(want);
  });

  it('lists the bureau’s growing and lagging claims with the division’s latest review', async () => {
    const r = await flagged(w.t.accOwn);
    expect(names(r)).toEqual([CLAIM_NAMES.own, CLAIM_NAMES.sibling]);
    const [own, sibling] = r.json.claims;
    expect(own).toMatchObject({
      reasons: ['growing'],
      growing: true,
      behindPlan: null,
      currentYen: w.outstanding.own,
      changeFromBaselineYen: 1,
      division: { name: A.own },
      latestReview: { month: '2024-11', nextStep: '12月に集中催告', createdBy: { role: 'division' } },
    });
    expect(sibling).toMatchObject({
      reasons: ['behind-plan'],
      growing: false,
      behindPlan: true,
      referenceMonth: '2025-03',
      milestone: { month: '2024-12', outstandingYen: w.outstanding.sibling - 1 },
      latestReview: null,
    });
    expect(r.json.counts).toEqual({ claims: 3, reporting: 2, growing: 1, behindPlan: 1, flagged: 2 });
    expect(r.json.baselineSettled).toBe(false);
    expect(r.text).not.toContain(B.bureau);
  });

  it('gives another bureau nothing flagged, all of its claims on request, and finance the city', async () => {
    expect(names(await flagged(w.t.accForeign))).toEqual([]);
    const all = await flagged(w.t.accForeign, '&all=true');
    expect(names(all)).toEqual([CLAIM_NAMES.foreign]);
    expect(all.json.claims[0]).toMatchObject({ reasons: [], growing: false, behindPlan: false });
    expect(names(await flagged(w.t.finance))).toEqual([CLAIM_NAMES.own, CLAIM_NAMES.sibling]);
    expect((await flagged(w.t.finance, '&all=yes')).status).toBe(400);
  });
});

describe('improvement proposals', () => {
  const path = () => `/api/v1/claims/${w.claims.own}/proposals`;
  const body = { fiscalYear: FY, reasons: ['growing'], body: '滞納初期の催告を強化し、口座振替の勧奨を進めること' };

  it('finance writes one per claim and year; a second POST is a conflict', async () => {
    const r = await w.call('POST', path(), w.t.finance, body);
    expect(r.status, r.text).toBe(201);
    expect(r.json.proposal).toMatchObject({ fiscalYear: FY, reasons: ['growing'], version: 1 });
    const again = await w.call('POST', path(), w.t.finance, body);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('proposal-exists');
  });

  it('keeps every revision as history; an unchanged PUT makes none', async () => {
    const revised = {
      ...body,
      fiscalYear: '令和6年度',
      reasons: ['other', 'growing'],
      body: '勤務先催告まで段階的に強化すること',
    };
    const r = await w.call('PUT', path(), w.t.finance, revised);
    expect(r.json).toMatchObject({ changed: true, proposal: { version: 2, reasons: ['growing', 'other'] } });
    expect((await w.call('PUT', path(), w.t.finance, revised)).json).toMatchObject({ changed: false });
    const stale = await w.call('PUT', path(), w.t.finance, { ...revised, body: 'x', expectedVersion: 1 });
    expect(stale.json).toMatchObject({ code: 'version-conflict', details: { currentVersion: 2 } });
    expect((await w.call('PUT', path(), w.t.finance, { ...body, fiscalYear: 2030 })).status).toBe(404);
    const list = await w.call('GET', path(), w.t.divOwn);
    expect(list.json.proposals).toHaveLength(1);
    expect(list.json.proposals[0].history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(list.json.proposals[0].history[1]).toMatchObject({ body: body.body, changedBy: { role: 'finance' } });
    const audit = await w.svc.service.db.all("SELECT action FROM audit_log WHERE entity = 'proposal' ORDER BY id");
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('is written by finance only', async () => {
    const sibling = `/api/v1/claims/${w.claims.sibling}/proposals`;
    const post = await statuses(w, 'POST', sibling, { finance: 201 }, () => ({ ...body, reasons: ['behind-plan'] }));
    expect(post.got).toEqual(post.want);
    const put = await statuses(w, 'PUT', sibling, { finance: 200 }, () => ({ ...body, body: '改訂' }));
    expect(put.got).toEqual(put.want);
  });

  it('is seen by the claim’s division, its accounting division and finance, nobody else', async () => {
    const one = await statuses(w, 'GET', path(), { divOwn: 200, accOwn: 200, finance: 200 });
    expect(one.got).toEqual(one.want);
    const count = async (token: string) =>
      (await w.call('GET', `/api/v1/proposals?fy=${FY}`, token)).json.proposals?.length ?? null;
    expect(await count(w.t.divOwn)).toBe(1);
    expect(await count(w.t.divSibling)).toBe(1);
    expect(await count(w.t.divForeign)).toBe(0);
    expect(await count(w.t.accOwn)).toBe(2);
    expect(await count(w.t.accForeign)).toBe(0);
    expect(await count(w.t.finance)).toBe(2);
    expect((await w.call('GET', `/api/v1/proposals?fy=${FY}`, w.t.admin)).status).toBe(403);
    const own = await w.call('GET', `/api/v1/proposals?fy=${FY}`, w.t.divOwn);
    expect(own.text).not.toContain(CLAIM_NAMES.sibling);
  });

  it('shows beside the flagged claim', async () => {
    const own = (await flagged(w.t.accOwn)).json.claims.find((c: { claim: { name: string } }) => c.claim.name === CLAIM_NAMES.own); // prettier-ignore
    expect(own.proposal).toMatchObject({ version: 2 });
  });

  it('refuses what does not fit, in Japanese', async () => {
    for (const bad of [
      { ...body, body: '  ' },
      { ...body, reasons: ['because'] },
      { ...body, fiscalYear: '来年' },
      { reasons: [], body: 'x' },
    ]) {
      const r = await w.call('PUT', path(), w.t.finance, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      for (const d of r.json.details) expect(d.problem).toMatch(JAPANESE);
    }
  });
});
