/**
 * No personal field is accepted or stored: bodies carrying one are refused with 422 before
 * anything is written or logged, and the database file (and its WAL) holds none of the planted
 * strings afterwards. Clear-text debtor ids are refused too.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { storedBytes } from '../helpers/test-db.js';
import { LEDGER, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import type { SubmissionPart } from '../../../domain/sync/protocol.js';

const PLANTED = {
  debtorName: '山田花子PLANTED',
  address: '中央区本町1-2-3PLANTED',
  phone: '090-0000-PLANTED',
  contactNote: '分納相談メモPLANTED',
};
const CLEAR_ID = 'D-CLEAR-0001-PLANTED';

let svc: TestService;
let token: string;
let part: SubmissionPart;
const logs: string[] = [];
const ledgerId = newId('privacy');
const post = (body: unknown) => api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, body);

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) });
  svc = await startTestService({ logger: pino({ level: 'trace' }, sink) });
  token = await svc.makeToken('division', '財政局', '収納課');
  part = makeSubmission({ upserts: await upsertsFor(makeRows(5)) })[0]!;
});
afterAll(() => svc?.close());

describe('personal fields', () => {
  const withValue = (field: string, value: string) => ({
    ...part,
    upserts: part.upserts.map((u, i) => (i === 2 ? { ...u, values: { ...u.values, [field]: value } } : u)),
  });

  it.each(Object.entries(PLANTED))('refuses %s inside values', async (field, value) => {
    const res = await post(withValue(field, value));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'personal-field', details: { fields: [field] } });
    expect(res.body.message).toMatch(/個人情報/);
  });

  it('refuses personal fields at the top level, on an upsert, and in the mapped fields', async () => {
    const top = await post({ ...part, debtorName: PLANTED.debtorName, address: PLANTED.address });
    expect(top.status).toBe(422);
    expect(top.body.details.fields).toEqual(['debtorName', 'address']);
    const onRow = await post({ ...part, upserts: [{ ...part.upserts[0]!, phone: PLANTED.phone }] });
    expect(onRow.body.details.fields).toEqual(['phone']);
    const mapped = await post({ ...part, ledger: { ...LEDGER, fields: [...LEDGER.fields, 'contactNote'] } });
    expect(mapped.status).toBe(422);
    expect(mapped.body.details.fields).toEqual(['contactNote']);
  });

  it('refuses clear-text key fields with a message about hashing', async () => {
    for (const field of ['debtorId', 'assessmentNo']) {
      const res = await post(withValue(field, CLEAR_ID));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'key-not-hashed', details: { fields: [field] } });
      expect(res.body.message).toMatch(/ハッシュ化/);
    }
  });

  it('stored nothing of the refused bodies: no ledger, and no planted string in the database or log', async () => {
    expect((await api(svc.url, token).get(`/api/v1/ledgers/${ledgerId}`)).status).toBe(404);
    // A valid submission afterwards, so the WAL has content the search can find.
    const ok = await post({ ...part, ledger: { ...LEDGER, name: '台帳STORED-MARKER' } });
    expect(ok.status).toBe(200);
    const bytes = await storedBytes(svc.database);
    expect(bytes.includes(Buffer.from('台帳STORED-MARKER', 'utf8'))).toBe(true);
    for (const planted of [...Object.values(PLANTED), CLEAR_ID]) {
      expect(bytes.includes(Buffer.from(planted, 'utf8')), planted).toBe(false);
      expect(logs.join('').includes(planted), planted).toBe(false);
    }
    expect(logs.length).toBeGreaterThan(0);
  });
});
