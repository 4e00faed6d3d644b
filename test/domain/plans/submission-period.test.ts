/** Who is late: the monthly deadline (by the Nth, Japan time) and the rolling number of days. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUBMISSION_PERIOD,
  dueAt,
  periodLabel,
  submissionState,
  submissionWindow,
  type SubmissionPeriod,
} from '../../../domain/plans/submission-period.js';

const monthly: SubmissionPeriod = { kind: 'monthly', day: 10 };
/** An instant given as Japan time. */
const jst = (local: string) => new Date(`${local}+09:00`);

describe('monthly, by the 10th', () => {
  it('is the default', () => {
    expect(DEFAULT_SUBMISSION_PERIOD).toEqual(monthly);
    expect(periodLabel(monthly)).toBe('毎月10日までに送信');
  });

  it('after the 10th, wants a submission since the 1st of this month', () => {
    const now = jst('2024-11-11T09:00:00');
    expect(submissionWindow(monthly, now)).toMatchObject({
      since: jst('2024-11-01T00:00:00').toISOString(),
      deadline: jst('2024-11-11T00:00:00').toISOString(),
      nextDeadline: jst('2024-12-11T00:00:00').toISOString(),
    });
    expect(submissionState(monthly, jst('2024-11-01T00:00:00').toISOString(), now)).toBe('ok');
    expect(submissionState(monthly, jst('2024-10-31T23:59:59').toISOString(), now)).toBe('late');
  });

  it('up to the 10th, last month’s deadline is in force: late only before last month, else due', () => {
    const now = jst('2024-11-10T23:00:00');
    expect(submissionWindow(monthly, now).since).toBe(jst('2024-10-01T00:00:00').toISOString());
    expect(submissionState(monthly, jst('2024-09-30T23:00:00').toISOString(), now)).toBe('late');
    expect(submissionState(monthly, jst('2024-10-15T10:00:00').toISOString(), now)).toBe('due');
    expect(submissionState(monthly, jst('2024-11-02T10:00:00').toISOString(), now)).toBe('ok');
    expect(dueAt(monthly, jst('2024-10-15T10:00:00').toISOString(), now)).toBe(
      jst('2024-11-11T00:00:00').toISOString(),
    );
    expect(dueAt(monthly, jst('2024-09-15T10:00:00').toISOString(), now)).toBe(
      jst('2024-10-11T00:00:00').toISOString(),
    );
  });

  it('counts the month in Japan, not in UTC', () => {
    // 1 December 00:30 in Japan is still 30 November in UTC.
    const now = jst('2024-12-01T00:30:00');
    expect(submissionWindow(monthly, now).since).toBe(jst('2024-11-01T00:00:00').toISOString());
  });

  it('crosses the year in January', () => {
    const now = jst('2025-01-05T12:00:00');
    expect(submissionWindow(monthly, now).since).toBe(jst('2024-12-01T00:00:00').toISOString());
    expect(submissionWindow({ kind: 'monthly', day: 1 }, jst('2025-01-02T00:00:00')).since).toBe(
      jst('2025-01-01T00:00:00').toISOString(),
    );
  });

  it('lists a ledger never sent, and an unreadable time as never', () => {
    expect(submissionState(monthly, null, new Date())).toBe('never');
    expect(submissionState(monthly, 'yesterday', new Date())).toBe('never');
  });
});

describe('every N days', () => {
  const days: SubmissionPeriod = { kind: 'days', days: 31 };
  const now = new Date('2024-11-20T00:00:00Z');
  it('is late when the last submission is more than N days old', () => {
    expect(submissionState(days, '2024-10-20T00:00:00.000Z', now)).toBe('ok');
    expect(submissionState(days, '2024-10-19T23:59:59.000Z', now)).toBe('late');
    expect(dueAt(days, '2024-10-20T00:00:00.000Z', now)).toBe('2024-11-20T00:00:00.000Z');
    expect(submissionWindow(days, now)).toMatchObject({ deadline: null, label: '31日以内ごとに送信' });
  });
});
