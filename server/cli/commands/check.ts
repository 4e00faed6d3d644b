/**
 * `saiken check <file>`: reads a ledger file, checks it against the rules and reports.
 * Exit 0 with no error finding, 1 with one, 2 when the file or an option cannot be used.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { formatISO, type Day } from '../../../domain/calendar/day.js';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import type { CheckResult } from '../../../domain/engine/types.js';
import type { Classification } from '../../../domain/fields/catalogue.js';
import type { HeaderDetection } from '../../../domain/fields/mapping.js';
import { EXIT_FINDINGS, EXIT_OK, parseOptions } from '../errors.js';
import { readAndCheck } from '../checked-file.js';
import type { CliContext } from '../io.js';
import { asOfOption, claimTypeOption, classificationOption, langOption } from '../options.js';
import { renderReport } from '../report/text-report.js';

const CheckOptions = z.object({
  sheet: z.string().trim().min(1, { error: 'シート名（--sheet）が空です。' }).optional(),
  asOf: asOfOption.optional(),
  claimType: claimTypeOption.optional(),
  classification: classificationOption.optional(),
  json: z.boolean().optional(),
  lang: langOption.optional(),
});

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('台帳のファイル（.xlsx / .csv）をルールでチェックする')
    .argument('<file>', 'チェックするファイル')
    .option('--sheet <name>', 'シート名（省略時は先頭のシート）')
    .option('--as-of <date>', '基準日 YYYY-MM-DD（省略時は今日、日本時間）')
    .option('--claim-type <name>', '債権名（例: 保育料）。債権区分と時効期間が決まる')
    .option('--classification <kind>', '債権区分: 強制徴収公債権・非強制徴収公債権・私債権')
    .option('--json', '結果を JSON で出力する')
    .option('--lang <lang>', 'メッセージの言語: ja または en', 'ja')
    .action(async (file: string, raw: unknown) => {
      ctx.exitCode = await runCheck(file, parseOptions(CheckOptions, raw), ctx);
    });
}

type Options = z.output<typeof CheckOptions>;

async function runCheck(file: string, opts: Options, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const asOf: Day = opts.asOf ?? io.today();
  const lang = opts.lang ?? 'ja';
  const read = await readAndCheck(io, file, opts.sheet, {
    asOf,
    claimType: opts.claimType,
    classification: opts.classification,
    locale: lang,
  });
  const { result } = read;
  if (opts.json) io.out(`${JSON.stringify(jsonReport(file, read.sheetName, result))}\n`);
  else
    io.out(
      renderReport({
        file,
        sheet: read.sheetName,
        asOf: formatISO(asOf),
        lang,
        result,
        ...claimInfo(opts, result.mapping),
      }),
    );
  return result.summary.bySeverity.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The one JSON object of `--json`. */
function jsonReport(file: string, sheet: string, result: CheckResult) {
  const { mapping, findings, summary, analysis } = result;
  return {
    file,
    sheet,
    headerRow: mapping.headerRows[mapping.headerRows.length - 1]!,
    mapping,
    findings: findings.map(({ rule, severity, row, column, field, message, params }) => ({
      rule,
      severity,
      row,
      column,
      field,
      message,
      params,
    })),
    summary,
    analysis,
  };
}

/** What the sheet is checked as, for the report's heading, and whether the classification is unknown. */
function claimInfo(opts: Options, mapping: HeaderDetection) {
  const claim = opts.claimType ? new ClaimTypeIndex().lookup(opts.claimType) : null;
  const classification: Classification | null = opts.classification ?? claim?.classification ?? null;
  const has = (field: string) => mapping.columns.some((c) => c.field === field);
  // An option's claim type replaces the sheet's 債権名 column; a 債権区分 column still decides.
  const unknown =
    classification === null && !has('classification') && (opts.claimType !== undefined || !has('claimType'));
  return {
    claimType: opts.claimType ?? null,
    classification:
      classification && claim && !opts.classification ? `${classification}（時効${claim.years}年）` : classification,
    classificationUnknown: unknown,
  };
}
