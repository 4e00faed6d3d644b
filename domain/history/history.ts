/**
 * Finance's view across years (年度推移): each claim's and bureau's amount owing (収入未済額),
 * 調定額, 収入済額, 収納率, 不納欠損額 and target attainment per fiscal year, a settled year's as frozen
 * at its settlement (確定), a year not settled as the ledgers keep it now (速報); and the claims whose
 * amount owing grew two years in a row (増加が2年連続). Pure: the service reads the records, the
 * sheet and the command line print what this builds.
 */
import { revenueRate } from '../status/sums.js';
import { MIN_FISCAL_YEAR } from '../values/limits.js';

/** One claim's figures of one fiscal year, as the service reads them. */
export interface ClaimYearRecord {
  fiscalYear: number;
  claimId: number;
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
  /** Ledgers whose figures were summed (0: none was sent with an as-of date in the year). */
  ledgers: number;
  asOf: string | null;
  /** Null where no ledger counted in the year. */
  assessed: bigint | null;
  paid: bigint | null;
  writtenOff: bigint | null;
  outstanding: bigint | null;
  /** The plan's ① and ②; null where the claim had no plan for the year. */
  baseline: bigint | null;
  target: bigint | null;
}

/** 確定: frozen at the year's settlement; 速報: the figures as they stand. */
export type YearState = 'settled' | 'provisional';

export interface HistoryYear {
  fiscalYear: number;
  state: YearState;
}

/** A line's figures of one year. */
export interface YearFigures {
  ledgers: number;
  /** Null where no ledger counted in the year (no figures is not zero). */
  outstanding: bigint | null;
  assessed: bigint | null;
  paid: bigint | null;
  writtenOff: bigint | null;
  /** 収納率: 収入済額 ÷ 調定額, percent, one decimal; null where nothing was assessed. */
  rate: number | null;
  target: bigint | null;
  /** 目標との差: outstanding − target (negative: below target); null without both. */
  gapToTarget: bigint | null;
  /** 目標達成: the amount owing at or below the target; null without both. */
  attained: boolean | null;
}

export interface HistoryLine {
  bureau: string;
  /** Null on a bureau's line and the total. */
  division: string | null;
  claim: string | null;
  classification: string | null;
  /** One per year of the table, oldest first. */
  years: YearFigures[];
  /** The years whose amount owing grew on the year before, which had grown on the year before it. */
  grewTwoYearsTo: number[];
}

export interface HistoryTable {
  from: number;
  to: number;
  years: HistoryYear[];
  claims: HistoryLine[];
  bureaus: HistoryLine[];
  total: HistoryLine;
}

/** The widest span the view takes: the five years finance reads, and a little more. */
export const MAX_HISTORY_YEARS = 10;
/** The years finance reads by default: this one and the four before. */
export const DEFAULT_HISTORY_YEARS = 5;

/** The default span ending at `fiscalYear`, never before the first year saiken works with. */
export const defaultHistorySpan = (fiscalYear: number) => ({
  from: Math.max(MIN_FISCAL_YEAR, fiscalYear - DEFAULT_HISTORY_YEARS + 1),
  to: fiscalYear,
});

interface Sums {
  ledgers: number;
  outstanding: bigint | null;
  assessed: bigint | null;
  paid: bigint | null;
  writtenOff: bigint | null;
  target: bigint | null;
}

const emptySums = (): Sums => ({
  ledgers: 0,
  outstanding: null,
  assessed: null,
  paid: null,
  writtenOff: null,
  target: null,
});

const plus = (a: bigint | null, b: bigint | null): bigint | null => (b === null ? a : (a ?? 0n) + b);

function addInto(s: Sums, r: ClaimYearRecord): void {
  s.ledgers += r.ledgers;
  s.outstanding = plus(s.outstanding, r.outstanding);
  s.assessed = plus(s.assessed, r.assessed);
  s.paid = plus(s.paid, r.paid);
  s.writtenOff = plus(s.writtenOff, r.writtenOff);
  s.target = plus(s.target, r.target);
}

function figuresOf(s: Sums): YearFigures {
  const both = s.outstanding !== null && s.target !== null;
  return {
    ledgers: s.ledgers,
    outstanding: s.outstanding,
    assessed: s.assessed,
    paid: s.paid,
    writtenOff: s.writtenOff,
    rate: s.assessed === null ? null : revenueRate({ assessed: s.assessed, paid: s.paid ?? 0n }),
    target: s.target,
    gapToTarget: both ? s.outstanding! - s.target! : null,
    attained: both ? s.outstanding! <= s.target! : null,
  };
}

/**
 * The years (of `fiscalYears`, consecutive, oldest first) whose amount owing grew on the year
 * before, which itself had grown on the year before it. A year without figures breaks the run: a
 * gap is not growth, and a claim's first year is not growth from nothing.
 */
export function grewTwoYearsInRow(fiscalYears: readonly number[], outstanding: readonly (bigint | null)[]): number[] {
  const out: number[] = [];
  for (let i = 2; i < outstanding.length; i++) {
    const [a, b, c] = [outstanding[i - 2], outstanding[i - 1], outstanding[i]];
    if (a == null || b == null || c == null) continue;
    if (b > a && c > b) out.push(fiscalYears[i]!);
  }
  return out;
}

class Group {
  readonly sums: Sums[];
  constructor(
    readonly head: Pick<HistoryLine, 'bureau' | 'division' | 'claim' | 'classification'>,
    years: number,
  ) {
    this.sums = Array.from({ length: years }, emptySums);
  }

  line(fiscalYears: readonly number[]): HistoryLine {
    const years = this.sums.map(figuresOf);
    return {
      ...this.head,
      years,
      grewTwoYearsTo: grewTwoYearsInRow(
        fiscalYears,
        years.map((y) => y.outstanding),
      ),
    };
  }
}

/** The consecutive fiscal years from `from` to `to`. */
export function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * The table of `years` (consecutive, oldest first) from each year's records: claims and bureaus in
 * the order the records first name them (the service reads them in the city's order), the total
 * of everything within reach last.
 */
export function historyTable(years: readonly HistoryYear[], records: readonly ClaimYearRecord[]): HistoryTable {
  const fiscalYears = years.map((y) => y.fiscalYear);
  const index = new Map(fiscalYears.map((fy, i) => [fy, i]));
  const claims = new Map<number, Group>();
  const bureaus = new Map<string, Group>();
  const total = new Group({ bureau: '合計', division: null, claim: null, classification: null }, years.length);
  for (const r of records) {
    const i = index.get(r.fiscalYear);
    if (i === undefined) continue;
    let c = claims.get(r.claimId);
    if (!c) {
      const head = { bureau: r.bureau, division: r.division, claim: r.claim, classification: r.classification };
      claims.set(r.claimId, (c = new Group(head, years.length)));
    }
    let b = bureaus.get(r.bureau);
    if (!b) {
      const head = { bureau: r.bureau, division: null, claim: null, classification: null };
      bureaus.set(r.bureau, (b = new Group(head, years.length)));
    }
    for (const g of [c, b, total]) addInto(g.sums[i]!, r);
  }
  return {
    from: fiscalYears[0] ?? 0,
    to: fiscalYears.at(-1) ?? 0,
    years: [...years],
    // A claim first met in a later year still stands with its bureau's claims.
    claims: [...claims.values()]
      .map((g, i) => ({ g, i, b: [...bureaus.keys()].indexOf(g.head.bureau) }))
      .sort((x, y) => x.b - y.b || x.i - y.i)
      .map(({ g }) => g.line(fiscalYears)),
    bureaus: [...bureaus.values()].map((g) => g.line(fiscalYears)),
    total: total.line(fiscalYears),
  };
}
