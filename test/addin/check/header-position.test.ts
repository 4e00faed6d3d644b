// Finding the confirmed header again after rows or columns moved it.
import { describe, expect, it } from 'vitest';
import { locateHeader } from '../../../addin/check/header-position.js';
import { detectHeader } from '../../../domain/fields/header.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { hoikuryo } from '../ledger.js';

const mappingOf = (grid: Cell[][]) => detectHeader(grid)!;
const letterOf = (m: ReturnType<typeof locateHeader>, field: string) =>
  m?.columns.find((c) => c.field === field)?.letter;

describe('locateHeader', () => {
  it('gives the stored mapping back, unchanged, where the header still stands', () => {
    const grid = hoikuryo();
    const mapping = mappingOf(grid);
    expect(locateHeader(mapping, grid)).toEqual(mapping);
  });

  it('moves the rows with rows inserted above, and back up when they are deleted', () => {
    const grid = hoikuryo();
    const mapping = mappingOf(grid);
    const lower = [[], ['令和6年度 保育料'], ...grid];
    const moved = locateHeader(mapping, lower)!;
    expect(moved.headerRows).toEqual([3]);
    expect(moved.dataStartRow).toBe(4);
    expect(moved.columns).toEqual(mapping.columns);
    expect(locateHeader(moved, grid)).toEqual(mapping);
  });

  it('follows each header into its new column when a column is inserted before it', () => {
    const grid = hoikuryo().map((r) => [r[0] ?? null, null, ...r.slice(1)]);
    const mapping = mappingOf(hoikuryo());
    const moved = locateHeader(mapping, grid)!;
    expect(letterOf(mapping, 'demandDate')).toBe('I');
    expect(letterOf(moved, 'demandDate')).toBe('J');
    expect(letterOf(moved, 'debtorId')).toBe('A');
    expect(moved.columns.map((c) => c.column)).toEqual(mapping.columns.map((c) => (c.column === 0 ? 0 : c.column + 1)));
  });

  it('keeps a 個人番号 column out of reach where it moved, and adds one that appeared', () => {
    const withNumber = hoikuryo({ personalNumber: true }); // 個人番号 in C
    const mapping = mappingOf(withNumber);
    expect(mapping.personalNumberColumns.map((p) => p.letter)).toEqual(['C']);
    const shifted = withNumber.map((r) => [null, ...r]);
    expect(locateHeader(mapping, shifted)!.personalNumberColumns.map((p) => p.letter)).toEqual(['D']);

    const plain = mappingOf(hoikuryo());
    const added = hoikuryo().map((r, i) => [...r, i === 0 ? 'マイナンバー' : '123456789012']);
    const found = locateHeader(plain, added)!;
    expect(found.personalNumberColumns.map((p) => p.letter)).toEqual(['S']);
    expect(found.columns).toEqual(plain.columns);
  });

  it('finds a two-row header whose group cell is merged over its sub-headers', () => {
    const grid: Cell[][] = [
      ['債務者番号', '氏名', '督促', null, '調定額', '納期限'],
      [null, null, '発付日', '方法', null, null],
      ['D-1', 'あ', '2024-05-01', '文書', 1000, '2024-04-30'],
    ];
    const merges = [
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 4, bottom: 1, right: 4 },
      { top: 0, left: 5, bottom: 1, right: 5 },
    ];
    const mapping = detectHeader(grid, { merges })!;
    expect(mapping.headerRows).toEqual([1, 2]);
    expect(locateHeader(mapping, grid)).toEqual(mapping);
    const moved = locateHeader(mapping, [['台帳'], ...grid])!;
    expect(moved.headerRows).toEqual([2, 3]);
    expect(moved.columns.map((c) => c.letter)).toEqual(mapping.columns.map((c) => c.letter));
  });

  it('gives up where a mapped header is found nowhere', () => {
    const grid = hoikuryo();
    const mapping = mappingOf(grid);
    const renamed = grid.map((r, i) => (i === 0 ? r.map((c) => (c === '督促日' ? '備考' : c)) : r));
    expect(locateHeader(mapping, renamed)).toBeNull();
    expect(locateHeader(mapping, grid.slice(1))).toBeNull(); // the header row deleted
  });
});
