/**
 * `saiken submit <file> --ledger ID --server URL`: sends a ledger exported by a system (CSV or .xlsx)
 * as the add-in sends a sheet, with no Excel. The token comes from SAIKEN_TOKEN or `--token-file`
 * (a file only the user can read), so that it never stands on a shared scheduler's command line.
 * Exit 0 when sent (or nothing to send) with no error finding, 1 with one, 2 when nothing could be sent.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { MAX_ROWS_PER_PART } from '../../../domain/sync/protocol.js';
import { parseOptions, CliError } from '../errors.js';
import type { CliContext } from '../io.js';
import { asOfOption, claimTypeOption, langOption } from '../options.js';
import { submitMessages, type SubmitMessages } from '../submit/messages.js';
import { runSubmit } from '../submit/run.js';
import { defaultStateDir } from '../submit/state-file.js';

const text = (message: string) => z.string().trim().min(1, { error: message });

const SubmitOptions = z.object({
  ledger: text('台帳ID（--ledger）が空です。').optional(),
  server: text('サービスの URL（--server）が空です。').optional(),
  token: text('トークン（--token）が空です。').optional(),
  tokenFile: text('トークンのファイル（--token-file）が空です。').optional(),
  insecure: z.boolean().optional(),
  claimType: claimTypeOption.optional(),
  asOf: asOfOption.optional(),
  mapping: text('マッピングファイル（--mapping）が空です。').optional(),
  sheet: text('シート名（--sheet）が空です。').optional(),
  name: text('台帳名（--name）が空です。').optional(),
  stateDir: text('状態の保存先（--state-dir）が空です。').optional(),
  partRows: z.string().optional(),
  lang: langOption.optional(),
});

export function register(program: Command, ctx: CliContext): void {
  program
    .command('submit')
    .description('システムから書き出した台帳（.csv / .xlsx）をチェックし、変更のあった行だけをサービスに送る')
    .argument('<file>', '送るファイル')
    .option('--ledger <id>', '台帳ID（英数字・「_」「-」の8～64文字。--mapping のファイルにあれば省略可）')
    .option('--server <url>', 'サービスの URL（既定: 環境変数 SAIKEN_SERVER）')
    .option('--token-file <path>', 'アクセストークンを書いたファイル（自分だけが読めるようにしてください）')
    .option(
      '--token <token>',
      'アクセストークン（既定: 環境変数 SAIKEN_TOKEN。共用のスケジューラーでは使わないでください）',
    )
    .option('--insecure', '自己署名の証明書を受け入れる（開発用のサービスに限って使ってください）')
    .option('--claim-type <name>', '債権名（例: 保育料）。--mapping のファイルにあれば省略可')
    .option('--as-of <date>', '基準日 YYYY-MM-DD（省略時は今日、日本時間）')
    .option('--mapping <file>', '列の対応を固定する JSON（アドインが確定した対応と同じ形式）')
    .option('--sheet <name>', 'シート名（省略時は先頭のシート）')
    .option('--name <name>', 'サービスに表示する台帳名（省略時はシート名。CSV はファイル名）')
    .option('--state-dir <dir>', '送信の状態を保存するフォルダー（既定: ユーザーごとのデータフォルダーの saiken）')
    .option('--part-rows <n>', '一度に送る行数の上限（既定: 5000）')
    .option('--lang <lang>', 'メッセージの言語: ja または en', 'ja')
    .action(async (file: string, raw: unknown) => {
      const opts = parseOptions(SubmitOptions, raw);
      const lang = opts.lang ?? 'ja';
      const m = submitMessages(lang);
      const server = opts.server ?? process.env.SAIKEN_SERVER;
      if (!server) throw new CliError(m.noServer);
      const token = await tokenOf(opts, m, ctx);
      ctx.exitCode = await runSubmit(
        {
          file,
          sheet: opts.sheet,
          ledgerId: opts.ledger,
          claimType: opts.claimType,
          asOf: opts.asOf ?? ctx.io.today(),
          mappingPath: opts.mapping,
          name: opts.name,
          server: { server, token, insecure: opts.insecure === true },
          stateDir: opts.stateDir ?? defaultStateDir(),
          partRows: partRowsOf(opts.partRows, m),
          lang,
        },
        ctx.io,
      );
    });
}

type Options = z.output<typeof SubmitOptions>;

/** `--token`, else `--token-file`, else SAIKEN_TOKEN. A token file others can read is used, with a warning. */
async function tokenOf(opts: Options, m: SubmitMessages, ctx: CliContext): Promise<string> {
  if (opts.token) return opts.token;
  if (opts.tokenFile) {
    let content: string;
    try {
      const s = await stat(opts.tokenFile);
      if (process.platform !== 'win32' && (s.mode & 0o077) !== 0) ctx.io.err(m.tokenFileOpen(opts.tokenFile));
      content = (await readFile(opts.tokenFile, 'utf8')).trim();
    } catch (e) {
      throw new CliError(m.tokenFile(opts.tokenFile, (e as { code?: string }).code ?? String(e)));
    }
    if (content === '') throw new CliError(m.noToken);
    return content;
  }
  const env = process.env.SAIKEN_TOKEN?.trim();
  if (!env) throw new CliError(m.noToken);
  return env;
}

function partRowsOf(raw: string | undefined, m: SubmitMessages): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS_PER_PART) throw new CliError(m.badPartRows);
  return n;
}
