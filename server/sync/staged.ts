/**
 * A part as it waits for the rest of its submission: its rows with the canonical values string
 * (what the row hash is made of and what `ledger_rows.data` holds), and its deletions.
 *
 * Staged parts live in `submission_parts` (so they survive a restart: after a crash the client
 * may resend only the last part) in a compact form that embeds each row's canonical values as
 * they are, and, while the process runs, in a bounded in-memory cache keyed by the part's body
 * hash, so the apply neither reads the bodies back nor parses them again. The database stays the
 * truth: a part is taken from the cache only when the hash staged for that index matches.
 */
import type { SyncRowValues } from '../../domain/sync/protocol.js';
import type { Db } from '../db/db.js';
import { canonicalData } from './canonical.js';

export interface StagedRow {
  key: string;
  hash: string;
  row: number;
  values: SyncRowValues;
  /** canonicalJson(values). */
  data: string;
}

export interface StagedPart {
  upserts: StagedRow[];
  deletions: string[];
}

/** Marks the compact form; a body staged before it (the part's stable JSON) starts with `{`. */
const COMPACT = 2;

/**
 * `[2,[["key","hash",row,{values}],…],["deleted key",…]]`. Keys and hashes are validated hex (a
 * key may end in `#n`) and rows integers, so they need no escaping; the values are their
 * canonical JSON, embedded as is.
 */
export function encodeStaged(part: StagedPart): string {
  const rows: string[] = new Array<string>(part.upserts.length);
  for (let i = 0; i < rows.length; i++) {
    const r = part.upserts[i]!;
    rows[i] = `["${r.key}","${r.hash}",${r.row},${r.data}]`;
  }
  return `[${COMPACT},[${rows.join(',')}],${JSON.stringify(part.deletions)}]`;
}

/** Whether a staged body is in the compact form (which SQL can read: `upsertStagedRows`). */
export const isCompact = (body: string) => body.startsWith('[');

type CompactBody = [typeof COMPACT, [string, string, number, SyncRowValues][], string[]];

/** A staged body in either form. Parsing canonical JSON keeps its key order, so `data` is exact. */
export function decodeStaged(body: string): StagedPart {
  if (isCompact(body)) {
    const [form, rows, deletions] = JSON.parse(body) as CompactBody;
    if (form !== COMPACT) throw new Error(`unknown staged part form ${String(form)}`);
    return {
      upserts: rows.map(([key, hash, row, values]) => ({ key, hash, row, values, data: canonicalData(values) })),
      deletions,
    };
  }
  // The part's stable JSON, as staged by earlier versions: validated when it was received.
  const part = JSON.parse(body) as { upserts: { key: string; hash: string; row: number; values: SyncRowValues }[] };
  return {
    upserts: part.upserts.map((u) => ({ ...u, data: canonicalData(u.values) })),
    deletions: (part as unknown as { deletions: string[] }).deletions,
  };
}

/**
 * Parts kept in memory between their receipt and the apply. Bounded by rows: past the bound the
 * submissions least recently touched are dropped (their parts are then read from the database).
 */
export class StagedCache {
  private readonly subs = new Map<string, Map<number, { hash: string; part: StagedPart }>>();
  private rows = 0;

  constructor(readonly maxRows: number) {}

  get size(): number {
    return this.rows;
  }

  put(id: string, index: number, hash: string, part: StagedPart): void {
    const cost = part.upserts.length + part.deletions.length;
    if (cost > this.maxRows) return;
    let parts = this.subs.get(id);
    if (parts) this.subs.delete(id);
    else parts = new Map();
    // Re-inserted last: the most recently touched submission is evicted last.
    this.subs.set(id, parts);
    const old = parts.get(index);
    if (old) this.rows -= old.part.upserts.length + old.part.deletions.length;
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
  get(id: string, index: number, hash: string): StagedPart | undefined {
    const hit = this.subs.get(id)?.get(index);
    return hit && hit.hash === hash ? hit.part : undefined;
  }

  drop(id: string, parts = this.subs.get(id)): void {
    if (!parts) return;
    for (const p of parts.values()) this.rows -= p.part.upserts.length + p.part.deletions.length;
    this.subs.delete(id);
  }
}

/** About 1.3 kB a row in memory: a few hundred MB at most. */
export const STAGED_CACHE_ROWS = 250_000;

const caches = new WeakMap<Db, StagedCache>();

/** The cache of one database (a process may serve several, as the tests do). */
export function stagedCache(db: Db): StagedCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new StagedCache(STAGED_CACHE_ROWS)));
  return c;
}
