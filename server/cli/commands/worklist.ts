/**
 * `saiken worklist <file>`: the collector's worklist (対応リスト) of a ledger: one line per debtor, the
 * most urgent action first. Printed as a table, as JSON, or written to a CSV (CP932, for Word's
 * 差し込み印刷) or an .xlsx. Only the files carry names, addresses and phones, and only on this machine.
 * Exit 0 when the list is made (whatever it holds), 2 when the file or an option cannot be used.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { z } from 'zod';
import { formatISO, type Day } from '../../../domain/calendar/day.js';
import { formatCsv } from '../../../domain/reports/delimited.js';
import {
  actionByCode,
  buildWorklist,
  mappedContactFields,
  readContacts,
  worklistSheet,
  worklistTable,
  type WorklistItem,
  type WorklistSheetOptions,
} from '../../../domain/worklist/index.js';
import { renderSheet } from '../../reports/render-xlsx.js';
import { CliError, EXIT_OK, parseOptions } from '../errors.js';
import { readAndCheck } from '../checked-file.js';
import type { CliContext } from '../io.js';
import { asOfOption, claimTypeOption } from '../options.js';
import { grouped, table } from '../report/table.js';

const WorklistOptions = z.object({
  sheet: z.string().trim().min(1, { error: 'シート名（--sheet）が空です。' }).optional(),
  asOf: asOfOption.optional(),
  claimType: claimTypeOption.optional(),
  out: z
    .string()
    .refine((p) => ['.xlsx', '.csv'].includes(extname(p).toLowerCase()), {
      error: '出力ファイル（--out）の拡張子は .xlsx か .csv にしてください。',
    })
    .optional(),
  json: z.boolean().optional(),
});

export function register(program: Command, ctx: CliContext): void {
  program
    .command('worklist')
    .description('台帳から対応リスト（誰に・何を・どの順で）を作る')
    .argument('<file>', '台帳のファイル（.xlsx / .csv）')
    .option('--sheet <name>', 'シート名（省略時は先頭のシート）')
    .option('--as-of <date>', '基準日 YYYY-MM-DD（省略時は今日、日本時間）')
    .option('--claim-type <name>', '債権名（例: 保育料）。債権区分と時効期間が決まる')
    .option('--out <file>', '書き出すファイル（.csv は CP932、.xlsx）。氏名・住所・電話番号を含む')
    .option('--json', '対応リストを JSON で出力する（氏名・住所・電話番号は含まない）')
    .action(async (file: string, raw: unknown) => {
      ctx.exitCode = await runWorklist(file, parseOptions(WorklistOptions, raw), ctx);
    });
}

type Options = z.output<typeof WorklistOptions>;

async function runWorklist(file: string, opts: Options, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const asOf: Day = opts.asOf ?? io.today();
  const read = await readAndCheck(io, file, opts.sheet, { asOf, claimType: opts.claimType });
  const { result, checker } = read;
  const items = buildWorklist({
    rows: checker.dataRows(),
    findings: result.findings,
    asOf,
    contacts: opts.out ? readContacts(read.grid, result.mapping) : undefined,
  });
  if (opts.out) {
    const lossy = await writeOut(opts.out, items, {
      asOf,
      lang: 'ja',
      contactFields: mappedContactFields(result.mapping),
    });
    io.err(`対応リスト「${opts.out}」を書き出しました: ${items.length}人（基準日 ${formatISO(asOf)}）。\n`);
    // A name whose character Shift_JIS lacks (e.g. some 異体字) must not reach a 催告書 silently mangled.
    if (lossy.length) {
      io.err(
        `注意: 順位 ${lossy.join('、')} の行に CSV（Shift_JIS）で表せない文字があり、「?」に置き換わっています。` +
          `宛名を確かめるか、--out を .xlsx にして書き出してください。\n`,
      );
    }
  }
  if (opts.json) io.out(`${JSON.stringify({ items: items.map(jsonItem) })}\n`);
  else if (!opts.out) io.out(textReport(file, read.sheetName, asOf, items));
  return EXIT_OK;
}

/** One item of `--json`: no name, address or phone. */
function jsonItem(item: WorklistItem) {
  const { rank, tier, action, debtorId, rules, rows, deadline, outstanding, lateChargeEstimate, lastDunning } = item;
  return {
    rank,
    tier,
    action,
    debtorId,
    rules,
    rows,
    deadline: deadline === null ? null : formatISO(deadline),
    outstanding,
    lateChargeEstimate,
    lastDunning:
      lastDunning === null
        ? null
        : { method: lastDunning.method, date: lastDunning.date === null ? null : formatISO(lastDunning.date) },
  };
}

function textReport(file: string, sheet: string, asOf: Day, items: readonly WorklistItem[]): string {
  const lines = [`対応リスト: ${file}（シート「${sheet}」）基準日 ${formatISO(asOf)}`];
  if (items.length === 0) return `${lines[0]}\n対応が必要な債務者はいません。\n`;
  const { header, rows } = worklistTable(items);
  const cell = (v: string | number | null) => (v === null ? '－' : typeof v === 'number' ? grouped(v) : v);
  lines.push(
    ...table(
      header,
      rows.map((r) => r.map(cell)),
      ['r', 'r', 'l', 'l', 'l', 'r', 'r'],
    ),
    '',
  );
  const total = items.reduce((n, i) => n + i.outstanding, 0);
  lines.push(
    `${items.length}人、収入未済額 ${grouped(total)}円。氏名・住所・電話番号は --out のファイルにだけ書き出します。`,
    // late-charge.md: an estimate, wherever it is shown, says so and why.
    '延滞金見込額は、収入未済額の全額を基準日に納付したとした見込みです（台帳には一部納付の日付がないため）。',
  );
  const tiers = [...new Set(items.map((i) => i.action))].map(
    (a) => `${actionByCode(a).label.ja}: ${actionByCode(a).todo.ja}`,
  );
  lines.push(...tiers.map((t) => `  ${t}`));
  return `${lines.join('\n')}\n`;
}

/** Writes the list; for a .csv, the ranks of items with a character CP932 cannot hold (written as `?`). */
async function writeOut(path: string, items: readonly WorklistItem[], o: WorklistSheetOptions): Promise<number[]> {
  const t = worklistTable(items, o.contactFields);
  const csv = extname(path).toLowerCase() === '.csv';
  try {
    // CP932 without a BOM: what Word's 差し込み印刷 and Japanese Excel read as "CSV".
    await writeFile(path, csv ? iconv.encode(formatCsv([t.header, ...t.rows]), 'cp932') : await xlsxBytes(items, o));
  } catch {
    throw new CliError(`ファイル「${path}」に書き込めませんでした。フォルダと書き込み権限を確認してください。`);
  }
  return csv
    ? t.rows.filter((r) => r.some((v) => typeof v === 'string' && !fitsCp932(v))).map((r) => Number(r[0]))
    : [];
}

const fitsCp932 = (text: string) => iconv.decode(iconv.encode(text, 'cp932'), 'cp932') === text;

/** The sheet 対応リスト as the pane writes it, without links (the ledger is in another file). */
async function xlsxBytes(items: readonly WorklistItem[], o: WorklistSheetOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'saiken';
  renderSheet(wb, worklistSheet(items, o));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
