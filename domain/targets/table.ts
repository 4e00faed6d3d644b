/**
 * The bureau target table (局別の未収金目標値) of targets.md: sums of the annual plans by bureau
 * and for the city, and their display to the character. Sums are taken in yen and only the
 * printed figures are rounded, so the total row is rounded from the city's yen, not added up
 * from rounded rows.
 */
import { formatTsv } from '../reports/delimited.js';
import { jsonInteger, type JsonInteger } from '../reports/exact.js';
import { divideRoundHalfAwayFromZero, ratioHundredths, yenToBigInt } from './rounding.js';

/** One claim's annual plan (年間計画) for one fiscal year; amounts in whole yen. */
export interface PlanLine {
  bureau: string;
  division: string;
  claim: string;
  classification?: string;
  fiscalYear: number;
  /** ①: last fiscal year's settled (or estimated) uncollected amount. */
  baselineYen: number;
  /** ②: this fiscal year's year-end target. */
  targetYen: number;
  measures?: string;
}

/** A plan line whose amounts may also be BigInt (the service reads stored amounts exactly). */
export type PlanAmounts = Omit<PlanLine, 'baselineYen' | 'targetYen'> & {
  baselineYen: number | bigint;
  targetYen: number | bigint;
};

export interface TargetTableOptions {
  fiscalYear: number;
  /** The table's row order (the order bureaus first appear in the import). */
  bureauOrder: readonly string[];
  /** Whether last year's settlement is final; until then ① is headed 見込. */
  settled: boolean;
}

/** The five printed cells of a row, in column order. */
export type TargetRowCells = readonly [bureau: string, baseline: string, target: string, diff: string, ratio: string];

/**
 * A row's sums in yen. Amounts are exact JSON integers (domain/reports/exact.ts): numbers up to
 * 2^53 − 1, decimal strings beyond, since a city's sums of many plans may pass what a double holds.
 */
export interface TargetRow {
  /** The bureau, or 合計 for the total row. */
  bureau: string;
  baselineYen: JsonInteger;
  targetYen: JsonInteger;
  /** 未収金額差: ② − ① in yen. */
  diffYen: JsonInteger;
  /** 圧縮割合 ② ÷ ① × 100, unrounded (for sorting and charts); null when ① is 0. */
  ratio: number | null;
  /** 圧縮割合 in hundredths of a percent, rounded exactly as printed (9,540 for 95.40); null when ① is 0. */
  ratioHundredths: JsonInteger | null;
  cells: TargetRowCells;
}

export interface TargetTable {
  fiscalYear: number;
  settled: boolean;
  title: string;
  unitLine: string;
  headers: readonly [string, string, string, string, string];
  rows: TargetRow[];
  total: TargetRow;
  note: string;
}

export const TOTAL_LABEL = '合計';
export const UNIT_LINE = '（千円・％）';
/** The seed's note, verbatim: why the rows need not add up to the total. */
export const ROUNDING_NOTE =
  '注) 金額は四捨五入により表示しているため、各局の値を合計したものは、「合計」欄の値と一致しないことがある。';
/** Printed as the ratio where ① is 0 (U+FF0D FULLWIDTH HYPHEN-MINUS, as targets.md has it). */
export const NO_RATIO = '－';
const NEGATIVE_MARK = '△ ';

/**
 * `令和6`, `令和元`, `平成30`: the era year of a fiscal year (named by the year it starts in, so a
 * fiscal year is in one era). Local on purpose: the table needs only recent eras.
 */
function eraYear(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1926)
    throw new RangeError(`fiscal year out of range: ${fiscalYear}`);
  const [era, start] = fiscalYear >= 2019 ? ['令和', 2019] : fiscalYear >= 1989 ? ['平成', 1989] : ['昭和', 1926];
  const year = fiscalYear - start + 1;
  return `${era}${year === 1 ? '元' : year}`;
}

export function targetTableTitle(fiscalYear: number): string {
  return `${eraYear(fiscalYear)}年度未収金の目標値（局別）`;
}

export function targetTableHeaders(fiscalYear: number, settled: boolean): TargetTable['headers'] {
  return [
    '局名',
    `${eraYear(fiscalYear - 1)}年度決算${settled ? '' : ' (見込)'} ①`,
    `${eraYear(fiscalYear)}年度目標 ②`,
    '未収金額差 ②-①',
    '圧縮割合 ②/①',
  ];
}

/** `1,234` from digits; the sign is left to the caller. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

function formatSigned(magnitude: bigint, body: (abs: bigint) => string): string {
  return magnitude < 0n ? NEGATIVE_MARK + body(-magnitude) : body(magnitude);
}

/** Yen printed in thousands: `2,934,892`, `0`, `△ 13`. A loss rounded to 0 prints `0`. */
export function formatThousandYen(yen: number | bigint): string {
  const k = divideRoundHalfAwayFromZero(yenToBigInt(yen), 1000n);
  return formatSigned(k, (abs) => groupThousands(abs.toString()));
}

/** 圧縮割合 printed: `95.40`; `0.00` where ② is 0; `－` where ① is 0. */
export function formatRatio(targetYen: number | bigint, baselineYen: number | bigint): string {
  const h = ratioHundredths(targetYen, baselineYen);
  if (h === null) return NO_RATIO;
  return formatSigned(h, (abs) => {
    const s = abs.toString().padStart(3, '0');
    return `${groupThousands(s.slice(0, -2))}.${s.slice(-2)}`;
  });
}

function makeRow(bureau: string, baseline: bigint, target: bigint): TargetRow {
  const diff = target - baseline;
  const h = ratioHundredths(target, baseline);
  return {
    bureau,
    baselineYen: jsonInteger(baseline),
    targetYen: jsonInteger(target),
    diffYen: jsonInteger(diff),
    ratio: baseline === 0n ? null : (Number(target) / Number(baseline)) * 100,
    ratioHundredths: h === null ? null : jsonInteger(h),
    cells: [
      bureau,
      formatThousandYen(baseline),
      formatThousandYen(target),
      formatThousandYen(diff),
      formatRatio(target, baseline),
    ],
  };
}

interface YenSum {
  baseline: bigint;
  target: bigint;
  lineCount: number;
}

/** Sums in yen by a key, in the order keys first appear. */
function sumBy<K>(
  lines: Iterable<PlanAmounts>,
  keyOf: (line: PlanAmounts) => string,
  keyFields: (line: PlanAmounts) => K,
) {
  const sums = new Map<string, { fields: K } & YenSum>();
  for (const line of lines) {
    const key = keyOf(line);
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { fields: keyFields(line), baseline: 0n, target: 0n, lineCount: 0 }));
    s.baseline += yenToBigInt(line.baselineYen);
    s.target += yenToBigInt(line.targetYen);
    s.lineCount += 1;
  }
  return [...sums.values()].map(({ fields, baseline, target, lineCount }) => ({
    ...fields,
    baselineYen: jsonInteger(baseline),
    targetYen: jsonInteger(target),
    lineCount,
  }));
}

export interface BureauSum {
  bureau: string;
  baselineYen: JsonInteger;
  targetYen: JsonInteger;
  lineCount: number;
}

export interface ClaimSum extends BureauSum {
  division: string;
  claim: string;
}

/** ① and ② in yen per bureau, in order of first appearance. Pass one fiscal year's lines. */
export function sumByBureau(lines: Iterable<PlanAmounts>): BureauSum[] {
  return sumBy(
    lines,
    (l) => l.bureau,
    (l) => ({ bureau: l.bureau }),
  );
}

/** ① and ② in yen per claim (bureau, division, claim), in order of first appearance. Pass one fiscal year's lines. */
export function sumByClaim(lines: Iterable<PlanAmounts>): ClaimSum[] {
  return sumBy(
    lines,
    (l) => JSON.stringify([l.bureau, l.division, l.claim]),
    (l) => ({ bureau: l.bureau, division: l.division, claim: l.claim }),
  );
}

/**
 * The table for `fiscalYear`: a row for every bureau of `bureauOrder` (zeros and `－` when it has
 * no plan), then any bureau that has plans but is missing from `bureauOrder`, in order of first
 * appearance, so that the total is always the whole city's.
 */
export function buildTargetTable(lines: Iterable<PlanAmounts>, options: TargetTableOptions): TargetTable {
  const { fiscalYear, bureauOrder, settled } = options;
  const yearLines = [...lines].filter((l) => l.fiscalYear === fiscalYear);
  const sums = new Map<string, YenSum>();
  for (const bureau of bureauOrder) sums.set(bureau, { baseline: 0n, target: 0n, lineCount: 0 });
  let baselineTotal = 0n;
  let targetTotal = 0n;
  for (const line of yearLines) {
    let s = sums.get(line.bureau);
    if (!s) sums.set(line.bureau, (s = { baseline: 0n, target: 0n, lineCount: 0 }));
    const baseline = yenToBigInt(line.baselineYen);
    const target = yenToBigInt(line.targetYen);
    s.baseline += baseline;
    s.target += target;
    s.lineCount += 1;
    baselineTotal += baseline;
    targetTotal += target;
  }
  return {
    fiscalYear,
    settled,
    title: targetTableTitle(fiscalYear),
    unitLine: UNIT_LINE,
    headers: targetTableHeaders(fiscalYear, settled),
    rows: [...sums].map(([bureau, s]) => makeRow(bureau, s.baseline, s.target)),
    total: makeRow(TOTAL_LABEL, baselineTotal, targetTotal),
    note: ROUNDING_NOTE,
  };
}

/**
 * Header, one line per bureau, the total: tab-separated, each line ending in `\n`, as targets.md
 * prints it. Through the one delimited writer, so a bureau named `=…` or `@…` is written `'=…`.
 */
export function formatTargetTableTsv(table: TargetTable): string {
  return formatTsv([table.headers, ...table.rows.map((r) => r.cells), table.total.cells]);
}
