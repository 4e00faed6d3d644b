/**
 * The ledger the browser test opens: the sample generator's 保育料 ledger (title, blank row, header,
 * data rows with planted findings, 合計), its personal columns filled with recognisable synthetic
 * values (「見本 太郎」, 見本市…, 000-… numbers, notes), as the stand-in holds it (dates as serials
 * with a date format, yen with #,##0) and as the pane reads it back (dates as Date).
 */
import type { Day } from '../../../domain/calendar/day.js';
import type { FieldKey } from '../../../domain/fields/catalogue.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { generateSample } from '../../../server/sample/generate.js';
import { COLUMNS, YEN_COLUMNS } from '../../../server/sample/render.js';
import type { CellValue } from '../../addin/excel/excel-standin.js';
import type { StandinSeed } from './standin-entry.js';

export const SHEET = '保育料台帳';
export const CLAIM_TYPE = '保育料';
const HEADER_ROW = 3;

export interface E2eLedger {
  /** What the pane reads (1 grid row = 1 worksheet row). */
  grid: Cell[][];
  seed: StandinSeed;
  /** Every distinct value of the columns that must never leave the workbook. */
  personal: string[];
  /** Every clear debtor id (they leave only as keyed hashes). */
  debtorIds: string[];
  /** Text typed where a date belongs (unreadable): it leaves only as `{ unreadable: reason }`. */
  unreadable: string[];
  /** 0-based column of a field. */
  column(field: FieldKey): number;
}

const serial = (d: Date): number => d.getTime() / 86_400_000 + 25569;

export function e2eLedger(asOf: Day, rows = 200): E2eLedger {
  const { grid } = generateSample({ rows, claimType: CLAIM_TYPE, seed: 42, asOf });
  const column = (field: FieldKey): number => COLUMNS.findIndex((c) => c.field === field);
  // The usual headers for the personal columns, whatever synonym the generator picked.
  const header = grid[HEADER_ROW - 1]!;
  for (const [field, label] of [
    ['debtorName', '氏名'],
    ['address', '住所'],
    ['phone', '電話番号'],
    ['contactNote', '交渉経過'],
  ] as const)
    header[column(field)] = label;
  const name = column('debtorName');
  const personal = new Set<string>();
  const debtorIds = new Set<string>();
  for (let r = HEADER_ROW; r < grid.length; r++) {
    const row = grid[r]!;
    // 「佐藤 太郎」 → 「見本 太郎」: a function of the cell, so planted duplicate rows stay duplicates.
    if (typeof row[name] === 'string') row[name] = `見本 ${row[name].split(' ').at(-1)}`;
    for (const f of ['debtorName', 'address', 'phone', 'contactNote'] as const) {
      const v = row[column(f)];
      if (typeof v === 'string' && v !== '') personal.add(v);
    }
    const id = row[column('debtorId')];
    if (typeof id === 'string' && id !== '' && r !== grid.length - 1) debtorIds.add(id);
  }

  // A 最終交渉日 that is a note, as clerks type them: unreadable as a date, and personal.
  const unreadable = ['3/1 山田様と電話'];
  grid[HEADER_ROW + 4]![column('lastContactDate')] = unreadable[0]!;

  const width = Math.max(...grid.map((r) => r.length));
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (const row of grid) {
    const v: CellValue[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? null;
      if (cell instanceof Date) {
        v.push(serial(cell));
        f.push('yyyy/m/d');
      } else {
        v.push(cell ?? '');
        f.push(typeof cell === 'number' && YEN_COLUMNS.includes(c) ? '#,##0' : 'General');
      }
    }
    values.push(v);
    formats.push(f);
  }
  return {
    grid,
    seed: { sheet: SHEET, rows: values, formats },
    personal: [...personal],
    debtorIds: [...debtorIds],
    unreadable,
    column,
  };
}
