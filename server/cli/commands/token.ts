/**
 * `saiken token create|list|revoke`: manages access tokens directly in the database (for the
 * first setup and for recovery). A new token is printed once on stdout; only its hash is stored.
 * Finance and admin tokens are made only here, on the service's own machine: the admin API mints
 * division and accounting tokens only.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { formatTsv } from '../../../domain/reports/delimited.js';
import { appendAudit } from '../../db/repos/audit.js';
import { OrgNameError } from '../../db/repos/org.js';
import { ROLES } from '../../../domain/api/common.js';
import { checkLabel, LABEL_EXAMPLE, listTokens, revokeToken } from '../../db/repos/tokens.js';
import { ScopeError } from '../../db/repos/token-scope.js';
import { createToken } from '../../tokens.js';
import { CliError, parseOptions } from '../errors.js';
import type { CliContext } from '../io.js';
import { addDbOption, dbOption, withDb } from '../database.js';

/** A name option: every problem is a Japanese sentence (zod's own messages are English). */
const nameOption = (what: string, flag: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what}（${flag}）が空です。` })
    .max(400, { error: `${what}（${flag}）が長すぎます。` });

const CreateOptions = z.object({
  db: dbOption,
  role: z.enum(ROLES, { error: `役割（--role）は ${ROLES.join('、')} のいずれかを指定してください。` }),
  bureau: nameOption('局名', '--bureau').optional(),
  division: nameOption('課名', '--division').optional(),
  label: z.string().max(400, { error: '名前（--label）が長すぎます。' }).default(''),
});

export function register(program: Command, ctx: CliContext): void {
  const token = program.command('token').description('アクセストークンを管理する');

  addDbOption(token.command('create').description('トークンを作り、標準出力に一度だけ表示する'))
    .requiredOption('--role <role>', `役割: ${ROLES.join(' | ')}`)
    .option('--bureau <name>', '局名（division と accounting）')
    .option('--division <name>', '課名（division）')
    .option('--label <text>', `控えのための名前。人の名前ではなく端末や用途で（例: ${LABEL_EXAMPLE}）`)
    .action(async (raw: unknown) => {
      const o = parseOptions(CreateOptions, raw);
      // Checked before the database is opened (and made): a refused label leaves nothing behind.
      const label = checkLabel(o.label);
      if (!label.ok) throw new CliError(label.message);
      const created = await withDb(o.db, (db) =>
        createToken(
          db,
          { role: o.role, bureau: o.bureau, division: o.division, label: o.label },
          { tokenId: null, role: null },
          'cli',
        ).catch((e: unknown) => {
          throw e instanceof ScopeError || e instanceof OrgNameError ? new CliError(e.message) : e;
        }),
      );
      ctx.io.out(`${created.token}\n`);
      ctx.io.err(`トークン #${created.record.id}（${o.role}）を作りました。この一度しか表示しません。\n`);
    });

  addDbOption(token.command('list').description('トークンの一覧（トークンそのものは表示しない）')).action(
    async (raw: unknown) => {
      const o = parseOptions(z.object({ db: dbOption }), raw);
      const rows = await withDb(o.db, (db) => listTokens(db));
      // TSV through the one delimited writer: a label or name is never read as a formula.
      ctx.io.out(
        formatTsv([
          ['ID', '役割', '局', '課', '名前', '作成', '失効'],
          ...rows.map((t) => [t.id, t.role, t.bureau, t.division, t.label, t.created_at, t.revoked_at]),
        ]),
      );
    },
  );

  addDbOption(token.command('revoke').description('トークンを失効させる'))
    .requiredOption('--id <n>', '失効させるトークンの ID（token list で確認）')
    .action(async (raw: unknown) => {
      const o = parseOptions(
        z.object({
          db: dbOption,
          id: z.string().regex(/^\d+$/, { error: 'ID（--id）は整数で指定してください。' }).transform(Number),
        }),
        raw,
      );
      const ok = await withDb(o.db, (db) =>
        db.transaction(async (tx) => {
          const revoked = await revokeToken(tx, o.id);
          if (revoked)
            await appendAudit(tx, {
              tokenId: null,
              role: null,
              action: 'revoke',
              entity: 'token',
              entityId: String(o.id),
              details: { via: 'cli' },
            });
          return revoked;
        }),
      );
      if (!ok) throw new CliError(`有効なトークン #${o.id} はありません。`);
      ctx.io.err(`トークン #${o.id} を失効させました。\n`);
    });
}
