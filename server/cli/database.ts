/**
 * The `--db` option every command that opens the service's database shares, and opening it: a
 * SQLite file (the default, `data/saiken.db`) or a PostgreSQL URL, from `--db`, `SAIKEN_DB` or
 * `DATABASE_URL`. A URL's password is never printed.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { migrate, SchemaTooNewError } from '../db/migrate.js';
import { openDb, printable } from '../db/open.js';
import { CliError } from './errors.js';

export const DEFAULT_DB = 'data/saiken.db';

export const dbOption = z.string().min(1, { error: 'データベース（--db）を指定してください。' });

export const poolOption = z
  .string()
  .regex(/^\d+$/, { error: '接続数（--db-pool）は 2〜1000 の整数で指定してください。' })
  .transform(Number)
  .refine((n) => n >= 2 && n <= 1000, { error: '接続数（--db-pool）は 2〜1000 の整数で指定してください。' });

export function addDbOption(c: Command): Command {
  return c.option(
    '--db <file|url>',
    'データベース: SQLite のファイル、または postgres://… の URL（環境変数 SAIKEN_DB / DATABASE_URL）',
    process.env.SAIKEN_DB ?? process.env.DATABASE_URL ?? DEFAULT_DB,
  );
}

/** Why a database could not be opened, in Japanese, from the driver's error code. */
export function openFailure(e: unknown, location: string): string {
  const code = (e as { code?: unknown })?.code;
  const where = printable(location);
  if (e instanceof SchemaTooNewError) {
    return `データベースがこのバージョンより新しい形式です（${e.found}）。新しい saiken で開いてください。`;
  }
  if (code === 'SQLITE_NOTADB') return `${where} は SQLite データベースではありません。`;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `PostgreSQL（${where}）に接続できません。サーバーが動いているか、ホストとポートを確認してください。`;
  }
  if (code === '28P01' || code === '28000')
    return `PostgreSQL（${where}）の認証に失敗しました。ユーザーとパスワードを確認してください。`;
  if (code === '3D000') return `PostgreSQL のデータベースがありません（${where}）。先に作ってください。`;
  if (code === '42501')
    return `PostgreSQL（${where}）で権限が足りません。テーブルを作る権限（マイグレーション）を確認してください。`;
  return `データベース ${where} を開けません。--db の場所と権限を確認してください。`;
}

/** Opens (and by default migrates) the database for one command, and closes it after. */
export async function withDb<T>(
  location: string,
  fn: (db: Db) => Promise<T>,
  o: { migrate?: boolean } = {},
): Promise<T> {
  let db: Db | undefined;
  try {
    db = await openDb(location);
    if (o.migrate !== false) await migrate(db);
  } catch (e) {
    await db?.close().catch(() => undefined);
    throw new CliError(openFailure(e, location));
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
