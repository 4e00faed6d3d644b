/**
 * Backups (`saiken db backup`): a SQLite database is copied by the engine itself (`VACUUM INTO`,
 * consistent while the service runs); PostgreSQL's are its own tools' (pg_dump, base backups), for
 * which `pgDumpCommand` writes an example command line (never with the password).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from './db.js';

export class BackupExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/**
 * A consistent copy of the database in the new file `out` (never over an existing file); returns
 * its size in bytes. Null when the engine has no such copy (PostgreSQL).
 */
export async function backupTo(db: Db, out: string): Promise<number | null> {
  const backup = db.schema.backup;
  if (!backup) return null;
  const path = resolve(out);
  if (existsSync(path)) throw new BackupExistsError(path);
  mkdirSync(dirname(path), { recursive: true });
  try {
    await backup(path);
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  return statSync(path).size;
}

/** A word as a POSIX shell reads it back unchanged. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * An example pg_dump command for the database at `url` into `out` (custom format): host, port,
 * user and database from the URL, the schema when the URL sets a search_path; the password is
 * left out (PGPASSWORD or ~/.pgpass supply it).
 */
export function pgDumpCommand(url: string, out: string): string {
  const words = ['pg_dump', '--format=custom', `--file=${shellWord(out)}`];
  try {
    const u = new URL(url);
    if (u.hostname) words.push(`--host=${shellWord(decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1'))}`);
    if (u.port) words.push(`--port=${u.port}`);
    if (u.username) words.push(`--username=${shellWord(decodeURIComponent(u.username))}`);
    const schema = /search_path\s*=\s*([^\s,]+)/.exec(u.searchParams.get('options') ?? '')?.[1];
    if (schema) words.push(`--schema=${shellWord(schema)}`);
    const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
    if (database) words.push(shellWord(database));
  } catch {
    words.push('<データベース名>');
  }
  return words.join(' ');
}

/** Bytes as a person reads them: 512 B, 3.4 KB, 12.0 MB, 1.2 GB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(1)} ${units[i]}`;
}
