/**
 * Small ExcelJS helpers for the consolidated workbook. Every value is written as a plain string,
 * number or nothing: a name such as `=HYPERLINK(…)` stays text, since only an object value with a
 * `formula` becomes a formula and this module never makes one.
 */
import type ExcelJS from 'exceljs';

/** Thousands or yen as the seed prints them: `1,234`, `0`, `△ 13`. */
import { AMOUNT_FORMAT } from '../../domain/reports/claim-sheet.js';
export { AMOUNT_FORMAT };
export const RATIO_FORMAT = '0.00';
export const RATE_FORMAT = '0.0';

export type Value = string | number | null;

export interface ColumnSpec {
  header: string;
  width: number;
  format?: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Sets a cell to a string, number or blank; anything else is refused at compile time. */
export function put(cell: ExcelJS.Cell, value: Value, format?: string): void {
  cell.value = value;
  if (format && typeof value === 'number') cell.numFmt = format;
  if (typeof value === 'string' && format) cell.alignment = { horizontal: 'right' };
}

/** A header row at `rowNumber` and data rows below it; the header is frozen and filtered. */
export function writeTable(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly Value[])[],
  opts: { filter?: boolean; bold?: (index: number) => boolean } = {},
): number {
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(rowNumber, i + 1);
    put(cell, c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((values, r) => {
    values.forEach((v, i) => {
      const cell = ws.getCell(rowNumber + 1 + r, i + 1);
      put(cell, v, columns[i]?.format);
      cell.border = BORDER;
      if (opts.bold?.(r)) cell.font = { bold: true };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: rowNumber }];
  if (opts.filter && rows.length > 0) {
    ws.autoFilter = {
      from: { row: rowNumber, column: 1 },
      to: { row: rowNumber + rows.length, column: columns.length },
    };
  }
  return rowNumber + rows.length;
}

export { yesMark } from '../../domain/reports/claim-sheet.js';
