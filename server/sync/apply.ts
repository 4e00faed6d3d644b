/**
 * Applying a complete submission. Reading the current rows and merging the parts in happen before
 * the write transaction, on a snapshot at the submission's base revision (`prepare`, with the pure
 * diff in `diff.ts`). The transaction checks the ledger is still at that revision and that the
 * staged parts it sees are the ones the plan was made from (else it makes the plan again, inside
 * the transaction), and commits it (`commit.ts`): the row writes, and while SQLite works through
 * them the check, taken from the check thread (which checked the parts as they came) when it fits
 * (`threadCheckFor`) or made by the engine; the ledger's aggregates and finding counts last. All
 * or nothing: a crash before COMMIT leaves the parts staged for a retry.
 */
import type { ApiFailure } from '../../domain/api/errors.js';
import type { SubmissionResult } from '../../domain/sync/protocol.js';
import type { Actor } from '../actor.js';
import type { Db, Queryable } from '../db/db.js';
import { currentRows, findLedger } from '../db/repos/ledgers.js';
import { findSubmission, HEADER_PART, partBody, stagedHashes, type SubmissionRecord } from '../db/repos/submissions.js';
import { dropCheck, threadCheck, type ThreadCheck } from './check-thread.js';
import type { CheckTable, LedgerCheck } from './check.js';
import { checkTable } from '../late-charges/city-table.js';
import { commitPlan, type Header, type Plan } from './commit.js';
import { diffRows, mergeParts } from './diff.js';
import { duplicateKey, staleRevision } from './failures.js';
import { rejectSubmission, storedReply, type SyncReply } from './reply.js';
import { decodeStaged, isCompact, keysOf, stagedCache, type StagedKeys, type StagedRow } from './staged.js';

/** The staged parts, in index order: their body hashes, and their keys (values aside). */
interface Staged {
  indexes: number[];
  hashes: string[];
  parts: StagedKeys[];
  /** Whether all are staged in the compact form (as this version stages them). */
  compact: boolean;
}

/**
 * The staged parts' keys, read through `q` (the database, or the write transaction): from the
 * cache when the staged hash matches, else from the part's body.
 */
async function stagedKeys(db: Db, q: Queryable, id: string): Promise<Staged> {
  const cache = stagedCache(db);
  const byIndex = await stagedHashes(q, id);
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  const hashes = indexes.map((i) => byIndex.get(i)!);
  let compact = true;
  const parts = await Promise.all(
    indexes.map(async (i, n) => {
      // The cache holds only parts this process staged, so in the compact form.
      const cached = cache.get(id, i, hashes[n]!);
      if (cached) return cached;
      const body = await partBody(q, id, i);
      if (body === undefined) throw new Error('staged part vanished while applying');
      if (!isCompact(body)) compact = false;
      return keysOf(decodeStaged(body));
    }),
  );
  return { indexes, hashes, parts, compact };
}

/** The staged upserts with their values, read from the database (when the apply needs the values). */
async function stagedRows(q: Queryable, id: string, staged: Staged): Promise<StagedRow[]> {
  const parts = await Promise.all(
    staged.indexes.map(async (i) => {
      const body = await partBody(q, id, i);
      if (body === undefined) throw new Error('staged part vanished while applying');
      return decodeStaged(body).upserts;
    }),
  );
  return parts.flat();
}

export async function applySubmission(
  db: Db,
  p: Actor,
  submissionId: string,
  now: () => Date = () => new Date(),
): Promise<SyncReply> {
  try {
    return await apply(db, p, submissionId, now);
  } finally {
    // Applied, rejected or failed: nothing needs the parts in memory any more (a retry after a
    // failure reads them from the database).
    stagedCache(db).drop(submissionId);
    dropCheck(db, submissionId);
  }
}

type Prepared =
  | { kind: 'plan'; plan: Plan; staged: Staged }
  | { kind: 'refuse'; failure: ApiFailure }
  | { kind: 'stale'; current: number }
  /** Fewer parts than the header counts: a view older than the last part's commit. */
  | { kind: 'incomplete' };

/**
 * Reads the staged parts, the ledger and its rows through `q` — a snapshot before the write
 * transaction (so the rows are read without holding the write lock), or the transaction itself —
 * and works out the plan. `onStaged` sees the staged parts as soon as they are known.
 */
async function prepare(
  db: Db,
  q: Queryable,
  sub: SubmissionRecord,
  onStaged: (staged: Staged) => void = () => undefined,
): Promise<Prepared> {
  const id = sub.id;
  const [headerBody, staged] = await Promise.all([partBody(q, id, HEADER_PART), stagedKeys(db, q, id)]);
  if (headerBody === undefined) throw new Error('submission header vanished while applying');
  const header = JSON.parse(headerBody) as Header;
  // Indexes are below the count (the schema) and unique (the key): all parts are in, or not yet.
  if (staged.indexes.length !== header.count) return { kind: 'incomplete' };
  onStaged(staged);
  const merged = mergeParts(staged.parts);
  if (merged.duplicates > 0) return { kind: 'refuse', failure: duplicateKey(merged.duplicates) };

  // Read the ledger before its rows: if it is still at the base revision when the write
  // transaction runs, nothing has changed the rows since (only an apply changes them).
  const ledger = await findLedger(q, sub.ledger_id);
  if (!ledger) throw new Error('ledger vanished while applying');
  if (ledger.revision !== sub.base_revision) return { kind: 'stale', current: ledger.revision };
  const stored = await currentRows(q, sub.ledger_id);

  let withValues: Promise<StagedRow[]> | undefined;
  // A part's body never changes under its hash, so it may be read through any view that holds it.
  const upserted = (via: Queryable) => (withValues ??= stagedRows(via, id, staged));
  const plan = { header, compact: staged.compact, ...diffRows(stored, merged), upserted };
  return { kind: 'plan', plan, staged };
}

/**
 * The thread's check, if it is this submission's: its parts are exactly the staged parts (it
 * checks), they hold every current row (none kept from before) and came in sheet order: then its
 * grid is this grid. Otherwise (null) the engine checks in the commit.
 */
function threadCheckFor(t: ThreadCheck | undefined, plan: Plan, table?: CheckTable): LedgerCheck | null {
  if (table && t && t.lateChargesVersion !== table.version) return null;
  return t?.check && t.inOrder && plan.kept.length === 0 && t.count === plan.rowCount ? t.check : null;
}

const sameStaged = (a: Staged, byIndex: Map<number, string>) =>
  a.indexes.length === byIndex.size && a.indexes.every((i, n) => byIndex.get(i) === a.hashes[n]);

async function apply(db: Db, p: Actor, submissionId: string, now: () => Date): Promise<SyncReply> {
  const sub = await findSubmission(db, submissionId);
  if (!sub) throw new Error('submission vanished while applying');
  if (sub.status !== 'receiving') return storedReply(sub);
  const ledgerId = sub.ledger_id;
  // Asked as soon as the parts are known: the thread may still be checking the last part while
  // the rest is prepared here.
  let fromThread: Promise<ThreadCheck | undefined> = Promise.resolve(undefined);
  let first: Prepared;
  let t: ThreadCheck | undefined;
  try {
    first = await prepare(db, db, sub, (staged) => (fromThread = threadCheck(db, submissionId, staged.hashes)));
    // Awaited before the write lock is taken: the thread may be busy with other submissions.
    t = await fromThread;
    // The values, when the commit will need them (the engine checks there, or the rows are bound
    // from here), are read now: inside the transaction they would wait for a second connection,
    // which on a pool of busy transactions never comes.
    if (first.kind === 'plan' && (!first.plan.compact || !threadCheckFor(t, first.plan))) {
      await first.plan.upserted(db);
    }
  } catch (err) {
    // Another request (in this process or another instance) finished the submission while these
    // reads ran, and cleared the staged bodies: its answer is this one's.
    const finished = await findSubmission(db, submissionId);
    if (finished && finished.status !== 'receiving') return storedReply(finished);
    throw err;
  }
  if (first.kind === 'refuse') return rejectSubmission(db, p, submissionId, first.failure, now());
  if (first.kind === 'stale') {
    return rejectSubmission(db, p, submissionId, staleRevision(ledgerId, first.current, sub.base_revision), now());
  }
  const snapshot = first.kind === 'plan' ? first : null;

  const at = now();
  type Outcome =
    | { kind: 'applied'; result: SubmissionResult }
    | { kind: 'done'; sub: SubmissionRecord }
    | { kind: 'stale' }
    | { kind: 'refuse'; failure: ApiFailure };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const current = await findSubmission(tx, submissionId);
    if (!current) throw new Error('submission vanished while applying');
    if (current.status !== 'receiving') return { kind: 'done', sub: current };
    // The write lock is held from here on: a ledger still at the base revision stays there, and
    // the rows read above are still its rows.
    const latest = await findLedger(tx, ledgerId);
    if (!latest || latest.revision !== sub.base_revision) return { kind: 'stale' };
    // The late-charge table as this transaction sees it: a thread check made with another is not used.
    const lateCharges = await checkTable(tx);
    // The staged parts as the transaction sees them: the plan stands only if it was made from
    // these; otherwise it is made again here, inside the transaction, and the engine checks it.
    let plan: Plan;
    let threadChecked: LedgerCheck | null;
    if (snapshot && sameStaged(snapshot.staged, await stagedHashes(tx, submissionId))) {
      plan = snapshot.plan;
      threadChecked = threadCheckFor(t, plan, lateCharges);
    } else {
      const again = await prepare(db, tx, current);
      if (again.kind === 'refuse') return again;
      if (again.kind === 'stale') return { kind: 'stale' };
      if (again.kind === 'incomplete') throw new Error('staged parts missing while applying');
      plan = again.plan;
      threadChecked = null;
    }
    const result = await commitPlan(tx, {
      actor: p,
      submissionId,
      ledgerId,
      divisionId: latest.division_id,
      baseRevision: sub.base_revision,
      plan,
      threadChecked,
      lateCharges,
      at,
    });
    return { kind: 'applied', result };
  });
  if (outcome.kind === 'applied') return { status: 200, body: outcome.result };
  if (outcome.kind === 'done') return storedReply(outcome.sub);
  if (outcome.kind === 'refuse') return rejectSubmission(db, p, submissionId, outcome.failure, now());
  const latest = await findLedger(db, ledgerId);
  return rejectSubmission(
    db,
    p,
    submissionId,
    staleRevision(ledgerId, latest?.revision ?? 0, sub.base_revision),
    now(),
  );
}
