/**
 * One worksheet of an .xlsx as a grid of primitives (`grid[0]` is worksheet row 1, `grid[r][0]` column A).
 * The workbook, its relationships, styles and shared strings are read first (random access into the ZIP),
 * then the sheet's XML streams through the scanner. Merged cells repeat their master's value in every
 * cell of the merge, the convention header detection reads.
 */
import type { Cell } from '../../domain/values/parsed.js';
import { failure, msg, type ReadFailure } from './messages.js';
import { SharedStringsParser } from './shared-strings.js';
import { SheetScanner } from './sheet-scanner.js';
import { parseDateStyles, parseWorkbook, type SheetEntry } from './workbook-parts.js';
import { ZipArchive } from './zip.js';

export interface GridResult {
  ok: true;
  grid: Cell[][];
  sheetName: string;
}

export interface XlsxOptions {
  sheet?: string;
  /** Called as the sheet is read, with a share of `fileSize` (the bar moves with the sheet's XML). */
  onBytes?: (bytesRead: number) => void;
  fileSize?: number;
}

const sameName = (a: string, b: string) =>
  a === b || a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();

/** The first visible tab, as Excel opens the book; hidden sheets hold settings, not the ledger. */
function firstSheet(sheets: readonly SheetEntry[]): SheetEntry | undefined {
  return sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0];
}

function findSheet(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => sameName(s.name, name));
}

export async function readXlsx(
  path: string,
  shown: string,
  options: XlsxOptions = {},
): Promise<GridResult | ReadFailure> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch {
    return failure('unreadable', msg.corrupt(shown));
  }
  try {
    const workbookXml = await zip.text('xl/workbook.xml');
    if (workbookXml === undefined) return failure('unreadable', msg.notWorkbook(shown));
    const book = parseWorkbook(workbookXml, await zip.text('xl/_rels/workbook.xml.rels'));
    const names = book.sheets.map((s) => s.name);
    const sheet = options.sheet === undefined ? firstSheet(book.sheets) : findSheet(book.sheets, options.sheet);
    if (!sheet) {
      if (options.sheet !== undefined) return failure('no-such-sheet', msg.noSuchSheet(shown, options.sheet, names));
      return failure('empty', msg.emptySheet(shown, names[0] ?? ''));
    }
    // A chart sheet, or a sheet whose part is missing, has no cells.
    if (sheet.part === undefined || !zip.has(sheet.part)) return failure('empty', msg.emptySheet(shown, sheet.name));
    const shared = new SharedStringsParser();
    for await (const chunk of zip.chunks(book.sharedStringsPart)) shared.push(chunk);
    const scanner = new SheetScanner({
      sharedStrings: shared.end(),
      dateStyles: parseDateStyles(await zip.text(book.stylesPart)),
      date1904: book.date1904,
    });
    const progress = options.onBytes && progressOf(options.onBytes, zip.size(sheet.part), options.fileSize ?? 0);
    for await (const chunk of zip.chunks(sheet.part)) {
      scanner.push(chunk);
      progress?.(chunk.length);
    }
    const grid = scanner.end();
    fillMerges(grid, scanner.merges);
    trimTrailingBlankRows(grid);
    if (grid.length === 0) return failure('empty', msg.emptySheet(shown, sheet.name));
    return { ok: true, grid, sheetName: sheet.name };
  } catch {
    return failure('unreadable', msg.corrupt(shown));
  } finally {
    zip.close();
  }
}

/**
 * Maps the sheet's uncompressed bytes onto the file's size, for a bar that ends at the file's size;
 * called about 256 times in all, not for every chunk.
 */
function progressOf(onBytes: (n: number) => void, partSize: number, fileSize: number) {
  let done = 0;
  let shown = -1;
  return (n: number) => {
    done += n;
    const at = partSize > 0 ? Math.floor((Math.min(done, partSize) / partSize) * fileSize) : fileSize;
    if (at === fileSize || at - shown >= fileSize / 256) {
      shown = at;
      onBytes(at);
    }
  };
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
