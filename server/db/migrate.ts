/**
 * Brings a database to the latest schema. The version is `PRAGMA user_version`; before changing
 * an existing database a copy is taken beside it (`VACUUM INTO`), so a failed upgrade loses nothing.
 *
 * A migration is SQL, or a data step: a function run over the migration's transaction, for what
 * SQL cannot decide (the personal-text detector). A data step runs with `secure_delete` on, so
 * what it overwrites does not linger in free pages of the file.
 */
import { existsSync } from 'node:fs';
import type { Queryable } from './db.js';
import { MIGRATIONS } from './migrations/index.js';
import type { SqliteDb } from './sqlite.js';

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
  db: SqliteDb,
  now: Date = new Date(),
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  const from = await db.userVersion();
  const to = migrations.length;
  if (from > to) throw new SchemaTooNewError(from, to);
  if (from === to) return { from, to, backup: null, backupHoldsScrubbed: false };
  let backup: string | null = null;
  if (from > 0) {
    backup = `${db.path}.v${from}-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
    if (!existsSync(backup)) await db.execScript(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
  }
  let scrubbed = false;
  for (let v = from; v < to; v++) {
    const m = migrations[v]!;
    if (typeof m !== 'string') {
      scrubbed ||= m.scrubs === true;
      await db.execScript('PRAGMA secure_delete = ON');
      try {
        // The writer's transaction: the step and the version bump commit together, or not at all.
        await db.transaction(async (tx) => {
          await m.run(tx);
          await tx.run(`PRAGMA user_version = ${v + 1}`);
        });
      } finally {
        await db.execScript('PRAGMA secure_delete = OFF');
      }
      continue;
    }
    // Each migration and its version bump commit together, or not at all. The script is closed off
    // on its own lines, so a last statement without `;` or a trailing `--` comment cannot swallow
    // the version bump and the COMMIT.
    try {
      await db.execScript(`BEGIN IMMEDIATE;\n${m}\n;\nPRAGMA user_version = ${v + 1};\nCOMMIT;`);
    } catch (err) {
      await db.execScript('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return { from, to, backup, backupHoldsScrubbed: scrubbed && backup !== null };
}
