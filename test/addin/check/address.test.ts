import { describe, expect, it } from 'vitest';
import { changedRows } from '../../../addin/check/address.js';

describe('changedRows', () => {
  it.each([
    ['C5', [[5, 5]]],
    ['C5:D9', [[5, 9]]],
    ['$C$5:$D$9', [[5, 9]]],
    ['Sheet1!C5:D9', [[5, 9]]],
    ["'台帳 (2)'!B2", [[2, 2]]],
    ['5:7', [[5, 7]]],
    ['7:5', [[5, 7]]],
    ['A1,B2', [[1, 2]]],
    [
      'A1, C4:C6, B5',
      [
        [1, 1],
        [4, 6],
      ],
    ],
    [
      'D10:D12,A3',
      [
        [3, 3],
        [10, 12],
      ],
    ],
  ])('%s', (address, ranges) => {
    expect(changedRows(address)).toEqual({ kind: 'rows', ranges });
  });

  it.each(['A:A', 'B:D', 'A1,C:C', 'garbage', 'A0'])('%s means every row', (address) => {
    expect(changedRows(address)).toEqual({ kind: 'all' });
  });
});
