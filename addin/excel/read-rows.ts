/**
 * Reading a block of rows in chunks sized to stay under Excel on the web's payload limit: one request
 * per chunk, values and number formats only. Each chunk's measured size sets the next one's rows.
 * Never `text`: what a cell shows differs between Excel on the web and on the desktop (a date's
 * format, the era's letters), so dates are read from their serials in `values`.
 */
import type { Cell } from '../../domain/values/parsed.js';
import type { ReadProgress } from './workbook-port.js';
import { toCells } from './cells.js';
import { firstChunkRows, isPayloadError, jsonBytes, nextChunkRows } from './payload.js';

/** A chunk of one row came back without values: nothing smaller can be asked. */
export class UnreadableRowError extends Error {
  constructor(readonly row: number) {
    super(`Excel returned no values for row ${row}`);
    this.name = 'UnreadableRowError';
  }
}

/** A matrix of `rows` lines, as a range's values or formats should be; anything else is a refused read. */
const isMatrix = (v: unknown, rows: number): v is unknown[][] =>
  Array.isArray(v) && v.length === rows && v.every((line) => Array.isArray(line));

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
    let refused: boolean;
    try {
      await ctx.sync();
      // Over Excel's cell limit for one read, `values` may come back null instead of an error.
      refused = !isMatrix(range.values, n) || !isMatrix(range.numberFormat, n);
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      refused = true;
    }
    if (refused) {
      if (n === 1) throw new UnreadableRowError(row);
      // An estimate that missed (the rows turned much longer): ask again for a quarter, which
      // converges in fewer refused requests than halving; the next chunks grow back from there.
      cap = rows = Math.max(1, Math.floor(n / 4));
      capUntil = row + n;
      continue;
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
