/**
 * Sending a checked sheet: build the rows (hashed keys, no personal fields), diff them against
 * what the service holds, store the submission in the outbox, send its parts, and on a stale
 * revision catch up (`rows?since=`) and resend the new diff as a new submission, automatically.
 */
import type { WorkbookPort } from '../excel/workbook-port.js';
import type { CheckSession } from '../check/check-session.js';
import type { ReadField } from '../../domain/engine/ledger-row.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import { MAX_LEDGER_NAME, SubmissionPart, type RowUpsert } from '../../domain/sync/protocol.js';
import { SYNC_FIELDS } from '../../domain/sync/fields.js';
import { buildUpserts } from '../../domain/sync/sync-row.js';
import {
  DetectorCache,
  scanSyncText,
  type PersonalTextReport,
  type TextFinding,
} from '../../domain/sync/personal-scan.js';
import { outOfBounds, type ValueBound } from '../../domain/sync/values.js';
import { RULESET_VERSION } from '../../domain/rules/catalogue.js';
import { formatISO } from '../../domain/calendar/day.js';
import type { Translate } from '../i18n/messages.js';
import type { ApiClient, Applied } from './client.js';
import { SyncError } from './errors.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import { afterParts, catchUp, diffRows, splitParts, stateOf } from './diff.js';
import { emptyRowState, loadRowState, saveRowState, type RowState } from './row-state.js';
import { webSyncCrypto } from './web-crypto.js';
import { loadSheetConfig } from '../state/sheet-config.js';

export interface SyncContext {
  port: WorkbookPort;
  client: ApiClient;
  outbox: Outbox;
  serverUrl: string;
  t: Translate;
  /** Platform crypto; Web Crypto's by default. */
  subtle?: SubtleCrypto;
}

export type Progress = (done: number, total: number) => void;

export interface SyncOutcome {
  applied: Applied;
  upserts: number;
  deletions: number;
  /** A stale revision was caught up on the way. */
  caughtUp: boolean;
  /** The outbox could store it (false: kept in memory only). */
  persisted: boolean;
}

const MAX_ATTEMPTS = 3;

export interface SyncOptions {
  /**
   * What the clerk saw and confirmed is not personal data (the pane's findings or the service's).
   * Text found now that was not among them is shown again rather than sent on that confirmation.
   */
  confirmed?: PersonalTextReport;
}

/** A value outside what the service accepts (a text too long, an amount past the limit). */
export interface ValueProblem {
  row: number;
  field: ReadField;
  problem: ValueBound;
}

const MAX_PROBLEMS = 50;

/** Values the service would refuse, by row and field (at most MAX_PROBLEMS). */
export function valueProblems(upserts: readonly RowUpsert[]): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const u of upserts) {
    for (const [f, v] of Object.entries(u.values)) {
      const problem = outOfBounds(f as ReadField, v);
      if (problem) out.push({ row: u.row, field: f as ReadField, problem });
      if (out.length >= MAX_PROBLEMS) return out;
    }
  }
  return out;
}

/** A finding by where and what, as both the pane and the service report it (never the text). */
const findingKey = (f: TextFinding) => `${f.field}|${f.spans.map((s) => `${s.start}-${s.end}-${s.kind}`).join(',')}`;

/** The detector's results live as long as the pane: re-sends scan the same texts. */
const detector = new DetectorCache();

/**
 * What is about to leave, checked as the service will check it: values within bounds, and text
 * values and the ledger's name free of anything that looks personal unless the clerk confirmed
 * (never a My Number-like number). Throws the refusal the service would give, before anything
 * is stored or sent.
 */
function checkOutgoing(
  t: Translate,
  upserts: readonly RowUpsert[],
  ledger: { name: string; claimType: string },
  confirmed: PersonalTextReport | undefined,
): PersonalTextReport | null {
  const problems = valueProblems(upserts);
  if (problems.length > 0) {
    throw new SyncError('invalid-value', t('sync.valueProblems'), 400, { values: problems });
  }
  const report = scanSyncText(upserts, ledger, detector);
  if (report.findings.length === 0) return null;
  if (!report.confirmable) throw new SyncError('looks-personal', t('sync.personal.myNumber'), 422, report);
  const seen = new Set(confirmed?.findings.map(findingKey));
  if (!report.findings.every((f) => seen.has(findingKey(f)))) {
    throw new SyncError('looks-personal', t('sync.personal.found'), 422, report);
  }
  return report;
}

/** The fields that leave the workbook for this mapping, in the protocol's order. */
function syncedFields(mapping: HeaderDetection): ReadField[] {
  const mapped = new Set<string>(mapping.columns.map((c) => c.field));
  return SYNC_FIELDS.filter((f) => mapped.has(f));
}

export async function syncSheet(
  ctx: SyncContext,
  session: CheckSession,
  onProgress?: Progress,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const { config, sheet } = session;
  const hashing = await webSyncCrypto(await ctx.client.cityKey(), ctx.subtle);
  const fields = syncedFields(config.mapping);
  // The rows the check read, typed: values and markers only, the text of a cell the engine could
  // not read stays in the sheet.
  const current = await buildUpserts(session.checker.dataRows(), new Set(fields), hashing);
  const ledger = {
    name: sheet.name.slice(0, MAX_LEDGER_NAME) || sheet.id,
    claimType: config.claimType,
    fields,
  };
  const now = stateOf(current);
  let held: RowState = (await loadRowState(ctx.port, config.ledgerId)) ?? emptyRowState();
  let caughtUp = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { upserts, deletions } = diffRows(current, held.rows);
    checkOutgoing(ctx.t, upserts, ledger, options.confirmed);
    const header = {
      submissionId: newSubmissionId(),
      baseRevision: held.revision,
      asOf: formatISO(session.options.asOf),
      rulesetVersion: RULESET_VERSION,
      ledger,
      // What the clerk confirmed may have been the service's findings (its detector may be newer).
      ...(options.confirmed ? { confirmedNoPersonalData: true } : {}),
    };
    const entry: OutboxEntry = {
      submissionId: header.submissionId,
      ledgerId: config.ledgerId,
      sheetId: sheet.id,
      serverUrl: ctx.serverUrl,
      createdAt: new Date().toISOString(),
      parts: splitParts(header, upserts, deletions).map((p) => SubmissionPart.parse(p)),
    };
    const persisted = await ctx.outbox.put(entry); // written before the first part leaves
    try {
      const applied = await sendEntry(ctx, entry, onProgress);
      await saveRowState(ctx.port, config.ledgerId, { revision: applied.revision, rows: now });
      await ctx.outbox.remove(entry.submissionId);
      return { applied, upserts: upserts.length, deletions: deletions.length, caughtUp, persisted };
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'stale-revision') {
        if (e instanceof SyncError && !e.retryable) await ctx.outbox.remove(entry.submissionId);
        throw e;
      }
      // Refused whole: nothing of it was applied. Learn what changed and diff again.
      await ctx.outbox.remove(entry.submissionId);
      held = await catchUpWith(ctx, config.ledgerId, held, e);
      await saveRowState(ctx.port, config.ledgerId, held);
      caughtUp = true;
    }
  }
  throw new SyncError('catch-up', ctx.t('sync.error.catchUp'), null);
}

/** Sends every part in order; the service answers 'applied' to the part that completes it. */
async function sendEntry(ctx: SyncContext, entry: OutboxEntry, onProgress?: Progress): Promise<Applied> {
  const total = entry.parts.length;
  onProgress?.(0, total);
  for (const [i, part] of entry.parts.entries()) {
    const res = await ctx.client.submit(entry.ledgerId, part);
    onProgress?.(i + 1, total);
    if (res.status === 'applied') return res;
  }
  throw new SyncError('unexpected', ctx.t('sync.error.unexpected'), 200);
}

export interface RetryOutcome {
  applied: Applied[];
  /**
   * Refused as stale, or made by an older pane in a form the service no longer takes (it may hold
   * the text of unreadable cells: never sent): dropped, the next 送信 rebuilds them from the sheet.
   */
  stale: number;
  /** The first error that stopped the retry (the entry stays when it is worth retrying). */
  error: SyncError | null;
}

/**
 * Resends what the outbox holds for this server (same submissionId, same parts). Where the
 * workbook holds the ledger's row state at the submission's base, it is moved on to the result.
 */
export async function retryOutbox(ctx: SyncContext, ledgerId?: string, onProgress?: Progress): Promise<RetryOutcome> {
  const out: RetryOutcome = { applied: [], stale: 0, error: null };
  const entries = (await ctx.outbox.list()).filter(
    (e) => e.serverUrl === ctx.serverUrl && (ledgerId === undefined || e.ledgerId === ledgerId),
  );
  for (const entry of entries) {
    if (!entry.parts.every((p) => SubmissionPart.safeParse(p).success)) {
      await ctx.outbox.remove(entry.submissionId);
      out.stale++;
      continue;
    }
    try {
      const applied = await sendEntry(ctx, entry, onProgress);
      const held = await loadRowState(ctx.port, entry.ledgerId);
      const base = entry.parts[0]?.baseRevision ?? 0;
      const ours = (await loadSheetConfig(ctx.port, entry.sheetId))?.ledgerId === entry.ledgerId;
      if (held ? held.revision === base : ours && base === 0) {
        const rows = afterParts(held?.rows ?? new Map(), entry.parts);
        await saveRowState(ctx.port, entry.ledgerId, { revision: applied.revision, rows });
      }
      await ctx.outbox.remove(entry.submissionId);
      out.applied.push(applied);
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      if (e.code === 'stale-revision') {
        await ctx.outbox.remove(entry.submissionId);
        out.stale++;
        continue;
      }
      if (!e.retryable) await ctx.outbox.remove(entry.submissionId);
      out.error = e;
      if (e.retryable) break; // the service is unreachable: the rest would fail the same way
    }
  }
  return out;
}

async function catchUpWith(ctx: SyncContext, ledgerId: string, held: RowState, e: SyncError): Promise<RowState> {
  const current = (e.details as { currentRevision?: unknown } | undefined)?.currentRevision;
  // A service behind our base (restored from a backup): start over from its whole state.
  const from = typeof current === 'number' && current < held.revision ? emptyRowState() : held;
  return catchUp(from, await ctx.client.rowsSince(ledgerId, from.revision));
}

function newSubmissionId(): string {
  return crypto.randomUUID();
}
