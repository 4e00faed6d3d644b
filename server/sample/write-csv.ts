/**
 * Writes a grid as CSV the way Japanese Excel saves it: CRLF, quotes where needed, and either UTF-8
 * with a byte-order mark ("CSV UTF-8") or CP932 ("CSV"). Dates are written `2024/4/1`.
 */
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Cell } from '../../domain/values/parsed.js';

export type CsvEncoding = 'utf-8-bom' | 'utf-8' | 'cp932';

function field(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s =
    v instanceof Date
      ? `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`
      : typeof v === 'boolean'
        ? v
          ? 'TRUE'
          : 'FALSE'
        : String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(grid: readonly (readonly Cell[])[]): string {
  return grid.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export async function writeCsv(path: string, grid: readonly (readonly Cell[])[], encoding: CsvEncoding = 'utf-8-bom') {
  await writeFile(path, encodeCsv(toCsv(grid), encoding));
}
