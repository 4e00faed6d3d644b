/** The uploaded file as rows of cells: a CSV (UTF-8 or CP932) or the first worksheet of an .xlsx. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/values/index.js';
import { decodeCsv } from './decode.js';
import { importError } from './errors.js';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRow {
  /** 1-based: the CSV record or the worksheet row, as Excel would number it. */
  row: number;
  cells: Cell[];
}

export type SheetKind = 'csv' | 'xlsx';

export async function readSheet(bytes: Uint8Array, kind: SheetKind, charset?: string): Promise<SheetRow[]> {
  if (bytes.length === 0) throw importError(400, 'empty-file', 'ファイルが空です。', { row: null, column: null });
  return kind === 'csv' ? readCsv(bytes, charset) : readXlsx(bytes);
}

function readCsv(bytes: Uint8Array, charset?: string): SheetRow[] {
  const { text } = decodeCsv(bytes, charset);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    // The record that was being read when parsing stopped, as Excel would number its row.
    const records = (err as { records?: number }).records;
    const row = typeof records === 'number' ? records + 1 : null;
    throw importError(400, 'malformed-csv', 'CSV として読めません（引用符 " の対応を確認してください）。', {
      row,
      column: null,
    });
  }
  return records.map((cells, i) => ({ row: i + 1, cells }));
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; the bytes are not copied.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw importError(
      400,
      'unreadable-xlsx',
      'Excel ファイル（.xlsx）として読めません。ファイルが壊れていないか確認してください。',
      {
        row: null,
        column: null,
      },
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importError(400, 'empty-file', 'ワークシートがありません。', { row: null, column: null });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** An ExcelJS value as a plain cell: a formula's cached result, rich text's characters, a link's text. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? '#VALUE!'
      : (result as Cell);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : String(value.text ?? '');
  if ('error' in value) return String(value.error);
  return '#VALUE!';
}
