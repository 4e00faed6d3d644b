/**
 * Twenty clients at once: ten each on their own division's ledger, ten sharing one ledger and
 * racing from stale bases (catching up and resending on 409). Nothing accepted may be lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from '../helpers/submissions.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

interface Accepted {
  ledgerId: string;
  revision: number;
  specs: RowSpec[];
}

let staleAnswers = 0;

/** One client: `rounds` submissions of new rows; on a stale base it reads the revision and resends. */
async function client(token: string, ledgerId: string, tag: string, rounds: number, parts: number) {
  const accepted: Accepted[] = [];
  let base = 0;
  for (let round = 0; round < rounds; round++) {
    const specs = makeRows(40, round * 40, `${tag}${round}`);
    const upserts = await upsertsFor(specs, 2 + round * 40);
    for (let attempt = 0; ; attempt++) {
      expect(attempt).toBeLessThan(100);
      let last;
      for (const p of makeSubmission({ upserts, parts, baseRevision: base })) {
        last = await api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, p);
        if (last.status === 409) break;
      }
      if (last!.status === 200) {
        accepted.push({ ledgerId, revision: last!.body.revision, specs });
        base = last!.body.revision;
        break;
      }
      expect(last!.status, JSON.stringify(last!.body)).toBe(409);
      expect(last!.body.code).toBe('stale-revision');
      staleAnswers++;
      base = last!.body.details.currentRevision;
    }
  }
  return accepted;
}

describe('20 concurrent clients', () => {
  it(
    'lose nothing: every accepted row is stored, revisions increase, totals add up',
    { timeout: 120_000 },
    async () => {
      const own = await Promise.all(
        Array.from({ length: 10 }, (_, i) => svc.makeToken('division', `局${i % 3}`, `課${i}`)),
      );
      const shared = await svc.makeToken('division', '局0', '共有課');
      const ownIds = own.map(() => newId('own'));
      const sharedId = newId('shared');
      const results = await Promise.all([
        ...own.map((token, i) => client(token, ownIds[i]!, `O${i}-`, 3, 1 + (i % 3))),
        ...Array.from({ length: 10 }, (_, i) => client(shared, sharedId, `S${i}-`, 2, 1 + (i % 2))),
      ]);
      const accepted = results.flat();
      const finance = await svc.makeToken('finance');

      for (const ledgerId of [...ownIds, sharedId]) {
        const mine = accepted.filter((a) => a.ledgerId === ledgerId).sort((a, b) => a.revision - b.revision);
        // Each accepted submission got its own revision: 1, 2, 3, … with no gap or repeat.
        expect(mine.map((a) => a.revision)).toEqual(mine.map((_, i) => i + 1));
        const specs = mine.flatMap((a) => a.specs);
        const ledger = await api(svc.url, finance).get(`/api/v1/ledgers/${ledgerId}`);
        expect(ledger.body.revision).toBe(mine.length);
        const rows = await api(svc.url, finance).get(`/api/v1/ledgers/${ledgerId}/rows?since=0`);
        expect(rows.body.rows).toHaveLength(specs.length);
        const expected = expectedCheck(specs);
        expect(ledger.body.totals).toMatchObject({
          rows: specs.length,
          assessed: expected.totals.assessed,
          paid: expected.totals.paid,
          outstanding: expected.totals.outstanding,
        });
      }
      expect(accepted.filter((a) => a.ledgerId === sharedId)).toHaveLength(20);
      expect(accepted).toHaveLength(50);
      // The shared ledger did see races.
      expect(staleAnswers).toBeGreaterThan(0);
    },
  );
});
