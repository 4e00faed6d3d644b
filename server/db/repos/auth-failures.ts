/**
 * Failed authentications by client address, for the brake (`server/http/security.ts`): shared by
 * every service instance on the database. A row holds the address and the time only, never the
 * token presented; rows older than the brake's window are deleted whenever a failure is recorded
 * (and when the service starts).
 * Each statement stands alone (no transaction): a failure recorded by two instances at once needs
 * no ordering, and nothing here may wait for or be run again after another instance's write.
 */
import type { Queryable } from '../db.js';

/**
 * The time (ms) of the `n`th most recent failure from `address` after `since`, or undefined when
 * there are fewer than `n`: one indexed read, usually of nothing.
 */
export async function nthRecentFailure(
  q: Queryable,
  address: string,
  since: number,
  n: number,
): Promise<number | undefined> {
  const row = await q.get<{ at: number }>(
    'SELECT at FROM auth_failures WHERE address = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?',
    [address, since, n - 1],
  );
  return row === undefined ? undefined : Number(row.at);
}

/** Records a failure from `address` at `at`. */
export async function recordFailure(q: Queryable, address: string, at: number): Promise<void> {
  await q.run('INSERT INTO auth_failures (address, at) VALUES (?, ?)', [address, at]);
}

/** Deletes every failure at or before `expired`. */
export async function pruneFailures(q: Queryable, expired: number): Promise<void> {
  await q.run('DELETE FROM auth_failures WHERE at <= ?', [expired]);
}
