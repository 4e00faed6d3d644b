// The pane against the real service over HTTP: first sync, diffs, a lost answer, a stale revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { startTestService, type TestService } from '../../server/helpers/service.js';
import { FakePort } from '../fake-port.js';
import { AS_OF, hoikuryo, memoryStorage } from '../ledger.js';

let svc: TestService;
let token: string;

beforeAll(async () => {
  svc = await startTestService();
  token = await svc.makeToken('division', 'こども青少年局', '保育課');
});
afterAll(() => svc?.close());

async function paneFor(port: FakePort, fetchImpl: typeof fetch = fetch, storage = memoryStorage()) {
  const pane = new PaneController(port, { storage, fetch: fetchImpl, asOf: () => AS_OF });
  pane.sync.saveSettings({ serverUrl: svc.url, token });
  await pane.start();
  if (pane.state.phase === 'mapping') {
    pane.setClaimType('保育料');
    await pane.confirmMapping();
  }
  return pane;
}

const ledgerOf = async (id: string) =>
  (await fetch(`${svc.url}/api/v1/ledgers/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();

describe('pane ↔ service', () => {
  it('syncs, and the service finds what the pane found', async () => {
    const pane = await paneFor(new FakePort(hoikuryo()));
    await pane.sync.send();
    const { outcome } = pane.state.sync;
    expect(pane.state.sync.message).toBeNull();
    expect(outcome?.applied.revision).toBe(1);
    expect(outcome?.applied.totals.rows).toBe(9);
    expect(outcome?.applied.findings.bySeverity).toEqual(pane.state.check.result!.summary.bySeverity);
  });

  it('sends only the changed row the second time', async () => {
    const port = new FakePort(hoikuryo());
    const bodies: string[] = [];
    const spy: typeof fetch = (input, init) => {
      if (typeof init?.body === 'string') bodies.push(init.body);
      return fetch(input, init);
    };
    const pane = await paneFor(port, spy);
    await pane.sync.send();
    port.set(5, 9, '2024-10-10');
    await pane.sync.send();
    expect(pane.state.sync.outcome).toMatchObject({ upserts: 1, deletions: 0, applied: { revision: 2 } });
    expect(JSON.parse(bodies.at(-1)!).upserts).toHaveLength(1);
    const ledger = await ledgerOf(pane.state.config!.ledgerId);
    expect(ledger.findings.byRule.DEMAND_LATE).toBeUndefined();
  });

  it('counts a submission once when its answer was lost and it is resent', async () => {
    const storage = memoryStorage();
    let drop = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init); // the service receives and applies it…
      if (init?.method === 'POST' && drop) {
        drop = false;
        throw new TypeError('Failed to fetch'); // …but the answer never arrives
      }
      return res;
    };
    const pane = await paneFor(new FakePort(hoikuryo()), lossy, storage);
    await pane.sync.send();
    expect(pane.state.sync.pending).toBe(1);
    await pane.sync.retry();
    expect(pane.state.sync.pending).toBe(0);
    expect(pane.state.sync.retried?.revision).toBe(1);
    expect((await ledgerOf(pane.state.config!.ledgerId)).revision).toBe(1);
  });

  it('catches up when a copy of the workbook synced in between', async () => {
    const a = new FakePort(hoikuryo());
    const paneA = await paneFor(a);
    await paneA.sync.send();
    // A colleague's copy (same document state, so the same ledger) edits another row and syncs first.
    const b = new FakePort(hoikuryo(), { doc: new Map(a.doc) });
    b.set(10, 8, 0); // H-109's balance fixed
    const paneB = await paneFor(b);
    await paneB.sync.send();
    expect(paneB.state.sync.outcome?.applied.revision).toBe(2);

    a.set(5, 9, '2024-10-10');
    await paneA.sync.send();
    expect(paneA.state.sync.status).toBe('done');
    expect(paneA.state.sync.outcome).toMatchObject({ caughtUp: true, upserts: 2, applied: { revision: 3 } });
    // The workbook that synced last is what the service holds: its H-109 row, with the mismatch.
    const ledger = await ledgerOf(paneA.state.config!.ledgerId);
    expect(ledger.findings.byRule.BALANCE_MISMATCH).toBe(1);
  });
});
