/**
 * `saiken sample`: writes a synthetic ledger (.xlsx or .csv) with planted findings, for demos and tests.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { RULES } from '../../../domain/rules/catalogue.js';
import { generateSample, SampleError } from '../../sample/generate.js';
import { writeCsv } from '../../sample/write-csv.js';
import { writeXlsx } from '../../sample/write-xlsx.js';
import { CliError, EXIT_OK, parseOptions } from '../errors.js';
import type { CliContext } from '../io.js';
import { asOfOption, claimTypeOption } from '../options.js';

const MAX_ROWS = 1_000_000;

const SampleOptions = z.object({
  rows: z
    .string()
    .regex(/^\d+$/, { error: '行数（--rows）は1以上の整数で指定してください。' })
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_ROWS, {
      error: `行数（--rows）は1〜${MAX_ROWS.toLocaleString('en-US')}で指定してください。`,
    }),
  claimType: claimTypeOption,
  seed: z
    .string()
    .regex(/^\d+$/, { error: '乱数の種（--seed）は0以上の整数で指定してください。' })
    .transform(Number)
    .default(1),
  out: z.string().refine((p) => ['.xlsx', '.csv'].includes(extname(p).toLowerCase()), {
    error: '出力ファイル（--out）の拡張子は .xlsx か .csv にしてください。',
  }),
  asOf: asOfOption.optional(),
  encoding: z
    .enum(['utf-8', 'cp932'], { error: 'CSV の文字コード（--encoding）は utf-8 か cp932 を指定してください。' })
    .default('utf-8'),
});

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sample')
    .description('指摘を仕込んだ見本の台帳を作る')
    .requiredOption('--rows <n>', 'データ行の数')
    .requiredOption('--claim-type <name>', '債権名（例: 保育料、国民健康保険料、水道料金）')
    .option('--seed <n>', '乱数の種（同じ種なら同じ台帳）', '1')
    .requiredOption('--out <file>', '出力ファイル（.xlsx または .csv）')
    .option('--as-of <date>', '基準日 YYYY-MM-DD（省略時は今日、日本時間）')
    .option('--encoding <enc>', 'CSV の文字コード: utf-8（BOM 付き）または cp932', 'utf-8')
    .action(async (raw: unknown) => {
      const opts = parseOptions(SampleOptions, raw);
      const asOf = opts.asOf ?? ctx.io.today();
      let sample;
      try {
        sample = generateSample({ rows: opts.rows, claimType: opts.claimType, seed: opts.seed, asOf });
      } catch (e) {
        if (e instanceof SampleError) throw new CliError(e.message);
        throw e;
      }
      try {
        if (extname(opts.out).toLowerCase() === '.csv') {
          await writeCsv(opts.out, sample.grid, opts.encoding === 'cp932' ? 'cp932' : 'utf-8-bom');
        } else {
          await writeXlsx(opts.out, sample.grid, { sheetName: '台帳', yenColumns: sample.yenColumns });
        }
      } catch {
        throw new CliError(`ファイル「${opts.out}」に書き込めませんでした。フォルダと書き込み権限を確認してください。`);
      }
      const byRule = new Map<string, number>();
      for (const p of sample.planted) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
      const list = RULES.filter((r) => byRule.has(r.id)).map((r) => `${r.id} ${byRule.get(r.id)}`);
      ctx.io.err(
        `見本の台帳「${opts.out}」を作りました: ${opts.claimType}（${sample.classification}）${opts.rows.toLocaleString('en-US')}行、仕込んだ指摘 ${sample.planted.length}件（${list.join('、')}）。\n`,
      );
      ctx.exitCode = EXIT_OK;
    });
}
