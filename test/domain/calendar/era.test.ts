import { describe, expect, it } from 'vitest';
import { dayFromYMD, formatISO } from '../../../domain/calendar/day.js';
import {
  ERAS,
  dayFromWareki,
  eraByLetter,
  eraByName,
  eraOf,
  findEra,
  fiscalYearLabel,
  formatWareki,
  formatWarekiShort,
  gregorianYear,
  warekiYearLabel,
} from '../../../domain/calendar/era.js';

const ymd = (y: number, m: number, d: number) => dayFromYMD(y, m, d);

describe('ERAS', () => {
  it('holds the five modern eras with their first and last days (fields.md)', () => {
    expect(ERAS.map((e) => [e.name, e.letter, formatISO(e.start), e.end === null ? null : formatISO(e.end)])).toEqual([
      ['明治', 'M', '1868-01-25', '1912-07-29'],
      ['大正', 'T', '1912-07-30', '1926-12-24'],
      ['昭和', 'S', '1926-12-25', '1989-01-07'],
      ['平成', 'H', '1989-01-08', '2019-04-30'],
      ['令和', 'R', '2019-05-01', null],
    ]);
  });
});

describe('era lookups', () => {
  it.each([
    ['明治', 'M'],
    ['大正', 'T'],
    ['昭和', 'S'],
    ['平成', 'H'],
    ['令和', 'R'],
  ])('%s is %s', (name, letter) => {
    expect(eraByName(name)?.letter).toBe(letter);
    expect(eraByLetter(letter)?.name).toBe(name);
    expect(eraByLetter(letter.toLowerCase())?.name).toBe(name);
    expect(findEra(name)?.letter).toBe(letter);
    expect(findEra(letter.toLowerCase())?.name).toBe(name);
  });

  it('knows no other names', () => {
    for (const t of ['', 'X', '慶応', 'RR', 'Reiwa', '令']) {
      expect(findEra(t)).toBeUndefined();
    }
  });
});

describe('eraOf', () => {
  it.each([
    [ymd(1868, 1, 24), undefined],
    [ymd(1868, 1, 25), '明治'],
    [ymd(1912, 7, 29), '明治'],
    [ymd(1912, 7, 30), '大正'],
    [ymd(1926, 12, 24), '大正'],
    [ymd(1926, 12, 25), '昭和'],
    [ymd(1989, 1, 7), '昭和'],
    [ymd(1989, 1, 8), '平成'],
    [ymd(2019, 4, 30), '平成'],
    [ymd(2019, 5, 1), '令和'],
    [ymd(2100, 1, 1), '令和'],
  ])('%s → %s', (day, name) => {
    expect(eraOf(day)?.name).toBe(name);
  });
});

describe('dayFromWareki', () => {
  const R = eraByName('令和')!;
  const H = eraByName('平成')!;
  const S = eraByName('昭和')!;
  const M = eraByName('明治')!;
  it.each([
    ['令和6年4月1日', R, 6, 4, 1, '2024-04-01'],
    ['令和元年5月1日', R, 1, 5, 1, '2019-05-01'],
    ['令和元年4月30日 (before 令和 began)', R, 1, 4, 30, null],
    ['平成31年4月30日', H, 31, 4, 30, '2019-04-30'],
    ['平成31年5月1日 (past the end: Gregorian)', H, 31, 5, 1, '2019-05-01'],
    ['平成32年1月1日 (past the end: Gregorian)', H, 32, 1, 1, '2020-01-01'],
    ['平成元年1月7日 (before 平成 began)', H, 1, 1, 7, null],
    ['平成元年1月8日', H, 1, 1, 8, '1989-01-08'],
    ['昭和64年1月7日', S, 64, 1, 7, '1989-01-07'],
    ['昭和64年1月8日 (past the end: Gregorian)', S, 64, 1, 8, '1989-01-08'],
    ['明治1年1月24日 (before 明治 began)', M, 1, 1, 24, null],
    ['明治1年1月25日', M, 1, 1, 25, '1868-01-25'],
    ['令和0年5月1日', R, 0, 5, 1, null],
    ['令和6年2月30日', R, 6, 2, 30, null],
    ['令和6年2月29日 (leap)', R, 6, 2, 29, '2024-02-29'],
    ['令和5年2月29日', R, 5, 2, 29, null],
    ['令和6年13月1日', R, 6, 13, 1, null],
  ])('%s', (_label, era, y, m, d, iso) => {
    const day = dayFromWareki(era, y, m, d);
    expect(day === null ? null : formatISO(day)).toBe(iso);
  });

  it('counts Gregorian years from the era start', () => {
    expect(gregorianYear(R, 6)).toBe(2024);
    expect(gregorianYear(H, 31)).toBe(2019);
    expect(gregorianYear(R, 1)).toBe(2019);
  });
});

describe('warekiYearLabel and fiscalYearLabel', () => {
  it.each([
    [2024, '令和6', '令和6年度'],
    [2019, '令和元', '令和元年度'],
    [2018, '平成30', '平成30年度'],
    [1989, '平成元', '平成元年度'],
    [1988, '昭和63', '昭和63年度'],
    [1926, '昭和元', '昭和元年度'],
    [1925, '大正14', '大正14年度'],
    [1912, '大正元', '大正元年度'],
    [1868, '明治元', '明治元年度'],
    [1867, '1867', '1867年度'],
  ])('%i → %s / %s', (year, label, fy) => {
    expect(warekiYearLabel(year)).toBe(label);
    expect(fiscalYearLabel(year)).toBe(fy);
  });
});

describe('formatWareki', () => {
  it.each([
    [ymd(2024, 4, 1), '令和6年4月1日', 'R6.4.1'],
    [ymd(2019, 5, 1), '令和元年5月1日', 'R1.5.1'],
    [ymd(2019, 4, 30), '平成31年4月30日', 'H31.4.30'],
    [ymd(1989, 1, 8), '平成元年1月8日', 'H1.1.8'],
    [ymd(1989, 1, 7), '昭和64年1月7日', 'S64.1.7'],
    [ymd(1926, 12, 25), '昭和元年12月25日', 'S1.12.25'],
    [ymd(1926, 12, 24), '大正15年12月24日', 'T15.12.24'],
    [ymd(1868, 1, 25), '明治元年1月25日', 'M1.1.25'],
    [ymd(1868, 1, 24), '1868年1月24日', '1868.1.24'],
  ])('%s → %s, %s', (day, long, short) => {
    expect(formatWareki(day)).toBe(long);
    expect(formatWarekiShort(day)).toBe(short);
  });
});
