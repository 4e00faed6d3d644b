/**
 * `saiken db migrate|backup|copy`: the database's upkeep on the service's machine. `migrate`
 * brings it to the latest schema (as `saiken serve` does on start, but on its own and saying so),
 * `backup` copies a SQLite database consistently (PostgreSQL's backups are pg_dump's), and `copy`
 * moves a whole database to another place or engine, verified (`server/db/copy.ts`). Messages go
 * to stderr; a URL's password is never printed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BackupExistsError, backupTo, formatSize, pgDumpCommand } from '../../db/backup.js';
import { copyDatabase, CopyError } from '../../db/copy.js';
import type { Db } from '../../db/db.js';
import { migrate, SchemaTooNewError, type MigrationOutcome } from '../../db/migrate.js';
import { isPostgresUrl, openDb, printable } from '../../db/open.js';
import { addDbOption, dbOption, openFailure, withDb } from '../database.js';
import { CliError, parseOptions } from '../errors.js';
import type { CliContext } from '../io.js';
import { lazyProgress } from '../progress.js';

const detail = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** A SQLite file that is not there is not made by a command that only reads it. */
function mustExist(location: string, what: string): void {
  if (!isPostgresUrl(location) && !existsSync(resolve(location))) {
    throw new CliError(`${what} ${printable(location)} がありません。場所を確認してください。`);
  }
}

async function open(location: string): Promise<Db> {
  try {
    return await openDb(location);
  } catch (e) {
    throw new CliError(openFailure(e, location));
  }
}

async function migrated(db: Db, location: string): Promise<MigrationOutcome> {
  try {
    return await migrate(db);
  } catch (e) {
    if (e instanceof SchemaTooNewError) throw new CliError(openFailure(e, location));
    throw new CliError(`データベース ${printable(location)} を最新の形式にできませんでした（${detail(e)}）。`);
  }
}

/** What a migration did, as `saiken serve` reports it (the copy taken before, the values it still holds). */
function reportMigration(ctx: CliContext, what: string, where: string, m: MigrationOutcome, quiet: boolean): void {
  if (m.from === m.to) {
    if (!quiet) ctx.io.err(`${what} ${where} はすでに最新の形式（${m.to}）です。\n`);
    return;
  }
  if (m.from === 0) ctx.io.err(`${what} ${where} に表を作り、最新の形式（${m.to}）にしました。\n`);
  else ctx.io.err(`${what} ${where} を形式 ${m.from} から形式 ${m.to} に更新しました。\n`);
  if (m.backup) ctx.io.err(`更新前のコピーを ${m.backup} に作りました。\n`);
  if (m.backupHoldsScrubbed) {
    ctx.io.err(
      `更新前のコピー ${m.backup} には、今回の更新で個人情報として消した値が残っています。更新後の動作を確かめたら削除してください。\n`,
    );
  }
}

const BackupOptions = z.object({
  db: dbOption,
  out: z.string().min(1, { error: 'バックアップの保存先（--out）を指定してください。' }),
});

const CopyOptions = z.object({
  from: z.string().min(1, { error: 'コピー元（--from）を指定してください。' }),
  to: z.string().min(1, { error: 'コピー先（--to）を指定してください。' }),
});

export function register(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('データベースの更新・バックアップ・移し替え');

  addDbOption(db.command('migrate').description('データベースを最新の形式にする（なければ作る）')).action(
    async (raw: unknown) => {
      const o = parseOptions(z.object({ db: dbOption }), raw);
      const opened = await open(o.db);
      try {
        reportMigration(ctx, 'データベース', printable(o.db), await migrated(opened, o.db), false);
      } finally {
        await opened.close();
      }
    },
  );

  addDbOption(db.command('backup').description('データベースのバックアップを取る（SQLite）'))
    .requiredOption('--out <file>', 'バックアップの保存先（まだないファイル）')
    .action(async (raw: unknown) => {
      const o = parseOptions(BackupOptions, raw);
      if (isPostgresUrl(o.db)) {
        throw new CliError(
          `PostgreSQL のバックアップは saiken ではなく pg_dump（またはベースバックアップ）で取ってください。例: ${pgDumpCommand(o.db, o.out)}（パスワードは PGPASSWORD か ~/.pgpass で渡します）`,
        );
      }
      const out = resolve(o.out);
      if (existsSync(out))
        throw new CliError(`${out} はすでにあります。上書きはしません。新しいファイル名を指定してください。`);
      mustExist(o.db, 'データベース');
      const size = await withDb(
        o.db,
        (opened) =>
          backupTo(opened, out).catch((e: unknown) => {
            if (e instanceof BackupExistsError) {
              throw new CliError(`${out} はすでにあります。上書きはしません。新しいファイル名を指定してください。`);
            }
            throw new CliError(
              `バックアップを ${out} に書けませんでした。保存先と空き容量を確認してください（${detail(e)}）。`,
            );
          }),
        { migrate: false },
      );
      ctx.io.err(
        `データベース ${printable(o.db)} のバックアップを ${out} に作りました（${formatSize(size ?? 0)}）。\n`,
      );
    });

  db.command('copy')
    .description('データベースを丸ごと別の場所へ移す（SQLite → PostgreSQL など）。コピー先は空であること')
    .requiredOption('--from <file|url>', 'コピー元: SQLite のファイル、または postgres://… の URL')
    .requiredOption('--to <file|url>', 'コピー先（空のデータベース）: SQLite のファイル、または postgres://… の URL')
    .action(async (raw: unknown) => {
      const o = parseOptions(CopyOptions, raw);
      const [from, to] = [printable(o.from), printable(o.to)];
      if (from === to) throw new CliError('コピー元とコピー先が同じです。別のデータベースを指定してください。');
      mustExist(o.from, 'コピー元のデータベース');
      const source = await open(o.from);
      try {
        reportMigration(ctx, 'コピー元のデータベース', from, await migrated(source, o.from), true);
        const target = await open(o.to);
        try {
          reportMigration(ctx, 'コピー先のデータベース', to, await migrated(target, o.to), true);
          const started = ctx.io.now();
          const progress = lazyProgress(ctx.io);
          const summary = await copyDatabase(source, target, {
            onPage: (p) => progress.update(`コピー中（${p.table}）`, p.done, p.total),
          })
            .catch((e: unknown) => {
              if (e instanceof CopyError) throw new CliError(e.message);
              throw new CliError(
                `コピーに失敗したため、コピー先への書き込みを取り消しました（${detail(e)}）。コピー先は空のままです。`,
              );
            })
            .finally(() => progress.stop());
          const seconds = ((ctx.io.now() - started) / 1000).toFixed(1);
          ctx.io.err(
            `${from} から ${to} へコピーしました: ${summary.tables.length} 表、${summary.rows.toLocaleString('ja-JP')} 行。表ごとの行数と台帳 ${summary.ledgers.toLocaleString('ja-JP')} 件の合計・行がコピー元と一致しました（${seconds} 秒）。\n`,
          );
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}
