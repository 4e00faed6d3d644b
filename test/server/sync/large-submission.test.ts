/**
 * 100k rows in 10 parts: the last part applies the whole submission, with the engine's counts, and
 * re-sending the same rows changes nothing but the revision. How long it takes is measured by the
 * benchmarks (`npm run bench -- ingest`, test/bench/server.bench.ts), not asserted here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';

const ROWS = 100_000;

describe('a large submission', () => {
  let svc: TestService;
  let token: string;
  beforeAll(async () => {
    svc = await startTestService();
    token = await svc.makeToken('division', '健康福祉局', '保険年金課');
  });
  afterAll(() => svc?.close());

  it(`applies ${ROWS} rows sent in 10 parts, and again unchanged`, { timeout: 120_000 }, async () => {
    const specs = makeRows(ROWS);
    const upserts = await upsertsFor(specs);
    const parts = makeSubmission({ upserts, parts: 10 });
    const ledgerId = newId('large');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    for (const part of parts.slice(0, 9)) expect((await api(svc.url, token).post(path, part)).status).toBe(202);
    const res = await api(svc.url, token).post(path, parts[9]);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const expected = expectedCheck(specs);
    expect(res.body.totals).toEqual(expected.totals);
    expect(res.body.findings).toEqual(expected.findings);

    // Re-sending the same sheet changes nothing: only the revision moves.
    const again = makeSubmission({ upserts, parts: 10, baseRevision: 1 });
    for (const part of again.slice(0, 9)) expect((await api(svc.url, token).post(path, part)).status).toBe(202);
    const res2 = await api(svc.url, token).post(path, again[9]);
    expect(res2.status, JSON.stringify(res2.body).slice(0, 300)).toBe(200);
    expect(res2.body.revision).toBe(2);
    expect(res2.body.totals).toEqual(expected.totals);
    const changes = await api(svc.url, token).get(`/api/v1/ledgers/${ledgerId}/rows?since=1`);
    expect(changes.body).toMatchObject({ revision: 2, rows: [], deleted: [] });
  });
});
