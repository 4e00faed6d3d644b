/**
 * What one synced value may be, per field type (`fields.md`): a canonical value of the field's
 * type, null (blank), or the marker of a cell the pane could not read. The marker says only why
 * (the engine's reason), never what the cell held: the text of a cell never leaves the workbook.
 */
import { z } from 'zod';
import { fieldDef, type FieldType } from '../fields/catalogue.js';
import type { ReadField, RowInvalidReason } from '../engine/ledger-row.js';
import { isValidYMD } from '../calendar/day.js';
import { MAX_FISCAL_YEAR, MAX_YEN, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../values/limits.js';
import { HASHED_FIELDS, SYNC_FIELDS } from './fields.js';

export const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** Why a cell could not be read: the engine's reasons (`RowInvalidReason`), and nothing else. */
export const UNREADABLE_CODES = [
  'unreadable',
  'fraction',
  'no-such-day',
  'out-of-range',
  'unknown-option',
  'negative',
] as const satisfies readonly RowInvalidReason[];
export type UnreadableCode = (typeof UNREADABLE_CODES)[number];

/** `{ "unreadable": "no-such-day" }`: a cell the pane could not read, without its text. */
export const Unreadable = z.object({ unreadable: z.enum(UNREADABLE_CODES) }).strict();
export type Unreadable = z.infer<typeof Unreadable>;

export const isUnreadable = (v: unknown): v is Unreadable =>
  typeof v === 'object' && v !== null && typeof (v as { unreadable?: unknown }).unreadable === 'string';

/** The longest text value (債権名, 期別, 欠損理由, 所得階層) a row may carry. */
export const MAX_TEXT_VALUE = 100;

/** The years the engine reads a date in (明治 to Excel's last year): others are typing slips. */
const MIN_DATE_YEAR = 1868;
const MAX_DATE_YEAR = 9999;

/** A real day in `YYYY-MM-DD` within the years the engine reads. */
export function isCanonicalDay(s: string): boolean {
  const y = Number(s.slice(0, 4));
  return y >= MIN_DATE_YEAR && y <= MAX_DATE_YEAR && isValidYMD(y, Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

export const IsoDayValue = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCanonicalDay, '実在する日付（YYYY-MM-DD）');

export const YEN_LIMIT_MESSAGE = `金額は ${MAX_YEN_LABEL} 以内の整数で送ってください。`;

const yen = z.number().int().min(-MAX_YEN, YEN_LIMIT_MESSAGE).max(MAX_YEN, YEN_LIMIT_MESSAGE);
const fiscalYear = z.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR);
const text = z.string().min(1).max(MAX_TEXT_VALUE);
const digest = z.string().regex(HEX_DIGEST);

function typedValue(type: FieldType, options: readonly string[] | undefined): z.ZodType {
  switch (type) {
    case 'date':
      return IsoDayValue;
    case 'booleanOrDate':
      // The pane sends the yes/no it read; a day of delegation is a yes, and is accepted as one.
      return z.union([z.boolean(), IsoDayValue]);
    case 'yen':
      return yen;
    case 'fiscalYear':
      return fiscalYear;
    case 'integer':
      return z.number().int().min(0);
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(options as [string, ...string[]]);
    case 'text':
      return text;
  }
}

/** The schema of one field's value: typed, unreadable or null; key fields only as digests. */
export function valueSchema(field: ReadField): z.ZodType {
  const def = fieldDef(field);
  const typed = HASHED_FIELDS.includes(field) ? digest : typedValue(def.type, def.options);
  return z.union([typed, Unreadable]).nullable();
}

/** Text fields sent as values: what the personal-text detector reads. */
export const TEXT_FIELDS: readonly ReadField[] = SYNC_FIELDS.filter(
  (f) => fieldDef(f).type === 'text' && !HASHED_FIELDS.includes(f),
);

/** Why a value of the right type is still refused (the schema's bounds), for the pane's own check. */
export type ValueBound = 'too-long' | 'out-of-range';

/**
 * The bounds of the schema on values the engine read (typed as the field's type): the pane checks
 * them before sending, so a clerk sees the row instead of a refusal. Same limits as `valueSchema`
 * (`test/domain/sync/values.test.ts` checks the two agree).
 */
export function outOfBounds(field: ReadField, v: unknown): ValueBound | null {
  if (v === null || HASHED_FIELDS.includes(field)) return null;
  switch (fieldDef(field).type) {
    case 'text':
      return typeof v === 'string' && v.length > MAX_TEXT_VALUE ? 'too-long' : null;
    case 'yen':
      return typeof v === 'number' && Math.abs(v) > MAX_YEN ? 'out-of-range' : null;
    case 'fiscalYear':
      return typeof v === 'number' && (v < MIN_FISCAL_YEAR || v > MAX_FISCAL_YEAR) ? 'out-of-range' : null;
    case 'integer':
      return typeof v === 'number' && !Number.isSafeInteger(v) ? 'out-of-range' : null;
    default:
      return null;
  }
}
