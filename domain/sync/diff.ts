/**
 * From the sheet's rows and what the service holds, the rows to send: new or changed upserts and
 * explicit deletions for keys that vanished (the service never infers a deletion from absence).
 */
import type { RowChanges, RowUpsert, SubmissionPart } from './protocol.js';
import { shortHash, type RowState } from './row-state.js';

/** Items (upserts + deletions) per part. */
export const PART_ROWS = 5000;

export function stateOf(rows: readonly RowUpsert[]): Map<string, string> {
  return new Map(rows.map((u) => [u.key, shortHash(u.hash)]));
}

export function diffRows(
  current: readonly RowUpsert[],
  held: ReadonlyMap<string, string>,
): { upserts: RowUpsert[]; deletions: string[] } {
  const keys = new Set<string>();
  const upserts: RowUpsert[] = [];
  for (const u of current) {
    keys.add(u.key);
    if (held.get(u.key) !== shortHash(u.hash)) upserts.push(u);
  }
  const deletions = [...held.keys()].filter((k) => !keys.has(k));
  return { upserts, deletions };
}

/** The service's state after `changes` (from `rows?since=`) on top of what we held. */
export function catchUp(held: RowState, changes: RowChanges): RowState {
  const rows = new Map(held.rows);
  for (const d of changes.deleted) rows.delete(d.key);
  for (const r of changes.rows) rows.set(r.key, shortHash(r.hash));
  return { revision: changes.revision, rows };
}

/** The service's state after a submission made against `held` was applied. */
export function afterParts(held: ReadonlyMap<string, string>, parts: readonly SubmissionPart[]): Map<string, string> {
  const rows = new Map(held);
  for (const p of parts) {
    for (const k of p.deletions) rows.delete(k);
    for (const u of p.upserts) rows.set(u.key, shortHash(u.hash));
  }
  return rows;
}

export type PartHeader = Omit<SubmissionPart, 'part' | 'upserts' | 'deletions'>;

/** Splits one submission into parts of at most `max` items: upserts first, then deletions. */
export function splitParts(
  header: PartHeader,
  upserts: readonly RowUpsert[],
  deletions: readonly string[],
  max = PART_ROWS,
): SubmissionPart[] {
  const count = Math.max(1, Math.ceil((upserts.length + deletions.length) / max));
  const parts: SubmissionPart[] = [];
  for (let i = 0; i < count; i++) {
    const from = i * max;
    const to = from + max;
    parts.push({
      ...header,
      part: { index: i, count },
      upserts: upserts.slice(from, to),
      deletions: deletions.slice(Math.max(0, from - upserts.length), Math.max(0, to - upserts.length)),
    });
  }
  return parts;
}
