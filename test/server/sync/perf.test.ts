/** 100k rows in 10 parts: the last part applies the whole submission in a few seconds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';

const ROWS = 100_000;

describe('apply performance', () => {
  let svc: TestService;
  let token: string;
  beforeAll(async () => {
    svc = await startTestService();
    token = await svc.makeToken('division', '健康福祉局', '保険年金課');
  });
  afterAll(() => svc?.close());

  it(`applies ${ROWS} rows sent in 10 parts`, { timeout: 120_000 }, async () => {
    const specs = makeRows(ROWS);
    const upserts = await upsertsFor(specs);
    const parts = makeSubmission({ upserts, parts: 10 });
    const ledgerId = newId('perf');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    for (const part of parts.slice(0, 9)) expect((await api(svc.url, token).post(path, part)).status).toBe(202);
    const started = performance.now();
    const res = await api(svc.url, token).post(path, parts[9]);
    const ms = Math.round(performance.now() - started);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    console.log(`apply of ${ROWS} rows (last of 10 parts): ${ms} ms`);
    const expected = expectedCheck(specs);
    expect(res.body.totals).toEqual(expected.totals);
    expect(res.body.findings).toEqual(expected.findings);
    expect(ms).toBeLessThan(15_000);

    // Re-sending the same sheet changes nothing: only the revision moves.
    const again = makeSubmission({ upserts, parts: 10, baseRevision: 1 });
    for (const part of again.slice(0, 9)) await api(svc.url, token).post(path, part);
    const t2 = performance.now();
    const res2 = await api(svc.url, token).post(path, again[9]);
    console.log(`re-apply of unchanged ${ROWS} rows: ${Math.round(performance.now() - t2)} ms`);
    expect(res2.body.revision).toBe(2);
    const changes = await api(svc.url, token).get(`/api/v1/ledgers/${ledgerId}/rows?since=1`);
    expect(changes.body).toMatchObject({ revision: 2, rows: [], deleted: [] });
  });
});
