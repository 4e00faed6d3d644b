/**
 * Twenty clients at once: ten each on their own division's ledger, ten sharing one ledger and
 * racing from stale bases (catching up and resending on 409), every applied submission's last part
 * replayed. Nothing accepted may be lost (`../helpers/concurrent-load.ts`; the same load over two
 * service instances: `test/server/sync/instances.test.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concurrentLoad, expectedFigures, ledgerFigures } from '../helpers/concurrent-load.js';
import { startTestService, type TestService } from '../helpers/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

describe('20 concurrent clients', () => {
  it(
    'lose nothing: every accepted row is stored, revisions increase, totals add up',
    { timeout: 120_000 },
    async () => {
      const load = await concurrentLoad({
        urls: [svc.url],
        divisionToken: (bureau, division) => svc.makeToken('division', bureau, division),
      });
      const figures = await ledgerFigures(svc.url, await svc.makeToken('finance'), load);
      expect(figures).toMatchObject(expectedFigures(load));
      expect(load.accepted.filter((a) => a.ledger === 'shared')).toHaveLength(20);
      expect(load.accepted).toHaveLength(50);
      expect(load.replays).toBe(50);
      // The shared ledger did see races.
      expect(load.staleAnswers).toBeGreaterThan(0);
    },
  );
});
