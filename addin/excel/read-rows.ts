/**
 * Reading a block of rows in chunks sized to stay under Excel on the web's payload limit: one request
 * per chunk, values and number formats only. Each chunk's measured size sets the next one's rows.
 */
import type { Cell } from '../../domain/values/parsed.js';
import type { ReadProgress } from './workbook-port.js';
import { toCells } from './cells.js';
import { firstChunkRows, isPayloadError, jsonBytes, nextChunkRows } from './payload.js';

export interface ReadRowsOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Called with each chunk's rows and measured bytes (for tests and diagnostics). */
  onChunk?: (rows: number, bytes: number) => void;
}

/** Rows fromRow..toRow (1-based, inclusive) of columns 1..columnCount of `ws`. */
export async function readRowsChunked(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  fromRow: number,
  toRow: number,
  columnCount: number,
  opts: ReadRowsOptions = {},
): Promise<Cell[][]> {
  const grid: Cell[][] = [];
  const total = Math.max(0, toRow - fromRow + 1);
  if (total === 0 || columnCount <= 0) return grid;
  let rows = firstChunkRows(columnCount);
  let row = fromRow;
  // After a refusal, chunks stay at the reduced size until past the refused rows (no regrowing into them).
  let cap = Infinity;
  let capUntil = 0;
  while (row <= toRow) {
    const n = Math.min(rows, toRow - row + 1);
    const range = ws.getRangeByIndexes(row - 1, 0, n, columnCount);
    range.load('values,numberFormat');
    try {
      await ctx.sync();
    } catch (e) {
      // An estimate that missed (the rows turned much longer): ask again for a quarter, which
      // converges in fewer refused requests than halving; the next chunks grow back from there.
      if (isPayloadError(e) && n > 1) {
        cap = rows = Math.max(1, Math.floor(n / 4));
        capUntil = row + n;
        continue;
      }
      throw e;
    }
    const values = range.values as unknown[][];
    const formats = range.numberFormat as unknown[][];
    const bytes = jsonBytes(values) + jsonBytes(formats);
    for (const line of toCells(values, formats)) grid.push(line);
    row += n;
    opts.onChunk?.(n, bytes);
    opts.onProgress?.({ rowsRead: row - fromRow, rowsTotal: total });
    rows = nextChunkRows(n, bytes);
    if (row < capUntil) rows = Math.min(rows, cap);
  }
  return grid;
}
