/**
 * Which engine a location names: a `postgres://` or `postgresql://` URL is PostgreSQL, anything
 * else is a SQLite file. The one place the service, the CLI and the report thread open a database.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db, Snapshot } from './db.js';
import { PgDb, openPgSnapshot, redactUrl } from './postgres.js';
import { SqliteDb, openSqliteSnapshot } from './sqlite.js';

export interface OpenOptions {
  /** PostgreSQL's pool size. */
  poolSize?: number;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** A location as it may be printed or logged (no password). */
export const printable = (location: string): string =>
  isPostgresUrl(location) ? redactUrl(location) : resolve(location);

export async function openDb(location: string, o: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(location)) return PgDb.open(location, o);
  const path = resolve(location);
  mkdirSync(dirname(path), { recursive: true });
  return SqliteDb.open(path);
}

export function openSnapshot(location: string): Promise<Snapshot> {
  return isPostgresUrl(location) ? openPgSnapshot(location) : openSqliteSnapshot(location);
}
