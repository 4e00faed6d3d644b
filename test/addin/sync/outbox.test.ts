// @vitest-environment jsdom
// The outbox in IndexedDB: what a closed pane finds again, large first syncs, the move from
// localStorage, and where it goes when IndexedDB (then localStorage) refuses.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubmissionPart } from '../../../domain/sync/protocol.js';
import { Outbox, OUTBOX_DB, OUTBOX_STORAGE_KEY, OUTBOX_STORE, type OutboxEntry } from '../../../addin/sync/outbox.js';
import type { KeyValueStore } from '../../../addin/sync/settings.js';

const SERVER = 'https://saiken.example.jp';

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory(); // a browser profile of its own for each test
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

function part(submissionId: string, upserts: SubmissionPart['upserts'] = [], i = 0, of = 1): SubmissionPart {
  return {
    submissionId,
    part: i,
    parts: of,
    baseRevision: 0,
    asOf: '2025-03-31',
    rulesetVersion: '1',
    ledger: { name: '保育料', claimType: '保育料', fields: ['debtorId', 'assessed'] },
    upserts,
    deletions: [],
  } as unknown as SubmissionPart;
}

function entry(n: number, parts?: SubmissionPart[]): OutboxEntry {
  const submissionId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    submissionId,
    ledgerId: 'ledger-1',
    sheetId: '{sheet-1}',
    serverUrl: SERVER,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    parts: parts ?? [part(submissionId)],
  };
}

/** A storage that records what is written to it, and refuses when told to. */
function spyStorage(refuse = false): KeyValueStore & { writes: string[]; data: Map<string, string> } {
  const data = new Map<string, string>();
  const writes: string[] = [];
  return {
    data,
    writes,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      writes.push(k);
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

/** The records as IndexedDB holds them, read without the Outbox. */
function records(idb: IDBFactory = factory): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = idb.open(OUTBOX_DB);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) {
        db.close();
        return resolve([]);
      }
      const req = db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/** A factory whose open fails, as in some private modes. */
function refusingFactory(how: 'throws' | 'errors'): IDBFactory {
  return {
    open: () => {
      if (how === 'throws') throw new DOMException('refused', 'InvalidStateError');
      const req = { error: new DOMException('refused', 'UnknownError') } as unknown as IDBOpenDBRequest;
      setTimeout(() => req.onerror?.(new Event('error') as never));
      return req;
    },
  } as unknown as IDBFactory;
}

describe('outbox in IndexedDB', () => {
  it('keeps an entry for the next pane (a closed and reopened pane finds it), and not in localStorage', async () => {
    const first = new Outbox(localStorage, factory);
    expect(await first.put(entry(1))).toBe(true);
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
    const reopened = new Outbox(localStorage, factory);
    expect(await reopened.list()).toEqual([entry(1)]);
    expect(await reopened.count()).toBe(1);
    expect(reopened.inMemory()).toBe(0);
    expect(await records()).toEqual([entry(1)]);
  });

  it('is written, whole, by the time put resolves', async () => {
    const outbox = new Outbox(null, factory);
    await outbox.put(entry(1));
    expect(await records()).toEqual([entry(1)]); // read by another connection at once
  });

  it('stores a 60 MB first sync, never touching localStorage', async () => {
    const storage = spyStorage();
    const id = entry(1).submissionId;
    const row = (r: number) => ({
      row: r,
      key: r.toString(16).padStart(64, '0'),
      values: { debtorId: 'f'.repeat(64), note: 'x'.repeat(900) },
    });
    const parts = Array.from({ length: 12 }, (_, i) =>
      part(
        id,
        Array.from({ length: 5000 }, (_, j) => row(i * 5000 + j)) as unknown as SubmissionPart['upserts'],
        i,
        12,
      ),
    );
    const big = entry(1, parts);
    expect(JSON.stringify(big).length).toBeGreaterThan(60_000_000);
    expect(await new Outbox(storage, factory).put(big)).toBe(true);
    expect(storage.writes).toEqual([]);
    const [back] = await new Outbox(storage, factory).list();
    expect(back!.parts).toHaveLength(12);
    expect(back!.parts[11]!.upserts).toHaveLength(5000);
    expect(back!.parts[11]!.upserts[4999]).toEqual(row(59_999));
  }, 60_000);

  it('moves what an older pane left in localStorage into IndexedDB, and removes the key', async () => {
    localStorage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify([entry(2), entry(1)]));
    const outbox = new Outbox(localStorage, factory);
    expect(await outbox.list()).toEqual([entry(1), entry(2)]); // oldest first
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
    expect(await records()).toHaveLength(2);
    expect(await new Outbox(null, factory).list()).toEqual([entry(1), entry(2)]);
  });

  it('leaves the old entries in localStorage (still listed) when IndexedDB refuses them', async () => {
    localStorage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify([entry(1)]));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await new Outbox(localStorage, factory).list()).toEqual([entry(1)]);
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY)!)).toEqual([entry(1)]);
  });

  it('removes an entry (after applied) wherever it is kept', async () => {
    const outbox = new Outbox(localStorage, factory);
    await outbox.put(entry(1));
    await outbox.put(entry(2));
    await outbox.remove(entry(1).submissionId);
    expect(await new Outbox(localStorage, factory).list()).toEqual([entry(2)]);
    expect(await records()).toEqual([entry(2)]);
    await outbox.remove(entry(2).submissionId);
    expect(await outbox.count()).toBe(0);
    expect(await records()).toEqual([]);
  });

  it('reopens when the browser closes the connection', async () => {
    const outbox = new Outbox(null, factory);
    await outbox.put(entry(1));
    const open = await (outbox as unknown as { db: Promise<IDBDatabase> }).db;
    forceCloseDatabase(open as never);
    expect(await outbox.put(entry(2))).toBe(true);
    expect(await records()).toHaveLength(2);
  });

  it('holds exactly the entry’s fields: never a token, settings or anything else an object carries', async () => {
    const outbox = new Outbox(localStorage, factory);
    const carrying = { ...entry(1), token: 'test-token-0123456789', settings: { token: 'x' } } as OutboxEntry;
    await outbox.put(carrying);
    const [stored] = await records();
    expect(Object.keys(stored as object).sort()).toEqual(
      ['createdAt', 'ledgerId', 'parts', 'serverUrl', 'sheetId', 'submissionId'].sort(),
    );
    expect(JSON.stringify(stored)).not.toContain('token');
  });
});

describe('outbox fallbacks', () => {
  it('uses localStorage where there is no IndexedDB', async () => {
    const outbox = new Outbox(localStorage, null);
    expect(await outbox.put(entry(1))).toBe(true);
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY)!)).toEqual([entry(1)]);
    expect(await new Outbox(localStorage, null).list()).toEqual([entry(1)]);
    await outbox.remove(entry(1).submissionId);
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });

  it.each(['throws', 'errors'] as const)('uses localStorage where opening IndexedDB %s (private mode)', async (how) => {
    const outbox = new Outbox(localStorage, refusingFactory(how));
    expect(await outbox.put(entry(1))).toBe(true);
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY)!)).toEqual([entry(1)]);
    expect(await outbox.list()).toEqual([entry(1)]);
  });

  it('uses localStorage where IndexedDB refuses the write (quota), and lists both', async () => {
    const outbox = new Outbox(localStorage, factory);
    await outbox.put(entry(1)); // in IndexedDB
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await outbox.put(entry(2))).toBe(true);
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY)!)).toEqual([entry(2)]);
    expect(await outbox.list()).toEqual([entry(1), entry(2)]);
    expect(await outbox.count()).toBe(2);
    vi.restoreAllMocks();
    // The next pane moves it into IndexedDB.
    expect(await new Outbox(localStorage, factory).list()).toEqual([entry(1), entry(2)]);
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });

  it('keeps it in memory, said so, where both refuse; a closed pane then loses it', async () => {
    const storage = spyStorage(true);
    const outbox = new Outbox(storage, refusingFactory('errors'));
    expect(await outbox.put(entry(1))).toBe(false);
    expect(outbox.inMemory()).toBe(1);
    expect(await outbox.list()).toEqual([entry(1)]);
    expect(await new Outbox(storage, refusingFactory('errors')).list()).toEqual([]);
    await outbox.remove(entry(1).submissionId);
    expect(outbox.inMemory()).toBe(0);
  });

  it('falls to memory for a first sync too large for localStorage where there is no IndexedDB', async () => {
    const id = entry(1).submissionId;
    const rows = Array.from({ length: 6000 }, (_, r) => ({
      row: r,
      key: 'a'.repeat(64),
      values: { n: 'x'.repeat(900) },
    }));
    const outbox = new Outbox(localStorage, null);
    expect(await outbox.put(entry(1, [part(id, rows as unknown as SubmissionPart['upserts'])]))).toBe(false);
    expect(outbox.inMemory()).toBe(1);
    expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull();
  });
});
