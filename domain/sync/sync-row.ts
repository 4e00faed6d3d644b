/**
 * Turns a checked row into what leaves the workbook: canonical values of `yes` fields, keyed
 * hashes of `key` fields, nothing of personal ones. A cell the engine could not read is sent as
 * `{ unreadable: reason }`, never as its text: the service's grid turns the marker back into a cell
 * its engine cannot read either (`server-grid.ts`), so both find the same INVALID_* finding.
 */
import { formatISO } from '../calendar/day.js';
import { fieldDef } from '../fields/catalogue.js';
import type { LedgerRow, ReadField } from '../engine/ledger-row.js';
import { HASHED_FIELDS, SENT_ONLY_WHEN_FILLED, SYNC_FIELDS } from './fields.js';
import type { RowUpsert, SyncRowValues, SyncValue } from './protocol.js';

/** Keyed hashing, supplied by the platform (Web Crypto in the pane, node:crypto on the server). */
export interface SyncCrypto {
  /** HMAC-SHA256 with the city's key, lower-case hex. */
  hmac(text: string): Promise<string>;
  /** SHA-256, lower-case hex. */
  sha256(text: string): Promise<string>;
}

const HASHED = new Set<ReadField>(HASHED_FIELDS);

function canonical(field: ReadField, value: unknown): SyncValue {
  if (value === null || value === undefined) return null;
  if (fieldDef(field).type === 'date') return formatISO(value as number);
  return value as SyncValue;
}

/** The values of a row as sent. */
export async function syncValues(
  row: LedgerRow,
  mapped: ReadonlySet<ReadField>,
  crypto: SyncCrypto,
): Promise<SyncRowValues> {
  const out: Record<string, SyncValue> = {};
  for (const field of SYNC_FIELDS) {
    if (!mapped.has(field)) continue;
    const bad = row.invalid?.[field];
    if (bad) {
      out[field] = { unreadable: bad };
      continue;
    }
    let v = canonical(field, row.v[field]);
    if (v === null && SENT_ONLY_WHEN_FILLED.has(field)) continue;
    if (HASHED.has(field) && v !== null) v = await crypto.hmac(`${field}\u0000${String(v)}`);
    out[field] = v;
  }
  return out as SyncRowValues;
}

/** A stable JSON form (keys in SYNC_FIELDS order) so that equal rows hash equally. */
export function canonicalJson(values: SyncRowValues): string {
  const parts: string[] = [];
  for (const f of SYNC_FIELDS) {
    const v = values[f];
    if (v !== undefined) parts.push(`${JSON.stringify(f)}:${JSON.stringify(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** What makes two rows the same row: the duplicate key of DUPLICATE_ROW, else the sheet row. */
function identityOf(row: LedgerRow): string {
  return row.duplicateKey ?? `row\u0000${row.row}`;
}

/**
 * The row's key: a hash of its identity (the duplicate key of DUPLICATE_ROW), so inserting or
 * sorting rows in the sheet does not change it. `occurrence` numbers repeats of one identity.
 */
export async function rowKey(row: LedgerRow, occurrence: number, crypto: SyncCrypto): Promise<string> {
  const base = await crypto.hmac(`row\u0000${identityOf(row)}`);
  return occurrence > 0 ? `${base}#${occurrence}` : base;
}

/** One row as it leaves: its values, its key (the `occurrence`-th repeat of its identity), the hash of its values. */
export async function buildUpsert(
  row: LedgerRow,
  occurrence: number,
  mapped: ReadonlySet<ReadField>,
  crypto: SyncCrypto,
): Promise<RowUpsert> {
  const [values, key] = await Promise.all([syncValues(row, mapped, crypto), rowKey(row, occurrence, crypto)]);
  return { key, hash: await crypto.sha256(canonicalJson(values)), row: row.row, values };
}

/**
 * Rows whose digests are asked for together: a platform that answers digests off the thread (Web
 * Crypto) works on a whole batch at once instead of one round trip per digest, and no more than a
 * batch of rows waits on it at a time.
 */
export const BUILD_BATCH_ROWS = 2048;

/**
 * Builds the upserts for rows in sheet order, numbering repeated identities. The result is the
 * same whatever `batchRows` is (1: one row after the other).
 */
export async function buildUpserts(
  rows: Iterable<LedgerRow>,
  mapped: ReadonlySet<ReadField>,
  crypto: SyncCrypto,
  batchRows = BUILD_BATCH_ROWS,
): Promise<RowUpsert[]> {
  const seen = new Map<string, number>();
  const out: RowUpsert[] = [];
  let batch: Promise<RowUpsert>[] = [];
  for (const row of rows) {
    const identity = identityOf(row);
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    batch.push(buildUpsert(row, n, mapped, crypto));
    if (batch.length >= batchRows) {
      for (const u of await Promise.all(batch)) out.push(u);
      batch = [];
    }
  }
  for (const u of await Promise.all(batch)) out.push(u);
  return out;
}
