/**
 * Renders a report sheet (domain/reports/report-sheet.ts) as what the sheet writer port takes
 * (addin/excel/workbook-port.ts): the lines, header, rows and note as one matrix, the columns'
 * number formats on the data rows, widths in points, the title, header and total bold, the header
 * frozen, the links, the autofilter and the charts. Office.js sets no alignment through the port,
 * so a unit line stays left (the service's .xlsx aligns it right).
 */
import { sheetLayout, sheetReference, type ReportSheet } from '../../domain/reports/report-sheet.js';
import type { ChartSpec, SheetValue, SheetWriteOptions } from '../excel/workbook-port.js';

export interface SheetPlan {
  name: string;
  rows: SheetValue[][];
  options: SheetWriteOptions;
  charts: ChartSpec[];
}

/** Points per character of the sheet's font, roughly: the definitions give widths in characters. */
export const POINTS_PER_CHARACTER = 7;

export function sheetPlan(s: ReportSheet): SheetPlan {
  const { headerRow, firstDataRow, lastRow } = sheetLayout(s);
  const rows: SheetValue[][] = [
    ...s.lines.map((l) => [...l.cells]),
    s.columns.map((c) => c.header),
    ...s.rows,
    ...(s.note === null ? [] : [[], [s.note]]),
  ];
  const formats = s.columns.map((c) => c.format ?? null);
  const styled = s.lines.flatMap((l, i) => (l.style === 'title' || l.style === 'fact' ? [i + 1] : []));
  return {
    name: s.name,
    rows,
    options: {
      // 0-based i: the data rows are headerRow..lastRow − 1.
      numberFormats: rows.map((_, i) => (i >= headerRow && i < lastRow ? formats : [])),
      columnWidths: s.columns.map((c) => Math.round(c.width * POINTS_PER_CHARACTER)),
      freezeRows: headerRow,
      boldRows: [...styled, headerRow, ...(s.totalLast && s.rows.length > 0 ? [lastRow] : [])],
      links: s.links.map((l) => ({
        row: firstDataRow + l.row,
        column: l.column + 1,
        reference: sheetReference(l.sheet, l.address),
      })),
      ...(s.filter && s.rows.length > 0 ? { filter: { headerRow, lastRow, columns: s.columns.length } } : {}),
    },
    charts: s.charts.map((c) => ({ ...c, position: { ...c.position } })),
  };
}
