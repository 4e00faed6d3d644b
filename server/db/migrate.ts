/**
 * Brings a database to the latest schema, on either engine, from one numbered list. Before an
 * existing SQLite file is changed a copy is taken beside it (`VACUUM INTO`), so a failed upgrade
 * loses nothing; PostgreSQL's DDL is transactional and its backups are the operator's (pg_dump).
 * Two processes starting together migrate once: the second waits for the first's lock and then
 * finds the schema current.
 *
 * A migration is SQL (written for SQLite; `postgres.ts` translates the column types), or a data
 * step: a function run over the migration's transaction, for what SQL cannot decide (the
 * personal-text detector).
 */
import { existsSync } from 'node:fs';
import type { Db, Queryable } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DataMigration {
  /** What it does, for the error when it fails. */
  name: string;
  /** Runs inside the migration's transaction; the version bump commits with it. */
  run(tx: Queryable): Promise<void>;
  /** It removes data from the database (the copy taken before it still holds that data). */
  scrubs?: boolean;
}

export type Migration = string | DataMigration;

export interface MigrationOutcome {
  from: number;
  to: number;
  backup: string | null;
  /** A step removed data that `backup` still holds: the copy must be deleted once the upgrade is verified. */
  backupHoldsScrubbed: boolean;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number = MIGRATIONS.length,
  ) {
    super(`database schema version ${found} is newer than this program (${supported})`);
  }
}

/** `migrations` is for tests (an extra or failing step); the program always uses MIGRATIONS. */
export async function migrate(
  db: Db,
  now: Date = new Date(),
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  const store = db.schema;
  return store.exclusive(async () => {
    const from = await store.version();
    const to = migrations.length;
    if (from > to) throw new SchemaTooNewError(from, to);
    if (from === to) return { from, to, backup: null, backupHoldsScrubbed: false };
    let backup: string | null = null;
    if (from > 0 && store.backup && store.upgradeCopyBase) {
      backup = `${store.upgradeCopyBase}.v${from}-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
      if (!existsSync(backup)) await store.backup(backup);
    }
    let scrubbed = false;
    for (let v = from; v < to; v++) {
      const m = migrations[v]!;
      if (typeof m === 'string') await store.applyScript(m, v + 1);
      else {
        scrubbed ||= m.scrubs === true;
        await store.applyStep((tx) => m.run(tx), v + 1);
      }
    }
    return { from, to, backup, backupHoldsScrubbed: scrubbed && backup !== null };
  });
}
