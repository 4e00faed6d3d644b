/**
 * The outbox's decisions, the same for every sender: a submission is kept until the service
 * answers 'applied' and resent with the same id and parts (the service counts it once); what a
 * failed call means for it; and the row state a resent submission leaves.
 */
import { afterParts } from './diff.js';
import type { SubmissionPart, SubmissionResult } from './protocol.js';
import { emptyRowState, type RowState } from './row-state.js';

export type Applied = Extract<SubmissionResult, { status: 'applied' }>;

/** A failed call as the protocol sees it: the service's code (or the sender's own) and the HTTP status. */
export interface CallFailure {
  code: string;
  /** Null where no answer arrived. */
  status: number | null;
  details?: unknown;
}

/**
 * Sending the same submission again later may succeed: no answer, server trouble, a token to fix,
 * or an answer that could not be read (the service may have applied it; a resend is idempotent).
 */
export function isRetryable(f: CallFailure): boolean {
  const s = f.status;
  return s === null || s >= 500 || [401, 403, 408, 429].includes(s) || f.code === 'unexpected';
}

/**
 * What a failed send means for the kept submission: refused as stale (nothing of it applied: catch
 * up and send the new diff as a new submission), worth resending as it is (kept), or refused for good
 * (dropped: the next send rebuilds it). A failure that is no call's (null) keeps it.
 */
export function afterFailure(f: CallFailure | null): 'catch-up' | 'keep' | 'drop' {
  if (f === null) return 'keep';
  if (f.code === 'stale-revision') return 'catch-up';
  return isRetryable(f) ? 'keep' : 'drop';
}

/** Where to catch up from: a service behind our base (restored from a backup) is read whole. */
export function catchUpBase(held: RowState, staleDetails: unknown): RowState {
  const current = (staleDetails as { currentRevision?: unknown } | undefined)?.currentRevision;
  return typeof current === 'number' && current < held.revision ? emptyRowState() : held;
}

/**
 * The row state after a kept submission was resent and applied: moved on where the state held is the
 * submission's base (or there is none yet and the submission was the ledger's first from here),
 * else null (the state is not the one it was made against: leave it, the next send catches up).
 */
export function resentState(
  held: RowState | null,
  parts: readonly SubmissionPart[],
  applied: Applied,
  firstFromHere: boolean,
): RowState | null {
  const base = parts[0]?.baseRevision ?? 0;
  if (held ? held.revision !== base : !(firstFromHere && base === 0)) return null;
  return { revision: applied.revision, rows: afterParts(held?.rows ?? new Map(), parts) };
}
