/**
 * Ledgers: the sync protocol's submission (domain/sync/protocol.ts, not repeated here), the
 * service's answers to it, the row changes for catching up, and the ledgers a caller may read.
 */
import { z } from 'zod';
import {
  SubmissionPart,
  type FindingCounts,
  type RowChanges as RowChangesType,
  type SubmissionResult,
} from '../sync/protocol.js';
import { Day, Instant, Org } from './common.js';

export { SubmissionPart };

const Totals = z.object({ rows: z.number().int(), assessed: z.number(), paid: z.number(), outstanding: z.number() });
const FindingCountsSchema = z.object({
  bySeverity: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  byRule: z.record(z.string(), z.number().int()),
});

/** The answer to a part: 202 received (more parts to come) or 200 applied (the whole submission). */
export const SubmissionAnswer = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('received'),
    submissionId: z.string(),
    ledgerId: z.string(),
    partsReceived: z.number().int(),
    partsExpected: z.number().int(),
  }),
  z.object({
    status: z.literal('applied'),
    submissionId: z.string(),
    ledgerId: z.string(),
    revision: z.number().int(),
    appliedAt: Instant,
    totals: Totals,
    findings: FindingCountsSchema,
  }),
]);

export const LedgerIdParams = z.object({ ledgerId: z.string().meta({ description: '8–64 of A–Z a–z 0–9 _ -' }) });
export const RowsQuery = z.object({
  since: z.string().regex(/^\d+$/).optional().meta({ description: 'revision, default 0' }),
});

/** `GET /ledgers/:id/rows?since=N`: what changed after revision N. */
export const RowChanges = z.object({
  ledgerId: z.string(),
  revision: z.number().int().min(0),
  rows: z.array(z.object({ key: z.string(), hash: z.string(), revision: z.number().int() })),
  deleted: z.array(z.object({ key: z.string(), revision: z.number().int() })),
});

const Amounts = z.object({ assessed: z.number(), paid: z.number(), outstanding: z.number() });

/** Years since the due date: `0-1`, `1-2`, … `5+`. */
export const AgingBucket = z.object({
  label: z.string(),
  fromYears: z.number().int(),
  toYears: z.number().int().nullable(),
  count: z.number().int(),
  outstanding: z.number(),
});

export const Ledger = z.object({
  id: z.string(),
  name: z.string(),
  bureau: Org,
  division: Org,
  claim: Org.extend({ classification: z.string().nullable() }),
  revision: z.number().int(),
  asOf: Day.nullable(),
  rulesetVersion: z.string().nullable(),
  lastSubmittedAt: Instant.nullable(),
  totals: Totals.extend({ current: Amounts, arrears: Amounts, unreadableRows: z.number().int() }),
  aging: z.array(AgingBucket),
  findings: FindingCountsSchema,
});
export const LedgerList = z.object({ ledgers: z.array(Ledger) });

// The protocol's own types and these schemas describe the same answers (a type error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
void ([true, true, true] satisfies [
  Same<z.infer<typeof SubmissionAnswer>, SubmissionResult>,
  Same<z.infer<typeof RowChanges>, RowChangesType>,
  Same<z.infer<typeof FindingCountsSchema>, FindingCounts>,
]);
