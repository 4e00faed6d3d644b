/** Synthetic ledgers for the adapter's tests: deterministic, as large as asked. */
import { serialToDate } from '../../../addin/excel/cells.js';
import type { Cell } from '../../../domain/values/parsed.js';
import type { CellValue, ExcelHost } from './excel-standin.js';

const NAMES = ['山田太郎', '佐藤花子', '鈴木一郎', '高橋美咲', '田中健', '渡辺由美'];
const NOTES = ['電話催告済', '分納誓約あり', '臨戸訪問 不在', '', '納付相談 来庁予定'];

/** Column kinds in a cycle: id, name, date, yen, note, flag. */
const KINDS = ['id', 'name', 'date', 'yen', 'note', 'flag'] as const;
const FORMATS: Record<(typeof KINDS)[number], string> = {
  id: '@',
  name: 'General',
  date: '[$-411]ge.m.d',
  yen: '#,##0',
  note: 'General',
  flag: 'General',
};

export interface LedgerSpec {
  rows: number;
  columns: number;
  /** Characters of extra text in each note cell from this row on (1-based), for long-text rows. */
  longFrom?: number;
  longChars?: number;
}

export function addLedger(host: ExcelHost, name: string, spec: LedgerSpec): void {
  const sheet = host.model.addSheet(name);
  const formats = Array.from({ length: spec.columns }, (_, c) => FORMATS[KINDS[c % KINDS.length] ?? 'name']);
  const long = '交渉経過'.repeat(Math.ceil((spec.longChars ?? 0) / 4)).slice(0, spec.longChars ?? 0);
  sheet.setRow(
    0,
    formats.map((_, c) => `項目${c + 1}`),
    formats.map(() => 'General'),
  );
  for (let r = 1; r < spec.rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < spec.columns; c++) {
      const k = (r * 31 + c * 7) % 97;
      switch (KINDS[c % KINDS.length]) {
        case 'id':
          row.push(`D${String(r).padStart(7, '0')}`);
          break;
        case 'name':
          row.push(NAMES[k % NAMES.length] ?? '');
          break;
        case 'date':
          row.push(44000 + ((r + c) % 1500));
          break;
        case 'yen':
          row.push(k === 0 ? '' : k * 1250);
          break;
        case 'note':
          row.push((NOTES[k % NOTES.length] ?? '') + (spec.longFrom && r + 1 >= spec.longFrom ? long : ''));
          break;
        default:
          row.push(k % 3 === 0);
      }
    }
    sheet.setRow(r, row, formats);
  }
}

/** What readRows should return for a sheet: blank → null, date-formatted numbers → Date. */
export function expectedCell(value: CellValue, format: string): Cell {
  if (value === '') return null;
  if (typeof value === 'number' && /[ymd]/.test(format.replace(/\[[^\]]*]/g, ''))) return serialToDate(value);
  return value;
}

/** Cells of the grid that differ from the sheet (0 when the read is exact). */
export function mismatches(host: ExcelHost, name: string, grid: Cell[][], fromRow: number, columns: number): number {
  const sheet = host.sheet(name);
  let bad = 0;
  grid.forEach((line, i) => {
    for (let c = 0; c < columns; c++) {
      const want = expectedCell(sheet.value(fromRow - 1 + i, c), sheet.format(fromRow - 1 + i, c));
      const got = line[c];
      const same = want instanceof Date ? got instanceof Date && got.getTime() === want.getTime() : got === want;
      if (!same) bad++;
    }
  });
  return bad;
}
