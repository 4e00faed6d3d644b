/**
 * Sending a checked sheet: build the rows (hashed keys, no personal fields), diff them against
 * what the service holds, store the submission in the outbox, send its parts, and on a stale
 * revision catch up (`rows?since=`) and resend the new diff as a new submission, automatically.
 */
import type { WorkbookPort } from '../excel/workbook-port.js';
import type { CheckSession } from '../check/check-session.js';
import { MAX_LEDGER_NAME, SubmissionPart, type RowUpsert } from '../../domain/sync/protocol.js';
import { buildUpserts, type SyncCrypto } from '../../domain/sync/sync-row.js';
import type { ReadField } from '../../domain/engine/ledger-row.js';
import { DetectorCache, type PersonalTextReport } from '../../domain/sync/personal-scan.js';
import { outgoingRefusal, syncedFields } from '../../domain/sync/outgoing.js';
import { afterFailure, resentState } from '../../domain/sync/outbox-rules.js';
import { sendChanges, sendParts, type Progress, type SendOutcome } from '../../domain/sync/send-changes.js';
import { RULESET_VERSION } from '../../domain/rules/catalogue.js';
import { formatISO } from '../../domain/calendar/day.js';
import type { Translate } from '../i18n/messages.js';
import type { ApiClient, Applied } from './client.js';
import { SyncError } from './errors.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import { emptyRowState, loadRowState, saveRowState } from './row-state.js';
import { webSyncCrypto } from './web-crypto.js';
import { loadSheetConfig } from '../state/sheet-config.js';

export type { Progress } from '../../domain/sync/send-changes.js';

export interface SyncContext {
  port: WorkbookPort;
  client: ApiClient;
  outbox: Outbox;
  serverUrl: string;
  t: Translate;
}

export type SyncOutcome = SendOutcome;

export interface SyncOptions {
  /**
   * What the clerk saw and confirmed is not personal data (the pane's findings or the service's).
   * Text found now that was not among them is shown again rather than sent on that confirmation.
   */
  confirmed?: PersonalTextReport;
}

/** The detector's results live as long as the pane: re-sends scan the same texts. */
const detector = new DetectorCache();

/** The service's refusal of what is about to leave, made before anything is stored or sent. */
function refusalError(t: Translate, refusal: NonNullable<ReturnType<typeof outgoingRefusal>>): SyncError {
  switch (refusal.kind) {
    case 'values':
      return new SyncError('invalid-value', t('sync.valueProblems'), 400, { values: refusal.problems });
    case 'my-number':
      return new SyncError('looks-personal', t('sync.personal.myNumber'), 422, refusal.report);
    case 'personal':
      return new SyncError('looks-personal', t('sync.personal.found'), 422, refusal.report);
  }
}

const failureOf = (e: unknown) =>
  e instanceof SyncError ? { code: e.code, status: e.status, details: e.details } : null;

/**
 * What would leave the workbook: the rows the check read, typed (values and markers only: the text
 * of a cell the engine could not read stays in the sheet), keyed and hashed with the city's key.
 */
export async function buildOutgoing(
  session: CheckSession,
  cityKey: string,
): Promise<{ hashing: SyncCrypto; fields: ReadField[]; current: RowUpsert[] }> {
  const hashing = await webSyncCrypto(cityKey);
  const fields = syncedFields(session.config.mapping);
  const current = await buildUpserts(session.checker.dataRows(), new Set(fields), hashing);
  return { hashing, fields, current };
}

export async function syncSheet(
  ctx: SyncContext,
  session: CheckSession,
  onProgress?: Progress,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const { config, sheet } = session;
  const { hashing, fields, current } = await buildOutgoing(session, await ctx.client.cityKey());
  const ledger = {
    name: sheet.name.slice(0, MAX_LEDGER_NAME) || sheet.id,
    claimType: config.claimType,
    fields,
  };
  const held = (await loadRowState(ctx.port, config.ledgerId)) ?? emptyRowState();
  const basis = {
    asOf: formatISO(session.options.asOf),
    rulesetVersion: RULESET_VERSION,
    ledger,
    // What the clerk confirmed may have been the service's findings (its detector may be newer).
    ...(options.confirmed ? { confirmedNoPersonalData: true } : {}),
  };
  return sendChanges(
    {
      submit: (part) => ctx.client.submit(config.ledgerId, part),
      rowsSince: (since) => ctx.client.rowsSince(config.ledgerId, since),
      saveRowState: (state) => saveRowState(ctx.port, config.ledgerId, state),
      checkOutgoing: (upserts) => {
        const refusal = outgoingRefusal(upserts, ledger, detector, options.confirmed);
        if (refusal) throw refusalError(ctx.t, refusal);
      },
      submissionId: async () => newSubmissionId(),
      keep: (parts) =>
        ctx.outbox.put({
          submissionId: parts[0]!.submissionId,
          ledgerId: config.ledgerId,
          sheetId: sheet.id,
          serverUrl: ctx.serverUrl,
          createdAt: new Date().toISOString(),
          parts: [...parts],
        }),
      forget: (submissionId) => ctx.outbox.remove(submissionId),
      failureOf,
      error: (kind) =>
        kind === 'unexpected'
          ? new SyncError('unexpected', ctx.t('sync.error.unexpected'), 200)
          : new SyncError('catch-up', ctx.t('sync.error.catchUp'), null),
      sha256: hashing.sha256,
    },
    { current, held, basis },
    onProgress,
  );
}

/** Sends every part in order; the service answers 'applied' to the part that completes it. */
async function sendEntry(ctx: SyncContext, entry: OutboxEntry, onProgress?: Progress): Promise<Applied> {
  const applied = await sendParts(entry.parts, (part) => ctx.client.submit(entry.ledgerId, part), onProgress);
  if (!applied) throw new SyncError('unexpected', ctx.t('sync.error.unexpected'), 200);
  return applied;
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
      const ours = (await loadSheetConfig(ctx.port, entry.sheetId))?.ledgerId === entry.ledgerId;
      const next = resentState(held, entry.parts, applied, ours);
      if (next) await saveRowState(ctx.port, entry.ledgerId, next);
      await ctx.outbox.remove(entry.submissionId);
      out.applied.push(applied);
    } catch (e) {
      if (!(e instanceof SyncError)) throw e;
      const action = afterFailure(failureOf(e));
      if (action !== 'keep') await ctx.outbox.remove(entry.submissionId);
      if (action === 'catch-up') {
        out.stale++;
        continue;
      }
      out.error = e;
      if (action === 'keep') break; // the service is unreachable: the rest would fail the same way
    }
  }
  return out;
}

function newSubmissionId(): string {
  return crypto.randomUUID();
}
