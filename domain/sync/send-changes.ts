/**
 * Sending a ledger's changes, the same for every sender (the pane, `saiken submit`): diff the rows
 * against what the service holds, keep the submission (split into parts) before the first part
 * leaves, send the parts, and on a stale revision catch up (`rows?since=`) and send the new diff as
 * a new submission. Where things are kept, how calls are made and how errors read is the sender's
 * (`SendPort`).
 */
import { catchUp, diffRows, PART_ROWS, splitParts, stateOf, type PartHeader } from './diff.js';
import { afterFailure, catchUpBase, type Applied, type CallFailure } from './outbox-rules.js';
import { SubmissionPart, type RowChanges, type RowUpsert, type SubmissionResult } from './protocol.js';
import type { RowState } from './row-state.js';

/** Tries before giving up on a ledger that keeps moving while we catch up. */
export const MAX_ATTEMPTS = 3;

export type Progress = (done: number, total: number) => void;

/** A submission's header without what each attempt decides (its id and base revision). */
export type SubmissionBasis = Omit<PartHeader, 'submissionId' | 'baseRevision'>;

export interface SendPort {
  submit(part: SubmissionPart): Promise<SubmissionResult>;
  rowsSince(since: number): Promise<RowChanges>;
  saveRowState(state: RowState): Promise<void>;
  /** Throws the sender's refusal of rows the service would refuse, before anything is kept or sent. */
  checkOutgoing(upserts: readonly RowUpsert[]): void;
  /**
   * The id of a submission: a new one, or that of a kept, unacknowledged one made of the same parts
   * against the same base. `content` is a digest of the parts without their id (computed on demand).
   */
  submissionId(content: () => Promise<string>, baseRevision: number): Promise<string>;
  /** Keeps the submission until the service acknowledges it; false when kept in memory only. */
  keep(parts: readonly SubmissionPart[], content: () => Promise<string>): Promise<boolean>;
  forget(submissionId: string): Promise<void>;
  /** A thrown error as a failed call, or null when it is no call's. */
  failureOf(e: unknown): CallFailure | null;
  /** The sender's error: no part was answered 'applied', or the ledger kept moving. */
  error(kind: 'unexpected' | 'catch-up'): Error;
  /** SHA-256, lower-case hex (the platform's). */
  sha256(text: string): Promise<string>;
}

export interface SendOutcome {
  applied: Applied;
  upserts: number;
  /** Of the upserts, rows the service did not hold (the rest changed). */
  added: number;
  deletions: number;
  /** A stale revision was caught up on the way. */
  caughtUp: boolean;
  /** The submission could be kept durably (false: in memory only). */
  persisted: boolean;
}

export interface SendInput {
  /** Every row of the ledger as it stands, built by `buildUpserts`. */
  current: readonly RowUpsert[];
  /** What the service held when we last heard from it. */
  held: RowState;
  basis: SubmissionBasis;
  partRows?: number;
}

/** Sends every part in order; the service answers 'applied' to the part that completes it (null: none did). */
export async function sendParts(
  parts: readonly SubmissionPart[],
  submit: (part: SubmissionPart) => Promise<SubmissionResult>,
  onProgress?: Progress,
): Promise<Applied | null> {
  const total = parts.length;
  onProgress?.(0, total);
  for (const [i, part] of parts.entries()) {
    const res = await submit(part);
    onProgress?.(i + 1, total);
    if (res.status === 'applied') return res;
  }
  return null;
}

export async function sendChanges(port: SendPort, input: SendInput, onProgress?: Progress): Promise<SendOutcome> {
  const { current, basis, partRows = PART_ROWS } = input;
  let held = input.held;
  let caughtUp = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { upserts, deletions } = diffRows(current, held.rows);
    port.checkOutgoing(upserts);
    const baseRevision = held.revision;
    const build = (submissionId: string) =>
      splitParts({ submissionId, baseRevision, ...basis }, upserts, deletions, partRows);
    let digest: Promise<string> | null = null;
    const content = () => (digest ??= port.sha256(JSON.stringify(build(''))));
    const submissionId = await port.submissionId(content, baseRevision);
    const parts = build(submissionId).map((p) => SubmissionPart.parse(p));
    const persisted = await port.keep(parts, content); // kept before the first part leaves
    try {
      const applied = await sendParts(parts, (p) => port.submit(p), onProgress);
      if (!applied) throw port.error('unexpected');
      await port.saveRowState({ revision: applied.revision, rows: stateOf(current) });
      await port.forget(submissionId);
      const added = upserts.filter((u) => !held.rows.has(u.key)).length;
      return { applied, upserts: upserts.length, added, deletions: deletions.length, caughtUp, persisted };
    } catch (e) {
      const failure = port.failureOf(e);
      const action = afterFailure(failure);
      if (action !== 'keep') await port.forget(submissionId);
      if (action !== 'catch-up') throw e;
      // Refused whole: nothing of it was applied. Learn what changed and diff again.
      const from = catchUpBase(held, failure?.details);
      held = catchUp(from, await port.rowsSince(from.revision));
      await port.saveRowState(held);
      caughtUp = true;
    }
  }
  throw port.error('catch-up');
}
