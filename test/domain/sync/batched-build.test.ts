/**
 * Building the upserts a batch of rows at a time (digests asked for together) gives exactly what
 * building them one row after the other gives: the same keys, occurrence numbers, values, hashes
 * and order, whatever the batch size and in whatever order the platform answers the digests.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import type { LedgerRow, ReadField } from '../../../domain/engine/ledger-row.js';
import { RowReader } from '../../../domain/engine/read-row.js';
import { detectHeader } from '../../../domain/fields/header.js';
import { buildUpserts, BUILD_BATCH_ROWS, type SyncCrypto } from '../../../domain/sync/sync-row.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { buildUpsertsPerRow } from './per-row-build.js';

const KEY = 'batched-build-test';
const nodeCrypto: SyncCrypto = {
  hmac: async (text) => createHmac('sha256', KEY).update(text, 'utf8').digest('hex'),
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

/** The same digests, answered after a delay drawn per call: later calls may well be answered first. */
function outOfOrder(inner: SyncCrypto, delays: readonly number[]): SyncCrypto {
  let i = 0;
  const later = async (answer: Promise<string>) => {
    const d = delays[i++ % delays.length]!;
    for (let k = 0; k < d; k++) await Promise.resolve();
    return answer;
  };
  return { hmac: (t) => later(inner.hmac(t)), sha256: (t) => later(inner.sha256(t)) };
}

const HEADER = [
  '整理番号',
  '年度',
  '調定番号',
  '調定額',
  '納期限',
  '収入済額',
  '最終収入日',
  '収入未済額',
  '督促状発付日',
];

/** Rows read as the pane reads them (header detection, row reader); repeated identities are likely. */
function readRows(cells: Cell[][]): { rows: LedgerRow[]; mapped: Set<ReadField> } {
  const grid = [HEADER, ...cells];
  const mapping = detectHeader(grid);
  if (!mapping) throw new Error('no header');
  const reader = new RowReader(mapping, { claimTypes: new ClaimTypeIndex(), claimType: '保育料' });
  const rows: LedgerRow[] = [];
  cells.forEach((c, i) => {
    const r = reader.read(i + 2, c);
    if (r.kind === 'data') rows.push(r.row);
  });
  return { rows, mapped: new Set(mapping.columns.map((c) => c.field as ReadField)) };
}

const text = fc.oneof(fc.constantFrom('H-101', 'H-102', '山田001', ''), fc.string({ unit: 'grapheme', maxLength: 8 }));
const year = fc.constantFrom<Cell>('令和6年度', 'R5', 2023, '年度不明', null);
const yen = fc.oneof(fc.integer({ min: -1000, max: 2_000_000 }), fc.constantFrom<Cell>('50,000', '12.5', 'なし', null));
const day = fc.constantFrom<Cell>('2024-04-30', 'R5.5.31', '令和6年2月30日', new Date(Date.UTC(2024, 7, 15)), null);
const row = fc.tuple(text, year, text, yen, day, yen, day, yen, day) as fc.Arbitrary<Cell[]>;
const sheet = fc.array(row, { minLength: 0, maxLength: 60 });

describe('buildUpserts, a batch of rows at a time', () => {
  it('gives exactly the per-row path’s upserts, whatever the batch size', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, fc.integer({ min: 1, max: 70 }), async (cells, batch) => {
        const { rows, mapped } = readRows(cells);
        const expected = await buildUpsertsPerRow(rows, mapped, nodeCrypto);
        expect(await buildUpserts(rows, mapped, nodeCrypto, batch)).toEqual(expected);
        expect(await buildUpserts(rows, mapped, nodeCrypto)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same upserts when the platform answers the digests out of order', async () => {
    await fc.assert(
      fc.asyncProperty(
        sheet,
        fc.integer({ min: 1, max: 70 }),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }),
        async (cells, batch, delays) => {
          const { rows, mapped } = readRows(cells);
          const expected = await buildUpsertsPerRow(rows, mapped, nodeCrypto);
          expect(await buildUpserts(rows, mapped, outOfOrder(nodeCrypto, delays), batch)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('numbers repeats of one identity across batch boundaries', async () => {
    const cells: Cell[][] = Array.from({ length: BUILD_BATCH_ROWS + 5 }, (_, i) => [
      'H-101', '令和6年度', i % 2 ? 'A' : 'B', 1000, '2024-04-30', null, null, 1000, null,
    ]); // prettier-ignore
    const { rows, mapped } = readRows(cells);
    const built = await buildUpserts(rows, mapped, nodeCrypto);
    expect(built).toEqual(await buildUpsertsPerRow(rows, mapped, nodeCrypto));
    const keys = new Set(built.map((u) => u.key));
    expect(keys.size).toBe(built.length);
    expect(built.at(-1)!.key).toMatch(/^[0-9a-f]{64}#\d+$/);
  });

  it('fails as a whole when a digest fails: no partial list', async () => {
    const { rows, mapped } = readRows([['H-101', 'R5', 'A', 1, null, null, null, null, null]]);
    const failing: SyncCrypto = { ...nodeCrypto, sha256: async () => Promise.reject(new Error('digest failed')) };
    await expect(buildUpserts(rows, mapped, failing)).rejects.toThrow('digest failed');
  });
});
