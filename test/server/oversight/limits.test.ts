/**
 * Amounts and fiscal years on the oversight routes: an amount above 9,999億9,999万9,999円 and a
 * fiscal year outside 1947–2100 are a 400 that says the limit in Japanese, never a 5xx, and store
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FISCAL_YEAR, MAX_YEN, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../../../domain/values/limits.js';
import { buildWorld, FY, JAPANESE, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const plan = (over: object, fy: number | string = FY, token = w.t.finance) =>
  w.call('PUT', `/api/v1/claims/${w.claims.foreign}/plans/${fy}`, token, {
    baselineYen: 120_000_000,
    targetYen: 100_000_000,
    ...over,
  });

describe('amounts', () => {
  it('takes 9,999億9,999万9,999円 and refuses one yen more, naming the limit', async () => {
    expect((await plan({ targetYen: MAX_YEN })).status).toBe(200);
    for (const over of [
      { targetYen: MAX_YEN + 1 },
      { baselineYen: Number.MAX_SAFE_INTEGER },
      { milestones: [{ month: '2024-12', outstandingYen: MAX_YEN + 1 }] },
    ]) {
      const r = await plan(over);
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.json.code).toBe('invalid-input');
      expect(r.json.details[0].problem).toContain(MAX_YEN_LABEL);
      expect(r.json.details[0].problem).toMatch(JAPANESE);
    }
    const stored = await w.svc.service.db.get<{ target: number }>(
      'SELECT target FROM plans WHERE claim_id = ? AND fiscal_year = ?',
      [w.claims.foreign, FY],
    );
    expect(Number(stored!.target)).toBe(MAX_YEN);
  });

  it('refuses a hard case amount above the limit', async () => {
    const r = await w.call('POST', '/api/v1/hard-cases', w.t.divOwn, {
      claimId: w.claims.own,
      title: '分納不履行',
      assessedYen: MAX_YEN + 1,
      tried: '文書催告',
      question: '執行停止できるか',
    });
    expect(r.status).toBe(400);
    expect(r.json.details[0]).toMatchObject({ path: 'assessedYen' });
    expect(r.json.details[0].problem).toContain(MAX_YEN_LABEL);
  });
});

describe('fiscal years', () => {
  const OUT = [MIN_FISCAL_YEAR - 1, MAX_FISCAL_YEAR + 1, 1868, 9999];

  it.each([
    (fy: number) => `/api/v1/claims?fy=${fy}`,
    (fy: number) => `/api/v1/claims/${w.claims.own}/plans/${fy}`,
    (fy: number) => `/api/v1/claims/${w.claims.own}/plans/${fy}/history`,
    (fy: number) => `/api/v1/claims/${w.claims.own}/progress?fy=${fy}`,
    (fy: number) => `/api/v1/claims/${w.claims.own}/reviews?fy=${fy}`,
    (fy: number) => `/api/v1/proposals?fy=${fy}`,
    (fy: number) => `/api/v1/oversight/submissions?fy=${fy}`,
    (fy: number) => `/api/v1/oversight/claims?fy=${fy}`,
  ])('GET %#: outside 1947–2100 is a 400 naming the range', async (path) => {
    for (const fy of OUT) {
      const r = await w.call('GET', path(fy), w.t.finance);
      expect(r.status, path(fy)).toBe(400);
      expect(r.json).toMatchObject({ code: 'invalid-fiscal-year', details: { parameter: 'fy' } });
      expect(r.json.message).toContain(`${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR} 年度`);
    }
    // The ends of the range are years like any other.
    for (const fy of [MIN_FISCAL_YEAR, MAX_FISCAL_YEAR]) {
      expect([200, 404], path(fy)).toContain((await w.call('GET', path(fy), w.t.finance)).status);
    }
  });

  it('a plan for a year outside the range is refused; 2100 is filed', async () => {
    for (const fy of [1946, 2101, 'R83']) {
      const r = await plan({}, fy);
      expect(r.status, String(fy)).toBe(400);
      expect(r.json.code).toBe('invalid-fiscal-year');
    }
    expect((await plan({ milestones: [{ month: '2101-03', outstandingYen: 1 }] }, 2100)).status).toBe(201);
  });

  it('a proposal for a year outside the range is refused with the range', async () => {
    for (const fiscalYear of [1946, 2101, '令和83年度']) {
      const r = await w.call('POST', `/api/v1/claims/${w.claims.own}/proposals`, w.t.finance, {
        fiscalYear,
        body: '滞納初期の催告を強化すること',
      });
      expect(r.status, String(fiscalYear)).toBe(400);
      expect(r.json.details[0]).toMatchObject({ path: 'fiscalYear' });
      expect(r.json.details[0].problem).toContain('1947〜2100 年度');
    }
    expect(await w.svc.service.db.get('SELECT COUNT(*) AS n FROM proposals')).toEqual({ n: 0 });
  });

  it('a review of a month in a year before the range is refused', async () => {
    const r = await w.call('POST', `/api/v1/claims/${w.claims.own}/reviews`, w.t.divOwn, {
      month: '1900-05',
      assessment: '振り返り',
      nextStep: '次の取組み',
    });
    expect(r.status).toBe(400);
    expect(r.json.details[0]).toMatchObject({ path: 'month' });
  });
});
