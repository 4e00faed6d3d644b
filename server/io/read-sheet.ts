/**
 * Reads a ledger sheet from a file, whatever it turns out to be: the bytes decide (a ZIP is an .xlsx,
 * an OLE file is an encrypted .xlsx or an old .xls), then the extension (.csv, .tsv, .txt are text).
 * Never throws: a file that cannot be used gives a code and one Japanese sentence.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Cell } from '../../domain/values/parsed.js';
import { CsvSyntaxError, decodeText, looksUndecodable, parseCsv } from './csv.js';
import { failure, msg, type ReadFailure } from './messages.js';
import { isOle, oleKind } from './ole.js';
import { readXlsx } from './xlsx.js';

export type { ReadErrorCode, ReadFailure } from './messages.js';

export type ReadSheetResult = { ok: true; grid: Cell[][]; sheetName: string } | ReadFailure;

export interface ReadSheetOptions {
  /** A worksheet name (an .xlsx's first visible sheet when absent; ignored for CSV). */
  sheet?: string;
  /** Bytes of the file read so far, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

export async function readSheetFile(path: string, options: ReadSheetOptions = {}): Promise<ReadSheetResult> {
  const shown = path;
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return failure('unreadable', msg.isDirectory(shown));
    size = s.size;
  } catch (e) {
    return fsFailure(e, shown);
  }
  if (size === 0) return failure('empty', msg.emptyFile(shown));
  let head: Uint8Array;
  try {
    head = await readHead(path);
  } catch (e) {
    return fsFailure(e, shown);
  }
  const ext = extname(path).toLowerCase();
  if (head[0] === 0x50 && head[1] === 0x4b) {
    return readXlsx(path, shown, {
      sheet: options.sheet,
      fileSize: size,
      onBytes: options.onProgress && ((n) => options.onProgress!(Math.min(n, size), size)),
    });
  }
  if (isOle(head)) return oleFailure(path, shown);
  if (XLSX_EXTENSIONS.has(ext)) return failure('unreadable', msg.corrupt(shown));
  if (ext === '.xls') return failure('unsupported-type', msg.xls(shown));
  if (!TEXT_EXTENSIONS.has(ext)) return failure('unsupported-type', msg.unsupported(shown, ext));
  return readCsvFile(path, shown, size, options);
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(8);
    await fh.read(buf, 0, 8, 0);
    return buf;
  } finally {
    await fh.close();
  }
}

function fsFailure(e: unknown, shown: string): ReadFailure {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure('not-found', msg.notFound(shown));
  if (code === 'EACCES' || code === 'EPERM') return failure('unreadable', msg.noPermission(shown));
  return failure('unreadable', msg.ioError(shown));
}

async function oleFailure(path: string, shown: string): Promise<ReadFailure> {
  let kind;
  try {
    kind = oleKind(await readFile(path));
  } catch (e) {
    return fsFailure(e, shown);
  }
  if (kind === 'encrypted-ooxml') return failure('encrypted', msg.encrypted(shown));
  if (kind === 'xls') return failure('unsupported-type', msg.xls(shown));
  return failure('unsupported-type', msg.oleOther(shown));
}

async function readCsvFile(
  path: string,
  shown: string,
  size: number,
  options: ReadSheetOptions,
): Promise<ReadSheetResult> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    return fsFailure(e, shown);
  }
  options.onProgress?.(size, size);
  // NUL bytes do not occur in text in any of the encodings read here (UTF-16 is decoded first).
  const decoded = decodeText(buf);
  if (decoded.text.includes('\u0000')) return failure('unreadable', msg.binary(shown));
  if (looksUndecodable(decoded)) return failure('unreadable', msg.csvEncoding(shown));
  let grid: Cell[][];
  try {
    grid = parseCsv(decoded.text);
  } catch (e) {
    return failure('unreadable', msg.csvMalformed(shown, e instanceof CsvSyntaxError ? e.line : null));
  }
  if (grid.length === 0) return failure('empty', msg.emptySheet(shown, sheetNameOf(path)));
  return { ok: true, grid, sheetName: sheetNameOf(path) };
}

/** Excel names a CSV's only sheet after the file. */
function sheetNameOf(path: string): string {
  return basename(path, extname(path));
}
