/**
 * The analysis beside the findings (`rules.md`, "Analysis"): 現年度分 / 滞納繰越分, 収納率,
 * aging by years since the due date, the split by income bracket, the payment channels
 * (`channels.ts`) and 未収金の状況 (`domain/status/`). Kept as running sums so that re-checking one
 * row adds and subtracts instead of re-reading the sheet.
 */
import { fiscalYearOf, formatISO, wholeYearsBetween, type Day } from '../calendar/day.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import { DEFAULT_PARAMS, type RuleParams } from '../rules/rule.js';
import { StatusAccumulator, type ReceivablesStatus } from '../status/sums.js';
import { ChannelAccumulator, CHANNELS, type ChannelBreakdowns } from './channels.js';
import { collectionRate } from './rate.js';
import { LateChargeAccumulator, type LateChargeFigures } from './late-charge.js';
import { DEFAULT_LATE_CHARGE_PROFILES, type LateChargeProfiles } from '../late-charge/profiles.js';

/** Where the rate was first defined; importers elsewhere keep this path. */
export { collectionRate };

export interface Totals {
  count: number;
  assessed: number;
  paid: number;
  outstanding: number;
  /** 収納率 = paid ÷ assessed × 100, one decimal; null where nothing was assessed. */
  collectionRate: number | null;
}

export interface AgingBucket {
  /** `0-1`, `1-2`, … `5+` (years since the due date). */
  label: string;
  fromYears: number;
  toYears: number | null;
  count: number;
  outstanding: number;
}

export interface Split {
  key: string;
  count: number;
  outstanding: number;
}

export interface Analysis {
  asOf: string;
  /** The as-of date's fiscal year: rows of this year are 現年度分. */
  fiscalYear: number;
  current: Totals;
  arrears: Totals;
  total: Totals;
  /** Rows still owing, by whole years since the due date; rows without a due date are not in it. */
  aging: AgingBucket[];
  /** Null where the sheet has no such column. */
  byIncomeBracket: Split[] | null;
  /** By 納付方法, 催告方法 and 口座振替の有無: each null where the sheet has no such column. */
  channels: ChannelBreakdowns;
  /** 未収金の状況: rows owing by class (domain/status/classify.ts), and the revenue figures. */
  status: ReceivablesStatus;
  /** 延滞金見込額: the late charge if each row's outstanding amount were paid on the as-of date. */
  lateCharge: LateChargeFigures;
}

const AGING_EDGES = [0, 1, 2, 3, 4, 5];

/** The columns whose splits the analysis keeps, where the sheet maps them. */
export const SPLIT_COLUMNS = ['incomeBracket', ...CHANNELS] as const;
export type SplitColumn = (typeof SPLIT_COLUMNS)[number];

interface Sums {
  count: number;
  assessed: number;
  paid: number;
  outstanding: number;
}

const zero = (): Sums => ({ count: 0, assessed: 0, paid: 0, outstanding: 0 });

export class AnalysisAccumulator {
  private readonly fy: number;
  private readonly current = zero();
  private readonly arrears = zero();
  private readonly aging = AGING_EDGES.map(() => ({ count: 0, outstanding: 0 }));
  private readonly brackets = new Map<string, { count: number; outstanding: number }>();
  private readonly hasIncomeBracket: boolean;
  private readonly channels: ChannelAccumulator;
  private readonly status: StatusAccumulator;
  private readonly lateCharge: LateChargeAccumulator;

  constructor(
    private readonly asOf: Day,
    mapped: ReadonlySet<SplitColumn>,
    params: RuleParams = DEFAULT_PARAMS,
    lateCharges: LateChargeProfiles = DEFAULT_LATE_CHARGE_PROFILES,
  ) {
    this.fy = fiscalYearOf(asOf);
    this.hasIncomeBracket = mapped.has('incomeBracket');
    this.channels = new ChannelAccumulator(mapped);
    this.status = new StatusAccumulator(asOf, params);
    this.lateCharge = new LateChargeAccumulator(asOf, lateCharges);
  }

  /** Adds a checked row (sign 1) or takes it back out (sign −1). Unreadable rows are in no total. */
  add(row: LedgerRow, sign: 1 | -1): void {
    if (row.amountsUnreadable) return;
    this.status.add(row, sign);
    const owed = row.outstanding ?? 0;
    const isCurrent = row.fiscalYear === this.fy;
    const s = isCurrent ? this.current : this.arrears;
    this.lateCharge.add(row, isCurrent, sign);
    s.count += sign;
    s.assessed += sign * (row.v.assessedAmount ?? 0);
    s.paid += sign * (row.v.paidAmount ?? 0);
    s.outstanding += sign * owed;
    if (owed > 0 && row.v.dueDate !== null) {
      const years = wholeYearsBetween(row.v.dueDate, this.asOf);
      const b = this.aging[Math.min(years, AGING_EDGES.length - 1)]!;
      b.count += sign;
      b.outstanding += sign * owed;
    }
    if (this.hasIncomeBracket) bump(this.brackets, row.v.incomeBracket ?? '（空欄）', owed, sign);
    this.channels.add(row, owed, sign);
  }

  snapshot(): Analysis {
    const total: Sums = {
      count: this.current.count + this.arrears.count,
      assessed: this.current.assessed + this.arrears.assessed,
      paid: this.current.paid + this.arrears.paid,
      outstanding: this.current.outstanding + this.arrears.outstanding,
    };
    return {
      asOf: formatISO(this.asOf),
      fiscalYear: this.fy,
      current: withRate(this.current),
      arrears: withRate(this.arrears),
      total: withRate(total),
      aging: this.aging.map((b, i) => {
        const last = i === AGING_EDGES.length - 1;
        return { label: last ? `${i}+` : `${i}-${i + 1}`, fromYears: i, toYears: last ? null : i + 1, ...b };
      }),
      byIncomeBracket: this.hasIncomeBracket ? splits(this.brackets) : null,
      channels: this.channels.snapshot(),
      status: this.status.snapshot(),
      lateCharge: this.lateCharge.snapshot(),
    };
  }
}

function withRate(s: Sums): Totals {
  return { ...s, collectionRate: collectionRate(s.paid, s.assessed) };
}

function bump(map: Map<string, { count: number; outstanding: number }>, key: string, owed: number, sign: 1 | -1) {
  const e = map.get(key) ?? { count: 0, outstanding: 0 };
  e.count += sign;
  e.outstanding += sign * owed;
  if (e.count === 0) map.delete(key);
  else map.set(key, e);
}

function splits(map: Map<string, { count: number; outstanding: number }>): Split[] {
  return [...map.entries()]
    .map(([key, e]) => ({ key, ...e }))
    .sort((a, b) => b.outstanding - a.outstanding || a.key.localeCompare(b.key));
}
