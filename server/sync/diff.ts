/**
 * What a submission changes, worked out from the stored rows and the parts sent, with no database
 * and no I/O: the parts merged (a key met twice is counted), then each stored row kept, removed or
 * replaced, and the upserts that differ from the stored row.
 */
import type { StoredRow } from '../db/repos/ledgers.js';
import type { StagedKeys } from './staged.js';

export interface Merged {
  /** Each upserted key with its hash and sheet row. */
  upserts: Map<string, { hash: string; row: number }>;
  deletions: Set<string>;
  duplicates: number;
}

/** All parts' upserts and deletions; a key met twice anywhere in the submission is counted. */
export function mergeParts(parts: readonly StagedKeys[]): Merged {
  const m: Merged = { upserts: new Map(), deletions: new Set(), duplicates: 0 };
  for (const part of parts) {
    for (let i = 0; i < part.keys.length; i++) {
      const key = part.keys[i]!;
      if (m.upserts.has(key)) m.duplicates++;
      m.upserts.set(key, { hash: part.hashes[i]!, row: part.rows[i]! });
    }
    for (const k of part.deletions) {
      if (m.deletions.has(k)) m.duplicates++;
      m.deletions.add(k);
    }
  }
  for (const k of m.deletions) if (m.upserts.has(k)) m.duplicates++;
  return m;
}

export interface RowDiff {
  /** Current rows neither upserted nor deleted. */
  kept: StoredRow[];
  removed: string[];
  /** Upserted keys whose hash or sheet row differ from the stored row (or that are new). */
  changed: Set<string>;
  /** Rows of the ledger after the submission. */
  rowCount: number;
}

export function diffRows(stored: readonly StoredRow[], merged: Merged): RowDiff {
  const kept: StoredRow[] = [];
  const removed: string[] = [];
  for (const r of stored) {
    if (merged.deletions.has(r.row_key)) removed.push(r.row_key);
    else if (!merged.upserts.has(r.row_key)) kept.push(r);
  }
  const before = new Map(stored.map((r) => [r.row_key, r]));
  const changed = new Set<string>();
  for (const [key, u] of merged.upserts) {
    const prev = before.get(key);
    // An unchanged row keeps its revision, so `rows?since` reports only real changes.
    if (prev && prev.row_hash === u.hash && prev.sheet_row === u.row) continue;
    changed.add(key);
  }
  return { kept, removed, changed, rowCount: kept.length + merged.upserts.size };
}
