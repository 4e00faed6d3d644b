/**
 * The city's late-charge table, one JSON document in `settings` under its own key: read whole,
 * written whole, each write one version further on.
 */
import type { Queryable } from '../db.js';

const KEY = 'late_charge_table';

export interface StoredLateCharges {
  version: number;
  updatedAt: string;
  /** The table as finance wrote it (validated by the caller, before and after storing). */
  table: unknown;
}

export async function readLateCharges(q: Queryable): Promise<StoredLateCharges | null> {
  const row = await q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [KEY]);
  return row ? (JSON.parse(row.value) as StoredLateCharges) : null;
}

export async function writeLateCharges(q: Queryable, stored: StoredLateCharges): Promise<void> {
  await q.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(stored)],
  );
}
