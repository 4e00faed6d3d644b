/** Check and Act for one claim: progress against the milestones, and the division's reviews. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, FY, JAPANESE, statuses, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const progress = (claimId: number, token: string, fy = FY) =>
  w.call('GET', `/api/v1/claims/${claimId}/progress?fy=${fy}`, token);
const review = (claimId: number, token: string, body: unknown) =>
  w.call('POST', `/api/v1/claims/${claimId}/reviews`, token, body);

describe('GET progress', () => {
  it('sums the ledgers at their latest accepted submission, and reads the as-of month', async () => {
    const r = await progress(w.claims.own, w.t.divOwn);
    expect(r.status).toBe(200);
    expect(r.json.current).toMatchObject({ currentYen: w.outstanding.own, asOf: '2025-03-31' });
    // The ledger whose first submission never completed is listed but counts for nothing.
    const pending = r.json.current.ledgers.find((l: { id: string }) => l.id === w.ledgers.pending);
    expect(pending).toMatchObject({ revision: 0, outstandingYen: null, lastSubmittedAt: null });
    expect(r.json.check).toMatchObject({
      referenceMonth: '2025-03',
      milestone: null,
      growing: false,
      behindPlan: null,
      gapToTargetYen: w.outstanding.own - 450_000_000,
      changeFromBaselineYen: w.outstanding.own - 500_000_000,
    });
    expect(r.json.months.map((m: { month: string }) => m.month)).toEqual([
      '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09',
      '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03',
    ]); // prettier-ignore
    expect(r.json.months.at(-1).state).toBe('reference');
    expect(r.json.months[0].state).toBe('past');
  });

  it('compares each month’s milestone with the current amount and flags growth over last year', async () => {
    const cur = w.outstanding.own;
    const put = await w.call('PUT', `/api/v1/claims/${w.claims.own}/plans/${FY}`, w.t.divOwn, {
      baselineYen: cur - 1000,
      targetYen: cur - 5000,
      milestones: [
        { month: '2024-09', outstandingYen: cur + 10 },
        { month: '2024-12', outstandingYen: cur - 1 },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const r = await progress(w.claims.own, w.t.accOwn);
    expect(r.json.check).toMatchObject({
      referenceMonth: '2025-03',
      milestone: { month: '2024-12', outstandingYen: cur - 1 },
      growing: true,
      behindPlan: true,
      changeFromBaselineYen: 1000,
    });
    const month = (m: string) => r.json.months.find((x: { month: string }) => x.month === m);
    expect(month('2024-08')).toMatchObject({ milestoneYen: null, plannedYen: null, diffYen: null });
    expect(month('2024-09')).toMatchObject({ milestoneYen: cur + 10, plannedYen: cur + 10, diffYen: -10 });
    expect(month('2024-11')).toMatchObject({ milestoneYen: null, plannedYen: cur + 10, diffYen: -10 });
    expect(month('2025-02')).toMatchObject({ milestoneYen: null, plannedYen: cur - 1, diffYen: 1 });
  });

  it('answers without a plan: the current amount, no check', async () => {
    const r = await progress(w.claims.own, w.t.finance, 2030);
    expect(r.json).toMatchObject({ plan: null, check: null, months: [], current: { currentYen: w.outstanding.own } });
    const none = await progress(w.claims.noLedger, w.t.finance);
    expect(none.json.current).toMatchObject({ currentYen: null, ledgers: [] });
    expect(none.json.check).toMatchObject({ growing: null, behindPlan: null });
  });

  it('is for the division itself, its bureau’s accounting and finance', async () => {
    const path = `/api/v1/claims/${w.claims.own}/progress?fy=${FY}`;
    const { got, want } = await statuses(w, 'GET', path, { divOwn: 200, accOwn: 200, finance: 200 });
    expect(got).toEqual(want);
  });
});

describe('reviews', () => {
  it('keeps every review as history, with the figures of the day, newest first', async () => {
    const first = await review(w.claims.own, w.t.divOwn, {
      month: '2024-10',
      assessment: '滞納初期の催告が遅れ、目標を上回った',
      nextStep: '11月に集中催告期間を設ける',
    });
    expect(first.status, first.text).toBe(201);
    expect(first.json.review).toMatchObject({
      fiscalYear: FY,
      month: '2024-10',
      currentYen: w.outstanding.own,
      plannedYen: w.outstanding.own + 10,
      planVersion: 2,
      createdBy: { role: 'division' },
    });
    const second = await review(w.claims.own, w.t.divOwn, {
      month: '2024-10',
      assessment: '集中催告の準備を始めた',
      nextStep: 'SMS催告を追加する',
    });
    expect(second.status).toBe(201);
    const list = await w.call('GET', `/api/v1/claims/${w.claims.own}/reviews?fy=${FY}`, w.t.accOwn);
    expect(list.json.reviews.map((r: { assessment: string }) => r.assessment)).toEqual([
      '集中催告の準備を始めた',
      '滞納初期の催告が遅れ、目標を上回った',
    ]);
    const p = await progress(w.claims.own, w.t.finance);
    const october = p.json.months.find((m: { month: string }) => m.month === '2024-10');
    expect(october.review).toMatchObject({ nextStep: 'SMS催告を追加する' });
    const audit = await w.svc.service.db.all("SELECT * FROM audit_log WHERE entity = 'plan_review'");
    expect(audit).toHaveLength(2);
  });

  it('is written by the division itself only, and read by its accounting and finance', async () => {
    const body = { month: '2024-11', assessment: '評価', nextStep: '次の一手' };
    const post = await statuses(w, 'POST', `/api/v1/claims/${w.claims.own}/reviews`, { divOwn: 201 }, () => body);
    expect(post.got).toEqual(post.want);
    const get = await statuses(w, 'GET', `/api/v1/claims/${w.claims.own}/reviews?fy=${FY}`, {
      divOwn: 200,
      accOwn: 200,
      finance: 200,
    });
    expect(get.got).toEqual(get.want);
  });

  it('refuses a future month, a year without plan, and blank text, in Japanese', async () => {
    const future = await review(w.claims.own, w.t.divOwn, { month: '2099-04', assessment: 'a', nextStep: 'b' });
    expect(future.status).toBe(400);
    const noPlan = await review(w.claims.own, w.t.divOwn, { month: '2023-06', assessment: 'a', nextStep: 'b' });
    expect(noPlan.status).toBe(409);
    expect(noPlan.json).toMatchObject({ code: 'no-plan', details: { fiscalYear: 2023 } });
    for (const body of [
      { month: '2024-10', assessment: '   ', nextStep: 'b' },
      { month: '2024/10', assessment: 'a', nextStep: 'b' },
      { month: '2024-10', assessment: 'a' },
      { month: '2024-10', assessment: 'x'.repeat(2001), nextStep: 'b' },
    ]) {
      const r = await review(w.claims.own, w.t.divOwn, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      for (const d of r.json.details) expect(d.problem).toMatch(JAPANESE);
    }
  });
});
