/**
 * What the hidden flag sheet holds: a severity code per ledger cell (3 error, 2 warning, 1 info,
 * blank none) at the ledger cell's own address, written as a few rectangular blocks, never per cell.
 */
import type { Severity } from '../../domain/rules/rule.js';
import type { Flag, UsedArea } from './workbook-port.js';

const SEVERITY_CODE: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export type FlagCode = number | '';

export interface FlagBlock {
  /** 1-based worksheet row and column of the top-left cell. */
  row: number;
  column: number;
  values: FlagCode[][];
}

/** One block's values stay under this many bytes (rough: 3 per cell), so blocks pack into requests. */
const BLOCK_BYTES = 1_000_000;

/** Codes of the flagged rows inside `area`, over the area's columns; where flags share a cell the gravest wins. */
export function codesByRow(flags: readonly Flag[], area: UsedArea): Map<number, FlagCode[]> {
  const rows = new Map<number, FlagCode[]>();
  const lastRow = area.firstRow + area.rowCount - 1;
  for (const f of flags) {
    const c = f.column - area.firstColumn;
    if (f.row < area.firstRow || f.row > lastRow || c < 0 || c >= area.columnCount) continue;
    const code = SEVERITY_CODE[f.severity];
    if (code === undefined) continue;
    let line = rows.get(f.row);
    if (!line) {
      line = new Array<FlagCode>(area.columnCount).fill('');
      rows.set(f.row, line);
    }
    const had = line[c];
    if (had === '' || had === undefined || had < code) line[c] = code;
  }
  return rows;
}

/**
 * Blocks covering `rows` (ascending, unique) over the area's columns. Runs of consecutive rows make one
 * block; a gap of up to `gap` rows is bridged with blanks (one range instead of two). With gap 0 only
 * the given rows are written: rows listed without codes are written blank, which clears them.
 */
export function planBlocks(
  rows: readonly number[],
  codes: ReadonlyMap<number, FlagCode[]>,
  area: UsedArea,
  gap = 0,
): FlagBlock[] {
  const width = area.columnCount;
  const maxRows = Math.max(1, Math.floor(BLOCK_BYTES / (3 * Math.max(1, width))));
  const blank = (): FlagCode[] => new Array<FlagCode>(width).fill('');
  const blocks: FlagBlock[] = [];
  let current: FlagBlock | undefined;
  for (const r of rows) {
    const end = current ? current.row + current.values.length - 1 : 0;
    if (current && r > end && r - end - 1 <= gap && r - current.row < maxRows) {
      for (let k = end + 1; k < r; k++) current.values.push(blank());
    } else {
      current = { row: r, column: area.firstColumn, values: [] };
      blocks.push(current);
    }
    current.values.push(codes.get(r) ?? blank());
  }
  return blocks;
}

/** Ascending unique rows of `rows` inside the area. */
export function rowsInArea(rows: Iterable<number>, area: UsedArea): number[] {
  const last = area.firstRow + area.rowCount - 1;
  return [...new Set(rows)].filter((r) => r >= area.firstRow && r <= last).sort((a, b) => a - b);
}
