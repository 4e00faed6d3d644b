// Sync without a DOM: outbox and retry, diffs, deletions, stale revisions, and what never leaves.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { Outbox, OUTBOX_DB, OUTBOX_STORAGE_KEY, OUTBOX_STORE } from '../../../addin/sync/outbox.js';
import { PERSONAL_FIELDS } from '../../../domain/sync/fields.js';
import { FakePort } from '../fake-port.js';
import { FakeService } from '../fake-service.js';
import { ADDRESS, AS_OF, hoikuryo, memoryStorage } from '../ledger.js';

const SERVER = 'https://saiken.example.jp';
const TOKEN = 'test-token-0123456789';

async function setup(options: { personalNumber?: boolean; storage?: Storage; port?: FakePort } = {}) {
  const port = options.port ?? new FakePort(hoikuryo(options));
  const service = new FakeService();
  const storage = options.storage ?? memoryStorage();
  const pane = new PaneController(port, { storage, fetch: service.fetch, asOf: () => AS_OF });
  pane.sync.saveSettings({ serverUrl: SERVER, token: TOKEN });
  await pane.start();
  if (pane.state.phase === 'mapping') {
    pane.setClaimType('保育料');
    await pane.confirmMapping();
  }
  return { port, service, storage, pane, ledgerId: () => pane.state.config!.ledgerId };
}

/** What the outbox holds, as a pane opened now would find it (IndexedDB: nothing in localStorage). */
async function outbox(s: Storage) {
  expect(s.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  return new Outbox(null).list();
}

/** The outbox's records as IndexedDB holds them, read without the Outbox. */
function rawOutbox(): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(OUTBOX_DB);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory(); // each test a browser profile of its own
});

describe('sync', () => {
  it('sends every row the first time, hashed, with no personal field', async () => {
    const { pane, service, port } = await setup();
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('done');
    const [part] = service.posts();
    expect(part!.upserts).toHaveLength(9);
    expect(part!.baseRevision).toBe(0);
    expect(part!.ledger.fields).not.toContain('debtorName');
    expect(part!.upserts[0]!.values.debtorId).toMatch(/^[0-9a-f]{64}$/);
    for (const r of service.requests.filter((x) => x.body)) {
      for (const f of PERSONAL_FIELDS) expect(r.body).not.toContain(`"${f}"`);
      expect(r.body).not.toContain('青木');
      expect(r.body).not.toContain(ADDRESS);
      expect(r.body).not.toContain('H-101');
    }
    expect(pane.state.sync.outcome?.applied.revision).toBe(1);
    expect(port.doc.get(`saiken.sync.${pane.state.config!.ledgerId}`)).toBeTruthy();
  });

  it('never writes the token or server settings into the workbook', async () => {
    const { pane, port } = await setup();
    await pane.sync.send();
    for (const [key, value] of port.callsOf('saveDocumentState')) {
      expect(String(value)).not.toContain(TOKEN);
      expect(String(value)).not.toContain(SERVER);
      expect(String(key)).not.toContain(TOKEN);
    }
  });

  it('keeps a failed submission in the outbox; retry resends the same id and parts; applied clears it', async () => {
    const { pane, service, storage } = await setup();
    service.failNext = 2; // the first two POSTs are lost
    service.failOnlyPosts = true;
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('error');
    expect(pane.state.sync.message).toContain('接続できません');
    const [stored] = await outbox(storage);
    expect(stored).toBeDefined();
    expect(pane.state.sync.pending).toBe(1);
    await pane.sync.retry(); // fails again (second dropped request)
    expect(await outbox(storage)).toHaveLength(1);
    await pane.sync.retry();
    expect(await outbox(storage)).toHaveLength(0);
    expect(pane.state.sync.pending).toBe(0);
    const posts = service.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.body)).size).toBe(1); // byte-identical parts
    expect(JSON.parse(posts[0]!.body!).submissionId).toBe(stored!.submissionId);
    expect(service.ledger(pane.state.config!.ledgerId).revision).toBe(1);
  });

  it('resends what the outbox holds when a new pane starts', async () => {
    const storage = memoryStorage();
    const first = await setup({ storage });
    first.service.failNext = 1;
    first.service.failOnlyPosts = true;
    await first.pane.sync.send();
    expect(await outbox(storage)).toHaveLength(1);
    // A new pane on the same workbook and the same user storage, with the service reachable again.
    const port = new FakePort(hoikuryo(), { doc: first.port.doc });
    const pane = new PaneController(port, { storage, fetch: first.service.fetch, asOf: () => AS_OF });
    await pane.start();
    expect(await outbox(storage)).toHaveLength(0);
    expect(first.service.ledger(pane.state.config!.ledgerId).revision).toBe(1);
    await pane.sync.send();
    expect(first.service.posts().at(-1)!.upserts).toHaveLength(0); // the resend moved the workbook's state on
  });

  it('keeps in the outbox no token and no personal field, only hashed keys and synced values', async () => {
    const { pane, service } = await setup();
    service.failNext = 1;
    service.failOnlyPosts = true;
    await pane.sync.send();
    const records = await rawOutbox();
    expect(records).toHaveLength(1);
    const [record] = records as Record<string, unknown>[];
    expect(Object.keys(record!).sort()).toEqual(
      ['createdAt', 'ledgerId', 'parts', 'serverUrl', 'sheetId', 'submissionId'].sort(),
    );
    const text = JSON.stringify(records);
    expect(text).toContain('"upserts"');
    expect(text).not.toContain(TOKEN);
    for (const f of PERSONAL_FIELDS) expect(text).not.toContain(`"${f}"`);
    expect(text).not.toContain('青木');
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain('H-101');
  });

  it('warns, in Japanese, that a submission kept only in memory is lost with the pane', async () => {
    (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined; // no IndexedDB…
    const storage = memoryStorage();
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      if (k === OUTBOX_STORAGE_KEY) throw new DOMException('full', 'QuotaExceededError'); // …and localStorage full
      setItem(k, v);
    };
    const { pane, service } = await setup({ storage });
    service.failNext = 1;
    service.failOnlyPosts = true;
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('error');
    expect(pane.state.sync.message).toContain('接続できません');
    expect(pane.state.sync.message).toContain('ペインを閉じないでください');
    expect(pane.state.sync.pending).toBe(1);
    await pane.sync.retry();
    expect(pane.state.sync.pending).toBe(0);
    expect(pane.sync.outbox.inMemory()).toBe(0);
    expect(service.ledger(pane.state.config!.ledgerId).revision).toBe(1);
  });

  it('drops, unsent, an outbox entry an older pane made with the text of an unreadable cell', async () => {
    const { pane, service, storage } = await setup();
    service.failNext = 1;
    service.failOnlyPosts = true;
    await pane.sync.send();
    const [entry] = await outbox(storage);
    // The same entry as an older pane stored it: the cell's text where it could not read it.
    const old = structuredClone(entry!);
    (old.parts[0]!.upserts[0]!.values as Record<string, unknown>).lastContactDate = '3/1 山田様と電話';
    old.submissionId = 'old-pane-0001';
    await pane.sync.outbox.remove(entry!.submissionId);
    await pane.sync.outbox.put(old);
    const before = service.requests.length;
    await pane.sync.retry();
    expect(service.requests.slice(before).some((r) => r.body?.includes('山田'))).toBe(false);
    expect(await outbox(storage)).toHaveLength(0);
    expect(pane.state.sync.message).toContain('もう一度「送信」');
  });

  it('does not keep a submission the service refused as looking personal', async () => {
    const { pane, service, storage } = await setup();
    service.answers.push({
      status: 422,
      body: {
        code: 'looks-personal',
        message: '個人情報のように見える記載があります。',
        details: { fields: [], confirmable: true },
      },
    });
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('error');
    expect(await outbox(storage)).toHaveLength(0);
    expect(pane.state.sync.pending).toBe(0);
  });

  it('sends only changed rows the second time, and vanished rows as explicit deletions', async () => {
    const { pane, service, port } = await setup();
    await pane.sync.send();
    port.set(5, 9, '2024-10-10'); // change H-104
    port.fireChanged('I5');
    port.grid.splice(9, 1); // H-109's row deleted
    port.fireChanged('10:10');
    await pane.whenIdle();
    await pane.sync.send();
    const second = service.posts().at(-1)!;
    expect(second.baseRevision).toBe(1);
    expect(second.upserts.map((u) => u.row)).toEqual([5]);
    expect(second.deletions).toHaveLength(1);
    expect(service.ledger(pane.state.config!.ledgerId).rows.size).toBe(8);
    expect(pane.state.sync.outcome).toMatchObject({ upserts: 1, deletions: 1 });
  });

  it('catches up on a stale revision and resends the new diff automatically', async () => {
    const { pane, service, port } = await setup();
    await pane.sync.send();
    const id = pane.state.config!.ledgerId;
    const someKey = service.posts()[0]!.upserts[2]!.key;
    service.otherClient(id, someKey);
    port.set(5, 9, '2024-10-10');
    port.fireChanged('I5');
    await pane.whenIdle();
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('done');
    expect(pane.state.sync.outcome?.caughtUp).toBe(true);
    const posts = service.posts();
    const [stale, fresh] = posts.slice(-2);
    expect(stale!.baseRevision).toBe(1);
    expect(fresh!.baseRevision).toBe(2);
    expect(fresh!.submissionId).not.toBe(stale!.submissionId);
    expect(fresh!.upserts.map((u) => u.key).sort()).toEqual([someKey, stale!.upserts[0]!.key].sort());
    expect(fresh!.deletions).toEqual(['e'.repeat(64)]);
    expect(service.requests.some((r) => r.path.endsWith('/rows?since=1'))).toBe(true);
    expect(service.ledger(id).revision).toBe(3);
  });

  it('splits a large submission into parts of at most 5,000 rows', async () => {
    const grid = hoikuryo();
    const template = grid[3]!;
    for (let i = 0; i < 11_000; i++) grid.push(template.map((c, j) => (j === 0 ? `X-${i}` : c)));
    const { pane, service } = await setup({ port: new FakePort(grid) });
    const progress: string[] = [];
    pane.store.subscribe(() => {
      const p = pane.state.sync.progress;
      if (p && progress.at(-1) !== `${p.done}/${p.total}`) progress.push(`${p.done}/${p.total}`);
    });
    await pane.sync.send();
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    const posts = service.posts();
    expect(posts.map((p) => p.upserts.length)).toEqual([5000, 5000, 1009]);
    expect(new Set(posts.map((p) => p.submissionId)).size).toBe(1);
    expect(pane.state.sync.outcome?.applied.totals.rows).toBe(11_009);
  }, 60_000);

  it('refuses to sync a sheet with a My Number column, while checking still works', async () => {
    const { pane, service } = await setup({ personalNumber: true });
    expect(pane.sync.refusal()).toMatchObject({
      reason: 'personal-number',
      message: expect.stringContaining('個人番号'),
    });
    await pane.sync.send();
    expect(service.posts()).toHaveLength(0);
    await pane.check();
    expect(pane.state.check.result!.findings[0]!.rule).toBe('PERSONAL_NUMBER_COLUMN');
  });
});
