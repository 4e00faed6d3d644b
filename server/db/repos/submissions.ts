/**
 * Submissions and their staged parts. Parts wait in submission_parts until the last arrives; once
 * the submission is applied or rejected their bodies are cleared but their hashes kept, so a
 * retried part can still be recognised. Part index −1 holds the submission's header (what every
 * part must agree on), so a new part is compared without reading the others.
 */
import type { Queryable } from '../db.js';

export const HEADER_PART = -1;

export type SubmissionStatus = 'receiving' | 'applied' | 'rejected';

export interface SubmissionRecord {
  id: string;
  ledger_id: string;
  token_id: number | null;
  base_revision: number;
  as_of: string;
  ruleset_version: string;
  parts_expected: number;
  status: SubmissionStatus;
  revision: number | null;
  /** JSON: the applied result, or the refusal of a rejected submission. */
  result: string | null;
  received_at: string;
  applied_at: string | null;
}

export function findSubmission(q: Queryable, id: string): Promise<SubmissionRecord | undefined> {
  return q.get<SubmissionRecord>('SELECT * FROM submissions WHERE id = ?', [id]);
}

export async function insertSubmission(
  tx: Queryable,
  s: {
    id: string;
    ledgerId: string;
    tokenId: number;
    baseRevision: number;
    asOf: string;
    rulesetVersion: string;
    partsExpected: number;
    header: string;
    headerHash: string;
  },
  now: Date,
): Promise<void> {
  await tx.run(
    `INSERT INTO submissions (id, ledger_id, token_id, base_revision, as_of, ruleset_version, parts_expected, status, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'receiving', ?)`,
    [s.id, s.ledgerId, s.tokenId, s.baseRevision, s.asOf, s.rulesetVersion, s.partsExpected, now.toISOString()],
  );
  await insertPart(tx, s.id, HEADER_PART, s.headerHash, s.header);
}

export async function insertPart(tx: Queryable, id: string, index: number, hash: string, body: string) {
  await tx.run('INSERT INTO submission_parts (submission_id, part_index, body_hash, body) VALUES (?, ?, ?, ?)', [
    id,
    index,
    hash,
    body,
  ]);
}

/** The stored hash of a part (or of the header, index −1). */
export async function partHash(q: Queryable, id: string, index: number): Promise<string | undefined> {
  const row = await q.get<{ body_hash: string }>(
    'SELECT body_hash FROM submission_parts WHERE submission_id = ? AND part_index = ?',
    [id, index],
  );
  return row?.body_hash;
}

export async function countParts(q: Queryable, id: string): Promise<number> {
  const row = await q.get<{ n: number }>(
    'SELECT COUNT(*) AS n FROM submission_parts WHERE submission_id = ? AND part_index >= 0',
    [id],
  );
  return row?.n ?? 0;
}

/** The header and the part bodies in index order (staged, so committed before the apply reads them). */
export async function stagedBodies(q: Queryable, id: string): Promise<{ header: string; parts: string[] }> {
  const rows = await q.all<{ part_index: number; body: string }>(
    'SELECT part_index, body FROM submission_parts WHERE submission_id = ? ORDER BY part_index',
    [id],
  );
  const header = rows.find((r) => r.part_index === HEADER_PART)?.body ?? '';
  return { header, parts: rows.filter((r) => r.part_index >= 0).map((r) => r.body) };
}

/** The body hashes of the staged parts (not the header), by index, without reading the bodies. */
export async function stagedHashes(q: Queryable, id: string): Promise<Map<number, string>> {
  const rows = await q.all<{ part_index: number; body_hash: string }>(
    'SELECT part_index, body_hash FROM submission_parts WHERE submission_id = ? AND part_index >= 0',
    [id],
  );
  return new Map(rows.map((r) => [r.part_index, r.body_hash]));
}

/** The stored body of one part (or of the header, index −1). */
export async function partBody(q: Queryable, id: string, index: number): Promise<string | undefined> {
  const row = await q.get<{ body: string }>(
    'SELECT body FROM submission_parts WHERE submission_id = ? AND part_index = ?',
    [id, index],
  );
  return row?.body;
}

/** Ends a submission: applied (with its revision) or rejected, keeping the answer for retries. */
export async function finishSubmission(
  tx: Queryable,
  id: string,
  status: 'applied' | 'rejected',
  revision: number | null,
  result: unknown,
  now: Date,
): Promise<void> {
  await tx.run('UPDATE submissions SET status = ?, revision = ?, result = ?, applied_at = ? WHERE id = ?', [
    status,
    revision,
    JSON.stringify(result),
    status === 'applied' ? now.toISOString() : null,
    id,
  ]);
  await tx.run("UPDATE submission_parts SET body = '' WHERE submission_id = ?", [id]);
}
