/**
 * The late-charge table the command line counts with: the city's from the service when one is
 * named (`--server`, or SAIKEN_SERVER), else the built-in one; and the words that say which.
 */
import { CityLateCharges } from '../../domain/api/late-charges.js';
import { DEFAULT_LATE_CHARGE_PROFILES, LateChargeProfiles } from '../../domain/late-charge/index.js';
import { callApi, responseFailure, type ServerOptions } from './client.js';
import { CliError } from './errors.js';

export interface TableInUse {
  profiles: LateChargeProfiles;
  source: 'service' | 'builtin';
  version: number;
  updatedAt: string | null;
}

const BUILT_IN: TableInUse = { profiles: DEFAULT_LATE_CHARGE_PROFILES, source: 'builtin', version: 0, updatedAt: null };

export const serverNamed = (o: ServerOptions) => Boolean(o.server ?? process.env.SAIKEN_SERVER);

/** The city's table as the service keeps it (a CliError when it cannot be had). */
export async function fetchCityTable(o: ServerOptions): Promise<CityLateCharges> {
  const res = await callApi(o, 'api/v1/late-charges');
  if (res.status !== 200) throw responseFailure(res);
  const parsed = CityLateCharges.safeParse(JSON.parse(res.body.toString('utf8')));
  if (!parsed.success) throw new CliError('サービスの延滞金の設定を読めません。サービスの版を確認してください。');
  return parsed.data;
}

/**
 * The table to count with. A named service that cannot be reached is said on stderr and the
 * built-in table used: a clerk answering a debtor on the phone still gets a figure, labelled.
 */
export async function tableInUse(o: ServerOptions, warn: (text: string) => void): Promise<TableInUse> {
  if (!serverNamed(o)) return BUILT_IN;
  try {
    const city = await fetchCityTable(o);
    return {
      profiles: new LateChargeProfiles(city.table),
      source: city.source,
      version: city.version,
      updatedAt: city.updatedAt,
    };
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    warn(`注意: ${err.message} 組み込みの表で計算します。\n`);
    return BUILT_IN;
  }
}

/** 「延滞金の表: …」: which table a figure was counted with. */
export function tableLine(t: TableInUse): string {
  if (t.source === 'builtin') return '延滞金の表: 組み込みの表（市の設定は使っていません）';
  return `延滞金の表: 市の設定（サービス、第${t.version}版${t.updatedAt ? `、${t.updatedAt.slice(0, 10)} 更新` : ''}）`;
}
