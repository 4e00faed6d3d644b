/**
 * The per-row path of building upserts: each row's digests awaited in turn, before the next row is
 * looked at (how the pane and `saiken submit` built them before batching). The oracle the batched
 * `buildUpserts` must equal, and the "before" of the first-sync benchmark.
 */
import type { LedgerRow, ReadField } from '../../../domain/engine/ledger-row.js';
import type { RowUpsert } from '../../../domain/sync/protocol.js';
import { canonicalJson, rowKey, syncValues, type SyncCrypto } from '../../../domain/sync/sync-row.js';

export async function buildUpsertsPerRow(
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
    const key = await rowKey(row, n, crypto);
    out.push({ key, hash: await crypto.sha256(canonicalJson(values)), row: row.row, values });
  }
  return out;
}
