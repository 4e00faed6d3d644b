/** Milestone arithmetic: fiscal months, the milestone in force, and the plan check. */
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  fiscalMonths,
  fiscalYearOfMonth,
  isMonth,
  japanDay,
  japanMonth,
  milestoneAt,
  monthOfDay,
  referenceMonth,
  sortMilestones,
} from '../../../domain/plans/milestones.js';

describe('months of a fiscal year', () => {
  it('runs April to March', () => {
    const months = fiscalMonths(2024);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-04');
    expect(months[8]).toBe('2024-12');
    expect(months[9]).toBe('2025-01');
    expect(months[11]).toBe('2025-03');
  });

  it('names the fiscal year of a month', () => {
    expect(fiscalYearOfMonth('2024-04')).toBe(2024);
    expect(fiscalYearOfMonth('2025-03')).toBe(2024);
    expect(fiscalYearOfMonth('2025-04')).toBe(2025);
    expect(fiscalYearOfMonth('2025-13')).toBeNull();
    expect(fiscalYearOfMonth('2025-1')).toBeNull();
    for (const m of fiscalMonths(2019)) expect(fiscalYearOfMonth(m)).toBe(2019);
  });

  it('reads months and days strictly', () => {
    expect(isMonth('2024-09')).toBe(true);
    expect(isMonth('2024-9')).toBe(false);
    expect(isMonth('2024-00')).toBe(false);
    expect(monthOfDay('2025-03-31')).toBe('2025-03');
    expect(monthOfDay('2025-03-31T12:00:00.000Z')).toBe('2025-03');
    expect(monthOfDay('令和7年3月31日')).toBeNull();
  });
});

describe('Japan time', () => {
  it('turns the date at 15:00 UTC (midnight in Japan)', () => {
    expect(japanDay(new Date('2025-03-31T14:59:59Z'))).toBe('2025-03-31');
    expect(japanDay(new Date('2025-03-31T15:00:00Z'))).toBe('2025-04-01');
    expect(japanMonth(new Date('2025-03-31T15:00:00Z'))).toBe('2025-04');
  });

  it('takes the reference month from the as-of date, else from now', () => {
    const now = new Date('2024-10-10T03:00:00Z');
    expect(referenceMonth('2024-09-30', now)).toBe('2024-09');
    expect(referenceMonth(null, now)).toBe('2024-10');
  });
});

describe('milestoneAt', () => {
  const ms = [
    { month: '2024-12', outstanding: 90 },
    { month: '2024-06', outstanding: 100 },
  ];
  it('is the latest milestone up to the month', () => {
    expect(milestoneAt(ms, '2024-05')).toBeNull();
    expect(milestoneAt(ms, '2024-06')?.outstanding).toBe(100);
    expect(milestoneAt(ms, '2024-11')?.outstanding).toBe(100);
    expect(milestoneAt(ms, '2025-03')?.outstanding).toBe(90);
  });
  it('sorts for storage', () => {
    expect(sortMilestones(ms).map((m) => m.month)).toEqual(['2024-06', '2024-12']);
  });
});

describe('checkPlan', () => {
  const base = {
    fiscalYear: 2024,
    baselineYen: 1000,
    targetYen: 800,
    milestones: [
      { month: '2024-06', outstanding: 950 },
      { month: '2024-12', outstanding: 880 },
    ],
    now: new Date('2025-01-20T00:00:00Z'),
  };

  it('flags growth over last year and lag behind the milestone in force', () => {
    const c = checkPlan({ ...base, currentYen: 1001, asOf: '2024-12-31' });
    expect(c).toMatchObject({
      referenceMonth: '2024-12',
      milestone: { month: '2024-12', outstanding: 880 },
      growing: true,
      behindPlan: true,
      gapToTargetYen: 201,
      changeFromBaselineYen: 1,
    });
  });

  it('is on plan at or below the milestone, and not growing at the baseline', () => {
    const c = checkPlan({ ...base, currentYen: 880, asOf: '2024-12-31' });
    expect(c).toMatchObject({ growing: false, behindPlan: false });
    expect(checkPlan({ ...base, currentYen: 1000, asOf: '2024-11-30' })).toMatchObject({
      growing: false,
      behindPlan: true,
      milestone: { month: '2024-06' },
    });
  });

  it('says nothing without data or before the first milestone', () => {
    expect(checkPlan({ ...base, currentYen: null, asOf: null })).toMatchObject({
      growing: null,
      behindPlan: null,
      gapToTargetYen: null,
    });
    expect(checkPlan({ ...base, currentYen: 2000, asOf: '2024-05-31' })).toMatchObject({
      milestone: null,
      behindPlan: null,
      growing: true,
    });
  });

  it('lays out the twelve months with past, reference and future', () => {
    const c = checkPlan({ ...base, currentYen: 900, asOf: '2024-12-31' });
    expect(c.months.map((m) => m.state)).toEqual([...Array(8).fill('past'), 'reference', ...Array(3).fill('future')]);
    expect(c.months[2]).toEqual({ month: '2024-06', state: 'past', milestoneYen: 950, plannedYen: 950, diffYen: -50 });
    expect(c.months[3]).toEqual({ month: '2024-07', state: 'past', milestoneYen: null, plannedYen: 950, diffYen: -50 });
    expect(c.months[0]).toEqual({
      month: '2024-04',
      state: 'past',
      milestoneYen: null,
      plannedYen: null,
      diffYen: null,
    });
    expect(c.months[11]).toMatchObject({ month: '2025-03', state: 'future', plannedYen: 880, diffYen: 20 });
  });
});
