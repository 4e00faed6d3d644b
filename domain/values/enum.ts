/**
 * Enum cells (債権区分, 催告方法, 猶予区分, 執行停止区分): matched after NFKC, without spaces and ignoring
 * Latin case, to the field's options, or through a small table of the other names real ledgers use
 * (`架電` for 電話, `分納` for 分納誓約, `第1号` for 1号).
 */
import {
  fieldDef,
  type Classification,
  type DeferralType,
  type DunningMethod,
  type FieldKey,
  type PaymentMethod,
  type PropertySearchResult,
  type SuspensionType,
} from '../fields/catalogue.js';
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

const MAX_TEXT = 128;
const SPACES = /\s+/g;

/** The value type of each enum field. */
export interface EnumValues {
  classification: Classification;
  dunningMethod: DunningMethod;
  deferralType: DeferralType;
  suspensionType: SuspensionType;
  propertySearchResult: PropertySearchResult;
  paymentMethod: PaymentMethod;
}
export type EnumFieldKey = keyof EnumValues;

type AliasTables = { readonly [K in EnumFieldKey]: Readonly<Record<string, EnumValues[K]>> };

/** Other names for each option, per field. Keys are compared in the same normalised form as cells. */
const ALIASES: AliasTables = {
  classification: {
    強制徴収債権: '強制徴収公債権',
    '公債権(強制徴収)': '強制徴収公債権',
    非強制徴収債権: '非強制徴収公債権',
    '公債権(非強制徴収)': '非強制徴収公債権',
    私法上の債権: '私債権',
  },
  dunningMethod: {
    文書催告: '文書',
    催告書: '文書',
    郵送: '文書',
    架電: '電話',
    電話催告: '電話',
    ショートメール: 'SMS',
    ショートメッセージ: 'SMS',
    SMS催告: 'SMS',
    オートコール催告: 'オートコール',
    自動音声: 'オートコール',
    勤務先催告: '勤務先',
    訪問: '臨戸',
    臨戸訪問: '臨戸',
    戸別訪問: '臨戸',
    訪問催告: '臨戸',
  },
  deferralType: {
    徴収の猶予: '徴収猶予',
    換価の猶予: '換価猶予',
    履行延期の特約: '履行延期特約',
    履行延期: '履行延期特約',
    分納: '分納誓約',
    分割納付: '分納誓約',
    分納誓約書: '分納誓約',
  },
  // 地方税法15条の7: 第1項第1〜3号, and 第5項 (immediate extinction). NFKC reads `①` as `1`.
  suspensionType: {
    '1': '1号',
    第1号: '1号',
    '2': '2号',
    第2号: '2号',
    '3': '3号',
    第3号: '3号',
    即時: '即時消滅',
    '5項': '即時消滅',
    第5項: '即時消滅',
  },
  propertySearchResult: {
    あり: '財産あり',
    有: '財産あり',
    財産有: '財産あり',
    財産有り: '財産あり',
    なし: '財産なし',
    無: '財産なし',
    財産無: '財産なし',
    財産無し: '財産なし',
    無財産: '財産なし',
    差押可能財産なし: '財産なし',
    調査未了: '調査中',
  },
  paymentMethod: {
    口振: '口座振替',
    自動払込: '口座振替',
    納付書払い: '納付書',
    窓口: '納付書',
    窓口納付: '納付書',
    コンビニ納付: 'コンビニ',
    コンビニエンスストア: 'コンビニ',
    クレジット: 'クレジットカード',
    クレジットカード納付: 'クレジットカード',
    スマホ: 'スマホ決済',
    スマートフォン決済: 'スマホ決済',
    スマホアプリ: 'スマホ決済',
  },
};

/** The alias tables by field key, for callers that hold any field key (no entry: no aliases). */
export const ENUM_ALIASES: Readonly<Partial<Record<FieldKey, Readonly<Record<string, string>>>>> = ALIASES;

/** A cell or option in the form in which they are compared. */
function enumKey(raw: string): string {
  return normalizeText(raw).replace(SPACES, '').toUpperCase();
}

type Lookup = Map<string, string>;
interface Tables {
  plain: Lookup;
  withAliases: WeakMap<object, Lookup>;
}
// Built once per options array (and alias table), not per cell: sheets have 100k rows.
const CACHE = new WeakMap<readonly string[], Tables>();

function lookupFor(options: readonly string[], aliases: Readonly<Record<string, string>> | undefined): Lookup {
  let tables = CACHE.get(options);
  if (!tables) {
    tables = { plain: new Map(options.map((o) => [enumKey(o), o])), withAliases: new WeakMap() };
    CACHE.set(options, tables);
  }
  if (!aliases) return tables.plain;
  let lookup = tables.withAliases.get(aliases);
  if (!lookup) {
    lookup = new Map(tables.plain);
    // An alias to a value that is not an option is ignored, so the result is always one of `options`.
    for (const [alias, target] of Object.entries(aliases)) {
      const key = enumKey(alias);
      if (options.includes(target) && !lookup.has(key)) lookup.set(key, target);
    }
    tables.withAliases.set(aliases, lookup);
  }
  return lookup;
}

export function parseEnum<T extends string>(
  cell: Cell,
  options: readonly T[],
  aliases?: Readonly<Record<string, T>>,
): Parsed<T> {
  let text: string;
  if (typeof cell === 'string') {
    if (cell.length > MAX_TEXT) return invalid('unknown-option');
    text = cell;
  } else if (typeof cell === 'number') text = String(cell);
  else if (cell === null || cell === undefined) return BLANK;
  else if (typeof cell === 'boolean' || cell instanceof Date) return invalid('unknown-option');
  else return invalid('unreadable');
  const key = enumKey(text);
  if (isBlankNormalized(key)) return BLANK;
  const value = lookupFor(options, aliases).get(key);
  return value === undefined ? invalid('unknown-option') : valueOf(value as T);
}

/** An enum field of the catalogue, with its options and aliases. */
export function parseEnumField<K extends EnumFieldKey>(key: K, cell: Cell): Parsed<EnumValues[K]> {
  const options = (fieldDef(key as FieldKey).options ?? []) as readonly EnumValues[K][];
  return parseEnum(cell, options, ALIASES[key]);
}
