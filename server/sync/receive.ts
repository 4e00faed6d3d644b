/**
 * Receiving one part of a submission: refuse personal data first, validate, then stage the part
 * (idempotently: a retried part with the same body gets the same answer). When the last part is
 * in, the whole submission is applied (`apply.ts`).
 */
import { parseISODay } from '../../domain/calendar/day.js';
import { SubmissionPart } from '../../domain/sync/protocol.js';
import { canonicalJson } from '../../domain/sync/sync-row.js';
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
import type { Principal } from '../http/auth.js';
import { ApiFailure, forbidden, parseWith } from '../http/errors.js';
import { applySubmission } from './apply.js';
import { sha256Hex, stableJson } from './canonical.js';
import {
  duplicateKey,
  invalidLedgerId,
  partMismatch,
  rowHashMismatch,
  staleRevision,
  submissionConflict,
} from './failures.js';
import { assertNoPersonalData } from './guard.js';
import { rejectSubmission, storedReply, type SyncReply } from './reply.js';

export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;

type Staged =
  | { kind: 'stored'; sub: SubmissionRecord }
  | { kind: 'stale'; current: number }
  | { kind: 'received'; received: number }
  | { kind: 'complete' };

export async function receivePart(
  db: Db,
  p: Principal,
  ledgerId: string,
  raw: unknown,
  now: () => Date = () => new Date(),
): Promise<SyncReply> {
  if (!LEDGER_ID.test(ledgerId)) throw invalidLedgerId();
  assertNoPersonalData(raw);
  const part = parseWith(SubmissionPart, raw);
  if (parseISODay(part.asOf) === null) {
    throw new ApiFailure(400, 'invalid-input', '基準日（asOf）が実在する日付ではありません。');
  }
  checkRows(part);
  const body = stableJson(part);
  const header = stableJson({
    baseRevision: part.baseRevision,
    asOf: part.asOf,
    rulesetVersion: part.rulesetVersion,
    ledger: part.ledger,
    count: part.part.count,
  });
  const input = { p, ledgerId, part, body, bodyHash: sha256Hex(body), header, headerHash: sha256Hex(header) };
  const staged = await db.transaction((tx) => stage(tx, input, now()));
  switch (staged.kind) {
    case 'stored':
      return storedReply(staged.sub);
    case 'stale':
      return rejectSubmission(
        db,
        p,
        part.submissionId,
        staleRevision(ledgerId, staged.current, part.baseRevision),
        now(),
      );
    case 'received':
      return {
        status: 202,
        body: {
          status: 'received',
          submissionId: part.submissionId,
          ledgerId,
          partsReceived: staged.received,
          partsExpected: part.part.count,
        },
      };
    case 'complete':
      return applySubmission(db, p, part.submissionId, now);
  }
}

/** Within a part: keys unique across upserts and deletions, hashes matching the values. */
function checkRows(part: SubmissionPart): void {
  const seen = new Set<string>();
  let dup = 0;
  let badHash = 0;
  for (const u of part.upserts) {
    if (seen.has(u.key)) dup++;
    seen.add(u.key);
    if (sha256Hex(canonicalJson(u.values)) !== u.hash) badHash++;
  }
  for (const k of part.deletions) {
    if (seen.has(k)) dup++;
    seen.add(k);
  }
  if (dup > 0) throw duplicateKey(dup);
  if (badHash > 0) throw rowHashMismatch(badHash);
}

interface StageInput {
  p: Principal;
  ledgerId: string;
  part: SubmissionPart;
  body: string;
  bodyHash: string;
  header: string;
  headerHash: string;
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
      if (stored !== s.bodyHash) throw submissionConflict('同じ部分番号で内容が異なる');
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
    });
  }
  const received = await countParts(tx, id);
  return received >= part.part.count ? { kind: 'complete' } : { kind: 'received', received };
}
