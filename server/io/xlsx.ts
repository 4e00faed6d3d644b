/**
 * One worksheet of an .xlsx as a grid of primitives (`grid[0]` is worksheet row 1, `grid[r][0]` column A).
 * Merged cells repeat their master's value in every cell of the merge, as ExcelJS's in-memory reader
 * does; header detection reads that convention.
 */
import { createReadStream } from 'node:fs';
import type { Cell } from '../../domain/values/parsed.js';
import { plainCell, toCell } from './cell-value.js';
import { failure, msg, type ReadFailure } from './messages.js';
import { LedgerWorkbookReader, type SheetModel, type StreamWorksheet } from './xlsx-stream.js';

export interface GridResult {
  ok: true;
  grid: Cell[][];
  sheetName: string;
}

export interface XlsxOptions {
  sheet?: string;
  onBytes?: (bytesRead: number) => void;
}

const sameName = (a: string, b: string) =>
  a === b || a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();

/** The first visible tab, as Excel opens the book; hidden sheets hold settings, not the ledger. */
function firstSheet(sheets: readonly SheetModel[]): SheetModel | undefined {
  return sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0];
}

export async function readXlsx(
  path: string,
  shown: string,
  options: XlsxOptions = {},
): Promise<GridResult | ReadFailure> {
  const input = createReadStream(path);
  let bytes = 0;
  if (options.onBytes) {
    input.on('data', (chunk) => {
      bytes += chunk.length;
      options.onBytes!(bytes);
    });
  }
  const reader = new LedgerWorkbookReader(input);
  try {
    for await (const ws of reader) {
      const models = reader.sheetModels;
      const wanted = options.sheet ?? firstSheet(models)?.name;
      if (wanted !== undefined && !sameName(ws.name, wanted)) continue;
      const grid = await readRows(ws, reader.date1904);
      fillMerges(grid, ws.extras?.merges ?? []);
      trimTrailingBlankRows(grid);
      if (grid.length === 0) return failure('empty', msg.emptySheet(shown, ws.name));
      return { ok: true, grid, sheetName: ws.name };
    }
    const names = reader.sheetModels.map((s) => s.name);
    if (reader.model === undefined) return failure('unreadable', msg.notWorkbook(shown));
    if (options.sheet !== undefined) return failure('no-such-sheet', msg.noSuchSheet(shown, options.sheet, names));
    return failure('empty', msg.emptySheet(shown, names[0] ?? ''));
  } catch {
    return failure('unreadable', msg.corrupt(shown));
  } finally {
    input.destroy();
  }
}

async function readRows(ws: StreamWorksheet, date1904: boolean): Promise<Cell[][]> {
  const grid: Cell[][] = [];
  const typed = ws.extras?.typedResults;
  for await (const row of ws) {
    const cells: Cell[] = [];
    row.eachCell((cell, col) => {
      const v = cell.value;
      let c = plainCell(v); // the common case, without allocating a context
      if (c === undefined) {
        const formula = typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
        c = toCell(v, {
          numFmt: formula ? cell.numFmt : undefined,
          date1904,
          typedResult: formula && typed?.size ? typed.get(cell.address) : undefined,
        });
      }
      if (c !== null) cells[col - 1] = c;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    grid[row.number - 1] = cells;
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

const REF = /^([A-Z]+)(\d+)$/;

function decodeRef(ref: string): { row: number; col: number } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Every cell of a merge gets the master's value (only within rows the sheet has). */
export function fillMerges(grid: Cell[][], merges: readonly string[]): void {
  for (const ref of merges) {
    const [a, b] = ref.split(':');
    const tl = decodeRef(a ?? '');
    const br = decodeRef(b ?? a ?? '');
    if (!tl || !br) continue;
    const master = grid[tl.row]?.[tl.col] ?? null;
    if (master === null) continue;
    for (let r = tl.row; r <= Math.min(br.row, grid.length - 1); r++) {
      const row = grid[r]!;
      for (let c = tl.col; c <= br.col; c++) {
        while (row.length < c) row.push(null);
        row[c] = master;
      }
    }
  }
}

function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Rows that only carry formatting are not part of the ledger. */
export function trimTrailingBlankRows(grid: Cell[][]): void {
  while (grid.length > 0 && isBlankRow(grid[grid.length - 1]!)) grid.pop();
}
