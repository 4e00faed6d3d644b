/**
 * The status report's figures: per class the rows and amounts owing (未収金の状況), and the
 * revenue figures of 主要債権収入状況 (調定額, 収入済額, 不納欠損額, 収入未済額). A ledger's are kept as
 * running sums beside the analysis (one row in or out at a time); groups of ledgers (a claim, a
 * division, a bureau, the city) are summed exactly, as BigInt.
 *
 * The revenue figures are the rows' sums as the ledger holds them on its as-of date: 調定額 and
 * 収入済額 are each row's to date, not one fiscal year's cash as a 決算 counts it. 収入未済額 is what the
 * rows still owe (a row paid beyond its amount owes nothing), so it equals the sum of the classes.
 */
import type { Day } from '../calendar/day.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import type { RuleParams } from '../rules/rule.js';
import { statusOf, STATUS_KEYS, type StatusOf } from './classify.js';

export interface ClassSums {
  count: number;
  outstanding: number;
}

export interface RevenueSums {
  /** Rows whose amounts could be read. */
  rows: number;
  assessed: number;
  paid: number;
  writtenOff: number;
  outstanding: number;
}

export interface ReceivablesStatus {
  byClass: Record<StatusOf, ClassSums>;
  revenue: RevenueSums;
}

const classSums = <T>(make: () => T) => Object.fromEntries(STATUS_KEYS.map((k) => [k, make()])) as Record<StatusOf, T>;

export function emptyStatus(): ReceivablesStatus {
  return {
    byClass: classSums(() => ({ count: 0, outstanding: 0 })),
    revenue: { rows: 0, assessed: 0, paid: 0, writtenOff: 0, outstanding: 0 },
  };
}

/** A ledger's status figures, a row added (sign 1) or taken back out (sign −1) at a time. */
export class StatusAccumulator {
  private readonly sums = emptyStatus();

  constructor(
    private readonly asOf: Day,
    private readonly params: RuleParams,
  ) {}

  add(row: LedgerRow, sign: 1 | -1): void {
    if (row.amountsUnreadable) return;
    const r = this.sums.revenue;
    r.rows += sign;
    r.assessed += sign * (row.v.assessedAmount ?? 0);
    r.paid += sign * (row.v.paidAmount ?? 0);
    r.writtenOff += sign * (row.v.writtenOffAmount ?? 0);
    const c = statusOf(row, this.asOf, this.params);
    if (c === null) return;
    const owed = row.outstanding ?? 0;
    r.outstanding += sign * owed;
    this.sums.byClass[c].count += sign;
    this.sums.byClass[c].outstanding += sign * owed;
  }

  snapshot(): ReceivablesStatus {
    const out = {
      byClass: classSums(() => ({ count: 0, outstanding: 0 })),
      revenue: { ...this.sums.revenue },
    };
    for (const k of STATUS_KEYS) out.byClass[k] = { ...this.sums.byClass[k] };
    return out;
  }
}

/** Exact sums over many ledgers. */
export interface ExactRevenue {
  ledgers: number;
  rows: number;
  assessed: bigint;
  paid: bigint;
  writtenOff: bigint;
  outstanding: bigint;
}

export interface ExactStatus {
  ledgers: number;
  byClass: Record<StatusOf, { count: number; outstanding: bigint }>;
  revenue: ExactRevenue;
}

export function emptyExactStatus(): ExactStatus {
  return {
    ledgers: 0,
    byClass: classSums(() => ({ count: 0, outstanding: 0n })),
    revenue: { ledgers: 0, rows: 0, assessed: 0n, paid: 0n, writtenOff: 0n, outstanding: 0n },
  };
}

/** A whole number of yen as BigInt (a stored sum past 2^53 is taken as the whole number it holds). */
const yen = (x: number | bigint) => (typeof x === 'bigint' ? x : BigInt(Number.isSafeInteger(x) ? x : Math.round(x)));

/** Adds one ledger's (or one group's) figures into a group's. */
export function addStatus(into: ExactStatus, s: ReceivablesStatus | ExactStatus): void {
  into.ledgers += 'ledgers' in s ? s.ledgers : 1;
  for (const k of STATUS_KEYS) {
    into.byClass[k].count += s.byClass[k].count;
    into.byClass[k].outstanding += yen(s.byClass[k].outstanding);
  }
  const r = s.revenue;
  into.revenue.ledgers += 'ledgers' in r ? r.ledgers : 1;
  into.revenue.rows += r.rows;
  into.revenue.assessed += yen(r.assessed);
  into.revenue.paid += yen(r.paid);
  into.revenue.writtenOff += yen(r.writtenOff);
  into.revenue.outstanding += yen(r.outstanding);
}

/** 収入率 = 収入済額 ÷ 調定額 × 100, one decimal, half up; null where nothing was assessed. */
export function revenueRate(r: Pick<ExactRevenue, 'assessed' | 'paid'>): number | null {
  if (r.assessed <= 0n) return null;
  const tenths = (r.paid * 2000n + r.assessed) / (2n * r.assessed);
  return Number(tenths) / 10;
}

/** 縮減額: how much the amount owing fell since last year (negative: it grew); null without both years. */
export function reduction(thisYear: ExactRevenue | null, lastYear: ExactRevenue | null): bigint | null {
  return thisYear === null || lastYear === null ? null : lastYear.outstanding - thisYear.outstanding;
}
