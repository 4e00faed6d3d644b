/**
 * Renders a report sheet (domain/reports/report-sheet.ts) into an ExcelJS workbook: lines above,
 * a styled, frozen header, bordered rows with the columns' number formats, the total bold, a note
 * below. Every value is written as a plain string, number or nothing: a name such as
 * `=HYPERLINK(…)` stays text, since only an object value with a `formula` becomes a formula and
 * this module never makes one; a link is a hyperlink object, not a HYPERLINK formula. ExcelJS
 * writes no charts: xlsx-charts.ts adds them to the bytes.
 */
import type ExcelJS from 'exceljs';
import {
  sheetLayout,
  sheetReference,
  type ReportSheet,
  type SheetCell,
  type SheetLine,
} from '../../domain/reports/report-sheet.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Sets a cell to a string, number or blank; anything else is refused at compile time. */
function put(cell: ExcelJS.Cell, value: SheetCell, format?: string): void {
  cell.value = value;
  if (format && typeof value === 'number') cell.numFmt = format;
  if (typeof value === 'string' && format) cell.alignment = { horizontal: 'right' };
}

function writeLine(ws: ExcelJS.Worksheet, row: number, line: SheetLine): void {
  line.cells.forEach((value, i) => {
    if (value === null) return;
    const cell = ws.getCell(row, i + 1);
    put(cell, value);
    if (line.style === 'title') cell.font = { bold: true, size: 14 };
    else if (line.style === 'unit') cell.alignment = { horizontal: 'right' };
    else if (line.style === 'fact' && i === 0) cell.font = { bold: true };
  });
}

export function renderSheet(wb: ExcelJS.Workbook, s: ReportSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  const { headerRow, firstDataRow, noteRow } = sheetLayout(s);
  s.lines.forEach((line, i) => writeLine(ws, i + 1, line));
  s.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const cell = ws.getCell(headerRow, i + 1);
    put(cell, c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  s.rows.forEach((values, r) => {
    const bold = s.totalLast && r === s.rows.length - 1;
    values.forEach((v, i) => {
      const cell = ws.getCell(firstDataRow + r, i + 1);
      put(cell, v, s.columns[i]?.format);
      cell.border = BORDER;
      if (bold) cell.font = { bold: true };
    });
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
  if (s.filter && s.rows.length > 0) {
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + s.rows.length, column: s.columns.length },
    };
  }
  // A link within the workbook: ExcelJS writes a `Sheet!A1` target as the hyperlink's location.
  for (const l of s.links) {
    const cell = ws.getCell(firstDataRow + l.row, l.column + 1);
    cell.value = { text: String(cell.value ?? ''), hyperlink: sheetReference(l.sheet, l.address) };
    cell.font = { ...cell.font, color: { argb: 'FF0563C1' }, underline: true };
  }
  if (noteRow !== null) put(ws.getCell(noteRow, 1), s.note);
  return ws;
}
