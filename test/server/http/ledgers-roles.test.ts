/** Who may submit and read ledgers: own division writes; accounting its bureau, finance all read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import type { SubmissionPart } from '../../../domain/sync/protocol.js';

let svc: TestService;
const t: Record<string, string> = {};
const ids = { a1: newId('a1'), a2: newId('a2'), b1: newId('b1') };
let part: SubmissionPart;

beforeAll(async () => {
  svc = await startTestService();
  t.a1 = await svc.makeToken('division', '健康福祉局', '保険年金課');
  t.a2 = await svc.makeToken('division', '健康福祉局', '介護保険課');
  t.b1 = await svc.makeToken('division', '都市整備局', '住宅課');
  t.accA = await svc.makeToken('accounting', '健康福祉局');
  t.accB = await svc.makeToken('accounting', '都市整備局');
  t.finance = await svc.makeToken('finance');
  t.admin = svc.adminToken;
  part = makeSubmission({ upserts: await upsertsFor(makeRows(5)) })[0]!;
  for (const k of ['a1', 'a2', 'b1'] as const) {
    const res = await api(svc.url, t[k]).post(`/api/v1/ledgers/${ids[k]}/submissions`, {
      ...part,
      submissionId: newId('s'),
    });
    expect(res.status).toBe(200);
  }
});
afterAll(() => svc?.close());

const submit = (token: string | undefined, ledgerId: string) =>
  api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, { ...part, submissionId: newId('s') });

describe('submitting', () => {
  it('refuses another division’s ledger, and every role but division', async () => {
    const other = await submit(t.a2, ids.a1);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'forbidden', message: 'この操作を行う権限がありません。' });
    for (const role of ['accA', 'finance', 'admin']) {
      expect((await submit(t[role], newId('x'))).status).toBe(403);
    }
    expect((await submit(undefined, ids.a1)).status).toBe(401);
    expect((await submit('skn_not-a-real-token', ids.a1)).status).toBe(401);
  });
});

describe('reading', () => {
  const list = async (token: string) => {
    const res = await api(svc.url, token).get('/api/v1/ledgers');
    expect(res.status).toBe(200);
    return (res.body.ledgers as { id: string }[]).map((l) => l.id).sort();
  };

  it('lists the ledgers each role may read', async () => {
    expect(await list(t.a1!)).toEqual([ids.a1]);
    expect(await list(t.accA!)).toEqual([ids.a1, ids.a2].sort());
    expect(await list(t.accB!)).toEqual([ids.b1]);
    expect(await list(t.finance!)).toEqual([ids.a1, ids.a2, ids.b1].sort());
    expect((await api(svc.url, t.admin).get('/api/v1/ledgers')).status).toBe(403);
    expect((await api(svc.url).get('/api/v1/ledgers')).status).toBe(401);
  });

  it('shows one ledger within scope, 403 outside it, 404 when unknown', async () => {
    const one = await api(svc.url, t.accA).get(`/api/v1/ledgers/${ids.a2}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: ids.a2, division: { name: '介護保険課' }, bureau: { name: '健康福祉局' } });
    expect((await api(svc.url, t.accB).get(`/api/v1/ledgers/${ids.a2}`)).status).toBe(403);
    expect((await api(svc.url, t.a1).get(`/api/v1/ledgers/${ids.a2}`)).status).toBe(403);
    expect((await api(svc.url, t.admin).get(`/api/v1/ledgers/${ids.a2}`)).status).toBe(403);
    const missing = await api(svc.url, t.finance).get(`/api/v1/ledgers/${newId('none')}`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('台帳が見つかりません。');
  });

  it('gives row changes to the same readers', async () => {
    const path = `/api/v1/ledgers/${ids.b1}/rows?since=0`;
    for (const k of ['b1', 'accB', 'finance']) expect((await api(svc.url, t[k]).get(path)).body.rows).toHaveLength(5);
    for (const k of ['a1', 'accA', 'admin']) expect((await api(svc.url, t[k]).get(path)).status).toBe(403);
  });
});
