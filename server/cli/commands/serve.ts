/**
 * `saiken serve`: the service in the foreground (API + the add-in's files), over HTTPS with a
 * development certificate unless one is configured; `--http` only on loopback.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { ServiceConfigError, startService } from '../../service.js';
import { parsePublicOrigin } from '../../http/security.js';
import { parseOfficeJsChoice, type OfficeJsChoice, type OfficeJsSource } from '../../http/office-js.js';
import { countTokens } from '../../db/repos/tokens.js';
import { CliError, parseOptions } from '../errors.js';
import { addDbOption, openFailure, poolOption } from '../database.js';
import { printable } from '../../db/open.js';
import type { CliContext } from '../io.js';

const DEFAULT_PORT = 8443;

const ServeOptions = z.object({
  port: z
    .string()
    .regex(/^\d+$/, { error: 'ポート番号（--port）は 0〜65535 の整数で指定してください。' })
    .transform(Number)
    .refine((n) => n <= 65535, { error: 'ポート番号（--port）は 0〜65535 の整数で指定してください。' }),
  host: z.string().min(1),
  db: z.string().min(1),
  dbPool: poolOption.optional(),
  http: z.boolean().default(false),
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  publicOrigin: z.string().optional(),
  officeJs: z.string(),
});

/** The package root (where package.json is), from source or from dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function register(program: Command, ctx: CliContext): void {
  const serve = program
    .command('serve')
    .description('サービスを起動する（API と アドインのファイルを配信）')
    .option('--port <n>', 'ポート番号', String(process.env.PORT ?? DEFAULT_PORT))
    .option('--host <host>', '待ち受けるアドレス', process.env.HOST ?? '127.0.0.1');
  addDbOption(serve)
    .option('--db-pool <n>', 'PostgreSQL への接続数（既定 10）', process.env.SAIKEN_DB_POOL)
    .option('--http', '暗号化なしの HTTP で待ち受ける（127.0.0.1 などに限る）')
    .option('--tls-cert <file>', 'サーバー証明書（PEM）', process.env.SAIKEN_TLS_CERT)
    .option('--tls-key <file>', '秘密鍵（PEM）', process.env.SAIKEN_TLS_KEY)
    .option(
      '--public-origin <urls>',
      '利用者がアクセスする URL（https://ホスト名:ポート、複数はカンマ区切り）。マニフェストはこの URL にだけ出す',
      process.env.SAIKEN_PUBLIC_ORIGIN,
    )
    .option(
      '--office-js <source>',
      'office.js の読み込み元: cdn（Microsoft の CDN、既定）、self（このサービスから配信。インターネットに出られないネットワーク向け）、または社内ミラーの office.js の URL',
      process.env.SAIKEN_OFFICE_JS || 'cdn',
    )
    .action(async (raw: unknown) => {
      const o = parseOptions(ServeOptions, raw);
      if (!!o.tlsCert !== !!o.tlsKey) throw new CliError('--tls-cert と --tls-key は両方指定してください。');
      let publicOrigins: string[];
      let officeJs: OfficeJsChoice;
      try {
        publicOrigins = (o.publicOrigin ?? '')
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean)
          .map(parsePublicOrigin);
        officeJs = parseOfficeJsChoice(o.officeJs);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      const staticDir = join(packageRoot(), 'dist', 'addin');
      let service;
      try {
        service = await startService({
          port: o.port,
          host: o.host,
          database: o.db,
          ...(o.dbPool ? { dbPoolSize: o.dbPool } : {}),
          http: o.http,
          staticDir: existsSync(staticDir) ? staticDir : undefined,
          tlsCert: o.tlsCert,
          tlsKey: o.tlsKey,
          publicOrigins,
          officeJs,
        });
      } catch (e) {
        throw new CliError(startFailure(e, o.port, o.db));
      }
      // Listened for before anything is printed: a stop asked for as soon as the URL is seen must not kill the process.
      let stopping = false;
      const stopped = new Promise<void>((done) => {
        const stop = () => {
          stopping = true;
          ctx.io.err('停止しています…\n');
          void service.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      ctx.io.err(`saiken サービスを ${service.url} で起動しました（データベース: ${printable(o.db)}）。\n`);
      if (!existsSync(staticDir)) ctx.io.err('アドインのファイルがありません。npm run build で作ってください。\n');
      else ctx.io.err(`アドインのマニフェスト: ${service.url}/addin/manifest.xml\n`);
      ctx.io.err(`office.js の読み込み元: ${describeOfficeJs(service.officeJs)}\n`);
      if (service.upgradeBackupToDelete) {
        ctx.io.err(
          `更新前のコピー ${service.upgradeBackupToDelete} には、今回の更新で個人情報として消した値が残っています。更新後の動作を確かめたら削除してください。\n`,
        );
      }
      if (service.firstAdminToken) {
        ctx.io.err('管理者トークンを作りました。この一度しか表示しません。安全な場所に控えてください:\n');
        ctx.io.out(`${service.firstAdminToken}\n`);
      } else if ((await countTokens(service.db, 'admin', { active: true }).catch(() => null)) === 0 && !stopping) {
        // Revoked admin tokens still count for the first start: a restart never makes one silently.
        ctx.io.err('有効な管理者トークンがありません。saiken token create --role admin で作ってください。\n');
      }
      await stopped;
    });
}

function describeOfficeJs(source: OfficeJsSource): string {
  switch (source.kind) {
    case 'cdn':
      return 'Microsoft の CDN（--office-js cdn）';
    case 'self':
      return `このサービス（@microsoft/office-js ${source.version}、--office-js self）`;
    case 'url':
      return `社内ミラー ${source.url}`;
  }
}

function startFailure(e: unknown, port: number, db: string): string {
  if (e instanceof ServiceConfigError) return e.message;
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return `ポート ${port} はすでに使われています。--port で別の番号を指定してください。`;
  if (code === 'EACCES') return `ポート ${port} で待ち受ける権限がありません。1024 以上の番号を指定してください。`;
  return openFailure(e, db);
}
