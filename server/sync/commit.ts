/**
 * The write of an apply, inside its transaction, once the plan stands: the row writes are issued,
 * the check is the thread's (when it fits) or made here by the engine while SQLite works through
 * the writes, then the ledger's aggregates, its finding counts, the submission's result and the
 * audit entry. Any failure throws, and the transaction rolls all of it back.
 */
import { fiscalYearOf, parseISODay } from '../../domain/calendar/day.js';
import type { LedgerInfo, SubmissionResult, SyncRowValues } from '../../domain/sync/protocol.js';
import type { Actor } from '../actor.js';
import type { Queryable } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import {
  advanceLedger,
  replaceFindingCounts,
  tombstoneRows,
  upsertRows,
  upsertStagedRows,
} from '../db/repos/ledgers.js';
import { ensureClaim } from '../db/repos/org.js';
import { writeLedgerStatus } from '../db/repos/status.js';
import { finishSubmission } from '../db/repos/submissions.js';
import { canonicalData } from './canonical.js';
import { checkLedgerRows, type CheckedRow, type CheckTable, type LedgerCheck } from './check.js';
import type { RowDiff } from './diff.js';
import type { StagedRow } from './staged.js';

/** The submission's header part. */
export interface Header {
  baseRevision: number;
  asOf: string;
  rulesetVersion: string;
  ledger: LedgerInfo;
  count: number;
}

/** What the apply writes, worked out from one view of the database. */
export interface Plan extends RowDiff {
  header: Header;
  /** Whether all parts are staged in the compact form (as this version stages them). */
  compact: boolean;
  /**
   * The staged upserts with their values, read once when needed: through `q` if not read yet (the
   * write transaction passes itself, so a transaction never waits for a second connection).
   */
  upserted: (q: Queryable) => Promise<StagedRow[]>;
}

/**
 * Writes the new and changed rows (`changed`, by key): straight from the staged parts inside the
 * database when they are all in the compact form (the statement skips unchanged rows itself, and
 * must write exactly the rows found changed here), else bound from here. Nothing changed (the same
 * sheet sent again): no statement, instead of one reading every staged row to write none.
 */
async function writeUpserts(
  tx: Queryable,
  ledgerId: string,
  revision: number,
  submissionId: string,
  compact: boolean,
  changed: ReadonlySet<string>,
  rows: (q: Queryable) => Promise<StagedRow[]>,
): Promise<void> {
  if (changed.size === 0) return;
  const written = compact ? await upsertStagedRows(tx, ledgerId, revision, submissionId) : null;
  if (written !== null) {
    if (written !== changed.size) throw new Error(`staged rows disagree: ${written} written, ${changed.size} changed`);
    return;
  }
  const bound = (await rows(tx))
    .filter((u) => changed.has(u.key))
    .map((u) => ({ key: u.key, hash: u.hash, sheetRow: u.row, data: canonicalData(u.values) }));
  // Keys in order: B-tree inserts then append instead of splitting pages at random.
  bound.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await upsertRows(tx, ledgerId, revision, bound);
}

/** Every current row after the submission: those kept, and the upserts. */
async function rowsAfter(tx: Queryable, plan: Plan): Promise<CheckedRow[]> {
  return [
    ...plan.kept.map((r) => ({ key: r.row_key, sheetRow: r.sheet_row, values: JSON.parse(r.data) as SyncRowValues })),
    ...(await plan.upserted(tx)).map((u) => ({ key: u.key, sheetRow: u.row, values: u.values })),
  ];
}

export interface Commit {
  actor: Actor;
  submissionId: string;
  ledgerId: string;
  /** The ledger's division (its claim is found or made there). */
  divisionId: number;
  baseRevision: number;
  plan: Plan;
  /** The thread's check when it is this submission's; else the engine checks here. */
  threadChecked: LedgerCheck | null;
  /** The late-charge table the engine counts with, when it checks here. */
  lateCharges: CheckTable;
  at: Date;
}

/** Writes the plan as the ledger's next revision; the caller holds the write lock at the base revision. */
export async function commitPlan(tx: Queryable, c: Commit): Promise<SubmissionResult> {
  const { plan, submissionId, ledgerId, at } = c;
  const { header, changed, removed } = plan;
  const revision = c.baseRevision + 1;
  // Issued now, awaited after the check: SQLite writes the rows on its own thread meanwhile (the
  // engine, when it runs here, overlaps them).
  const writes = Promise.allSettled([
    writeUpserts(tx, ledgerId, revision, submissionId, plan.compact, changed, plan.upserted),
    tombstoneRows(tx, ledgerId, revision, removed),
  ]);
  let check: LedgerCheck | undefined;
  let checkError: unknown;
  try {
    check = c.threadChecked ?? checkLedgerRows(await rowsAfter(tx, plan), header.ledger, header.asOf, c.lateCharges);
  } catch (err) {
    checkError = err;
  }
  // Nothing may still run when the transaction ends, whichever way it ends.
  const failed = (await writes).find((r) => r.status === 'rejected');
  if (!check) throw checkError;
  if (failed) throw failed.reason;
  const info = header.ledger;
  const claim = await ensureClaim(tx, c.divisionId, info.claimType, info.classification ?? null);
  const meta = {
    name: info.name,
    claimId: claim.id,
    asOf: header.asOf,
    rulesetVersion: header.rulesetVersion,
    submissionId,
    at,
  };
  if ((await advanceLedger(tx, ledgerId, c.baseRevision, meta, check.aggregates)) !== revision) {
    throw new Error('ledger revision moved inside the write transaction');
  }
  await replaceFindingCounts(tx, ledgerId, check.counts);
  // asOf was validated on receipt: a real day.
  const fiscalYear = fiscalYearOf(parseISODay(header.asOf)!);
  await writeLedgerStatus(tx, ledgerId, { fiscalYear, revision, asOf: header.asOf }, check.status);
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
      tokenId: c.actor.tokenId,
      role: c.actor.role,
      action: 'apply',
      entity: 'ledger',
      entityId: ledgerId,
      revision,
      details: { submissionId, parts: header.count, changed: changed.size, deleted: removed.length, rows: a.rowCount },
    },
    at,
  );
  return result;
}
