/** Submissions over real HTTP: creation, idempotency, stale bases and catch-up, parts, deletions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from '../helpers/submissions.js';
import type { SubmissionPart } from '../../../domain/sync/protocol.js';

let svc: TestService;
let token: string;
const post = (ledgerId: string, part: SubmissionPart | object) =>
  api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, part);
const get = (path: string) => api(svc.url, token).get(path);

beforeAll(async () => {
  svc = await startTestService();
  token = await svc.makeToken('division', '子ども青少年局', '保育課');
});
afterAll(() => svc?.close());

describe('first submission', () => {
  it('creates the ledger at revision 1 with totals and findings of a direct engine run', async () => {
    const specs = makeRows(300);
    const ledgerId = newId('first');
    const [part] = makeSubmission({ upserts: await upsertsFor(specs) });
    const res = await post(ledgerId, part!);
    expect(res.status).toBe(200);
    const expected = expectedCheck(specs);
    expect(res.body).toMatchObject({ status: 'applied', ledgerId, revision: 1, ...expected });
    expect(expected.findings.bySeverity.error + expected.findings.bySeverity.warning).toBeGreaterThan(0);

    const ledger = await get(`/api/v1/ledgers/${ledgerId}`);
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({
      id: ledgerId,
      revision: 1,
      asOf: '2025-03-31',
      bureau: { name: '子ども青少年局' },
      division: { name: '保育課' },
      claim: { name: '国民健康保険料' },
      findings: expected.findings,
    });
    expect(ledger.body.totals).toMatchObject(expected.totals);
    const t = ledger.body.totals;
    expect(t.current.assessed + t.arrears.assessed).toBe(t.assessed);
    expect(t.current.outstanding + t.arrears.outstanding).toBe(t.outstanding);
    expect(t.unreadableRows).toBe(1);
    expect(ledger.body.aging).toHaveLength(6);
  });
});

describe('idempotency', () => {
  it('answers a retried part with the stored result and refuses another body under the same id', async () => {
    const ledgerId = newId('idem');
    const [part] = makeSubmission({ upserts: await upsertsFor(makeRows(20)) });
    const first = await post(ledgerId, part!);
    const again = await post(ledgerId, part!);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await get(`/api/v1/ledgers/${ledgerId}`)).body.revision).toBe(1);

    const other = { ...part!, upserts: part!.upserts.slice(1) };
    const conflict = await post(ledgerId, other);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('submission-conflict');
    expect(conflict.body.message).toMatch(/送信ID/);

    const elsewhere = await post(newId('idem'), part!);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('submission-conflict');
  });
});

describe('stale base revision and catch-up', () => {
  it('refuses a stale base with a catch-up link that lists exactly the changes', async () => {
    const ledgerId = newId('stale');
    const specs = makeRows(50);
    const upserts = await upsertsFor(specs);
    expect((await post(ledgerId, makeSubmission({ upserts })[0]!)).body.revision).toBe(1);

    // A second device changes three rows and deletes two, from revision 1.
    const edited: RowSpec[] = specs.map((s, i) => (i < 3 ? { ...s, paidAmount: 1 } : s));
    const newUpserts = await upsertsFor(edited);
    const deletions = [upserts[10]!.key, upserts[11]!.key];
    const applied = await post(ledgerId, makeSubmission({ baseRevision: 1, upserts: newUpserts, deletions: [] })[0]!);
    expect(applied.body.revision).toBe(2);
    const del = await post(ledgerId, makeSubmission({ baseRevision: 2, deletions })[0]!);
    expect(del.body.revision).toBe(3);

    // The first device still thinks it is at revision 1.
    const stale = await post(ledgerId, makeSubmission({ baseRevision: 1, upserts: upserts.slice(0, 5) })[0]!);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'stale-revision',
      details: { currentRevision: 3, baseRevision: 1, catchUp: `/api/v1/ledgers/${ledgerId}/rows?since=1` },
    });
    expect(stale.body.message).toMatch(/リビジョン/);

    const changes = await get(stale.body.details.catchUp);
    expect(changes.status).toBe(200);
    expect(changes.body.revision).toBe(3);
    expect(changes.body.rows).toEqual(
      newUpserts
        .slice(0, 3)
        .map((u) => ({ key: u.key, hash: u.hash, revision: 2 }))
        .sort(byKey),
    );
    expect(changes.body.deleted.sort(byKey)).toEqual(deletions.map((key) => ({ key, revision: 3 })).sort(byKey));

    const all = await get(`/api/v1/ledgers/${ledgerId}/rows?since=0`);
    expect(all.body.rows).toHaveLength(48);
    expect(all.body.rows.map((r: { key: string }) => r.key).sort()).toEqual(
      newUpserts
        .filter((u) => !deletions.includes(u.key))
        .map((u) => u.key)
        .sort(),
    );
    expect((await get(`/api/v1/ledgers/${ledgerId}/rows?since=-1`)).status).toBe(400);
  });

  it('refuses a first submission whose base is not 0', async () => {
    const res = await post(
      newId('stale'),
      makeSubmission({ baseRevision: 4, upserts: await upsertsFor(makeRows(2)) })[0]!,
    );
    expect(res.status).toBe(409);
    expect(res.body.details.currentRevision).toBe(0);
  });
});

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

describe('parts', () => {
  it('applies three parts only when the last arrives, in any order, retries included', async () => {
    const ledgerId = newId('parts');
    const specs = makeRows(90);
    const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 3 });
    const r0 = await post(ledgerId, parts[2]!);
    expect(r0.status).toBe(202);
    expect(r0.body).toMatchObject({ status: 'received', partsReceived: 1, partsExpected: 3 });
    const r1 = await post(ledgerId, parts[0]!);
    expect(r1.body).toMatchObject({ status: 'received', partsReceived: 2 });
    const retry = await post(ledgerId, parts[0]!);
    expect(retry.status).toBe(202);
    expect(retry.body.partsReceived).toBe(2);
    expect((await get(`/api/v1/ledgers/${ledgerId}`)).body.revision).toBe(0);
    expect((await get(`/api/v1/ledgers/${ledgerId}/rows?since=0`)).body.rows).toEqual([]);

    const last = await post(ledgerId, parts[1]!);
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: 'applied', revision: 1, ...expectedCheck(specs) });
    expect((await get(`/api/v1/ledgers/${ledgerId}/rows?since=0`)).body.rows).toHaveLength(90);
    for (const p of parts) expect((await post(ledgerId, p)).body).toEqual(last.body);
  });

  it('refuses a part that disagrees with the others', async () => {
    const ledgerId = newId('parts');
    const parts = makeSubmission({ upserts: await upsertsFor(makeRows(30)), parts: 3 });
    expect((await post(ledgerId, parts[0]!)).status).toBe(202);
    for (const bad of [
      { ...parts[1]!, asOf: '2025-04-01' },
      { ...parts[1]!, part: { index: 1, count: 2 } },
      { ...parts[1]!, rulesetVersion: 'other' },
      { ...parts[1]!, ledger: { ...parts[1]!.ledger, name: '別の台帳' } },
    ]) {
      const res = await post(ledgerId, bad);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('part-mismatch');
    }
    const base = await post(ledgerId, { ...parts[1]!, baseRevision: 1 });
    expect(base.status).toBe(409);
    // The consistent parts still complete the submission.
    expect((await post(ledgerId, parts[1]!)).status).toBe(202);
    expect((await post(ledgerId, parts[2]!)).body.revision).toBe(1);
  });

  it('refuses a key sent twice, within a part or across parts, and replays the refusal', async () => {
    const ledgerId = newId('dupe');
    const upserts = await upsertsFor(makeRows(10));
    const within = await post(ledgerId, makeSubmission({ upserts: [...upserts, upserts[0]!] })[0]!);
    expect(within.status).toBe(400);
    expect(within.body.code).toBe('duplicate-key');
    const both = await post(ledgerId, makeSubmission({ upserts, deletions: [upserts[1]!.key] })[0]!);
    expect(both.status).toBe(400);

    const parts = makeSubmission({ upserts: [...upserts, upserts[3]!], parts: 2 });
    expect((await post(ledgerId, parts[0]!)).status).toBe(202);
    const across = await post(ledgerId, parts[1]!);
    expect(across.status).toBe(400);
    expect(across.body.code).toBe('duplicate-key');
    expect((await post(ledgerId, parts[1]!)).body).toEqual(across.body);
    expect((await get(`/api/v1/ledgers/${ledgerId}`)).body.revision).toBe(0);
  });
});

describe('deletions are explicit', () => {
  it('keeps a row left out of a later submission, and tombstones a deleted one', async () => {
    const ledgerId = newId('del');
    const specs = makeRows(40);
    const upserts = await upsertsFor(specs);
    await post(ledgerId, makeSubmission({ upserts })[0]!);

    const partial = await post(ledgerId, makeSubmission({ baseRevision: 1, upserts: upserts.slice(0, 10) })[0]!);
    expect(partial.body).toMatchObject({ revision: 2, totals: expectedCheck(specs).totals });
    expect((await get(`/api/v1/ledgers/${ledgerId}/rows?since=1`)).body).toMatchObject({ rows: [], deleted: [] });

    const gone = [upserts[5]!.key, upserts[6]!.key, 'f'.repeat(64)];
    const del = await post(ledgerId, makeSubmission({ baseRevision: 2, deletions: gone })[0]!);
    expect(del.status).toBe(200);
    const kept = specs.filter((_, i) => i !== 5 && i !== 6);
    expect(del.body.totals).toEqual(expectedCheck(kept).totals);
    const changes = await get(`/api/v1/ledgers/${ledgerId}/rows?since=2`);
    expect(changes.body.deleted.map((d: { key: string }) => d.key).sort()).toEqual(gone.slice(0, 2).sort());

    // A deleted row sent again is back.
    const back = await post(ledgerId, makeSubmission({ baseRevision: 3, upserts: [upserts[5]!] })[0]!);
    expect(back.body.totals.rows).toBe(39);
    const after = await get(`/api/v1/ledgers/${ledgerId}/rows?since=3`);
    expect(after.body).toMatchObject({ rows: [{ key: upserts[5]!.key, revision: 4 }], deleted: [] });
  });
});

describe('bad input', () => {
  it('refuses a bad ledger id, a wrong row hash, an impossible asOf and unknown properties', async () => {
    const [part] = makeSubmission({ upserts: await upsertsFor(makeRows(3)) });
    expect((await post('short', part!)).body.code).toBe('invalid-ledger-id');
    const ledgerId = newId('bad');
    const wrongHash = { ...part!, upserts: [{ ...part!.upserts[0]!, hash: 'a'.repeat(64) }] };
    expect((await post(ledgerId, wrongHash)).body.code).toBe('row-hash-mismatch');
    expect((await post(ledgerId, { ...part!, asOf: '2025-02-30' })).status).toBe(400);
    const extra = await post(ledgerId, { ...part!, extra: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('invalid-input');
    expect((await get(`/api/v1/ledgers/${ledgerId}`)).status).toBe(404);
  });
});
