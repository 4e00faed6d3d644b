/**
 * What the task pane needs from Excel, as one interface. The only implementation that touches
 * Office.js is `office-adapter.ts`; tests use the Excel host stand-in in test/addin/.
 * Rows and columns are 1-based worksheet coordinates throughout.
 */
import type { Cell } from '../../domain/values/parsed.js';
import type { MergedRange } from '../../domain/fields/header.js';
import type { Severity } from '../../domain/rules/rule.js';

export interface SheetRef {
  /** Excel's worksheet id: stable across renames. */
  id: string;
  name: string;
}

export interface UsedArea {
  /** 1-based row and column of the used range's top-left cell. */
  firstRow: number;
  firstColumn: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number;
}

/**
 * What Excel says changed: the address, what kind of change (Excel's DataChangeType), and whether a
 * co-author made it. Excel hands `details` only for a single cell, so nothing here relies on them.
 */
export type ChangeKind =
  | 'edit'
  | 'rows-inserted'
  | 'rows-deleted'
  | 'columns-inserted'
  | 'columns-deleted'
  | 'cells-inserted'
  | 'cells-deleted'
  | 'unknown';

export interface SheetChange {
  /** The changed area (`C5:D9`, `5:7` for whole rows, `C:C` for whole columns). */
  address: string;
  kind: ChangeKind;
  /** Made by another co-author (Excel's source `Remote`). */
  remote: boolean;
}

/** Inserted or deleted rows, columns or cells: everything below or to the right has moved. */
export const isStructural = (kind: ChangeKind): boolean => kind !== 'edit' && kind !== 'unknown';

/** One highlighted cell. */
export interface Flag {
  row: number;
  column: number;
  severity: Severity;
}

export interface WorkbookPort {
  activeSheet(): Promise<SheetRef>;
  usedArea(sheet: SheetRef): Promise<UsedArea | null>;
  /**
   * Reads rows [fromRow, toRow] of columns 1..columnCount in chunks that stay under Excel on the
   * web's payload limit, loading values and number formats only. `grid[i]` is worksheet row fromRow+i.
   */
  readRows(
    sheet: SheetRef,
    fromRow: number,
    toRow: number,
    columnCount: number,
    onProgress?: (p: ReadProgress) => void,
  ): Promise<Cell[][]>;
  /** Merged areas within the first rows (for two-row headers); empty where the API is unavailable. */
  mergedAreas(sheet: SheetRef, rows: number, columns: number): Promise<MergedRange[] | undefined>;
  /** Replaces the sheet's highlights with these flags, without touching the user's own formats. */
  showFlags(sheet: SheetRef, flags: readonly Flag[], area: UsedArea): Promise<void>;
  /**
   * Updates the flags of these rows only (after a re-check). False when the sheet's highlights are
   * missing or have drifted from their cells: the caller shows them all again.
   */
  updateFlags(sheet: SheetRef, rows: readonly number[], flags: readonly Flag[], area: UsedArea): Promise<boolean>;
  /** Removes every trace of the highlights. */
  clearFlags(sheet: SheetRef): Promise<void>;
  select(sheet: SheetRef, row: number, column: number): Promise<void>;
  /**
   * Calls back after each change Excel reports (some edits raise none: a pick from a validation list,
   * a fill over filtered rows); returns an unsubscribe.
   */
  onChanged(sheet: SheetRef, handler: (change: SheetChange) => void): Promise<() => Promise<void>>;
  /**
   * Document-level storage that travels with the workbook (mapping, ledger id, row hashes). Saving
   * writes custom XML parts, which clears Excel's Undo history: save only on the user's explicit
   * actions (confirming the mapping, a send), never on an edit.
   */
  loadDocumentState(key: string): Promise<string | null>;
  saveDocumentState(key: string, value: string): Promise<void>;
  /**
   * Tells `listener` when a request waits because the user is typing in a cell (true) and when it
   * goes on (false); returns an unsubscribe. Absent where requests never wait.
   */
  onCellEditWait?(listener: (waiting: boolean) => void): () => void;
  /** The Office UI language (e.g. `ja-JP`), for the English fallback. */
  displayLanguage(): string;
}

/**
 * A cell the add-in writes into a sheet of its own (取りまとめ). Text is always stored as text: every
 * string cell gets the Text format ('@') before its value, so `=…`, `+…`, `-…`, `@…` never become
 * formulas and `0012` or `1-2` are not turned into numbers or dates.
 */
export type SheetValue = string | number | null;

export interface SheetWriteOptions {
  /** Number formats laid out like the rows (null or missing: General); string cells are always '@'. */
  numberFormats?: readonly (readonly (string | null)[])[];
  /** Column widths in points, from column A (null: left as it is). */
  columnWidths?: readonly (number | null)[];
  /** Rows kept in view when scrolling (the header). */
  freezeRows?: number;
  /** 1-based rows shown in bold (title, header, total). */
  boldRows?: readonly number[];
  /** Cells that link to a cell of another sheet: 1-based row and column, `'Sheet'!A1`. Never a formula. */
  links?: readonly { row: number; column: number; reference: string }[];
  /** An autofilter over the table, 1-based rows (header first) and its column count (ExcelApi 1.9). */
  filter?: { headerRow: number; lastRow: number; columns: number };
}

export type ChartKind = 'ColumnClustered' | 'ColumnStacked' | 'Line';

export interface ChartSpec {
  /** Our name for the chart: writing it again replaces the chart of that name. */
  name: string;
  type: ChartKind;
  /** A1 address on the chart's sheet, header row and label column included (`A1:C15`). */
  dataRange: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers (`G2`, `O20`). */
  position: { from: string; to: string };
}

/** Sheets and charts the add-in owns in the open workbook; the user's other sheets are never touched. */
export interface SheetWriterPort {
  /**
   * Creates the sheet, or replaces the content (values, formats, our charts) of the sheet this add-in
   * made under that name before, wherever the user moved or renamed it. When a sheet of the user's
   * already has the name, ours gets a free one (`局別目標 (2)`). Returns the sheet written.
   */
  writeSheet(name: string, rows: readonly (readonly SheetValue[])[], options?: SheetWriteOptions): Promise<SheetRef>;
  /** Adds (or replaces) a native chart on a sheet, given by name or id. */
  writeChart(sheet: string, chart: ChartSpec): Promise<void>;
}

/** Ports without the sheet writer (older test doubles) still run the rest of the pane. */
export function canWriteSheets(port: WorkbookPort): port is WorkbookPort & SheetWriterPort {
  const p = port as Partial<SheetWriterPort>;
  return typeof p.writeSheet === 'function' && typeof p.writeChart === 'function';
}
