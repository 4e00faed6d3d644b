/**
 * Writes the add-in's own sheets (取りまとめ) and their charts. Ours are known by id, kept in
 * document state (logical name → sheet id), so a re-run finds them even when renamed or moved, and
 * a user's sheet that happens to carry one of our names is never written. Values go in requests of
 * ≤ 3 MB (one values and one numberFormat assignment per chunk, formats first so text stays text).
 */
import type { ChartSpec, SheetRef, SheetValue, SheetWriteOptions } from './workbook-port.js';
import { readState, settingsState, writeState } from './doc-state.js';
import { CHART_PREFIX, freeSheetName, rowChunks, toGrid, validSheetName } from './sheet-cells.js';
import type { RunBatch } from './excel-run.js';

const excelRun: RunBatch = (batch) => Excel.run(batch);

export const OWNED_STATE_KEY = 'ownedSheets';

type Owned = Record<string, string>;
type Supports = (version: string) => boolean;

function parseOwned(json: string | null): Owned {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Owned) : {};
  } catch {
    return {}; // damaged state: our sheets are written anew under free names
  }
}

async function loadOwned(ctx: Excel.RequestContext, supports: Supports): Promise<Owned> {
  return parseOwned(supports('1.5') ? await readState(ctx, OWNED_STATE_KEY) : settingsState.load(OWNED_STATE_KEY));
}

async function saveOwned(ctx: Excel.RequestContext, owned: Owned, supports: Supports): Promise<void> {
  const value = JSON.stringify(owned);
  if (supports('1.5')) await writeState(ctx, OWNED_STATE_KEY, value);
  else await settingsState.save(OWNED_STATE_KEY, value);
}

/** Queues the removal of what a previous run left on our sheet: contents, formats, our charts, frozen panes. */
async function clearOurs(ctx: Excel.RequestContext, ws: Excel.Worksheet, supports: Supports): Promise<void> {
  const charts = ws.charts;
  charts.load('items/name');
  await ctx.sync();
  for (const c of charts.items) if (c.name.startsWith(CHART_PREFIX)) c.delete();
  if (supports('1.9')) ws.autoFilter.remove();
  ws.getRange().clear('All');
  if (supports('1.7')) ws.freezePanes.unfreeze();
}

export async function writeSheet(
  name: string,
  rows: readonly (readonly SheetValue[])[],
  options: SheetWriteOptions,
  supports: Supports,
  run: RunBatch = excelRun,
): Promise<SheetRef> {
  return run(async (ctx) => {
    const owned = await loadOwned(ctx, supports);
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id,items/name');
    await ctx.sync();
    const key = validSheetName(name);
    let ws: Excel.Worksheet;
    const mine = sheets.items.find((s) => s.id === owned[key]);
    if (mine) {
      ws = mine;
      await clearOurs(ctx, ws, supports);
    } else {
      ws = sheets.add(freeSheetName(key, new Set(sheets.items.map((s) => s.name.toLowerCase()))));
    }
    ws.load('id,name');
    await ctx.sync();
    owned[key] = ws.id;

    const grid = toGrid(rows, options.numberFormats);
    if (grid.width > 0) {
      for (const chunk of rowChunks(grid)) {
        const range = ws.getRangeByIndexes(chunk.start, 0, chunk.count, grid.width);
        range.numberFormat = grid.formats.slice(chunk.start, chunk.start + chunk.count);
        range.values = grid.values.slice(chunk.start, chunk.start + chunk.count);
        await ctx.sync();
      }
    }
    options.columnWidths?.forEach((w, i) => {
      if (w !== null && w > 0) ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w;
    });
    for (const r of options.boldRows ?? []) {
      if (r >= 1 && r <= rows.length && grid.width > 0)
        ws.getRangeByIndexes(r - 1, 0, 1, grid.width).format.font.bold = true;
    }
    if (options.freezeRows && supports('1.7')) ws.freezePanes.freezeRows(options.freezeRows);
    // A hyperlink object keeps the cell's text as it is: it is not a HYPERLINK formula.
    if (supports('1.7')) {
      for (const l of options.links ?? []) {
        const text = grid.values[l.row - 1]?.[l.column - 1];
        const cell = ws.getRangeByIndexes(l.row - 1, l.column - 1, 1, 1);
        cell.hyperlink = { documentReference: l.reference, textToDisplay: String(text ?? '') };
      }
    }
    const f = options.filter;
    if (f && f.lastRow > f.headerRow && supports('1.9')) {
      ws.autoFilter.apply(ws.getRangeByIndexes(f.headerRow - 1, 0, f.lastRow - f.headerRow + 1, f.columns));
    }
    await ctx.sync();
    await saveOwned(ctx, owned, supports);
    return { id: ws.id, name: ws.name };
  });
}

export async function writeChart(sheet: string, spec: ChartSpec, run: RunBatch = excelRun): Promise<void> {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const name = CHART_PREFIX + spec.name;
    const charts = ws.charts;
    charts.load('items/name');
    await ctx.sync();
    for (const c of charts.items) if (c.name === name) c.delete();
    const chart = charts.add(spec.type, ws.getRange(spec.dataRange), 'Columns');
    chart.name = name;
    chart.title.text = spec.title;
    chart.setPosition(spec.position.from, spec.position.to);
    await ctx.sync();
  });
}
