/**
 * The ExcelJS-based reader that server/io/xlsx.ts replaced, kept as the definition the scanner is tested
 * against (reader-differential.test.ts): ExcelJS's streaming WorkbookReader with the repairs it needed.
 */
import { createReadStream } from 'node:fs';
import type { Cell } from '../../../../domain/values/parsed.js';
import { failure, msg, type ReadFailure } from '../../../../server/io/messages.js';
import { fillMerges, trimTrailingBlankRows } from '../../../../server/io/xlsx.js';
import { plainCell, toCell } from './cell-value.js';
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

export async function readXlsxWithExcelJS(
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
    // Every sheet is read to the end: leaving ExcelJS's reader early, while it still holds sheets it
    // parked in temporary files, made it fail now and then (ENOENT on a temporary file).
    let found: GridResult | ReadFailure | undefined;
    for await (const ws of reader) {
      const models = reader.sheetModels;
      const wanted = options.sheet ?? firstSheet(models)?.name;
      if (found || (wanted !== undefined && !sameName(ws.name, wanted))) {
        for await (const _row of ws); // drained
        continue;
      }
      const grid = await readRows(ws, reader.date1904);
      fillMerges(grid, ws.extras?.merges ?? []);
      trimTrailingBlankRows(grid);
      found =
        grid.length === 0 ? failure('empty', msg.emptySheet(shown, ws.name)) : { ok: true, grid, sheetName: ws.name };
    }
    if (found) return found;
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
