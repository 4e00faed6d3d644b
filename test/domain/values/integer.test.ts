import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../../domain/values/integer.js';
import type { Cell } from '../../../domain/values/parsed.js';

function read(cell: Cell): number | string | null {
  const p = parseInteger(cell);
  return p.ok ? p.value : `!${p.reason}`;
}

describe('parseInteger', () => {
  it.each<[Cell, number | string | null]>([
    [0, 0],
    [-0, 0],
    [3, 3],
    ['3', 3],
    ['3回', 3],
    ['12件', 12],
    ['１２件', 12],
    ['３回', 3],
    ['3 回', 3],
    ['1,000', 1000],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    [null, null],
    [undefined, null],
    ['', null],
    ['－', null],
    ['-', null],
    [-1, '!unreadable'],
    ['-1', '!unreadable'],
    [1.5, '!unreadable'],
    ['1.5', '!unreadable'],
    [NaN, '!unreadable'],
    [Infinity, '!unreadable'],
    ['三回', '!unreadable'],
    ['3回目', '!unreadable'],
    ['回', '!unreadable'],
    [true, '!unreadable'],
    [new Date(0), '!unreadable'],
    [2 ** 60, '!out-of-range'],
    ['99999999999999999999', '!out-of-range'],
  ])('%j → %j', (cell, expected) => {
    expect(read(cell)).toBe(expected);
  });
});
