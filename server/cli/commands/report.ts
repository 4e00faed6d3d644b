/**
 * `saiken report targets --fy 2024 [--format tsv|json]`: the bureau target table;
 * `saiken report history --from 2020 --to 2024 [--format tsv|json]`: the years across (年度推移);
 * `saiken report consolidated --fy 2024 --out FILE`: the consolidated workbook.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { History } from '../../../domain/api/history.js';
import { historyTsv } from '../../../domain/history/history-sheet.js';
import { addServerOptions, callApi, print, responseFailure, type ServerOptions } from '../client.js';
import { CliError } from '../errors.js';

interface ReportOptions extends ServerOptions {
  fy?: string;
  from?: string;
  to?: string;
  format?: string;
  out?: string;
}

function fiscalYearOption(o: ReportOptions, name: 'fy' | 'from' | 'to' = 'fy'): string {
  const value = o[name]?.trim();
  if (!value) throw new CliError(`--${name} で年度を指定してください（例: 2024、R6、令和6年度）。`);
  return encodeURIComponent(value);
}

function formatOption(o: ReportOptions): 'tsv' | 'json' {
  const format = o.format ?? 'tsv';
  if (format !== 'tsv' && format !== 'json') throw new CliError('--format は tsv か json です。');
  return format;
}

export function register(program: Command): void {
  const report = program.command('report').description('集計表を出力します（財政局）');

  addServerOptions(
    report
      .command('targets')
      .description('局別の未収金の目標値（targets.md の表）を出力します')
      .option('--fy <year>', '年度（2024、R6、令和6年度）')
      .option('--format <format>', 'tsv または json', 'tsv'),
  ).action(async (opts: ReportOptions, cmd: Command) => {
    const fy = fiscalYearOption(opts);
    const format = formatOption(opts);
    const res = await callApi(opts, `api/v1/reports/targets?fy=${fy}&format=${format}`);
    if (res.status !== 200) throw responseFailure(res);
    const text = res.body.toString('utf8');
    print(cmd, format === 'json' ? JSON.stringify(JSON.parse(text), null, 2) : text);
  });

  addServerOptions(
    report
      .command('history')
      .description('年度推移（局別・債権別の未収金・収納率・不納欠損額・目標達成、確定／速報）を出力します')
      .option('--from <year>', '最初の年度（2020、R2、令和2年度）')
      .option('--to <year>', '最後の年度（2024、R6、令和6年度）')
      .option('--format <format>', 'tsv または json', 'tsv'),
  ).action(async (opts: ReportOptions, cmd: Command) => {
    const [from, to] = [fiscalYearOption(opts, 'from'), fiscalYearOption(opts, 'to')];
    const format = formatOption(opts);
    const res = await callApi(opts, `api/v1/oversight/history?from=${from}&to=${to}`);
    if (res.status !== 200) throw responseFailure(res);
    const answer = History.parse(JSON.parse(res.body.toString('utf8')));
    print(cmd, format === 'json' ? JSON.stringify(answer, null, 2) : historyTsv(answer));
  });

  addServerOptions(
    report
      .command('consolidated')
      .description('集計表（Excel）を保存します')
      .option('--fy <year>', '年度（2024、R6、令和6年度）')
      .option('--out <file>', '保存先の .xlsx ファイル'),
  ).action(async (opts: ReportOptions, cmd: Command) => {
    const fy = fiscalYearOption(opts);
    if (!opts.out) throw new CliError('--out で保存先のファイルを指定してください。');
    const res = await callApi(opts, `api/v1/reports/consolidated.xlsx?fy=${fy}`);
    if (res.status !== 200) throw responseFailure(res);
    await writeFile(opts.out, res.body).catch((err: { code?: string }) => {
      throw new CliError(`ファイルを保存できません: ${opts.out}（${err.code ?? String(err)}）`);
    });
    print(cmd, `集計表を保存しました: ${opts.out}`);
  });
}
