/**
 * Submissions not yet confirmed by the service. Each is written (all its parts) to the pane's
 * origin storage before the first part is sent and removed only when the service answers
 * 'applied', so a lost connection or a closed pane loses nothing, and a resend reuses the same
 * submissionId and parts (the service counts a submission once).
 *
 * Where: IndexedDB (one object store keyed by submissionId; the first sync of a large ledger is tens
 * of megabytes, far beyond localStorage's ~5 MB). Where IndexedDB is missing or refuses (private
 * mode, quota), localStorage; where that refuses too, memory for this session only (`inMemory`).
 * Entries an older pane left in localStorage are moved into IndexedDB when the outbox is opened.
 * An entry holds the submission's parts and where they go, never the token nor a personal field.
 */
import type { SubmissionPart } from '../../domain/sync/protocol.js';
import type { KeyValueStore } from './settings.js';

export interface OutboxEntry {
  submissionId: string;
  ledgerId: string;
  sheetId: string;
  /** Where it must go: never resent to another server. */
  serverUrl: string;
  createdAt: string;
  parts: SubmissionPart[];
}

/** The localStorage key: the fallback, and where panes before IndexedDB kept the outbox. */
export const OUTBOX_STORAGE_KEY = 'saiken.outbox.v1';
export const OUTBOX_DB = 'saiken';
export const OUTBOX_DB_VERSION = 1;
export const OUTBOX_STORE = 'outbox';
/** A webview whose IndexedDB never answers (seen in WebKit) must not hold up 送信 for long. */
const OPEN_TIMEOUT_MS = 5_000;

export function defaultIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null; // refused by policy (a sandboxed frame)
  }
}

export class Outbox {
  /** Entries both stores refused: kept for this session only. */
  private readonly memory = new Map<string, OutboxEntry>();
  private db: Promise<IDBDatabase | null> | null = null;

  constructor(
    private readonly storage: KeyValueStore | null,
    private readonly idb: IDBFactory | null = defaultIndexedDB(),
  ) {}

  /** Every waiting entry, oldest first. */
  async list(): Promise<OutboxEntry[]> {
    const db = await this.open();
    const saved = db ? await readAll(db).catch((): OutboxEntry[] => []) : [];
    const byId = new Map<string, OutboxEntry>();
    for (const e of [...saved, ...this.stored(), ...this.memory.values()]) {
      if (!byId.has(e.submissionId)) byId.set(e.submissionId, e);
    }
    return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  /** How many entries wait (without reading their parts). */
  async count(): Promise<number> {
    const db = await this.open();
    const saved = db ? await readKeys(db).catch((): string[] => []) : [];
    return new Set([...saved, ...this.stored().map((e) => e.submissionId), ...this.memory.keys()]).size;
  }

  /** Entries kept in memory only (a closed pane would lose them). */
  inMemory(): number {
    return this.memory.size;
  }

  /**
   * Stores the entry, resolving once it is written (the IndexedDB transaction complete); false
   * when only kept in memory (then a closed pane loses it). Never rejects.
   */
  async put(entry: OutboxEntry): Promise<boolean> {
    const clean = entryOf(entry);
    const db = await this.open();
    if (db) {
      try {
        await write(db, (store) => store.put(clean));
        this.memory.delete(clean.submissionId);
        return true;
      } catch {
        // quota, or the connection went away: try the next store
      }
    }
    try {
      if (!this.storage) throw new Error('no storage');
      const others = this.stored().filter((e) => e.submissionId !== clean.submissionId);
      this.storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify([...others, clean]));
      this.memory.delete(clean.submissionId);
      return true;
    } catch {
      this.memory.set(clean.submissionId, clean);
      return false;
    }
  }

  /** Removes the entry wherever it is kept. Never rejects (a leftover is resent, and counted once). */
  async remove(submissionId: string): Promise<void> {
    this.memory.delete(submissionId);
    this.removeStored(new Set([submissionId]));
    const db = await this.open();
    if (db) await write(db, (store) => store.delete(submissionId)).catch(() => undefined);
  }

  /** The IndexedDB connection (opened once, then the old localStorage entries moved in), or null. */
  private open(): Promise<IDBDatabase | null> {
    this.db ??= this.connect().then(async (db) => {
      if (db) await this.migrate(db);
      return db;
    });
    return this.db;
  }

  private connect(): Promise<IDBDatabase | null> {
    const idb = this.idb;
    if (!idb) return Promise.resolve(null);
    return new Promise((resolve) => {
      let settled = false;
      const done = (db: IDBDatabase | null) => {
        if (settled) {
          db?.close(); // too late: the outbox went on without it
          return;
        }
        settled = true;
        clearTimeout(timer);
        if (db) {
          // Another version opened, or the browser closed it: reopened on next use.
          db.onversionchange = () => {
            db.close();
            this.db = null;
          };
          db.onclose = () => {
            this.db = null;
          };
        }
        resolve(db);
      };
      const timer = setTimeout(() => done(null), OPEN_TIMEOUT_MS);
      try {
        const req = idb.open(OUTBOX_DB, OUTBOX_DB_VERSION);
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(OUTBOX_STORE))
            db.createObjectStore(OUTBOX_STORE, { keyPath: 'submissionId' });
        };
        req.onsuccess = () => done(req.result);
        req.onerror = (event) => {
          event.preventDefault();
          done(null);
        };
        req.onblocked = () => done(null);
      } catch {
        done(null); // private mode in some browsers: open throws
      }
    });
  }

  /** Moves what an older pane (or a refused write) left in localStorage into IndexedDB. */
  private async migrate(db: IDBDatabase): Promise<void> {
    const legacy = this.stored();
    if (legacy.length === 0) return;
    try {
      await write(db, (store) => {
        for (const e of legacy) store.put(entryOf(e));
      });
    } catch {
      return; // left where it is: still listed, still sent
    }
    this.removeStored(new Set(legacy.map((e) => e.submissionId)));
  }

  private stored(): OutboxEntry[] {
    try {
      const v: unknown = JSON.parse(this.storage?.getItem(OUTBOX_STORAGE_KEY) ?? '[]');
      return Array.isArray(v) ? v.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private removeStored(ids: Set<string>): void {
    const stored = this.stored();
    const rest = stored.filter((e) => !ids.has(e.submissionId));
    if (rest.length === stored.length) return;
    try {
      if (rest.length === 0) this.storage?.removeItem(OUTBOX_STORAGE_KEY);
      else this.storage?.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(rest));
    } catch {
      // a smaller value always fits; a storage refused by policy holds nothing to remove
    }
  }
}

/** Exactly an entry's fields: whatever else an object carries (a token, say) is never stored. */
function entryOf(e: OutboxEntry): OutboxEntry {
  return {
    submissionId: e.submissionId,
    ledgerId: e.ledgerId,
    sheetId: e.sheetId,
    serverUrl: e.serverUrl,
    createdAt: e.createdAt,
    parts: e.parts,
  };
}

function isEntry(v: unknown): v is OutboxEntry {
  const e = v as Partial<OutboxEntry> | null;
  return typeof e?.submissionId === 'string' && Array.isArray(e.parts);
}

/** One readwrite transaction; resolves when it is complete (durably, where the browser offers it). */
function write(db: IDBDatabase, work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(OUTBOX_STORE, 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    try {
      work(tx.objectStore(OUTBOX_STORE));
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already finished
      }
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}

function readAll(db: IDBDatabase): Promise<OutboxEntry[]> {
  return read(db, (store) => store.getAll()).then((v) => (v as unknown[]).filter(isEntry));
}

function readKeys(db: IDBDatabase): Promise<string[]> {
  return read(db, (store) => store.getAllKeys()).then((v) => (v as unknown[]).map(String));
}

function read<T>(db: IDBDatabase, get: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(OUTBOX_STORE, 'readonly');
    const req = get(tx.objectStore(OUTBOX_STORE));
    req.onsuccess = () => resolve(req.result);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB read aborted'));
  });
}
