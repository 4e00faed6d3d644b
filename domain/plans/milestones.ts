/**
 * Monthly milestones of a plan (the uncollected amount planned for each month's end) and the
 * comparison with the current amount (Check of PDCA). Months are `YYYY-MM`; a fiscal year runs
 * April to March; "now" is read in Japan time, where the city works.
 */

export interface Milestone {
  /** `YYYY-MM`: the month whose end the amount is planned for. */
  month: string;
  outstanding: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const JST_OFFSET_MS = 9 * 3_600_000;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** The fiscal year a month belongs to: 2025-03 → 2024, 2025-04 → 2025. */
export function fiscalYearOfMonth(month: string): number | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  return Number(m[2]) >= 4 ? year : year - 1;
}

/** The twelve months of a fiscal year, April first. */
export function fiscalMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    const year = i < 9 ? fiscalYear : fiscalYear + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });
}

/** `YYYY-MM-DD` (or a longer ISO timestamp's date part) → `YYYY-MM`. */
export function monthOfDay(day: string): string | null {
  const m = DAY.exec(day.slice(0, 10));
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The calendar date in Japan of an instant, `YYYY-MM-DD`. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

export const japanMonth = (at: Date): string => japanDay(at).slice(0, 7);

/** The milestone in force in `month`: the latest one planned for that month or before. */
export function milestoneAt(milestones: readonly Milestone[], month: string): Milestone | null {
  let found: Milestone | null = null;
  for (const m of milestones) if (m.month <= month && (!found || m.month > found.month)) found = m;
  return found;
}

/**
 * The month the current amount speaks for: the month of the ledgers' as-of date (a ledger sent
 * on 10 October as of 30 September is September's figure), else the current month in Japan.
 */
export function referenceMonth(asOf: string | null, now: Date): string {
  return (asOf && monthOfDay(asOf)) || japanMonth(now);
}

export type MonthState = 'past' | 'reference' | 'future';

export interface MonthProgress {
  month: string;
  state: MonthState;
  /** The amount planned for this month's end, when a milestone names this month. */
  milestoneYen: number | null;
  /** The milestone in force in this month (this month's, or the latest before it). */
  plannedYen: number | null;
  /** current − planned: above zero means behind the plan. */
  diffYen: number | null;
}

export interface PlanCheckInput {
  fiscalYear: number;
  baselineYen: number;
  targetYen: number;
  milestones: readonly Milestone[];
  /** Σ of the claim's ledgers at their latest accepted submission; null before any. */
  currentYen: number | null;
  asOf: string | null;
  now: Date;
}

export interface PlanCheck {
  referenceMonth: string;
  months: MonthProgress[];
  /** The milestone in force in the reference month. */
  milestone: Milestone | null;
  /** 未収金増加債権: the current amount above last year's settled amount. */
  growing: boolean | null;
  /** The current amount above the milestone in force; null without milestone or data. */
  behindPlan: boolean | null;
  /** current − target: what is still to be cut by the year's end. */
  gapToTargetYen: number | null;
  /** current − baseline. */
  changeFromBaselineYen: number | null;
}

export function checkPlan(i: PlanCheckInput): PlanCheck {
  const ref = referenceMonth(i.asOf, i.now);
  const cur = i.currentYen;
  const months = fiscalMonths(i.fiscalYear).map((month): MonthProgress => {
    const planned = milestoneAt(i.milestones, month)?.outstanding ?? null;
    const own = i.milestones.find((m) => m.month === month)?.outstanding ?? null;
    return {
      month,
      state: month < ref ? 'past' : month === ref ? 'reference' : 'future',
      milestoneYen: own,
      plannedYen: planned,
      diffYen: cur === null || planned === null ? null : cur - planned,
    };
  });
  const milestone = milestoneAt(i.milestones, ref);
  return {
    referenceMonth: ref,
    months,
    milestone,
    growing: cur === null ? null : cur > i.baselineYen,
    behindPlan: cur === null || milestone === null ? null : cur > milestone.outstanding,
    gapToTargetYen: cur === null ? null : cur - i.targetYen,
    changeFromBaselineYen: cur === null ? null : cur - i.baselineYen,
  };
}

/** Milestones in month order, so equal plans store equal JSON. */
export function sortMilestones(ms: readonly Milestone[]): Milestone[] {
  return [...ms]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({ month: m.month, outstanding: m.outstanding }));
}
