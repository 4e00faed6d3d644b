/**
 * Applying a complete submission. Reading the current rows and merging the parts in happen before
 * the write transaction, on a snapshot at the submission's base revision. The transaction checks
 * the ledger is still at that revision, issues the row writes, and runs the engine over the
 * result while SQLite works through them; the ledger's aggregates and finding counts are written
 * last. All or nothing: a crash before COMMIT leaves the parts staged for a retry.
 */
import type { LedgerInfo, SubmissionResult } from '../../domain/sync/protocol.js';
import type { Db } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import {
  advanceLedger,
  currentRows,
  findLedger,
  replaceFindingCounts,
  tombstoneRows,
  upsertRows,
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
import type { Principal } from '../http/auth.js';
import { checkLedgerRows, type CheckedRow, type LedgerCheck } from './check.js';
import { duplicateKey, staleRevision } from './failures.js';
import { rejectSubmission, storedReply, type SyncReply } from './reply.js';
import { decodeStaged, stagedCache, type StagedPart, type StagedRow } from './staged.js';

interface Header {
  baseRevision: number;
  asOf: string;
  rulesetVersion: string;
  ledger: LedgerInfo;
  count: number;
}

interface Merged {
  upserts: Map<string, StagedRow>;
  deletions: Set<string>;
  duplicates: number;
}

/** The staged parts in index order: from the cache when the staged hash matches, else the database. */
async function stagedParts(db: Db, id: string): Promise<StagedPart[]> {
  const cache = stagedCache(db);
  const hashes = await stagedHashes(db, id);
  const indexes = [...hashes.keys()].sort((a, b) => a - b);
  return Promise.all(
    indexes.map(async (i) => {
      const cached = cache.get(id, i, hashes.get(i)!);
      if (cached) return cached;
      const body = await partBody(db, id, i);
      if (body === undefined) throw new Error('staged part vanished while applying');
      return decodeStaged(body);
    }),
  );
}

/** All parts' upserts and deletions; a key met twice anywhere in the submission is counted. */
function mergeParts(parts: readonly StagedPart[]): Merged {
  const m: Merged = { upserts: new Map(), deletions: new Set(), duplicates: 0 };
  for (const part of parts) {
    for (const u of part.upserts) {
      if (m.upserts.has(u.key)) m.duplicates++;
      m.upserts.set(u.key, u);
    }
    for (const k of part.deletions) {
      if (m.deletions.has(k)) m.duplicates++;
      m.deletions.add(k);
    }
  }
  for (const k of m.deletions) if (m.upserts.has(k)) m.duplicates++;
  return m;
}

export async function applySubmission(
  db: Db,
  p: Principal,
  submissionId: string,
  now: () => Date = () => new Date(),
): Promise<SyncReply> {
  try {
    return await apply(db, p, submissionId, now);
  } finally {
    // Applied, rejected or failed: a retry reads the parts from the database.
    stagedCache(db).drop(submissionId);
  }
}

async function apply(db: Db, p: Principal, submissionId: string, now: () => Date): Promise<SyncReply> {
  const T0 = performance.now(); const L = (m: string) => process.env.TIMING && console.error(`apply ${m} ${(performance.now() - T0).toFixed(0)}`);
  const sub = await findSubmission(db, submissionId);
  if (!sub) throw new Error('submission vanished while applying');
  if (sub.status !== 'receiving') return storedReply(sub);
  const ledgerId = sub.ledger_id;
  const [headerBody, parts] = await Promise.all([partBody(db, submissionId, HEADER_PART), stagedParts(db, submissionId)]);
  const header = JSON.parse(headerBody ?? '') as Header;
  L('loaded');
  const merged = mergeParts(parts);
  if (merged.duplicates > 0) return rejectSubmission(db, p, submissionId, duplicateKey(merged.duplicates), now());

  // Read the ledger before its rows: if it is still at the base revision when the write
  // transaction runs, nothing has changed the rows since (only an apply changes them).
  const ledger = await findLedger(db, ledgerId);
  if (!ledger) throw new Error('ledger vanished while applying');
  if (ledger.revision !== sub.base_revision) {
    return rejectSubmission(db, p, submissionId, staleRevision(ledgerId, ledger.revision, sub.base_revision), now());
  }
  const stored = await currentRows(db, ledgerId);

  const rows: CheckedRow[] = [];
  const changed: { key: string; hash: string; sheetRow: number; data: string }[] = [];
  const removed: string[] = [];
  for (const r of stored) {
    if (merged.deletions.has(r.row_key)) removed.push(r.row_key);
    else if (!merged.upserts.has(r.row_key))
      rows.push({ key: r.row_key, sheetRow: r.sheet_row, values: JSON.parse(r.data) });
  }
  const before = new Map(stored.map((r) => [r.row_key, r]));
  for (const u of merged.upserts.values()) {
    rows.push({ key: u.key, sheetRow: u.row, values: u.values });
    const prev = before.get(u.key);
    // An unchanged row keeps its revision, so `rows?since` reports only real changes.
    if (prev && prev.row_hash === u.hash && prev.sheet_row === u.row) continue;
    changed.push({ key: u.key, hash: u.hash, sheetRow: u.row, data: u.data });
  }
  // Keys in order: B-tree inserts then append instead of splitting pages at random.
  changed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  L('prepared');
  const at = now();
  type Outcome =
    { kind: 'applied'; result: SubmissionResult } | { kind: 'done'; sub: SubmissionRecord } | { kind: 'stale' };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const current = await findSubmission(tx, submissionId);
    if (!current) throw new Error('submission vanished while applying');
    if (current.status !== 'receiving') return { kind: 'done', sub: current };
    // The write lock is held from here on: a ledger still at the base revision stays there.
    const latest = await findLedger(tx, ledgerId);
    if (!latest || latest.revision !== sub.base_revision) return { kind: 'stale' };
    const revision = sub.base_revision + 1;
    L('tx begun');
    // Issued now, awaited after the engine: SQLite writes the rows on its own thread meanwhile.
    const writes = Promise.allSettled([
      upsertRows(tx, ledgerId, revision, changed),
      tombstoneRows(tx, ledgerId, revision, removed),
    ]);
    L('writes issued');
    let check: LedgerCheck | undefined;
    let checkError: unknown;
    try {
      check = checkLedgerRows(rows, header.ledger, header.asOf);
    } catch (err) {
      checkError = err;
    }
    L('checked');
    // Nothing may still run when the transaction ends, whichever way it ends.
    const failed = (await writes).find((r) => r.status === 'rejected');
    L('written');
    if (!check) throw checkError;
    if (failed) throw failed.reason;
    const info = header.ledger;
    const claim = await ensureClaim(tx, ledger.division_id, info.claimType, info.classification ?? null);
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
          changed: changed.length,
          deleted: removed.length,
          rows: a.rowCount,
        },
      },
      at,
    );
    L('tx end');
    return { kind: 'applied', result };
  });
  L('committed');
  if (outcome.kind === 'applied') return { status: 200, body: outcome.result };
  if (outcome.kind === 'done') return storedReply(outcome.sub);
  const latest = await findLedger(db, ledgerId);
  return rejectSubmission(
    db,
    p,
    submissionId,
    staleRevision(ledgerId, latest?.revision ?? 0, sub.base_revision),
    now(),
  );
}
