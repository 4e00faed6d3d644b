import { describe, expect, it } from 'vitest';
import { dayFromYMD, formatISO } from '../../../domain/calendar/day.js';
import {
  MAX_EXCEL_SERIAL,
  excelSerialOf,
  formatDateJa,
  formatDateKanji,
  parseDate,
} from '../../../domain/values/date.js';
import type { Cell, Parsed } from '../../../domain/values/parsed.js';

/** `2024-04-01`, `null` for blank, `!reason` for invalid: one column of expectations. */
function read(cell: Cell): string | null {
  const p: Parsed<number> = parseDate(cell);
  if (!p.ok) return `!${p.reason}`;
  return p.value === null ? null : formatISO(p.value);
}

describe('parseDate: the notations of fields.md', () => {
  it.each<[Cell, string]>([
    ['2024/4/1', '2024-04-01'],
    ['2024-04-01', '2024-04-01'],
    ['2024年4月1日', '2024-04-01'],
    ['2024.4.1', '2024-04-01'],
    ['R6.4.1', '2024-04-01'],
    ['R06.04.01', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['S64.1.7', '1989-01-07'],
    ['令和６年４月１日', '2024-04-01'],
    ['平成31年5月1日', '2019-05-01'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });
});

describe('parseDate: other notations', () => {
  it.each<[Cell, string]>([
    ['R6/4/1', '2024-04-01'],
    ['R6-4-1', '2024-04-01'],
    ['r6.4.1', '2024-04-01'],
    ['Ｒ６．４．１', '2024-04-01'],
    ['Ｒ６／４／１', '2024-04-01'],
    ['２０２４／０４／０１', '2024-04-01'],
    ['２０２４年４月１日', '2024-04-01'],
    ['㋿6年4月1日', '2024-04-01'],
    ['㍻31年4月30日', '2019-04-30'],
    ['令和6年4月1', '2024-04-01'],
    ['令和 6 年 4 月 1 日', '2024-04-01'],
    ['令和6.4.1', '2024-04-01'],
    ['R6年4月1日', '2024-04-01'],
    ['  2024/4/1  ', '2024-04-01'],
    ['\u30002024/4/1\u3000', '2024-04-01'],
    ['2024/04/01 0:00:00', '2024-04-01'],
    ['2024-04-01T09:30:00', '2024-04-01'],
    ['2024-04-01T00:00:00.000Z', '2024-04-01'],
    ['T1.7.30', '1912-07-30'],
    ['明治45年7月29日', '1912-07-29'],
    ['M1.1.25', '1868-01-25'],
    ['2024/2/29', '2024-02-29'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });
});

describe('parseDate: era boundaries', () => {
  it.each<[Cell, string]>([
    ['令和元年4月30日', '!no-such-day'],
    ['R1.4.30', '!no-such-day'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成31年5月1日', '2019-05-01'],
    ['H31.5.1', '2019-05-01'],
    ['平成元年1月7日', '!no-such-day'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和64年1月8日', '1989-01-08'],
    ['昭和元年12月24日', '!no-such-day'],
    ['昭和元年12月25日', '1926-12-25'],
    ['大正元年7月29日', '!no-such-day'],
    ['大正元年7月30日', '1912-07-30'],
    ['明治1年1月24日', '!no-such-day'],
    ['明治1年1月25日', '1868-01-25'],
    ['令和0年5月1日', '!no-such-day'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });
});

describe('parseDate: Excel serials (1900 date system)', () => {
  it.each<[Cell, string]>([
    [1, '1900-01-01'],
    [2, '1900-01-02'],
    [59, '1900-02-28'],
    [60, '!no-such-day'],
    [61, '1900-03-01'],
    [45383, '2024-04-01'],
    [45383.75, '2024-04-01'],
    [45383.999999999, '2024-04-02'],
    [43586, '2019-05-01'],
    [MAX_EXCEL_SERIAL, '9999-12-31'],
    [MAX_EXCEL_SERIAL + 0.5, '9999-12-31'],
    [MAX_EXCEL_SERIAL + 1, '!out-of-range'],
    [0, '!out-of-range'],
    [0.5, '!out-of-range'],
    [-1, '!out-of-range'],
    [1e300, '!out-of-range'],
    [NaN, '!unreadable'],
    [Infinity, '!unreadable'],
    [-Infinity, '!unreadable'],
    ['45383', '2024-04-01'],
    ['４５３８３', '2024-04-01'],
    ['45383.5', '2024-04-01'],
    ['60', '!no-such-day'],
    ['0', '!out-of-range'],
    ['-5', '!out-of-range'],
    ['99999999', '!out-of-range'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });
});

describe('parseDate: Date objects are read by their UTC day', () => {
  it.each<[Cell, string]>([
    [new Date(Date.UTC(2024, 3, 1)), '2024-04-01'],
    [new Date(Date.UTC(2024, 3, 1, 23, 59, 59)), '2024-04-01'],
    [new Date(Date.UTC(1900, 0, 1)), '1900-01-01'],
    [new Date(Date.UTC(1868, 0, 1)), '1868-01-01'],
    [new Date(Date.UTC(1867, 11, 31)), '!out-of-range'],
    [new Date(NaN), '!unreadable'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });
});

describe('parseDate: blank and invalid', () => {
  it.each<[Cell, string | null]>([
    [null, null],
    [undefined, null],
    ['', null],
    ['   ', null],
    ['－', null],
    ['-', null],
    ['―', null],
    ['2024/2/30', '!no-such-day'],
    ['2023/2/29', '!no-such-day'],
    ['2024/13/1', '!no-such-day'],
    ['2024/0/1', '!no-such-day'],
    ['令和6年2月30日', '!no-such-day'],
    ['1867/12/31', '!out-of-range'],
    ['0024/4/1', '!out-of-range'],
    ['2024/4-1', '!unreadable'],
    ['2024/4', '!unreadable'],
    ['4/1', '!unreadable'],
    ['24/4/1', '!unreadable'],
    ['X6.4.1', '!unreadable'],
    ['令和6年', '!unreadable'],
    ['未定', '!unreadable'],
    ['2024/4/1/', '!unreadable'],
    ['1e5', '!unreadable'],
    [true, '!unreadable'],
    [false, '!unreadable'],
    ['x'.repeat(10_000), '!unreadable'],
  ])('%j → %s', (cell, iso) => {
    expect(read(cell)).toBe(iso);
  });

  it('reads an object that is not a cell as unreadable', () => {
    expect(read({} as unknown as Cell)).toBe('!unreadable');
    expect(read(Object.create(Date.prototype) as Cell)).toBe('!unreadable');
  });
});

describe('formatting', () => {
  it('writes days as Japanese Excel and forms do', () => {
    const d = dayFromYMD(2024, 4, 1);
    expect(formatDateJa(d)).toBe('2024/4/1');
    expect(formatDateKanji(d)).toBe('2024年4月1日');
  });

  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2024-04-01', 45383],
    ['9999-12-31', MAX_EXCEL_SERIAL],
  ])('the serial of %s is %i', (iso, serial) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(excelSerialOf(dayFromYMD(y, m, d))).toBe(serial);
  });
});
