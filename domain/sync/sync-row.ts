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

/**
 * The row's key: a hash of its identity (the duplicate key of DUPLICATE_ROW), so inserting or
 * sorting rows in the sheet does not change it. `occurrence` numbers repeats of one identity.
 */
export async function rowKey(row: LedgerRow, occurrence: number, crypto: SyncCrypto): Promise<string> {
  const identity = row.duplicateKey ?? `row\u0000${row.row}`;
  const base = await crypto.hmac(`row\u0000${identity}`);
  return occurrence > 0 ? `${base}#${occurrence}` : base;
}

/** Builds the upserts for rows in sheet order, numbering repeated identities. */
export async function buildUpserts(
  rows: Iterable<LedgerRow>,
  mapped: ReadonlySet<ReadField>,
  crypto: SyncCrypto,
): Promise<RowUpsert[]> {
  const seen = new Map<string, number>();
  const out: RowUpsert[] = [];
  for (const row of rows) {
    const identity = row.duplicateKey ?? `row\u0000${row.row}`;
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    const values = await syncValues(row, mapped, crypto);
    out.push({
      key: await rowKey(row, n, crypto),
      hash: await crypto.sha256(canonicalJson(values)),
      row: row.row,
      values,
    });
  }
  return out;
}
