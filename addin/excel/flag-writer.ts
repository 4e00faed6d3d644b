/**
 * Highlights without touching the user's cells or formats: severity codes go to a very hidden sheet
 * (`saiken_flags_<n>`, aligned with the ledger), and three conditional formats on the ledger's used
 * range colour a cell by its code (`='saiken_flags_1'!B3=3`). Ours are recognised by that formula;
 * where they apply and which flag sheet they read is read back from the rules themselves, and each
 * flag sheet names its ledger in a far cell. Nothing is kept in document state: a custom XML part
 * written on an edit would clear Excel's Undo history.
 */
import { columnIndex, columnLetter } from '../../domain/fields/column-letter.js';
import type { Flag, SheetRef, UsedArea } from './workbook-port.js';
import { codesByRow, planBlocks, rowsInArea, type FlagBlock } from './flag-plan.js';
import { groupByBytes, jsonBytes, TARGET_BYTES } from './payload.js';
import type { RunBatch } from './excel-run.js';

const FLAG_SHEET_PREFIX = 'saiken_flags_';
/** The flag sheet's ledger (its sheet id), in the last column, far right of any ledger's cells. */
const OWNER_CELL = 'XFD1';
/** Fills by code: Excel's own light red and yellow, and a light blue. */
export const FLAG_FILLS: Readonly<Record<number, string>> = { 3: '#FFC7CE', 2: '#FFEB9C', 1: '#DDEBF7' };
const OUR_FORMULA = /^=\s*'?(saiken_flags_\d+)'?!\$?([A-Z]{1,3})\$?(\d+)\s*=/i;
/** Request bytes of one range write besides its values. */
const WRITE_OVERHEAD = 200;
/** Blank rows bridged between flagged rows: cheaper than another range. */
const BRIDGE_ROWS = 4;

/** One of our rules as it stands now: its flag sheet, the cell its formula starts from, where it applies. */
interface OurRule {
  cf: Excel.ConditionalFormat;
  flagSheet: string;
  anchor: { row: number; column: number };
  /** Null where Excel split the rule over several ranges. */
  area: UsedArea | null;
}

/** One look at the workbook: sheets, our rules on the ledger, the owners of the flag sheets. */
interface Survey {
  names: Map<string, string>; // lower-case → as written
  sheetIds: Set<string>;
  ours: OurRule[];
  /** Flag sheet (lower-case) → the ledger id written in it ('' for none). */
  owners: Map<string, string>;
}

const isFlagSheet = (name: string) => name.toLowerCase().startsWith(FLAG_SHEET_PREFIX);

async function survey(ctx: Excel.RequestContext, ledger: Excel.Worksheet): Promise<Survey> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/id,items/name');
  const cfs = ledger.getRange().conditionalFormats;
  cfs.load('items/id,items/type');
  await ctx.sync();
  const custom = cfs.items.filter((cf) => cf.type === 'Custom');
  const rules = custom.map((cf) => cf.custom.rule.load('formula'));
  const ranges = custom.map((cf) => cf.getRangeOrNullObject().load('rowIndex,columnIndex,rowCount,columnCount'));
  const flagSheets = sheets.items.filter((s) => isFlagSheet(s.name));
  const ownerCells = flagSheets.map((s) => s.getRange(OWNER_CELL).load('values'));
  await ctx.sync();
  const ours: OurRule[] = [];
  custom.forEach((cf, i) => {
    const m = OUR_FORMULA.exec(rules[i]?.formula ?? '');
    const range = ranges[i];
    if (!m?.[1] || !range) return;
    const area = range.isNullObject
      ? null
      : {
          firstRow: range.rowIndex + 1,
          firstColumn: range.columnIndex + 1,
          rowCount: range.rowCount,
          columnCount: range.columnCount,
        };
    ours.push({ cf, flagSheet: m[1], anchor: { row: Number(m[3]), column: columnIndex(m[2] ?? '') + 1 }, area });
  });
  const owners = new Map(
    flagSheets.map((s, i) => [s.name.toLowerCase(), String(ownerCells[i]?.values[0]?.[0] ?? '')] as const),
  );
  return {
    names: new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name])),
    sheetIds: new Set(sheets.items.map((s) => s.id)),
    ours,
    owners,
  };
}

/**
 * Queues the removal of the ledger's rules and flag sheets, and of flag sheets whose ledger is gone.
 * A flag sheet without an owner that no rule of this ledger reads is left alone: it may be another's.
 */
function queueRemoval(ctx: Excel.RequestContext, s: Survey, ledgerId: string): void {
  for (const r of s.ours) r.cf.delete();
  const doomed = new Set(s.ours.map((r) => r.flagSheet.toLowerCase()));
  for (const [lower, owner] of s.owners) {
    if (owner === ledgerId || (owner !== '' && !s.sheetIds.has(owner))) doomed.add(lower);
  }
  for (const lower of doomed) {
    const name = s.names.get(lower);
    if (!name || !isFlagSheet(name)) continue;
    const sheet = ctx.workbook.worksheets.getItem(name);
    sheet.visibility = 'Hidden'; // a very hidden sheet cannot be deleted
    sheet.delete(); // its name stays taken in `names`: the new flag sheet gets another
  }
}

function freeName(names: Map<string, string>): string {
  for (let n = 1; ; n++) if (!names.has(`${FLAG_SHEET_PREFIX}${n}`)) return `${FLAG_SHEET_PREFIX}${n}`;
}

/** One rule per severity code over the area, reading the flag sheet from the area's own top-left cell. */
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

/** Runs what is queued plus the block writes, one request per ≤ TARGET_BYTES. */
async function flush(ctx: Excel.RequestContext, sheet: Excel.Worksheet, blocks: readonly FlagBlock[]): Promise<void> {
  const groups = groupByBytes(blocks, (b) => jsonBytes(b.values) + WRITE_OVERHEAD, TARGET_BYTES);
  for (let i = 0; i < Math.max(groups.length, 1); i++) {
    writeBlocks(sheet, groups[i] ?? []);
    await ctx.sync();
  }
}

/** Removes our highlights of the sheet and adds them anew: the same result however often it runs. */
export async function showFlags(run: RunBatch, sheet: SheetRef, flags: readonly Flag[], area: UsedArea): Promise<void> {
  await run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    const s = await survey(ctx, ledger);
    queueRemoval(ctx, s, sheet.id);
    const codes = codesByRow(flags, area);
    if (codes.size === 0) return flush(ctx, ledger, []);
    const name = freeName(s.names);
    const flagSheet = ctx.workbook.worksheets.add(name);
    flagSheet.visibility = 'VeryHidden';
    flagSheet.getRange(OWNER_CELL).values = [[sheet.id]];
    queueRules(ledger, name, area);
    const rows = [...codes.keys()].sort((a, b) => a - b);
    await flush(ctx, flagSheet, planBlocks(rows, codes, area, BRIDGE_ROWS));
  });
}

/** Our rules agree with each other and still read the flag sheet from their own top-left cell. */
function aligned(ours: readonly OurRule[]): UsedArea | null {
  const first = ours[0];
  if (!first?.area) return null;
  const a = first.area;
  const same = ours.every(
    (r) =>
      r.flagSheet.toLowerCase() === first.flagSheet.toLowerCase() &&
      r.area !== null &&
      sameArea(r.area, a) &&
      r.anchor.row === a.firstRow &&
      r.anchor.column === a.firstColumn,
  );
  return same ? a : null;
}

/**
 * Updates the flags of these rows only. False when there is nothing to update, or the highlights have
 * drifted from their cells (rows inserted or deleted above them): the caller then shows them all anew.
 */
export async function updateFlags(
  run: RunBatch,
  sheet: SheetRef,
  rows: readonly number[],
  flags: readonly Flag[],
  area: UsedArea,
): Promise<boolean> {
  const wanted = rowsInArea(rows, area);
  const inRows = new Set(wanted);
  const mine = flags.filter((f) => inRows.has(f.row));
  return run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    const s = await survey(ctx, ledger);
    const covered = aligned(s.ours);
    const flagSheetName = s.ours[0]?.flagSheet ?? '';
    if (!covered || !s.names.has(flagSheetName.toLowerCase())) return false;
    if (!sameArea(covered, area)) {
      // The ledger grew or shrank at its edges: the rules move to the new area; the flag sheet stays.
      for (const r of s.ours) r.cf.delete();
      queueRules(ledger, flagSheetName, area);
    }
    const flagSheet = ctx.workbook.worksheets.getItem(flagSheetName);
    await flush(ctx, flagSheet, planBlocks(wanted, codesByRow(mine, area), area, 0));
    return true;
  });
}

export async function clearFlags(run: RunBatch, sheet: SheetRef): Promise<void> {
  await run(async (ctx) => {
    const ledger = ctx.workbook.worksheets.getItem(sheet.id);
    queueRemoval(ctx, await survey(ctx, ledger), sheet.id);
    await ctx.sync();
  });
}

function sameArea(a: UsedArea, b: UsedArea): boolean {
  return (
    a.firstRow === b.firstRow &&
    a.firstColumn === b.firstColumn &&
    a.rowCount === b.rowCount &&
    a.columnCount === b.columnCount
  );
}
