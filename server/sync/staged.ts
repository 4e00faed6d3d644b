/**
 * A part as it waits for the rest of its submission: its rows (key, hash, sheet row, values) and
 * its deletions.
 *
 * Staged parts live in `submission_parts` (so they survive a restart: after a crash the client
 * may resend only the last part) in a compact form that embeds each row's canonical values as
 * they are. While the process runs, what the apply needs of them besides the values (keys,
 * hashes, sheet rows, deletions) is also kept in a bounded in-memory cache keyed by the part's
 * body hash, so the apply usually reads no body back: SQL copies the rows from the staged bodies
 * and the check thread has checked the values. The database stays the truth: a part is taken
 * from the cache only when the hash staged for that index matches. With several service instances
 * on one database, the parts another instance staged are read from the database, and parts of a
 * submission another instance applied stay here until evicted: safe to lose, never wrong.
 */
import type { SyncRowValues } from '../../domain/sync/protocol.js';
import type { Db } from '../db/db.js';

export interface StagedRow {
  key: string;
  hash: string;
  row: number;
  values: SyncRowValues;
}

export interface StagedPart {
  upserts: StagedRow[];
  deletions: string[];
}

/** A staged part without its values. */
export interface StagedKeys {
  keys: string[];
  hashes: string[];
  rows: number[];
  deletions: string[];
}

export function keysOf(part: StagedPart): StagedKeys {
  const n = part.upserts.length;
  const keys = new Array<string>(n);
  const hashes = new Array<string>(n);
  const rows = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const u = part.upserts[i]!;
    keys[i] = u.key;
    hashes[i] = u.hash;
    rows[i] = u.row;
  }
  return { keys, hashes, rows, deletions: part.deletions };
}

/** Marks the compact form; a body staged before it (the part's stable JSON) starts with `{`. */
const COMPACT = 2;

/**
 * `[2,[["key","hash",row,{values}],…],["deleted key",…]]`. Keys and hashes are validated hex (a
 * key may end in `#n`) and rows integers, so they need no escaping; the values are their
 * canonical JSON (`data[i]`, which the row hash was checked against), embedded as is.
 */
export function encodeStaged(part: StagedPart, data: readonly string[]): string {
  let s = `[${COMPACT},[`;
  for (let i = 0; i < part.upserts.length; i++) {
    const r = part.upserts[i]!;
    s += (i === 0 ? '["' : ',["') + r.key + '","' + r.hash + '",' + r.row + ',' + data[i]! + ']';
  }
  return s + '],' + JSON.stringify(part.deletions) + ']';
}

/** Whether a staged body is in the compact form (which SQL can read: `upsertStagedRows`). */
export const isCompact = (body: string) => body.startsWith('[');

type CompactBody = [typeof COMPACT, [string, string, number, SyncRowValues][], string[]];

/**
 * A staged body in either form. Parsing canonical JSON keeps its key order, so the values
 * serialise back to the same string (`canonicalData`).
 */
export function decodeStaged(body: string): StagedPart {
  if (isCompact(body)) {
    const [form, rows, deletions] = JSON.parse(body) as CompactBody;
    if (form !== COMPACT) throw new Error(`unknown staged part form ${String(form)}`);
    return { upserts: rows.map(([key, hash, row, values]) => ({ key, hash, row, values })), deletions };
  }
  // The part's stable JSON, as staged by earlier versions: validated when it was received. Values
  // staged before typed values (the text of unreadable cells) were scrubbed by migration 004, in
  // this form and the compact one alike; a plain string left in a typed field would still only read
  // as an unreadable cell (`syncedCells`).
  const part = JSON.parse(body) as StagedPart;
  return {
    upserts: part.upserts.map((u) => ({ key: u.key, hash: u.hash, row: u.row, values: u.values })),
    deletions: part.deletions,
  };
}

/**
 * Parts kept in memory between their receipt and the apply. Bounded by rows: past the bound the
 * submissions least recently touched are dropped (their parts are then read from the database).
 */
export class StagedCache {
  private readonly subs = new Map<string, Map<number, { hash: string; part: StagedKeys }>>();
  private rows = 0;

  constructor(readonly maxRows: number) {}

  get size(): number {
    return this.rows;
  }

  put(id: string, index: number, hash: string, part: StagedKeys): void {
    const cost = part.keys.length + part.deletions.length;
    if (cost > this.maxRows) return;
    let parts = this.subs.get(id);
    if (parts) this.subs.delete(id);
    else parts = new Map();
    // Re-inserted last: the most recently touched submission is evicted last.
    this.subs.set(id, parts);
    const old = parts.get(index);
    if (old) this.rows -= old.part.keys.length + old.part.deletions.length;
    parts.set(index, { hash, part });
    this.rows += cost;
    for (const [other, ps] of this.subs) {
      if (this.rows <= this.maxRows) break;
      if (other === id) continue;
      this.drop(other, ps);
    }
    if (this.rows > this.maxRows) this.drop(id);
  }

  /** The part staged at `index` if it is the one with body hash `hash`. */
  get(id: string, index: number, hash: string): StagedKeys | undefined {
    const hit = this.subs.get(id)?.get(index);
    return hit && hit.hash === hash ? hit.part : undefined;
  }

  drop(id: string, parts = this.subs.get(id)): void {
    if (!parts) return;
    for (const p of parts.values()) this.rows -= p.part.keys.length + p.part.deletions.length;
    this.subs.delete(id);
  }
}

/** Rows kept (a couple of hundred bytes each). */
const STAGED_CACHE_ROWS = 500_000;

const caches = new WeakMap<Db, StagedCache>();

/** The cache of one database (a process may serve several, as the tests do). */
export function stagedCache(db: Db): StagedCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new StagedCache(STAGED_CACHE_ROWS)));
  return c;
}
