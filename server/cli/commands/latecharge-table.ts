/**
 * `saiken latecharge-table show | save FILE | rate YEAR --first P --second P`: the city's late-charge
 * table on the service (財政局). `show` prints it (JSON with `--json`); `save` replaces it with a
 * JSON file, naming the version it was read at so a concurrent edit is refused, not overwritten;
 * `rate` adds or replaces one year's 特例 rates when they are published each December.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CityLateCharges } from '../../../domain/api/late-charges.js';
import { formatBp, LateChargeProfiles, LateChargeTable } from '../../../domain/late-charge/index.js';
import { addServerOptions, callApi, print, responseFailure, type ServerOptions } from '../client.js';
import { CliError } from '../errors.js';
import { fetchCityTable } from '../late-charge-table.js';

interface ShowOptions extends ServerOptions {
  json?: boolean;
}
interface RateOptions extends ServerOptions {
  first?: string;
  second?: string;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function put(o: ServerOptions, path: string, body: unknown): Promise<CityLateCharges> {
  const res = await callApi(o, path, { method: 'PUT', body: json(body), contentType: 'application/json' });
  if (res.status !== 200) throw responseFailure(res);
  return CityLateCharges.parse(JSON.parse(res.body.toString('utf8')));
}

/** The table in words: where it comes from, the profiles, and the 特例 lines the city added. */
function tableInWords(city: CityLateCharges): string {
  const lines = [
    city.source === 'builtin'
      ? '延滞金の表: 組み込みの表（市の設定はまだありません）'
      : `延滞金の表: 市の設定 第${city.version}版（${city.updatedAt?.slice(0, 10) ?? ''} 更新）`,
    '',
    '債権区分ごと:',
    ...Object.entries(city.table.byClassification).map(([c, p]) => `  ${c}: ${p.kind}`),
  ];
  if (city.table.claimTypes.length) {
    lines.push('債権ごと:', ...city.table.claimTypes.map((c) => `  ${c.names.join('・')}: ${c.profile.kind}`));
  }
  const rates = new LateChargeProfiles(city.table).specialRates;
  const added = new Set((city.table.specialRates ?? []).map((l) => l.year));
  lines.push(
    '特例の割合（年: 第1期 / 第2期）:',
    ...rates.map(
      (r) => `  ${r.year}: ${formatBp(r.firstBp)} / ${formatBp(r.secondBp)}${added.has(r.year) ? '（市の設定）' : ''}`,
    ),
  );
  return lines.join('\n');
}

export function register(program: Command): void {
  const table = program.command('latecharge-table').description('市の延滞金の設定を表示・更新します（財政局）');

  addServerOptions(
    table.command('show').description('市の延滞金の設定を表示します').option('--json', 'JSON で出力する'),
  ).action(async (opts: ShowOptions, cmd: Command) => {
    const city = await fetchCityTable(opts);
    print(cmd, opts.json ? JSON.stringify(city, null, 2) : tableInWords(city));
  });

  addServerOptions(
    table
      .command('save')
      .description('JSON ファイルの設定で置き換えます（show --json の table の形）')
      .argument('<file>', '設定の JSON ファイル'),
  ).action(async (file: string, opts: ServerOptions, cmd: Command) => {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new CliError(`ファイル「${file}」を読めません。`);
    });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new CliError(`ファイル「${file}」は JSON として読めません。`);
    }
    // Either the table itself, or what `show --json` printed (its `table`).
    const candidate = raw && typeof raw === 'object' && 'table' in raw ? (raw as { table: unknown }).table : raw;
    const parsed = LateChargeTable.safeParse(candidate);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new CliError(
        `延滞金の設定として読めません（${first?.path.join('.') || '全体'}: ${first?.message ?? ''}）。`,
      );
    }
    const { version } = await fetchCityTable(opts);
    const saved = await put(opts, 'api/v1/late-charges', { version, table: parsed.data });
    print(cmd, `延滞金の設定を保存しました（第${saved.version}版）。`);
  });

  addServerOptions(
    table
      .command('rate')
      .description('ある年の特例の割合を追加・変更します（例: rate 2027 --first 2.9 --second 9.2）')
      .argument('<year>', '西暦の年')
      .option('--first <percent>', '第1期（納期限の翌日から1か月）の割合（%）')
      .option('--second <percent>', '第2期の割合（%）'),
  ).action(async (year: string, opts: RateOptions, cmd: Command) => {
    if (!/^\d{4}$/.test(year)) throw new CliError('年は西暦4桁で指定してください（例: 2027）。');
    if (!opts.first || !opts.second) throw new CliError('--first と --second で割合（%）を指定してください。');
    const saved = await put(opts, `api/v1/late-charges/special-rates/${year}`, {
      first: opts.first,
      second: opts.second,
    });
    const line = new LateChargeProfiles(saved.table).specialRates.find((r) => r.year === Number(year))!;
    print(
      cmd,
      `${year}年の特例の割合を保存しました: ${formatBp(line.firstBp)} / ${formatBp(line.secondBp)}（第${saved.version}版）。`,
    );
  });
}
