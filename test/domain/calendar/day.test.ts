import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addYears,
  dayFromYMD,
  daysInMonth,
  fiscalYearOf,
  formatISO,
  isValidYMD,
  parseISODay,
  todayInJapan,
  wholeYearsBetween,
  ymdOf,
} from '../../../domain/calendar/day.js';

const d = (s: string) => parseISODay(s)!;

describe('day arithmetic', () => {
  it('agrees with the platform calendar for every day from 1600 to 2400', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, day) => {
          fc.pre(day <= daysInMonth(y, m));
          const expected = Math.floor(Date.UTC(y, m - 1, day) / 86_400_000);
          expect(dayFromYMD(y, m, day)).toBe(expected);
          expect(ymdOf(expected)).toEqual({ year: y, month: m, day });
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(isValidYMD(2023, 2, 29)).toBe(false);
    expect(isValidYMD(2024, 13, 1)).toBe(false);
  });

  it('adds years with Feb 29 becoming Mar 1 (民法143条)', () => {
    expect(formatISO(addYears(d('2020-02-29'), 1))).toBe('2021-03-01');
    expect(formatISO(addYears(d('2020-02-29'), 4))).toBe('2024-02-29');
    expect(formatISO(addYears(d('2024-07-23'), 5))).toBe('2029-07-23');
  });

  it('names fiscal years by the April they start in', () => {
    expect(fiscalYearOf(d('2025-03-31'))).toBe(2024);
    expect(fiscalYearOf(d('2025-04-01'))).toBe(2025);
  });

  it('counts whole years by anniversaries', () => {
    expect(wholeYearsBetween(d('2024-03-31'), d('2025-03-30'))).toBe(0);
    expect(wholeYearsBetween(d('2024-03-31'), d('2025-03-31'))).toBe(1);
    expect(wholeYearsBetween(d('2020-02-29'), d('2021-02-28'))).toBe(0);
    expect(wholeYearsBetween(d('2020-02-29'), d('2021-03-01'))).toBe(1);
  });

  it('parses only strict ISO days', () => {
    expect(parseISODay('2025-02-29')).toBeNull();
    expect(parseISODay('2025-2-1')).toBeNull();
    expect(formatISO(d('2025-03-31'))).toBe('2025-03-31');
  });

  it('takes today in Japan time', () => {
    // 2025-03-31T15:00Z is already April 1 in Japan.
    expect(formatISO(todayInJapan(Date.UTC(2025, 2, 31, 15, 0)))).toBe('2025-04-01');
    expect(formatISO(todayInJapan(Date.UTC(2025, 2, 31, 14, 59)))).toBe('2025-03-31');
  });
});
