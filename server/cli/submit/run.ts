/**
 * `saiken submit`: a ledger file exported by a system, checked as `saiken check` checks it and sent
 * as the pane sends a sheet (`domain/sync/send-changes.ts`): debtor ids as keyed hashes with the
 * city's key, personal fields never, only the rows that changed since the service last acknowledged,
 * and a submission not yet acknowledged kept on this machine and resumed by running the command again.
 */
import { randomUUID } from 'node:crypto';
import { formatISO, type Day } from '../../../domain/calendar/day.js';
import type { Locale } from '../../../domain/engine/types.js';
import { RULESET_VERSION } from '../../../domain/rules/catalogue.js';
import { diffRows } from '../../../domain/sync/diff.js';
import { outgoingRefusal, syncedFields } from '../../../domain/sync/outgoing.js';
import { DetectorCache } from '../../../domain/sync/personal-scan.js';
import { LedgerInfo, MAX_LEDGER_NAME } from '../../../domain/sync/protocol.js';
import { sendChanges, type SendPort } from '../../../domain/sync/send-changes.js';
import { LEDGER_ID } from '../../../domain/sync/sheet-config.js';
import { buildUpserts } from '../../../domain/sync/sync-row.js';
import { readAndCheck } from '../checked-file.js';
import type { ServerOptions } from '../client.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import type { CliIO } from '../io.js';
import { lazyProgress } from '../progress.js';
import { pinnedMapping, readMappingFile } from './mapping-file.js';
import { submitMessages, type SubmitMessages } from './messages.js';
import { nodeSyncCrypto } from './node-crypto.js';
import { refusalError } from './refusal.js';
import { CallError, SubmitService } from './service.js';
import { StateFile } from './state-file.js';

export interface SubmitRequest {
  file: string;
  sheet?: string;
  ledgerId?: string;
  claimType?: string;
  asOf: Day;
  mappingPath?: string;
  /** The ledger's name as the service shows it; the sheet's (a CSV's file name) when absent. */
  name?: string;
  server: Required<Pick<ServerOptions, 'server' | 'token'>> & { insecure: boolean };
  stateDir: string;
  partRows?: number;
  lang: Locale;
}

export async function runSubmit(req: SubmitRequest, io: CliIO): Promise<number> {
  const m = submitMessages(req.lang);
  const stored = req.mappingPath ? await readMappingFile(req.mappingPath, m) : null;
  const ledgerId = ledgerIdOf(req, stored?.ledgerId, m);
  const claimType = req.claimType ?? stored?.claimType;
  if (!claimType) throw new CliError(m.noClaimType);

  const read = await readAndCheck(io, req.file, req.sheet, {
    asOf: req.asOf,
    claimType,
    locale: req.lang,
    ...(stored ? { mapping: stored.mapping } : {}),
  });
  const mapping = stored ? pinnedMapping(read.grid, stored.mapping, req.mappingPath!, m) : read.result.mapping;
  if (mapping.personalNumberColumns.length > 0) {
    const columns = mapping.personalNumberColumns.map((c) => `${c.letter}「${c.header}」`).join('、');
    throw new CliError(m.myNumberColumns(columns));
  }
  const fields = syncedFields(mapping);
  const name = req.name ?? read.sheetName.slice(0, MAX_LEDGER_NAME);
  const ledger = { name, claimType, fields };
  if (!LedgerInfo.safeParse(ledger).success) throw new CliError(m.badLedgerName(name));
  const basis = { asOf: formatISO(req.asOf), rulesetVersion: RULESET_VERSION, ledger };
  const { error, warning, info } = read.result.summary.bySeverity;
  const exit = error > 0 ? EXIT_FINDINGS : EXIT_OK;

  // Nothing leaves before this line: the city key is asked for only once the file is fit to send.
  const service = new SubmitService(req.server, m);
  const hashing = nodeSyncCrypto(await service.cityKey());
  const current = await buildUpserts(read.checker.dataRows(), new Set(fields), hashing);
  const stateFile = new StateFile(req.stateDir, ledgerId, m.stateUnusable);
  const state = await stateFile.load(serverKey(req.server.server));
  const basisDigest = await hashing.sha256(JSON.stringify(basis));

  const first = diffRows(current, state.rows.rows);
  if (!state.pending && state.basis === basisDigest && first.upserts.length + first.deletions.length === 0) {
    io.out(`${m.nothingToSend(ledgerId, state.rows.revision)}\n`);
    io.out(`${m.counts({ added: 0, changed: 0, deleted: 0, unchanged: current.length })}\n`);
    io.out(`${m.findings(error, warning, info)}\n`);
    return exit;
  }

  const detector = new DetectorCache();
  const progress = lazyProgress(io);
  const port: SendPort = {
    submit: (part) => service.submit(ledgerId, part),
    rowsSince: (since) => service.rowsSince(ledgerId, since),
    saveRowState: async (rows) => {
      state.rows = rows;
      await stateFile.save(state);
    },
    checkOutgoing: (upserts) => {
      const refusal = outgoingRefusal(upserts, ledger, detector);
      if (refusal) throw refusalError(m, refusal);
    },
    submissionId: async (content, baseRevision) => {
      const kept = state.pending;
      if (kept && kept.baseRevision === baseRevision && kept.content === (await content())) {
        io.err(m.resuming);
        return kept.submissionId;
      }
      return randomUUID();
    },
    keep: async (parts, content) => {
      const { submissionId, baseRevision } = parts[0]!;
      const createdAt =
        state.pending?.submissionId === submissionId ? state.pending.createdAt : new Date().toISOString();
      state.pending = { submissionId, baseRevision, content: await content(), createdAt };
      await stateFile.save(state);
      return true;
    },
    forget: async (submissionId) => {
      if (state.pending?.submissionId !== submissionId) return;
      state.pending = null;
      await stateFile.save(state);
    },
    failureOf: (e) => (e instanceof CallError ? e : null),
    error: (kind) => (kind === 'catch-up' ? new CliError(m.catchUp) : new CallError(m.unexpected, 'unexpected', 200)),
    sha256: hashing.sha256,
  };

  let outcome;
  try {
    outcome = await sendChanges(port, { current, held: state.rows, basis, partRows: req.partRows }, (done, total) =>
      progress.update(m.sending, done, total),
    );
  } catch (e) {
    if (e instanceof CliError && state.pending) throw new CliError(`${e.message}\n${m.kept}`);
    throw e;
  } finally {
    progress.stop();
  }
  state.basis = basisDigest;
  await stateFile.save(state);

  if (outcome.caughtUp) io.err(m.caughtUp);
  const counts = {
    added: outcome.added,
    changed: outcome.upserts - outcome.added,
    deleted: outcome.deletions,
    unchanged: current.length - outcome.upserts,
  };
  io.out(`${m.sent(ledgerId, outcome.applied.revision)}\n`);
  io.out(`${m.counts(counts)}\n`);
  io.out(`${m.findings(error, warning, info)}\n`);
  return exit;
}

function ledgerIdOf(req: SubmitRequest, inMapping: string | undefined, m: SubmitMessages): string {
  const id = req.ledgerId ?? inMapping;
  if (!id) throw new CliError(m.noLedger);
  if (!LEDGER_ID.test(id)) throw new CliError(m.badLedgerId(id));
  if (inMapping && inMapping !== id) throw new CliError(m.ledgerMismatch(inMapping, id));
  return id;
}

/** The service a state belongs to: its URL without a trailing slash. */
const serverKey = (url: string) => url.trim().replace(/\/+$/, '');
