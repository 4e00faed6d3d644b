/** Reading through the adapter: chunk sizes against Excel on the web's payload limit, round trips, exactness. */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import type { ReadProgress } from '../../../addin/excel/workbook-port.js';
import { installHost, type ExcelHost } from './excel-standin.js';
import { addLedger, mismatches } from './ledger-fixture.js';

const FOUR_MB = 4_000_000;
let restore = (): void => {};
afterEach(() => restore());

function setup(opts?: { apiMinor?: number }): { host: ExcelHost; chunks: { rows: number; bytes: number }[] } {
  const installed = installHost(opts);
  restore = installed.restore;
  const chunks: { rows: number; bytes: number }[] = [];
  return { host: installed.host, chunks };
}

describe('readRows', () => {
  it('reads 100,000 rows × 30 columns exactly, every request ≤ 4 MB, a check in chunks + 3 round trips', async () => {
    const { host, chunks } = setup();
    addLedger(host, '台帳', { rows: 100_000, columns: 30 });
    const port = createOfficeAdapter({ onChunk: (rows, bytes) => chunks.push({ rows, bytes }) });
    const start = host.requests.length;
    const sheet = await port.activeSheet();
    const area = await port.usedArea(sheet);
    expect(area).toEqual({ firstRow: 1, firstColumn: 1, rowCount: 100_000, columnCount: 30 });
    const merges = await port.mergedAreas(sheet, 30, 30);
    expect(merges).toEqual([]);
    const progress: ReadProgress[] = [];
    const grid = await port.readRows(sheet, 1, 100_000, 30, (p) => progress.push(p));
    const stats = host.stats(start);

    expect(grid).toHaveLength(100_000);
    expect(mismatches(host, '台帳', grid, 1, 30)).toBe(0);
    expect(stats.failed).toBe(0);
    expect(stats.maxRequest).toBeLessThanOrEqual(FOUR_MB);
    expect(stats.maxResponse).toBeLessThanOrEqual(FOUR_MB);
    expect(stats.requests).toBeLessThanOrEqual(chunks.length + 3);
    expect(progress.at(-1)).toEqual({ rowsRead: 100_000, rowsTotal: 100_000 });
    console.info(
      `100k×30 read: ${chunks.length} chunks (${chunks.map((c) => c.rows).join(',')}), ` +
        `${stats.requests} requests for the check, largest response ${stats.maxResponse} B, total ${stats.bytes} B`,
    );
  });

  it('shrinks chunks for wide rows of long text, staying under 4 MB', async () => {
    const { host, chunks } = setup();
    addLedger(host, 'narrow', { rows: 20_000, columns: 12 });
    addLedger(host, 'wide', { rows: 3_000, columns: 60, longFrom: 1, longChars: 60 });
    const narrowChunks: number[] = [];
    const port = createOfficeAdapter({ onChunk: (rows, bytes) => chunks.push({ rows, bytes }) });
    await port.readRows({ id: host.sheet('narrow').id, name: 'narrow' }, 1, 20_000, 12);
    narrowChunks.push(...chunks.splice(0).map((c) => c.rows));
    const start = host.requests.length;
    const grid = await port.readRows({ id: host.sheet('wide').id, name: 'wide' }, 1, 3_000, 60);
    const stats = host.stats(start);

    expect(mismatches(host, 'wide', grid, 1, 60)).toBe(0);
    expect(stats.failed).toBe(0);
    expect(stats.maxResponse).toBeLessThanOrEqual(FOUR_MB);
    expect(Math.max(...chunks.map((c) => c.rows))).toBeLessThan(Math.max(...narrowChunks) / 5);
  });

  it('shrinks when the rows turn long mid-sheet, retrying a chunk the host refused', async () => {
    const { host, chunks } = setup();
    addLedger(host, '台帳', { rows: 12_000, columns: 30, longFrom: 6_000, longChars: 800 });
    const port = createOfficeAdapter({ onChunk: (rows, bytes) => chunks.push({ rows, bytes }) });
    const start = host.requests.length;
    const grid = await port.readRows({ id: host.sheet('台帳').id, name: '台帳' }, 2, 12_000, 30);
    const stats = host.stats(start);

    expect(grid).toHaveLength(11_999);
    expect(mismatches(host, '台帳', grid, 2, 30)).toBe(0);
    const ok = host.requests.slice(start).filter((r) => !r.error);
    expect(Math.max(...ok.map((r) => r.responseBytes))).toBeLessThanOrEqual(FOUR_MB);
    expect(stats.failed).toBeLessThanOrEqual(3); // refused requests at the turn, each halving the chunk
    const rows = chunks.map((c) => c.rows);
    expect(rows.at(-1)).toBeLessThan(Math.max(...rows) / 3);
    expect(stats.requests).toBe(chunks.length + stats.failed);
  });

  it('splits a chunk whose values came back null (over the cell limit of one read) and reads it all', async () => {
    const { host, chunks } = setup();
    host.maxReadCells = 30_000; // Excel's is 5 million: a smaller one shows the same answer sooner
    addLedger(host, '台帳', { rows: 8_000, columns: 30 });
    const port = createOfficeAdapter({ onChunk: (rows, bytes) => chunks.push({ rows, bytes }) });
    const start = host.requests.length;
    const grid = await port.readRows({ id: host.sheet('台帳').id, name: '台帳' }, 1, 8_000, 30);
    expect(grid).toHaveLength(8_000);
    expect(mismatches(host, '台帳', grid, 1, 30)).toBe(0);
    expect(Math.max(...chunks.map((c) => c.rows * 30))).toBeLessThanOrEqual(30_000);
    expect(host.requests.length - start).toBeGreaterThan(chunks.length); // the null answers were asked again
  });

  it('reports merged header cells where ExcelApi 1.13 is there, and nothing to trust where it is not', async () => {
    const { host } = setup();
    addLedger(host, '台帳', { rows: 10, columns: 6 });
    host
      .sheet('台帳')
      .merges.push({ row: 0, column: 2, rows: 1, columns: 2 }, { row: 0, column: 0, rows: 2, columns: 1 });
    const port = createOfficeAdapter();
    const sheet = { id: host.sheet('台帳').id, name: '台帳' };
    expect(await port.mergedAreas(sheet, 30, 6)).toEqual([
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 0, bottom: 1, right: 0 },
    ]);
    host.apiMinor = 9;
    const before = host.requests.length;
    expect(await port.mergedAreas(sheet, 30, 6)).toBeUndefined();
    expect(host.requests.length).toBe(before); // not even asked
  });

  it('gives null for an empty sheet and the values-only used range otherwise', async () => {
    const { host } = setup();
    host.addSheet('empty');
    const s = host.addSheet('s');
    s.setValue(2, 1, 'x');
    s.setValue(4, 3, 1);
    s.setFill(40, 10, '#FFFF00'); // formatting far below does not count
    const port = createOfficeAdapter();
    expect(await port.usedArea({ id: host.sheet('empty').id, name: 'empty' })).toBeNull();
    expect(await port.usedArea({ id: s.id, name: 's' })).toEqual({
      firstRow: 3,
      firstColumn: 2,
      rowCount: 3,
      columnCount: 3,
    });
  });
});
