/**
 * Applying a complete submission. Reading the current rows and merging the parts in happen before
 * the write transaction, on a snapshot at the submission's base revision. The transaction checks
 * the ledger is still at that revision and that the staged parts it sees are the ones the plan was
 * made from (else it makes the plan again, inside the transaction), and issues the row writes; while SQLite works through
 * them, the check is taken from the check thread (which checked the parts as they came) or made
 * here by the engine; the ledger's aggregates and finding counts are written last. All or nothing:
 * a crash before COMMIT leaves the parts staged for a retry.
 */
import type { LedgerInfo, SubmissionResult, SyncRowValues } from '../../domain/sync/protocol.js';
import type { Db, Queryable } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import {
  advanceLedger,
  currentRows,
  type StoredRow,
  findLedger,
  replaceFindingCounts,
  tombstoneRows,
  upsertRows,
  upsertStagedRows,
} from '../db/repos/ledgers.js';
import { ensureClaim } from '../db/repos/org.js';
import {
  findSubmission,
  finishSubmission,
  HEADER_PART,
  partBody,
  stagedHashes,
  type SubmissionRecord,
} from '../db/repos/submissions.js';
import type { Actor } from '../actor.js';
import type { ApiFailure } from '../../domain/api/errors.js';
import { canonicalData } from './canonical.js';
import { dropCheck, threadCheck, type ThreadCheck } from './check-thread.js';
import { checkLedgerRows, type CheckedRow, type LedgerCheck } from './check.js';
import { duplicateKey, staleRevision } from './failures.js';
import { rejectSubmission, storedReply, type SyncReply } from './reply.js';
import { decodeStaged, isCompact, keysOf, stagedCache, type StagedKeys, type StagedRow } from './staged.js';

interface Header {
  baseRevision: number;
  asOf: string;
  rulesetVersion: string;
  ledger: LedgerInfo;
  count: number;
}

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

interface Merged {
  /** Each upserted key with its hash and sheet row. */
  upserts: Map<string, { hash: string; row: number }>;
  deletions: Set<string>;
  duplicates: number;
}

/** All parts' upserts and deletions; a key met twice anywhere in the submission is counted. */
function mergeParts(parts: readonly StagedKeys[]): Merged {
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

/**
 * Writes the new and changed rows (`changed`, by key): straight from the staged parts inside the
 * database when they are all in the compact form (the statement skips unchanged rows itself, and
 * must write exactly the rows found changed here), else bound from here.
 */
async function writeUpserts(
  tx: Queryable,
  ledgerId: string,
  revision: number,
  submissionId: string,
  compact: boolean,
  changed: ReadonlySet<string>,
  rows: () => Promise<StagedRow[]>,
): Promise<void> {
  const written = compact ? await upsertStagedRows(tx, ledgerId, revision, submissionId) : null;
  if (written !== null) {
    if (written !== changed.size) throw new Error(`staged rows disagree: ${written} written, ${changed.size} changed`);
    return;
  }
  const bound = (await rows())
    .filter((u) => changed.has(u.key))
    .map((u) => ({ key: u.key, hash: u.hash, sheetRow: u.row, data: canonicalData(u.values) }));
  // Keys in order: B-tree inserts then append instead of splitting pages at random.
  bound.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await upsertRows(tx, ledgerId, revision, bound);
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

/** What the apply writes, worked out from one view of the database. */
interface Plan {
  header: Header;
  staged: Staged;
  /** Current rows neither upserted nor deleted. */
  kept: StoredRow[];
  removed: string[];
  /** Upserted keys whose hash or sheet row differ from the stored row (or that are new). */
  changed: Set<string>;
  rowCount: number;
  /** The staged upserts with their values (read once, when needed). */
  upserted: () => Promise<StagedRow[]>;
}

type Prepared =
  | { kind: 'plan'; plan: Plan }
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
  let withValues: Promise<StagedRow[]> | undefined;
  // A part's body never changes under its hash, so it may be read through the snapshot.
  const upserted = () => (withValues ??= stagedRows(q, id, staged));
  return {
    kind: 'plan',
    plan: { header, staged, kept, removed, changed, rowCount: kept.length + merged.upserts.size, upserted },
  };
}

/** Every current row after the submission: those kept, and the upserts. */
async function rowsAfter(plan: Plan): Promise<CheckedRow[]> {
  return [
    ...plan.kept.map((r) => ({ key: r.row_key, sheetRow: r.sheet_row, values: JSON.parse(r.data) as SyncRowValues })),
    ...(await plan.upserted()).map((u) => ({ key: u.key, sheetRow: u.row, values: u.values })),
  ];
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
  const first = await prepare(db, db, sub, (staged) => (fromThread = threadCheck(db, submissionId, staged.hashes)));
  if (first.kind === 'refuse') return rejectSubmission(db, p, submissionId, first.failure, now());
  if (first.kind === 'stale') {
    return rejectSubmission(db, p, submissionId, staleRevision(ledgerId, first.current, sub.base_revision), now());
  }
  // Awaited before the write lock is taken: the thread may be busy with other submissions. Its
  // check is this one when its parts are exactly the staged parts (it checks), they hold every
  // current row (none kept from before) and came in sheet order: then its grid is this grid.
  const t = await fromThread;
  const fits = (plan: Plan) => t?.check && t.inOrder && plan.kept.length === 0 && t.count === plan.rowCount;
  const snapshot = first.kind === 'plan' ? first.plan : null;
  const threadChecked = snapshot && fits(snapshot) ? t!.check : null;

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
    // The staged parts as the transaction sees them: the plan stands only if it was made from
    // these; otherwise it is made again here, inside the transaction.
    let plan = snapshot;
    let checked = threadChecked;
    if (!plan || !sameStaged(plan.staged, await stagedHashes(tx, submissionId))) {
      const again = await prepare(db, tx, current);
      if (again.kind === 'refuse') return again;
      if (again.kind === 'stale') return { kind: 'stale' };
      if (again.kind === 'incomplete') throw new Error('staged parts missing while applying');
      plan = again.plan;
      checked = null;
    }
    const { header, changed, removed } = plan;
    const revision = sub.base_revision + 1;
    // Issued now, awaited after the check: SQLite writes the rows on its own thread meanwhile (the
    // engine, when it runs here, overlaps them).
    const writes = Promise.allSettled([
      writeUpserts(tx, ledgerId, revision, submissionId, plan.staged.compact, changed, plan.upserted),
      tombstoneRows(tx, ledgerId, revision, removed),
    ]);
    let check: LedgerCheck | undefined;
    let checkError: unknown;
    try {
      check = checked ?? checkLedgerRows(await rowsAfter(plan), header.ledger, header.asOf);
    } catch (err) {
      checkError = err;
    }
    // Nothing may still run when the transaction ends, whichever way it ends.
    const failed = (await writes).find((r) => r.status === 'rejected');
    if (!check) throw checkError;
    if (failed) throw failed.reason;
    const info = header.ledger;
    const claim = await ensureClaim(tx, latest.division_id, info.claimType, info.classification ?? null);
    const meta = {
      name: info.name,
      claimId: claim.id,
      asOf: header.asOf,
      rulesetVersion: header.rulesetVersion,
      submissionId,
      at,
    };
    if ((await advanceLedger(tx, ledgerId, sub.base_revision, meta, check.aggregates)) !== revision) {
      throw new Error('ledger revision moved inside the write transaction');
    }
    await replaceFindingCounts(tx, ledgerId, check.counts);
    const a = check.aggregates;
    const result: SubmissionResult = {
      status: 'applied',
      submissionId,
      ledgerId,
      revision,
      appliedAt: at.toISOString(),
      totals: { rows: a.rowCount, assessed: a.assessed, paid: a.paid, outstanding: a.outstanding },
      findings: check.findings,
    };
    await finishSubmission(tx, submissionId, 'applied', revision, result, at);
    await appendAudit(
      tx,
      {
        tokenId: p.tokenId,
        role: p.role,
        action: 'apply',
        entity: 'ledger',
        entityId: ledgerId,
        revision,
        details: {
          submissionId,
          parts: header.count,
          changed: changed.size,
          deleted: removed.length,
          rows: a.rowCount,
        },
      },
      at,
    );
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
