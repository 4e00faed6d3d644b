/**
 * CSV files as Japanese systems export them: UTF-8 with or without a byte-order mark, or Shift_JIS
 * (CP932, the Windows superset with ①, ㈱ and 髙). UTF-16 with a BOM (Excel's "Unicode テキスト") too.
 * Every cell is text; an empty cell is null.
 */
import iconv from 'iconv-lite';
import type { Cell } from '../../domain/values/parsed.js';
import { parseRecords } from './csv-records.js';

export { CsvSyntaxError } from './csv-records.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Characters that could not be decoded (shown as U+FFFD). */
  replaced: number;
}

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** BOM first; then strict UTF-8; otherwise CP932, which is what is left in Japanese offices. */
export function decodeText(buf: Uint8Array): DecodedText {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return utf(buf.subarray(3), 'utf-8');
  if (startsWith(buf, [0xff, 0xfe])) return utf(buf.subarray(2), 'utf-16le');
  if (startsWith(buf, [0xfe, 0xff])) return utf(buf.subarray(2), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', replaced: 0 };
  } catch {
    const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'cp932');
    return { text, encoding: 'cp932', replaced: countReplaced(text) };
  }
}

function utf(buf: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding).decode(buf);
  return { text, encoding, replaced: countReplaced(text) };
}

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Too many undecodable characters: the file is in some other encoding, and showing it would be mojibake. */
export function looksUndecodable(d: DecodedText): boolean {
  return d.replaced > Math.max(3, d.text.length / 1000);
}

/** A tab-separated export (Excel's Unicode text) has tabs and no commas on its first lines. */
function sniffDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const tabs = head.split('\t').length - 1;
  const commas = head.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** Parses CSV text into rows of cells; row i is record i + 1, so rows match what Excel shows. */
export function parseCsv(text: string): Cell[][] {
  const grid = parseRecords(text, sniffDelimiter(text));
  while (grid.length > 0 && grid[grid.length - 1]!.every((c) => c === null || String(c).trim() === '')) grid.pop();
  return grid;
}
