/**
 * Office.js range values → the cells the domain reads, and addresses → areas. Pure functions.
 */
import type { Cell } from '../../domain/values/parsed.js';
import type { MergedRange } from '../../domain/fields/header.js';
import { columnIndex } from '../../domain/fields/column-letter.js';

/**
 * A format that shows a number as a date or time: a date or time letter outside quotes and brackets
 * (`yyyy/m/d`, `[$-411]ggge"年"m"月"d"日"`, `h:mm`). The same rule as the service's xlsx reader
 * (ExcelJS's), so that the add-in and the service read one workbook alike.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Serial (1900 system) → UTC-midnight Date plus the time of day, as the service's reader converts it. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/**
 * One cell as Office.js hands it over. Blank is `''` there and null here. A number in a date-formatted
 * cell becomes a Date: date fields parse it as that day, and a text field shows the day (ISO), not the
 * serial the user never sees. Error values (`#N/A`) stay text.
 */
export function toCell(value: unknown, format: string | undefined): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(format) && Number.isFinite(value) ? serialToDate(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export function toCells(values: readonly (readonly unknown[])[], formats: readonly (readonly unknown[])[]): Cell[][] {
  return values.map((row, r) => {
    const fmts = formats[r];
    return row.map((v, c) => toCell(v, typeof fmts?.[c] === 'string' ? fmts[c] : undefined));
  });
}

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/**
 * The areas of a RangeAreas address (`Sheet1!A1:B2,Sheet1!C1`, sheet names quoted or not), 0-based
 * and inclusive. Only what follows each `!` is read, so a sheet name with commas or `!` is harmless.
 */
export function parseAreas(address: string): MergedRange[] {
  const out: MergedRange[] = [];
  for (const m of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=,|$)/g)) {
    const [a, b = a] = (m[1] ?? '').split(':');
    const p = REF.exec(a ?? '');
    const q = REF.exec(b ?? '');
    if (!p || !q) continue;
    const [r1, c1, r2, c2] = [Number(p[2]) - 1, columnIndex(p[1] ?? ''), Number(q[2]) - 1, columnIndex(q[1] ?? '')];
    out.push({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  return out;
}
