/**
 * How often finance expects every ledger to be sent, and who is late (the chase list of 経理担当課).
 *
 * - monthly, day N (default N = 10): each month's ledger must be sent by the Nth (Japan time). After
 *   the Nth, a ledger is late when it was last sent before the 1st of this month; up to the Nth the
 *   deadline in force is last month's, so it is late when last sent before the 1st of last month,
 *   and "due" (not yet late) when last sent before the 1st of this month.
 * - days D: a ledger is late when its last submission is more than D days old.
 * A ledger that has never had a submission accepted is always on the list.
 */
import { japanDay } from './milestones.js';

export type SubmissionPeriod = { kind: 'monthly'; day: number } | { kind: 'days'; days: number };

export const DEFAULT_SUBMISSION_PERIOD: SubmissionPeriod = { kind: 'monthly', day: 10 };
/** The 29th–31st do not exist in every month. */
export const MAX_MONTHLY_DAY = 28;
export const MAX_PERIOD_DAYS = 366;

export type SubmissionState = 'never' | 'late' | 'due' | 'ok';

export interface SubmissionWindow {
  /** A submission at or after this instant counts for the deadline in force. */
  since: string;
  /** The deadline in force (exclusive instant); null in days mode, where each ledger has its own. */
  deadline: string | null;
  /** The next deadline, for the ones that are "due". */
  nextDeadline: string | null;
  label: string;
}

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** Midnight at the start of a Japanese calendar day, as an instant (month may run over). */
const jstMidnight = (year: number, month0: number, day: number) =>
  new Date(Date.UTC(year, month0, day) - JST_OFFSET_MS);

export function periodLabel(p: SubmissionPeriod): string {
  return p.kind === 'monthly' ? `毎月${p.day}日までに送信` : `${p.days}日以内ごとに送信`;
}

export function submissionWindow(p: SubmissionPeriod, now: Date): SubmissionWindow {
  if (p.kind === 'days') {
    return {
      since: new Date(now.getTime() - p.days * DAY_MS).toISOString(),
      deadline: null,
      nextDeadline: null,
      label: periodLabel(p),
    };
  }
  const [y, m, d] = japanDay(now).split('-').map(Number) as [number, number, number];
  const month0 = d > p.day ? m - 1 : m - 2;
  return {
    since: jstMidnight(y, month0, 1).toISOString(),
    deadline: jstMidnight(y, month0, p.day + 1).toISOString(),
    nextDeadline: jstMidnight(y, month0 + 1, p.day + 1).toISOString(),
    label: periodLabel(p),
  };
}

export function submissionState(p: SubmissionPeriod, lastSubmittedAt: string | null, now: Date): SubmissionState {
  if (!lastSubmittedAt) return 'never';
  const last = Date.parse(lastSubmittedAt);
  if (!Number.isFinite(last)) return 'never';
  const w = submissionWindow(p, now);
  if (last < Date.parse(w.since)) return 'late';
  if (p.kind === 'monthly') {
    const [y, m] = japanDay(now).split('-').map(Number) as [number, number];
    if (last < jstMidnight(y, m - 1, 1).getTime()) return 'due';
  }
  return 'ok';
}

/** When this ledger must next be sent (days mode: last + D days; monthly: the window's deadlines). */
export function dueAt(p: SubmissionPeriod, lastSubmittedAt: string | null, now: Date): string | null {
  const w = submissionWindow(p, now);
  if (p.kind === 'days') {
    const last = lastSubmittedAt ? Date.parse(lastSubmittedAt) : NaN;
    return Number.isFinite(last) ? new Date(last + p.days * DAY_MS).toISOString() : null;
  }
  const state = submissionState(p, lastSubmittedAt, now);
  return state === 'ok' ? null : state === 'due' ? w.nextDeadline : w.deadline;
}
