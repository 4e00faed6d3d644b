/**
 * The late-charge estimate of the analysis (`late-charge.md`, "Where it is used"): per row still
 * owing, the charge if the whole outstanding amount were paid on the as-of day, summed for
 * 現年度分 / 滞納繰越分. An estimate (見込み): a row does not hold the dates of earlier partial
 * payments. Kept as running sums, like the rest of the analysis.
 */
import type { Day } from '../calendar/day.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import { lateChargeEstimate, rowLateChargeProfile } from '../late-charge/estimate.js';
import type { LateChargeProfile } from '../late-charge/profile.js';
import type { LateChargeProfiles } from '../late-charge/profiles.js';

export interface LateChargeSums {
  /** Rows owing whose estimate could be counted (a profile and a due date). */
  rows: number;
  /** Their estimated charges, yen. */
  estimate: number;
}

export interface LateChargeFigures {
  current: LateChargeSums;
  arrears: LateChargeSums;
  total: LateChargeSums;
}

export const emptyLateChargeSums = (): LateChargeSums => ({ rows: 0, estimate: 0 });

/** Distinct charges remembered per profile; past this, new ones are counted each time. */
const MEMO_LIMIT = 50_000;

export class LateChargeAccumulator {
  private readonly current = emptyLateChargeSums();
  private readonly arrears = emptyLateChargeSums();
  /**
   * A ledger's rows repeat amounts and dates (monthly fees), and an edit takes a row out and puts it
   * back: each distinct charge is counted once. It depends on these alone (`lateChargeEstimate`).
   */
  private readonly memo = new Map<LateChargeProfile, Map<string, number | null>>();

  constructor(
    private readonly asOf: Day,
    private readonly profiles: LateChargeProfiles,
  ) {}

  /** Adds a row (sign 1) or takes it back out (−1); `isCurrent`: a row of the as-of fiscal year. */
  add(row: LedgerRow, isCurrent: boolean, sign: 1 | -1): void {
    const estimate = this.estimate(row);
    if (estimate === null) return;
    const s = isCurrent ? this.current : this.arrears;
    s.rows += sign;
    s.estimate += sign * estimate;
  }

  private estimate(row: LedgerRow): number | null {
    const profile = rowLateChargeProfile(row, this.profiles);
    if (profile === null) return null;
    let memo = this.memo.get(profile);
    if (!memo) this.memo.set(profile, (memo = new Map()));
    const key = `${row.outstanding}|${row.v.dueDate}|${row.v.demandDate}`;
    let estimate = memo.get(key);
    if (estimate === undefined) {
      estimate = lateChargeEstimate(row, this.asOf, profile)?.total ?? null;
      if (memo.size < MEMO_LIMIT) memo.set(key, estimate);
    }
    return estimate;
  }

  snapshot(): LateChargeFigures {
    return {
      current: { ...this.current },
      arrears: { ...this.arrears },
      total: { rows: this.current.rows + this.arrears.rows, estimate: this.current.estimate + this.arrears.estimate },
    };
  }
}
