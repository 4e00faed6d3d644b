/**
 * CSV bytes to text. Finance saves CSV from Excel either as UTF-8 (with or without a BOM) or as
 * Shift_JIS (CP932, Excel's default on Japanese Windows): strict UTF-8 is tried first, since
 * Japanese CP932 text is almost never valid UTF-8; bytes that are neither are refused.
 */
import iconv from 'iconv-lite';
import { importError } from './errors.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const CP932_NAMES = new Set(['shift_jis', 'shift-jis', 'sjis', 'cp932', 'windows-31j', 'ms932', 'x-sjis']);
const UTF8_NAMES = new Set(['utf-8', 'utf8']);

export type CsvEncoding = 'utf-8' | 'cp932';

/** `charset` from the Content-Type, if the client named one; otherwise the encoding is detected. */
export function decodeCsv(bytes: Uint8Array, charset?: string): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw importError(400, 'empty-file', 'ファイルが空です。', { row: null, column: null });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw badEncoding(1, 'UTF-16 のファイルは読めません。CSV（UTF-8）または CSV（Shift_JIS）で保存し直してください。');
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const named = charset?.trim().toLowerCase();
  if (named && !UTF8_NAMES.has(named) && !CP932_NAMES.has(named)) {
    throw importError(415, 'unsupported-encoding', `文字コード ${named} には対応していません。`, {
      row: null,
      column: null,
    });
  }
  let result: { text: string; encoding: CsvEncoding };
  if (hasBom || (named && UTF8_NAMES.has(named))) result = { text: strictUtf8(body), encoding: 'utf-8' };
  else if (named) result = { text: strictCp932(body, false), encoding: 'cp932' };
  else {
    const utf8 = tryUtf8(body);
    result = utf8 === null ? { text: strictCp932(body, true), encoding: 'cp932' } : { text: utf8, encoding: 'utf-8' };
  }
  const nul = result.text.indexOf('\0');
  if (nul >= 0) throw badEncoding(lineOf(result.text, nul), 'テキストではないデータ（NUL 文字）が含まれています。');
  return result;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The line of the first character `decode` could not read, or null when it read everything. */
function firstBadLine(bytes: Uint8Array, encoding: CsvEncoding): number | null {
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  const bad = text.indexOf('\uFFFD');
  return bad < 0 ? null : lineOf(text, bad);
}

function strictUtf8(bytes: Uint8Array): string {
  const text = tryUtf8(bytes);
  if (text !== null) return text;
  throw badEncoding(firstBadLine(bytes, 'utf-8') ?? 1, 'UTF-8 として読めない文字があります。');
}

function strictCp932(bytes: Uint8Array, detected: boolean): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  const cp932Line = firstBadLine(bytes, 'cp932');
  if (cp932Line === null) return text;
  // Detected: the file is most likely in whichever encoding reads further, so name that line.
  const line = detected ? Math.max(cp932Line, firstBadLine(bytes, 'utf-8') ?? 0) : cp932Line;
  throw badEncoding(
    line,
    '文字コードを判別できません（UTF-8 でも Shift_JIS でもない文字があります）。CSV（UTF-8）で保存し直してください。',
  );
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function badEncoding(row: number, problem: string) {
  return importError(400, 'bad-encoding', problem, { row, column: null });
}
