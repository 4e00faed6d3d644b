/**
 * `saiken report targets --fy 2024 [--format tsv|json]`: the bureau target table;
 * `saiken report consolidated --fy 2024 --out FILE`: the consolidated workbook.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { addServerOptions, callApi, print, responseFailure, type ServerOptions } from '../client.js';
import { CliError } from '../errors.js';

interface ReportOptions extends ServerOptions {
  fy?: string;
  format?: string;
  out?: string;
}

function fiscalYearOption(o: ReportOptions): string {
  if (!o.fy?.trim()) throw new CliError('--fy で年度を指定してください（例: 2024、R6、令和6年度）。');
  return encodeURIComponent(o.fy.trim());
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
    const format = opts.format ?? 'tsv';
    if (format !== 'tsv' && format !== 'json') throw new CliError('--format は tsv か json です。');
    const res = await callApi(opts, `api/v1/reports/targets?fy=${fy}&format=${format}`);
    if (res.status !== 200) throw responseFailure(res);
    const text = res.body.toString('utf8');
    print(cmd, format === 'json' ? JSON.stringify(JSON.parse(text), null, 2) : text);
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
