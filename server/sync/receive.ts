/**
 * Receiving one part of a submission: refuse personal data first, validate, then stage the part
 * (idempotently: a retried part with the same body gets the same answer). When the last part is
 * in, the whole submission is applied (`apply.ts`).
 */
import type { ZodError } from 'zod';
import { parseISODay } from '../../domain/calendar/day.js';
import { SubmissionPart } from '../../domain/sync/protocol.js';
import { DetectorCache, kindCounts, scanSyncText } from '../../domain/sync/personal-scan.js';
import type { Db, Queryable } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import { createLedger, findLedger } from '../db/repos/ledgers.js';
import { ensureClaim } from '../db/repos/org.js';
import {
  countParts,
  findSubmission,
  HEADER_PART,
  insertPart,
  insertSubmission,
  partHash,
  type SubmissionRecord,
} from '../db/repos/submissions.js';
import type { Actor } from '../actor.js';
import { ApiFailure } from '../../domain/api/errors.js';
import { forbidden, invalidInput } from '../refusals.js';
import { applySubmission } from './apply.js';
import { canonicalData, sha256Hex, stableJson } from './canonical.js';
import { feedCheck } from './check-thread.js';
import { checkTable } from '../late-charges/city-table.js';
import { fastParsePart, valueOk } from './fast-parse.js';
import {
  duplicateKey,
  invalidLedgerId,
  invalidValues,
  looksPersonalRows,
  partMismatch,
  rowHashMismatch,
  staleRevision,
  submissionConflict,
} from './failures.js';
import { assertNoPersonalData } from './guard.js';
import { rejectSubmission, storedReply, type SyncReply } from './reply.js';
import { encodeStaged, keysOf, stagedCache, type StagedPart } from './staged.js';

export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;

type Staged =
  | { kind: 'stored'; sub: SubmissionRecord }
  | { kind: 'stale'; current: number }
  | { kind: 'received'; received: number; isNew: boolean }
  | { kind: 'complete'; isNew: boolean };

/**
 * The part, validated. A body the fast path accepts is one zod accepts, and every body zod
 * accepts is free of personal fields and clear-text keys (its objects are strict, none declares a
 * personal field, key fields must be digests: `fast-parse.test.ts`), so the raw-body guard could
 * refuse nothing there. Any other body meets the guard first, then zod, as before.
 */
function readPart(raw: unknown): SubmissionPart {
  const fast = fastParsePart(raw);
  if (fast) return fast;
  assertNoPersonalData(raw);
  const r = SubmissionPart.safeParse(raw);
  if (r.success) return r.data;
  throw refusal(raw, r.error);
}

/**
 * Why zod refused a part: values not of their field's type say which rows and fields (never the
 * values); a refused ledger name says why; anything else is the usual list of paths.
 */
function refusal(raw: unknown, error: ZodError): ApiFailure {
  const upserts = typeof raw === 'object' && raw !== null ? (raw as { upserts?: unknown }).upserts : undefined;
  const bad: { row: number | null; field: string }[] = [];
  if (Array.isArray(upserts)) {
    for (const u of upserts) {
      const values = (u as { values?: unknown } | null)?.values;
      if (typeof values !== 'object' || values === null) continue;
      const row = (u as { row?: unknown }).row;
      for (const [field, v] of Object.entries(values)) {
        const ok = valueOk.get(field);
        if (ok && v !== undefined && !ok(v)) bad.push({ row: typeof row === 'number' ? row : null, field });
        if (bad.length >= 20) break;
      }
      if (bad.length >= 20) break;
    }
  }
  if (bad.length > 0) return invalidValues(bad, error);
  // Only the name check's own (Japanese) message: zod's are English.
  const name = error.issues.find((i) => i.path[0] === 'ledger' && i.path[1] === 'name' && i.code === 'custom');
  return invalidInput(error, name?.message);
}

/** Detector results shared by every part: ledgers repeat the same few texts. */
const detector = new DetectorCache();

/**
 * Text values and the ledger's name that look personal are refused (422 `looks-personal`, with
 * rows, fields and spans, never the text) unless the part says the sender confirmed them; a My
 * Number-like number always. Gives the kinds confirmed, counted, for the audit log.
 */
function checkPersonalText(part: SubmissionPart): Record<string, number> | undefined {
  const report = scanSyncText(part.upserts, part.ledger, detector);
  if (report.findings.length === 0) return undefined;
  if (!report.confirmable || part.confirmedNoPersonalData !== true) throw looksPersonalRows(report);
  return kindCounts(report.findings);
}

export async function receivePart(
  db: Db,
  p: Actor,
  ledgerId: string,
  raw: unknown,
  now: () => Date = () => new Date(),
): Promise<SyncReply> {
  if (!LEDGER_ID.test(ledgerId)) throw invalidLedgerId();
  const part = readPart(raw);
  if (parseISODay(part.asOf) === null) {
    throw new ApiFailure(400, 'invalid-input', '基準日（asOf）が実在する日付ではありません。');
  }
  const confirmed = checkPersonalText(part);
  const data = checkRows(part);
  const staged: StagedPart = { upserts: part.upserts, deletions: part.deletions };
  const header = stableJson({
    baseRevision: part.baseRevision,
    asOf: part.asOf,
    rulesetVersion: part.rulesetVersion,
    ledger: part.ledger,
    count: part.part.count,
  });
  const input: StageInput = {
    p,
    ledgerId,
    part,
    body: encodeStaged(staged, data),
    confirmed,
    bodyHash: partDigest(header, part.part.index, staged),
    sameBody: (stored) => stored === sha256Hex(stableJson(part)),
    header,
    headerHash: sha256Hex(header),
  };
  const outcome = await db.transaction((tx) => stage(tx, input, now()));
  if ((outcome.kind === 'received' || outcome.kind === 'complete') && outcome.isNew) {
    stagedCache(db).put(part.submissionId, part.part.index, input.bodyHash, keysOf(staged));
    const handed = { index: part.part.index, hash: input.bodyHash, body: input.body, rows: data.length };
    feedCheck(db, part.submissionId, handed, part.ledger, part.asOf, await checkTable(db));
  }
  switch (outcome.kind) {
    case 'stored':
      return storedReply(outcome.sub);
    case 'stale':
      return rejectSubmission(
        db,
        p,
        part.submissionId,
        staleRevision(ledgerId, outcome.current, part.baseRevision),
        now(),
      );
    case 'received':
      return {
        status: 202,
        body: {
          status: 'received',
          submissionId: part.submissionId,
          ledgerId,
          partsReceived: outcome.received,
          partsExpected: part.part.count,
        },
      };
    case 'complete':
      return applySubmission(db, p, part.submissionId, now);
  }
}

/**
 * Within a part: keys unique across upserts and deletions, hashes matching the values. Gives each
 * row's canonical values string (`data`), made once here for the hash and the staged body.
 */
function checkRows(part: SubmissionPart): string[] {
  const seen = new Set<string>();
  const data: string[] = new Array<string>(part.upserts.length);
  let dup = 0;
  let badHash = 0;
  for (let i = 0; i < data.length; i++) {
    const u = part.upserts[i]!;
    if (seen.has(u.key)) dup++;
    seen.add(u.key);
    const d = canonicalData(u.values);
    if (sha256Hex(d) !== u.hash) badHash++;
    data[i] = d;
  }
  for (const k of part.deletions) {
    if (seen.has(k)) dup++;
    seen.add(k);
  }
  if (dup > 0) throw duplicateKey(dup);
  if (badHash > 0) throw rowHashMismatch(badHash);
  return data;
}

/**
 * The identity of a part's content, for idempotency: its header (what every part shares) and
 * index, then each upsert's key, row and hash, then the deletions. Each row's values are bound to
 * its hash (checked above), so two parts with one digest carry the same data, as with a hash of
 * the whole body in stable JSON, which is what earlier versions stored (`sameBody`) — without
 * serialising the part again. Keys and hashes are hex, so the lines cannot run into each other.
 */
function partDigest(header: string, index: number, part: StagedPart): string {
  const lines: string[] = new Array<string>(part.upserts.length + 2);
  lines[0] = `part/2 ${index} ${header}`;
  for (let i = 0; i < part.upserts.length; i++) {
    const r = part.upserts[i]!;
    lines[i + 1] = `${r.key} ${r.row} ${r.hash}`;
  }
  lines[part.upserts.length + 1] = `- ${part.deletions.join(' ')}`;
  return sha256Hex(lines.join('\n'));
}

interface StageInput {
  p: Actor;
  ledgerId: string;
  part: SubmissionPart;
  /** The staged form (`staged.ts`). */
  body: string;
  bodyHash: string;
  /** Whether a stored part hash made by an earlier version is of this body. */
  sameBody: (storedHash: string) => boolean;
  header: string;
  headerHash: string;
  /** Personal-looking kinds the sender confirmed were not personal, counted. */
  confirmed: Record<string, number> | undefined;
}

async function stage(tx: Queryable, s: StageInput, now: Date): Promise<Staged> {
  const { p, part, ledgerId } = s;
  const id = part.submissionId;
  const index = part.part.index;
  if (p.divisionId === null) throw forbidden();
  const ledger = await findLedger(tx, ledgerId);
  if (ledger && ledger.division_id !== p.divisionId) throw forbidden();
  const audit = (action: string, entity: string, entityId: string, details: Record<string, unknown>) =>
    appendAudit(
      tx,
      { tokenId: p.tokenId, role: p.role, action, entity, entityId, revision: part.baseRevision, details },
      now,
    );

  const sub = await findSubmission(tx, id);
  let isNew = true;
  if (!sub) {
    const current = ledger?.revision ?? 0;
    if (part.baseRevision !== current) throw staleRevision(ledgerId, current, part.baseRevision);
    if (!ledger) {
      const claim = await ensureClaim(tx, p.divisionId, part.ledger.claimType, part.ledger.classification ?? null);
      await createLedger(
        tx,
        { id: ledgerId, divisionId: p.divisionId, claimId: claim.id, name: part.ledger.name },
        now,
      );
      await audit('create', 'ledger', ledgerId, { claimId: claim.id });
    }
    await insertSubmission(
      tx,
      {
        id,
        ledgerId,
        tokenId: p.tokenId,
        baseRevision: part.baseRevision,
        asOf: part.asOf,
        rulesetVersion: part.rulesetVersion,
        partsExpected: part.part.count,
        header: s.header,
        headerHash: s.headerHash,
      },
      now,
    );
  } else {
    if (sub.ledger_id !== ledgerId) throw submissionConflict('別の台帳の送信ID');
    const stored = await partHash(tx, id, index);
    if (stored !== undefined) {
      if (stored !== s.bodyHash && !s.sameBody(stored)) throw submissionConflict('同じ部分番号で内容が異なる');
      if (sub.status !== 'receiving') return { kind: 'stored', sub };
      isNew = false;
    } else if (sub.status !== 'receiving') {
      throw submissionConflict('処理済みの送信に含まれない部分');
    } else if ((await partHash(tx, id, HEADER_PART)) !== s.headerHash) {
      throw partMismatch();
    }
    if (ledger && ledger.revision !== sub.base_revision) return { kind: 'stale', current: ledger.revision };
  }
  if (isNew) {
    await insertPart(tx, id, index, s.bodyHash, s.body);
    await audit('receive', 'submission', id, {
      ledgerId,
      part: index,
      count: part.part.count,
      upserts: part.upserts.length,
      deletions: part.deletions.length,
      ...(s.confirmed ? { confirmedNoPersonalData: s.confirmed } : {}),
    });
  }
  const received = await countParts(tx, id);
  return received >= part.part.count ? { kind: 'complete', isNew } : { kind: 'received', received, isNew };
}
