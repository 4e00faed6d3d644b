/**
 * Highlights without touching the user's cells or formats: severity codes go to a very hidden sheet
 * (`saiken_flags_<n>`, aligned with the ledger), and three conditional formats on the ledger's used
 * range colour a cell by its code (`='saiken_flags_1'!B3=3`). Ours are recognised by that formula;
 * the ledger → flag sheet mapping (with the area the rules cover) is kept in document state.
 */
import { columnLetter } from '../../domain/fields/column-letter.js';
import type { Flag, SheetRef, UsedArea } from './workbook-port.js';
import { codesByRow, planBlocks, rowsInArea, type FlagBlock } from './flag-plan.js';
import { decodeState, listState, stateWrites } from './doc-state.js';
import { groupByBytes, jsonBytes, TARGET_BYTES } from './payload.js';

const FLAG_SHEET_PREFIX = 'saiken_flags_';
const FLAG_STATE_KEY = 'flagSheets';
/** Fills by code: Excel's own light red and yellow, and a light blue. */
export const FLAG_FILLS: Readonly<Record<number, string>> = { 3: '#FFC7CE', 2: '#FFEB9C', 1: '#DDEBF7' };
const OUR_FORMULA = /^=\s*'?(saiken_flags_\d+)'?!/i;
/** Request bytes of one range write besides its values. */
const WRITE_OVERHEAD = 200;
/** Blank rows bridged between flagged rows: cheaper than another range. */
const BRIDGE_ROWS = 4;

type Mapping = Record<string, { flagSheet: string; area: UsedArea }>;

/** One look at the workbook: sheets, our conditional formats on the ledger, the mapping. */
interface Survey {
  names: Map<string, string>; // lower-case → as written
  sheetIds: Set<string>;
  ours: Excel.ConditionalFormat[];
  referenced: Set<string>;
  mapping: Mapping;
  parts: Excel.CustomXmlPart[];
}

async function survey(ctx: Excel.RequestContext, ledger: Excel.Worksheet): Promise<Survey> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/id,items/name');
  const cfs = ledger.getRange().conditionalFormats;
  cfs.load('items/id,items/type');
  const parts = listState(ctx, FLAG_STATE_KEY);
  await ctx.sync();
  const custom = cfs.items.filter((cf) => cf.type === 'Custom');
  const rules = custom.map((cf) => cf.custom.rule.load('formula'));
  const xmls = parts.items.map((p) => p.getXml());
  await ctx.sync();
  const ours: Excel.ConditionalFormat[] = [];
  const referenced = new Set<string>();
  custom.forEach((cf, i) => {
    const m = OUR_FORMULA.exec(rules[i]?.formula ?? '');
    if (!m?.[1]) return;
    ours.push(cf);
    referenced.add(m[1].toLowerCase());
  });
  let mapping: Mapping;
  try {
    mapping = JSON.parse(decodeState(xmls.map((x) => x.value)) ?? '{}') as Mapping;
  } catch {
    mapping = {}; // damaged state: our formulas still find the flag sheet
  }
  return {
    names: new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name])),
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    ours,
    referenced,
    mapping,
    parts: parts.items,
  };
}

/** Queues the removal of the ledger's rules and flag sheet, and of flag sheets whose ledger is gone. */
function queueRemoval(ctx: Excel.RequestContext, s: Survey, ledgerId: string): void {
  for (const cf of s.ours) cf.delete();
  const doomed = new Set(s.referenced);
  for (const [id, entry] of Object.entries(s.mapping)) {
    if (id !== ledgerId && s.sheetIds.has(id)) continue;
    doomed.add(entry.flagSheet.toLowerCase());
    delete s.mapping[id];
  }
  for (const lower of doomed) {
    const name = s.names.get(lower);
    if (!name || !lower.startsWith(FLAG_SHEET_PREFIX)) continue;
    const sheet = ctx.workbook.worksheets.getItem(name);
    sheet.visibility = 'Hidden'; // a very hidden sheet cannot be deleted
    sheet.delete(); // its name stays taken in `names`: the new flag sheet gets another
  }
}

function freeName(names: Map<string, string>): string {
  for (let n = 1; ; n++) if (!names.has(`${FLAG_SHEET_PREFIX}${n}`)) return `${FLAG_SHEET_PREFIX}${n}`;
}

function queueRules(ledger: Excel.Worksheet, flagSheet: string, area: UsedArea): void {
  const range = ledger.getRangeByIndexes(area.firstRow - 1, area.firstColumn - 1, area.rowCount, area.columnCount);
  const ref = `'${flagSheet}'!${columnLetter(area.firstColumn - 1)}${area.firstRow}`;
  for (const code of [1, 2, 3]) {
    const cf = range.conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${ref}=${code}`;
    cf.custom.format.fill.color = FLAG_FILLS[code] ?? '';
  }
}

function writeBlocks(sheet: Excel.Worksheet, blocks: readonly FlagBlock[]): void {
  for (const b of blocks) {
    const width = b.values[0]?.length ?? 0;
    sheet.getRangeByIndexes(b.row - 1, b.column - 1, b.values.length, width).values = b.values;
  }
}

/** Runs the queued first request plus the block writes, one request per ≤ TARGET_BYTES. */
async function flush(
  ctx: Excel.RequestContext,
  sheet: Excel.Worksheet,
  blocks: readonly FlagBlock[],
  stateBatches: readonly (() => void)[],
): Promise<void> {
  const groups = groupByBytes(blocks, (b) => jsonBytes(b.values) + WRITE_OVERHEAD, TARGET_BYTES);
  const requests = Math.max(groups.length, stateBatches.length, 1);
  for (let i = 0; i < requests; i++) {
    stateBatches[i]?.();
    writeBlocks(sheet, groups[i] ?? []);
    await ctx.sync();
  }
}

export async function showFlags(sheet: SheetRef, flags: readonly Flag[], area: UsedArea): Promise<void> {
  await Excel.run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    const s = await survey(ctx, ledger);
    queueRemoval(ctx, s, sheet.id);
    const codes = codesByRow(flags, area);
    if (codes.size === 0) {
      await flush(ctx, ledger, [], stateWrites(ctx, FLAG_STATE_KEY, mappingValue(s.mapping), s.parts));
      return;
    }
    const name = freeName(s.names);
    const flagSheet = ctx.workbook.worksheets.add(name);
    flagSheet.visibility = 'VeryHidden';
    queueRules(ledger, name, area);
    s.mapping[sheet.id] = { flagSheet: name, area };
    const blocks = planBlocks(
      [...codes.keys()].sort((a, b) => a - b),
      codes,
      area,
      BRIDGE_ROWS,
    );
    await flush(ctx, flagSheet, blocks, stateWrites(ctx, FLAG_STATE_KEY, mappingValue(s.mapping), s.parts));
  });
}

export async function updateFlags(
  sheet: SheetRef,
  rows: readonly number[],
  flags: readonly Flag[],
  area: UsedArea,
): Promise<void> {
  const wanted = rowsInArea(rows, area);
  const inRows = new Set(wanted);
  const mine = flags.filter((f) => inRows.has(f.row));
  const done = await Excel.run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    const s = await survey(ctx, ledger);
    const entry = s.mapping[sheet.id];
    if (!entry || !s.names.has(entry.flagSheet.toLowerCase())) return false;
    let stateBatches: (() => void)[] = [];
    if (!sameArea(entry.area, area)) {
      // The ledger grew or shrank: the rules move to the new area; the flag sheet stays.
      for (const cf of s.ours) cf.delete();
      queueRules(ledger, entry.flagSheet, area);
      s.mapping[sheet.id] = { flagSheet: entry.flagSheet, area };
      stateBatches = stateWrites(ctx, FLAG_STATE_KEY, mappingValue(s.mapping), s.parts);
    }
    const flagSheet = ctx.workbook.worksheets.getItem(entry.flagSheet);
    await flush(ctx, flagSheet, planBlocks(wanted, codesByRow(mine, area), area, 0), stateBatches);
    return true;
  });
  if (!done) await showFlags(sheet, mine, area); // never shown (or the flag sheet is gone)
}

export async function clearFlags(sheet: SheetRef): Promise<void> {
  await Excel.run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    const s = await survey(ctx, ledger);
    queueRemoval(ctx, s, sheet.id);
    await flush(ctx, ledger, [], stateWrites(ctx, FLAG_STATE_KEY, mappingValue(s.mapping), s.parts));
  });
}

/** No entries: no state at all, so that clearing leaves no trace. */
function mappingValue(mapping: Mapping): string | null {
  return Object.keys(mapping).length === 0 ? null : JSON.stringify(mapping);
}

function sameArea(a: UsedArea, b: UsedArea): boolean {
  return (
    a.firstRow === b.firstRow &&
    a.firstColumn === b.firstColumn &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount
  );
}
