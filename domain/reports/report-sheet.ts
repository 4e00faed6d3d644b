/**
 * A report sheet as data: the lines above its table, the table's columns and rows, a note below,
 * and its charts. Each sheet of the consolidated workbook is built as one of these by a pure
 * function in this folder; the service's ExcelJS writer (server/reports/render-xlsx.ts) and the
 * pane's Office.js writer (addin/oversight/render-sheet.ts) only render it, so the two cannot
 * drift apart in headers, number formats or widths.
 */
import { columnLetter } from '../fields/column-letter.js';
import { thousandsRounded } from '../targets/index.js';
import { integerOf, sheetInteger, type JsonInteger } from './exact.js';

/** Thousands separators, and △ for a negative, as the city's tables print amounts. */
export const AMOUNT_FORMAT = '#,##0;"△ "#,##0';
/** 圧縮割合 as the target table prints it (95.40). */
export const RATIO_FORMAT = '0.00';
/** 収納率 in percent, one decimal. */
export const RATE_FORMAT = '0.0';
/** The label of a total row (and column). */
export const TOTAL = '合計';

export interface ReportColumn {
  header: string;
  /** In characters of the sheet's font. */
  width: number;
  /** Number format of the column's data cells (a text cell in it is shown right-aligned). */
  format?: string;
}

/** A cell's value: text is always written as text, never as a formula. */
export type SheetCell = string | number | null;

/** How a line above the table is shown: a title, a unit line (right-aligned), a fact (its label bold). */
export type LineStyle = 'title' | 'unit' | 'fact';

export interface SheetLine {
  cells: SheetCell[];
  style?: LineStyle;
}

export interface ReportChart {
  /** The chart's name on its sheet: writing it again replaces the chart of that name. */
  name: string;
  /** Clustered or stacked columns, or lines (one per column of the range, as across years). */
  type: 'ColumnClustered' | 'ColumnStacked' | 'Line';
  /** A1 address, header row and label column included (`A1:C15`). */
  dataRange: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers (`G2`, `O20`). */
  position: { from: string; to: string };
}

/**
 * A link from a data cell to a cell of another sheet of the same workbook (the worklist's row numbers
 * lead back to the ledger). The cell keeps its value as its text; a link is never a formula.
 */
export interface SheetLink {
  /** 0-based index into `rows` and `columns`. */
  row: number;
  column: number;
  sheet: string;
  /** A1 address on that sheet. */
  address: string;
}

/** `'Sheet name'!A1`, the sheet name quoted as Excel quotes it (a `'` doubled). */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replaceAll("'", "''")}'!${address}`;
}

export interface ReportSheet {
  name: string;
  /** Lines from row 1 above the table's header (a blank line is `{ cells: [] }`). */
  lines: SheetLine[];
  columns: ReportColumn[];
  rows: SheetCell[][];
  /** The last row is the total, shown bold. */
  totalLast: boolean;
  /** A line one blank row below the table. */
  note: string | null;
  /** An autofilter over the table (where the writer can set one). */
  filter: boolean;
  charts: ReportChart[];
  links: SheetLink[];
}

/** The parts a sheet may leave out. */
export type ReportSheetParts = Pick<ReportSheet, 'name' | 'columns' | 'rows'> & Partial<ReportSheet>;

export function reportSheet(p: ReportSheetParts): ReportSheet {
  return { lines: [], totalLast: false, note: null, filter: false, charts: [], links: [], ...p };
}

/** 1-based rows of a sheet's parts, the same for every writer. */
export function sheetLayout(s: ReportSheet) {
  const headerRow = s.lines.length + 1;
  const lastRow = headerRow + s.rows.length;
  return { headerRow, firstDataRow: headerRow + 1, lastRow, noteRow: s.note === null ? null : lastRow + 2 };
}

/** An amount column of yen or thousands (18 characters unless given). */
export const amountColumn = (header: string, width = 18): ReportColumn => ({ header, width, format: AMOUNT_FORMAT });

/** ○ for yes, blank otherwise (how the city's lists mark a flag). */
export const yesMark = (b: boolean | null | undefined): string => (b ? '○' : '');

/**
 * An amount as a BigInt. A `number` past 2^53 (a sum the pane read as a double) is taken as the
 * whole number it holds, not refused: it is shown rounded, as the pane's schema says.
 */
export function exactYen(x: JsonInteger | bigint): bigint {
  return typeof x === 'number' && !Number.isSafeInteger(x) ? BigInt(Math.round(x)) : integerOf(x);
}

/** Yen for a cell: a number while Excel holds it to the yen, else its digits as text (exact.ts). */
export function sheetAmount(x: JsonInteger | bigint | null): SheetCell {
  if (x === null) return null;
  if (typeof x === 'number' && !Number.isSafeInteger(x)) return x;
  return sheetInteger(integerOf(x));
}

/** Thousands of yen for a cell, rounded half away from zero (四捨五入) as the city prints them. */
export function sheetThousands(x: JsonInteger | bigint | null): SheetCell {
  return x === null ? null : sheetInteger(thousandsRounded(exactYen(x)));
}

/** Σ of amounts, exactly; null when every one is null (no data is not 0). */
export function sumOrNull(xs: readonly (JsonInteger | bigint | null)[]): bigint | null {
  let s: bigint | null = null;
  for (const x of xs) if (x !== null) s = (s ?? 0n) + exactYen(x);
  return s;
}

/** A chart right of a table `columns` wide, about 8 columns by 18 rows. */
export function besideTable(columns: number, top = 2): ReportChart['position'] {
  return { from: `${columnLetter(columns + 1)}${top}`, to: `${columnLetter(columns + 8)}${top + 18}` };
}
