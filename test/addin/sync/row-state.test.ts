import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../../addin/sync/row-state.js';
import { diffRows, splitParts, catchUp, type PartHeader } from '../../../addin/sync/diff.js';
import type { RowUpsert } from '../../../domain/sync/protocol.js';

const hex = (n: number, len = 64) => n.toString(16).padStart(len, '0');
const hash = (n: number) => n.toString(16).padEnd(64, '0');
const upsert = (n: number, h: number): RowUpsert => ({ key: hex(n), hash: hash(h), row: n + 1, values: {} });

describe('row state', () => {
  it('packs keys and short hashes compactly and reads them back', () => {
    const rows = new Map([
      [hex(1), hex(0xabc, 16)],
      [`${'f'.repeat(64)}#2`, 'deadbeefcafef00d'],
    ]);
    const text = pack(rows);
    expect(text.length).toBeLessThan(2 * 58);
    expect(unpack(text)).toEqual(rows);
    expect(unpack('')).toEqual(new Map());
  });

  it('diffs: new and changed rows as upserts, vanished keys as deletions', () => {
    const held = new Map([
      [hex(1), hash(1).slice(0, 16)],
      [hex(2), hash(2).slice(0, 16)],
      [hex(3), hash(3).slice(0, 16)],
    ]);
    const { upserts, deletions } = diffRows([upsert(1, 1), upsert(2, 99), upsert(4, 4)], held);
    expect(upserts.map((u) => u.row)).toEqual([3, 5]);
    expect(deletions).toEqual([hex(3)]);
  });

  it('applies rows?since= changes on top of what was held', () => {
    const held = { revision: 3, rows: new Map([[hex(1), 'a'.repeat(16)]]) };
    const next = catchUp(held, {
      ledgerId: 'x',
      revision: 5,
      rows: [{ key: hex(2), hash: 'b'.repeat(64), revision: 4 }],
      deleted: [{ key: hex(1), revision: 5 }],
    });
    expect(next).toEqual({ revision: 5, rows: new Map([[hex(2), 'b'.repeat(16)]]) });
  });

  it('splits upserts then deletions into parts of at most max items', () => {
    const header = { submissionId: 'abcdefgh' } as PartHeader;
    const ups = Array.from({ length: 7 }, (_, i) => upsert(i, i));
    const dels = Array.from({ length: 5 }, (_, i) => hex(100 + i));
    const parts = splitParts(header, ups, dels, 5);
    expect(parts.map((p) => [p.upserts.length, p.deletions.length])).toEqual([
      [5, 0],
      [2, 3],
      [0, 2],
    ]);
    expect(parts.map((p) => p.part)).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    expect(splitParts(header, [], [])).toHaveLength(1);
  });
});
