/**
 * The WorkbookPort over Office.js (ExcelApi 1.9, as the manifest requires). Every method is one
 * Excel.run with as few syncs as it can, held or tried again while the user types in a cell
 * (excel-run.ts): reads are chunked by payload size (read-rows.ts), highlights live on a hidden
 * sheet behind conditional formats (flag-writer.ts), state in custom XML parts (doc-state.ts), the
 * add-in's own sheets and charts by id (sheet-writer.ts). Newer APIs are used only where
 * `isSetSupported` says so.
 */
import type { MergedRange } from '../../domain/fields/header.js';
import type { Cell } from '../../domain/values/parsed.js';
import type { Flag, ReadProgress, SheetRef, SheetWriterPort, UsedArea, WorkbookPort } from './workbook-port.js';
import { parseAreas } from './cells.js';
import { toSheetChange } from './change-event.js';
import { readState, settingsState, writeState } from './doc-state.js';
import { createRunner, type CellEditRetry } from './excel-run.js';
import { clearFlags, showFlags, updateFlags } from './flag-writer.js';
import { readRowsChunked } from './read-rows.js';
import { writeChart, writeSheet } from './sheet-writer.js';

export interface OfficeAdapterOptions {
  /** Sees each chunk of a read (rows, measured bytes): diagnostics and tests. */
  onChunk?: (rows: number, bytes: number) => void;
  /** How long and how often a batch refused during a cell edit is tried again (hosts before ExcelApi 1.11). */
  cellEditRetry?: CellEditRetry;
}

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

export function createOfficeAdapter(options: OfficeAdapterOptions = {}): WorkbookPort & SheetWriterPort {
  const sheetOf = (ctx: Excel.RequestContext, sheet: SheetRef): Excel.Worksheet =>
    ctx.workbook.worksheets.getItem(sheet.id);
  const waitListeners = new Set<(waiting: boolean) => void>();
  const run = createRunner({
    supports,
    retry: options.cellEditRetry,
    onWait: (waiting) => waitListeners.forEach((l) => l(waiting)),
  });

  return {
    activeSheet: () =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load('id,name');
        await ctx.sync();
        return { id: ws.id, name: ws.name };
      }),

    // Values only: a ledger is often formatted far below its last row.
    usedArea: (sheet: SheetRef) =>
      run(async (ctx): Promise<UsedArea | null> => {
        const used = sheetOf(ctx, sheet).getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        await ctx.sync();
        if (used.isNullObject) return null;
        return {
          firstRow: used.rowIndex + 1,
          firstColumn: used.columnIndex + 1,
          rowCount: used.rowCount,
          columnCount: used.columnCount,
        };
      }),

    readRows: (sheet, fromRow, toRow, columnCount, onProgress?: (p: ReadProgress) => void) =>
      run((ctx): Promise<Cell[][]> =>
        readRowsChunked(ctx, sheetOf(ctx, sheet), fromRow, toRow, columnCount, {
          onProgress,
          onChunk: options.onChunk,
        }),
      ),

    // getMergedAreasOrNullObject is ExcelApi 1.13. Without it: undefined, so that header detection
    // falls back to its no-merge-information rules rather than taking "no merges" as the truth.
    mergedAreas: async (sheet, rows, columns): Promise<MergedRange[] | undefined> => {
      if (!supports('1.13')) return undefined;
      if (rows <= 0 || columns <= 0) return [];
      return run(async (ctx) => {
        const areas = sheetOf(ctx, sheet).getRangeByIndexes(0, 0, rows, columns).getMergedAreasOrNullObject();
        areas.load('address');
        await ctx.sync();
        return areas.isNullObject ? [] : parseAreas(areas.address);
      });
    },

    showFlags: (sheet, flags: readonly Flag[], area) => showFlags(run, sheet, flags, area),
    updateFlags: (sheet, rows, flags, area) => updateFlags(run, sheet, rows, flags, area),
    clearFlags: (sheet) => clearFlags(run, sheet),

    select: (sheet, row, column) =>
      run(async (ctx) => {
        const ws = sheetOf(ctx, sheet);
        ws.activate();
        ws.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
        await ctx.sync();
      }),

    // A reloaded pane has lost its registrations with its old runtime: the pane registers again.
    onChanged: async (sheet, handler) => {
      const registration = await run(async (ctx) => {
        const reg = sheetOf(ctx, sheet).onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
          handler(toSheetChange(e));
        });
        await ctx.sync();
        return reg;
      });
      return () =>
        Excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
    },

    loadDocumentState: async (key) => (supports('1.5') ? run((ctx) => readState(ctx, key)) : settingsState.load(key)),
    saveDocumentState: async (key, value) =>
      supports('1.5') ? run((ctx) => writeState(ctx, key, value)) : settingsState.save(key, value),

    onCellEditWait: (listener) => {
      waitListeners.add(listener);
      return () => waitListeners.delete(listener);
    },

    displayLanguage: () => Office.context.displayLanguage,

    writeSheet: (name, rows, opts) => writeSheet(name, rows, opts ?? {}, supports, run),
    writeChart: (sheet, chart) => writeChart(sheet, chart, run),
  };
}
