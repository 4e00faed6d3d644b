import { describe, expect, it } from 'vitest';
import { parseFiscalYear } from '../../../domain/values/fiscal-year.js';
import type { Cell } from '../../../domain/values/parsed.js';

function read(cell: Cell): number | string | null {
  const p = parseFiscalYear(cell);
  return p.ok ? p.value : `!${p.reason}`;
}

describe('parseFiscalYear', () => {
  it.each<[Cell, number | string | null]>([
    // fields.md
    ['令和6年度', 2024],
    ['R6', 2024],
    ['R6年度', 2024],
    ['2024', 2024],
    ['2024年度', 2024],
    ['H30', 2018],
    // more forms
    ['平成30年度', 2018],
    ['令和元年度', 2019],
    ['令和元', 2019],
    ['R1', 2019],
    ['R01', 2019],
    ['H31', 2019],
    ['平成31年度', 2019],
    ['r6', 2024],
    ['令和6年', 2024],
    ['令和6', 2024],
    ['令和 6 年度', 2024],
    ['㋿6年度', 2024],
    ['S63', 1988],
    ['昭和64年度', 1989],
    ['T15', 1926],
    ['明治元年度', 1868],
    ['2024年', 2024],
    ['Ｒ６', 2024],
    ['Ｒ６年度', 2024],
    ['令和６年度', 2024],
    ['２０２４', 2024],
    ['２０２４年度', 2024],
    [2024, 2024],
    [1868, 1868],
    [9999, 9999],
    // blank
    [null, null],
    [undefined, null],
    ['', null],
    ['－', null],
    ['-', null],
    ['―', null],
    // invalid
    [1867, '!out-of-range'],
    [10000, '!out-of-range'],
    [6, '!out-of-range'],
    ['1867年度', '!out-of-range'],
    ['12024', '!out-of-range'],
    ['R0', '!out-of-range'],
    ['令和0年度', '!out-of-range'],
    [2024.5, '!unreadable'],
    [NaN, '!unreadable'],
    [Infinity, '!unreadable'],
    ['X6', '!unreadable'],
    ['令和', '!unreadable'],
    ['2024年度分', '!unreadable'],
    ['2024/4/1', '!unreadable'],
    [true, '!unreadable'],
    [new Date(Date.UTC(2024, 3, 1)), '!unreadable'],
    ['9'.repeat(1000), '!unreadable'],
  ])('%j → %j', (cell, expected) => {
    expect(read(cell)).toBe(expected);
  });
});
