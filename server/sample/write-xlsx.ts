/**
 * Writes a grid to an .xlsx with ExcelJS's streaming writer (a 100k-row sample stays small in memory).
 * Dates become real Excel dates, yen columns get `#,##0`, and text is always text: a note typed as
 * `=再催告予定` is stored as a string, never as a formula.
 */
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/values/parsed.js';

export interface WriteXlsxOptions {
  sheetName?: string;
  /** 0-based columns whose numbers are yen amounts. */
  yenColumns?: readonly number[];
  /** Merged ranges such as `S3:T3`. */
  merges?: readonly string[];
}

const DATE_FORMAT = 'yyyy/m/d';
const YEN_FORMAT = '#,##0';

export async function writeXlsx(path: string, grid: readonly (readonly Cell[])[], options: WriteXlsxOptions = {}) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet(options.sheetName ?? 'Sheet1');
  const yen = new Set(options.yenColumns ?? []);
  // Merging first creates the rows it touches; rows are then addressed by number, never appended.
  for (const m of options.merges ?? []) ws.mergeCells(m);
  for (const [r, cells] of grid.entries()) {
    const row = ws.getRow(r + 1);
    cells.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(i + 1);
      if (v instanceof Date) {
        cell.value = v;
        cell.numFmt = DATE_FORMAT;
      } else if (typeof v === 'number') {
        cell.value = v;
        if (yen.has(i)) cell.numFmt = YEN_FORMAT;
      } else if (typeof v === 'boolean') {
        cell.value = v;
      } else {
        // A plain string value: ExcelJS writes formulas only from { formula } objects.
        cell.value = String(v);
      }
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
