/**
 * The WorkbookPort over Office.js (ExcelApi 1.9, as the manifest requires). Every method is one
 * Excel.run with as few syncs as it can: reads are chunked by payload size (read-rows.ts),
 * highlights live on a hidden sheet behind conditional formats (flag-writer.ts), state in custom
 * XML parts (doc-state.ts), the add-in's own sheets and charts by id (sheet-writer.ts). Newer APIs
 * are used only where `isSetSupported` says so.
 */
import type { MergedRange } from '../../domain/fields/header.js';
import type { Cell } from '../../domain/values/parsed.js';
import type { Flag, ReadProgress, SheetRef, SheetWriterPort, UsedArea, WorkbookPort } from './workbook-port.js';
import { parseAreas } from './cells.js';
import { readState, settingsState, writeState } from './doc-state.js';
import { clearFlags, showFlags, updateFlags } from './flag-writer.js';
import { readRowsChunked } from './read-rows.js';
import { writeChart, writeSheet } from './sheet-writer.js';

export interface OfficeAdapterOptions {
  /** Sees each chunk of a read (rows, measured bytes): diagnostics and tests. */
  onChunk?: (rows: number, bytes: number) => void;
}

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

export function createOfficeAdapter(options: OfficeAdapterOptions = {}): WorkbookPort & SheetWriterPort {
  const sheetOf = (ctx: Excel.RequestContext, sheet: SheetRef): Excel.Worksheet =>
    ctx.workbook.worksheets.getItem(sheet.id);

  return {
    activeSheet: () =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load('id,name');
        await ctx.sync();
        return { id: ws.id, name: ws.name };
      }),

    // Values only: a ledger is often formatted far below its last row.
    usedArea: (sheet: SheetRef) =>
      Excel.run(async (ctx): Promise<UsedArea | null> => {
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
      Excel.run((ctx): Promise<Cell[][]> =>
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
      return Excel.run(async (ctx) => {
        const areas = sheetOf(ctx, sheet).getRangeByIndexes(0, 0, rows, columns).getMergedAreasOrNullObject();
        areas.load('address');
        await ctx.sync();
        return areas.isNullObject ? [] : parseAreas(areas.address);
      });
    },

    showFlags: (sheet, flags: readonly Flag[], area) => showFlags(sheet, flags, area),
    updateFlags: (sheet, rows, flags, area) => updateFlags(sheet, rows, flags, area),
    clearFlags: (sheet) => clearFlags(sheet),

    select: (sheet, row, column) =>
      Excel.run(async (ctx) => {
        const ws = sheetOf(ctx, sheet);
        ws.activate();
        ws.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
        await ctx.sync();
      }),

    onChanged: async (sheet, handler) => {
      const registration = await Excel.run(async (ctx) => {
        const reg = sheetOf(ctx, sheet).onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
          handler(e.address);
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

    loadDocumentState: async (key) =>
      supports('1.5') ? Excel.run((ctx) => readState(ctx, key)) : settingsState.load(key),
    saveDocumentState: async (key, value) =>
      supports('1.5') ? Excel.run((ctx) => writeState(ctx, key, value)) : settingsState.save(key, value),

    displayLanguage: () => Office.context.displayLanguage,

    writeSheet: (name, rows, opts) => writeSheet(name, rows, opts ?? {}, supports),
    writeChart: (sheet, chart) => writeChart(sheet, chart),
  };
}
