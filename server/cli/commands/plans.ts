/**
 * `saiken plans import FILE [--confirm-no-personal-data]`: sends a plan sheet (CSV or .xlsx) to the
 * service's import. The flag says 取組み has been checked and holds no personal data (the service
 * refuses personal-looking text without it, and a My Number always).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { addServerOptions, callApi, print, responseFailure, type ServerOptions } from '../client.js';
import { CliError } from '../errors.js';
import { CSV_TYPE, XLSX_TYPE } from '../../plans/index.js';

interface ImportSummary {
  imported: number;
  created: { bureaus: number; divisions: number; claims: number; plans?: number };
  changed: number;
  unchanged: number;
  fiscalYears?: number[];
}

/** By extension; an unknown one by content (an .xlsx is a zip: `PK\x03\x04`). */
export function contentTypeOf(file: string, bytes: Uint8Array): string {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return XLSX_TYPE;
  if (ext === '.csv' || ext === '.txt') return CSV_TYPE;
  if (ext === '.xls') throw new CliError('古い形式の .xls は読めません。.xlsx か CSV で保存し直してください。');
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip ? XLSX_TYPE : CSV_TYPE;
}

function summaryText(s: ImportSummary): string {
  const years = s.fiscalYears?.length ? `（${s.fiscalYears.join('・')}年度）` : '';
  return [
    `計画を取り込みました${years}: ${s.imported} 行`,
    `  変更あり: ${s.changed} 行、変更なし: ${s.unchanged} 行`,
    `  新しく登録: 局 ${s.created.bureaus}、課 ${s.created.divisions}、債権 ${s.created.claims}`,
  ].join('\n');
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`ファイルが見つかりません: ${file}`);
    throw new CliError(`ファイルを読めません: ${file}（${code ?? String(err)}）`);
  }
}

interface ImportOptions extends ServerOptions {
  confirmNoPersonalData?: boolean;
}

export function register(program: Command): void {
  const plans = program.command('plans').description('年間計画（未収金の目標）を扱います');
  addServerOptions(
    plans
      .command('import <計画ファイル>')
      .description('計画の CSV または Excel（.xlsx）ファイルを取り込みます（財政局）')
      .option(
        '--confirm-no-personal-data',
        '「取組み」に個人情報（氏名・住所・電話番号など）がないことを確認済みとして送る（個人番号は常に拒否されます）',
        false,
      ),
  ).action(async (file: string, opts: ImportOptions, cmd: Command) => {
    const bytes = await readInput(file);
    const contentType = contentTypeOf(file, bytes);
    const path = `api/v1/plans/import${opts.confirmNoPersonalData ? '?confirmedNoPersonalData=true' : ''}`;
    const res = await callApi(opts, path, { method: 'POST', body: bytes, contentType });
    if (res.status !== 200) throw responseFailure(res);
    print(cmd, summaryText(JSON.parse(res.body.toString('utf8')) as ImportSummary));
  });
}
