import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { MAX_YEN, parseYen, parseYenScaled } from '../../../domain/values/yen.js';

function read(cell: Cell, scale: 1 | 1000 = 1): number | string | null {
  const p = parseYenScaled(cell, scale);
  return p.ok ? p.value : `!${p.reason}`;
}

describe('parseYen', () => {
  it.each<[Cell, number | string | null]>([
    // fields.md
    [1234, 1234],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['1,234円', 1234],
    ['△1,234', -1234],
    ['▲1,234', -1234],
    ['-1,234', -1234],
    // more forms
    [0, 0],
    [-0, 0],
    [-500, -500],
    ['0', 0],
    ['1234', 1234],
    ['1,234,567', 1234567],
    ['△ 13', -13],
    ['▲　13', -13],
    ['－13', -13],
    ['−13', -13],
    ['+13', 13],
    ['１２３４円', 1234],
    ['1,234 円', 1234],
    ['¥1,234', 1234],
    ['￥1,234', 1234],
    ['\\1,234', 1234],
    ['△¥1,234', -1234],
    ['1234.0', 1234],
    ['  1,234  ', 1234],
    [1100.0000000000002, 1100], // 1000 × 1.1 in a formula
    [MAX_YEN, MAX_YEN],
    [-MAX_YEN, -MAX_YEN],
    // blank
    [null, null],
    [undefined, null],
    ['', null],
    ['－', null],
    ['-', null],
    ['―', null],
    // invalid
    [12.5, '!fraction'],
    ['12.5', '!fraction'],
    ['△0.5', '!fraction'],
    [0.01, '!fraction'],
    [MAX_YEN + 1, '!out-of-range'],
    [1e300, '!out-of-range'],
    [NaN, '!unreadable'],
    [Infinity, '!unreadable'],
    [-Infinity, '!unreadable'],
    ['1,23', '!unreadable'],
    ['12,34,567', '!unreadable'],
    ['1.234.567', '!unreadable'],
    ['1e3', '!unreadable'],
    ['abc', '!unreadable'],
    ['円', '!unreadable'],
    ['△', '!unreadable'],
    ['--5', '!unreadable'],
    ['5-', '!unreadable'],
    ['(1,234)', '!unreadable'],
    [true, '!unreadable'],
    [new Date(0), '!unreadable'],
    ['1'.repeat(1000), '!unreadable'],
  ])('%j → %j', (cell, expected) => {
    expect(read(cell)).toBe(expected);
    const p = parseYen(cell);
    expect(p.ok ? p.value : `!${p.reason}`).toBe(expected);
  });
});

describe('parseYenScaled (千円 columns)', () => {
  it.each<[Cell, number | string | null]>([
    [1, 1000],
    [1.5, 1500],
    ['1.5', 1500],
    [1.001, 1001],
    ['1.001', 1001],
    [0.001, 1],
    [123456789.123, 123456789123],
    ['1,234', 1234000],
    ['△1.5', -1500],
    ['▲2', -2000],
    [1.0005, '!fraction'],
    ['0.0001', '!fraction'],
    [1e12, 1e15],
    [1e12 + 1, '!out-of-range'],
    ['－', null],
    [null, null],
  ])('%j 千円 → %j 円', (cell, expected) => {
    expect(read(cell, 1000)).toBe(expected);
  });
});
