/**
 * The sync protocol between the task pane and the service, as zod schemas both sides validate
 * with. A submission carries rows as upserts keyed by a stable row key and explicit deletions
 * (never inferred from absence), in one or more parts applied together or not at all.
 */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../fields/catalogue.js';
import type { ReadField } from '../engine/ledger-row.js';
import { checkName, nameProblemMessage } from '../text/org-name.js';
import { SYNC_FIELDS } from './fields.js';
import { HEX_DIGEST, valueSchema, type Unreadable } from './values.js';

export { HEX_DIGEST };

/** A row key: the HMAC of the row's identity, with `#n` for its n-th repeat in the sheet. */
export const RowKey = z.string().regex(/^[0-9a-f]{64}(#[1-9][0-9]{0,5})?$/, 'row key');

/**
 * A synced value: a canonical value of the field's type (`values.ts`: ISO days, whole yen within
 * MAX_YEN, …; text only in text fields), null, or `{ unreadable: reason }` where the cell could not
 * be read. Never the text of a cell.
 */
export type SyncValue = string | number | boolean | null | Unreadable;

const valueShape = Object.fromEntries(SYNC_FIELDS.map((f) => [f, valueSchema(f).optional()])) as Record<
  string,
  z.ZodOptional<z.ZodType<SyncValue>>
>;

/** The values of one row, each of its field's type. Strict: a personal field, or any unknown one, is refused. */
export const SyncRowValues = z.object(valueShape).strict();
export type SyncRowValues = Partial<Record<(typeof SYNC_FIELDS)[number], SyncValue>>;

export const RowUpsert = z
  .object({
    key: RowKey,
    /** SHA-256 of the canonical values: the client compares it to know what changed. */
    hash: z.string().regex(HEX_DIGEST),
    /** The worksheet row, so findings can point back to it. */
    row: z.number().int().min(1).max(1_048_576),
    values: SyncRowValues,
  })
  .strict();
export type RowUpsert = z.infer<typeof RowUpsert>;

export const ISO_DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const days = z.number().int().min(0).max(3650);

export const MAX_LEDGER_NAME = 100;

export const LedgerInfo = z
  .object({
    /** The sheet's name: no control or invisible characters; checked for personal data on receipt. */
    name: z
      .string()
      .max(MAX_LEDGER_NAME)
      .superRefine((name, ctx) => {
        const c = checkName(name, MAX_LEDGER_NAME);
        if (!c.ok) ctx.addIssue({ code: 'custom', message: nameProblemMessage('台帳名', c.problem, MAX_LEDGER_NAME) });
      }),
    /** The sheet's claim type, as the pane checks it (overrides a 債権名 column). */
    claimType: z.string().min(1).max(100),
    classification: z.enum(CLASSIFICATIONS).optional(),
    /** The fields mapped in the sheet: an unmapped one is absent, not blank (outstanding is derived). */
    fields: z.array(z.enum(SYNC_FIELDS as [ReadField, ...ReadField[]])).max(SYNC_FIELDS.length),
    /** Rule parameters the sheet overrides. */
    params: z
      .object({
        demandDays: days,
        demandTermDays: days,
        contactStaleDays: days,
        earlyDunningDays: days,
        installmentGraceDays: days,
        prescriptionWarnDays: days,
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type LedgerInfo = z.infer<typeof LedgerInfo>;

export const MAX_ROWS_PER_PART = 20_000;

export const SubmissionPart = z
  .object({
    submissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'submissionId'),
    baseRevision: z.number().int().min(0),
    asOf: ISO_DAY,
    rulesetVersion: z.string().min(1).max(40),
    ledger: LedgerInfo,
    part: z.object({ index: z.number().int().min(0), count: z.number().int().min(1).max(10_000) }).strict(),
    upserts: z.array(RowUpsert).max(MAX_ROWS_PER_PART),
    deletions: z.array(RowKey).max(MAX_ROWS_PER_PART * 5),
    /**
     * The sender saw what the personal-text check found in this part's text values and ledger name
     * and confirmed it is not personal data. Never enough for a My Number-like number.
     */
    confirmedNoPersonalData: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.part.index < s.part.count, { message: 'part.index must be below part.count', path: ['part'] });
export type SubmissionPart = z.infer<typeof SubmissionPart>;

export interface FindingCounts {
  bySeverity: { error: number; warning: number; info: number };
  byRule: Record<string, number>;
}

export interface SubmissionTotals {
  rows: number;
  assessed: number;
  paid: number;
  outstanding: number;
}

/** The service's answer to a part: received (more parts to come) or applied (the whole submission). */
export type SubmissionResult =
  | { status: 'received'; submissionId: string; ledgerId: string; partsReceived: number; partsExpected: number }
  | {
      status: 'applied';
      submissionId: string;
      ledgerId: string;
      revision: number;
      appliedAt: string;
      totals: SubmissionTotals;
      findings: FindingCounts;
    };

/** `GET /api/v1/ledgers/:id/rows?since=N`: what changed after revision N, to catch up after a 409. */
export interface RowChanges {
  ledgerId: string;
  revision: number;
  rows: { key: string; hash: string; revision: number }[];
  deleted: { key: string; revision: number }[];
}

/** Error bodies of every endpoint: a stable code, a Japanese message, and details. */
export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}
