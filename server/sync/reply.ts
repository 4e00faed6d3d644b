/** Answers kept with a finished submission, and replayed for a retried part. */
import type { Db } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import { finishSubmission, findSubmission, type SubmissionRecord } from '../db/repos/submissions.js';
import type { SubmissionResult } from '../../domain/sync/protocol.js';
import type { Actor } from '../actor.js';
import { ApiFailure, type ApiErrorCode } from '../../domain/api/errors.js';
import { dropCheck } from './check-thread.js';
import { STORED_STATUS } from './failures.js';
import { stagedCache } from './staged.js';

export interface SyncReply {
  status: 200 | 202;
  body: SubmissionResult;
}

/** The stored answer of a finished submission: its result, or its refusal thrown again. */
export function storedReply(sub: SubmissionRecord): SyncReply {
  const result = JSON.parse(sub.result ?? '{}');
  if (sub.status === 'applied') return { status: 200, body: result as SubmissionResult };
  const e = result as { code: ApiErrorCode; message: string; details?: unknown };
  throw new ApiFailure(STORED_STATUS[e.code] ?? 409, e.code, e.message, e.details);
}

/**
 * Rejects a submission that can never apply (stale, or inconsistent), keeping the refusal for
 * retries, then throws it. If another request finished it first, that answer is returned instead.
 */
export async function rejectSubmission(
  db: Db,
  p: Actor,
  id: string,
  failure: ApiFailure,
  now: Date,
): Promise<SyncReply> {
  // Nothing will apply it: what was kept for the apply goes.
  stagedCache(db).drop(id);
  dropCheck(db, id);
  const finished = await db.transaction(async (tx) => {
    const sub = await findSubmission(tx, id);
    if (!sub || sub.status !== 'receiving') return sub;
    const refusal = { code: failure.code, message: failure.message, details: failure.details ?? null };
    await finishSubmission(tx, id, 'rejected', null, refusal, now);
    await appendAudit(
      tx,
      {
        tokenId: p.tokenId,
        role: p.role,
        action: 'reject',
        entity: 'submission',
        entityId: id,
        revision: sub.base_revision,
        details: { ledgerId: sub.ledger_id, code: failure.code },
      },
      now,
    );
    return undefined;
  });
  if (finished) return storedReply(finished);
  throw failure;
}
