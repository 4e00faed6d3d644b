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
