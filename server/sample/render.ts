/**
 * Writes a sample record as a clerk's ledger would: the header in labels or their synonyms, dates as
 * Excel dates, `2024/4/1`, `令和6年4月1日` or `R6.4.1`, amounts as numbers, `12,000` or `12,000円`.
 */
import { formatISO, ymdOf, type Day } from '../../domain/calendar/day.js';
import { fiscalYearLabel, formatWareki, formatWarekiShort } from '../../domain/calendar/era.js';
import type { FieldKey } from '../../domain/fields/catalogue.js';
import type { Cell } from '../../domain/values/parsed.js';
import type { Rng } from './prng.js';
import type { SampleRow } from './record.js';

type Kind = 'text' | 'date' | 'yen' | 'fiscalYear' | 'count' | 'flag';

/** The sample's columns: the first header is the usual one, the others synonyms from fields.md. */
export const COLUMNS: readonly { field: FieldKey; kind: Kind; headers: readonly string[] }[] = [
  { field: 'debtorId', kind: 'text', headers: ['整理番号', '滞納者番号', '宛名番号'] },
  { field: 'debtorName', kind: 'text', headers: ['氏名', '滞納者氏名'] },
  { field: 'address', kind: 'text', headers: ['住所', '現住所'] },
  { field: 'phone', kind: 'text', headers: ['電話番号', '連絡先'] },
  { field: 'claimType', kind: 'text', headers: ['債権名', '債権種別'] },
  { field: 'fiscalYear', kind: 'fiscalYear', headers: ['年度', '調定年度'] },
  { field: 'period', kind: 'text', headers: ['期別'] },
  { field: 'assessmentNo', kind: 'text', headers: ['調定番号', '通知書番号'] },
  { field: 'assessedDate', kind: 'date', headers: ['調定日', '調定年月日'] },
  { field: 'assessedAmount', kind: 'yen', headers: ['調定額', '調定金額'] },
  { field: 'dueDate', kind: 'date', headers: ['納期限', '納付期限'] },
  { field: 'paidAmount', kind: 'yen', headers: ['収入済額', '収納額'] },
  { field: 'lastPaymentDate', kind: 'date', headers: ['最終収入日', '最終納付日'] },
  { field: 'writtenOffAmount', kind: 'yen', headers: ['不納欠損額', '欠損額'] },
  { field: 'writeOffDate', kind: 'date', headers: ['不納欠損日', '欠損日'] },
  { field: 'outstanding', kind: 'yen', headers: ['収入未済額', '未収金額', '滞納額'] },
  { field: 'demandDate', kind: 'date', headers: ['督促状発付日', '督促日'] },
  { field: 'lastDunningDate', kind: 'date', headers: ['最終催告日', '催告日'] },
  { field: 'dunningMethod', kind: 'text', headers: ['催告方法', '催告種別'] },
  { field: 'dunningCount', kind: 'count', headers: ['催告回数'] },
  { field: 'lastContactDate', kind: 'date', headers: ['最終交渉日', '納付相談日'] },
  { field: 'contactNote', kind: 'text', headers: ['交渉経過', '経過記録'] },
  { field: 'deferralType', kind: 'text', headers: ['猶予区分', '猶予種別'] },
  { field: 'deferralStart', kind: 'date', headers: ['猶予開始日', '猶予始期'] },
  { field: 'deferralEnd', kind: 'date', headers: ['猶予終了日', '猶予終期'] },
  { field: 'installmentAmount', kind: 'yen', headers: ['分納額', '毎月納付額'] },
  { field: 'nextInstallmentDate', kind: 'date', headers: ['次回納付予定日', '次回納期'] },
  { field: 'acknowledgementDate', kind: 'date', headers: ['承認日', '債務承認日'] },
  { field: 'suspensionDate', kind: 'date', headers: ['執行停止日'] },
  { field: 'suspensionType', kind: 'text', headers: ['執行停止区分', '執行停止事由'] },
  { field: 'collectionStopDate', kind: 'date', headers: ['徴収停止日'] },
  { field: 'hardship', kind: 'flag', headers: ['生活困窮', '困窮'] },
  { field: 'referralDate', kind: 'date', headers: ['支援窓口案内日', '相談窓口案内日'] },
  { field: 'incomeBracket', kind: 'text', headers: ['所得階層', '所得区分'] },
];

/** 0-based columns holding yen amounts, for the `#,##0` number format. */
export const YEN_COLUMNS: readonly number[] = COLUMNS.flatMap((c, i) => (c.kind === 'yen' ? [i] : []));

/** One header row: mostly the usual labels, about one in four a synonym. */
export function headerRow(rng: Rng): string[] {
  return COLUMNS.map((c) => (c.headers.length > 1 && rng.chance(0.25) ? rng.pick(c.headers.slice(1)) : c.headers[0]!));
}

function dateCell(rng: Rng, d: Day): Cell {
  const x = rng.next();
  if (x < 0.4) return new Date(d * 86_400_000);
  const { year, month, day } = ymdOf(d);
  if (x < 0.65) return `${year}/${month}/${day}`;
  if (x < 0.8) return formatWareki(d);
  if (x < 0.95) return formatWarekiShort(d);
  return formatISO(d);
}

function yenCell(rng: Rng, n: number): Cell {
  const x = rng.next();
  if (x < 0.5) return n;
  const text = n.toLocaleString('en-US');
  return x < 0.75 ? text : `${text}円`;
}

function fiscalYearCell(rng: Rng, fy: number): Cell {
  const x = rng.next();
  if (x < 0.4) return fiscalYearLabel(fy);
  if (x < 0.6) return fy >= 2019 ? `R${fy - 2018}` : `H${fy - 1988}`;
  if (x < 0.85) return fy;
  return `${fy}年度`;
}

function cellOf(rng: Rng, kind: Kind, v: unknown, blankZero: boolean): Cell {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'date':
      return dateCell(rng, v as Day);
    case 'yen':
      return v === 0 && blankZero ? null : yenCell(rng, v as number);
    case 'fiscalYear':
      return fiscalYearCell(rng, v as number);
    case 'count':
      return rng.chance(0.7) ? (v as number) : `${v as number}回`;
    case 'flag':
      return v === true ? rng.pick(['○', '〇', '有']) : null;
    case 'text':
      return String(v);
  }
}

/** A record's cells in COLUMNS order; paid and written-off amounts of 0 are often left blank. */
export function renderRecord(rng: Rng, r: SampleRow, claimType: string): Cell[] {
  const values: Record<string, unknown> = { ...r, claimType };
  return COLUMNS.map((c) => {
    if (c.field in r.raw) return r.raw[c.field] ?? null;
    const blankZero = c.field === 'writtenOffAmount' || (c.field === 'paidAmount' && rng.chance(0.5));
    return cellOf(rng, c.kind, values[c.field], blankZero);
  });
}
