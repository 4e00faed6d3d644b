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
  /** Updates the flags of these rows only (after a re-check). */
  updateFlags(sheet: SheetRef, rows: readonly number[], flags: readonly Flag[], area: UsedArea): Promise<void>;
  /** Removes every trace of the highlights. */
  clearFlags(sheet: SheetRef): Promise<void>;
  select(sheet: SheetRef, row: number, column: number): Promise<void>;
  /** Calls back with the changed address (e.g. `C5:D9`) after each edit; returns an unsubscribe. */
  onChanged(sheet: SheetRef, handler: (address: string) => void): Promise<() => Promise<void>>;
  /** Document-level storage that travels with the workbook (mapping, ledger id, row hashes). */
  loadDocumentState(key: string): Promise<string | null>;
  saveDocumentState(key: string, value: string): Promise<void>;
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
