/**
 * The pure part of writing the add-in's own sheets: the value and format matrices Office.js takes,
 * their split into requests under the payload limit, and sheet names Excel accepts.
 */
import type { SheetValue } from './workbook-port.js';
import { groupByBytes, jsonBytes, TARGET_BYTES } from './payload.js';

/** Excel's Text format: a value entered into such a cell is kept as typed, never parsed. */
const TEXT_FORMAT = '@';
const GENERAL_FORMAT = 'General';
/** Our charts' names start with this, so that a user's own chart on our sheet is left alone. */
export const CHART_PREFIX = 'saiken_';
const MAX_SHEET_NAME = 31;
/** Request bytes of one range write besides its matrices (object path, action). */
const WRITE_OVERHEAD = 200;

/** What Excel would take as the start of a formula when the cell is not Text (full-width forms too). */
export function looksLikeFormula(v: unknown): boolean {
  return typeof v === 'string' && /^[=+\-@＝＋－＠]/.test(v);
}

export interface Grid {
  values: (string | number)[][];
  formats: string[][];
  width: number;
}

/**
 * Rectangular matrices for `rows`: padded with blanks, every string cell formatted '@' (so that it
 * stays text), numbers that cannot be written (NaN, ±∞) left blank.
 */
export function toGrid(
  rows: readonly (readonly SheetValue[])[],
  formats: readonly (readonly (string | null)[])[] = [],
): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values: (string | number)[][] = [];
  const fmts: string[][] = [];
  rows.forEach((row, r) => {
    const vs: (string | number)[] = [];
    const fs: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const asked = formats[r]?.[c] ?? GENERAL_FORMAT;
      if (typeof v === 'string') {
        vs.push(v);
        fs.push(TEXT_FORMAT);
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        vs.push(v);
        fs.push(asked === TEXT_FORMAT ? GENERAL_FORMAT : asked);
      } else {
        vs.push('');
        fs.push(asked === TEXT_FORMAT ? GENERAL_FORMAT : asked);
      }
    }
    values.push(vs);
    fmts.push(fs);
  });
  return { values, formats: fmts, width };
}

export interface RowChunk {
  /** 0-based first row. */
  start: number;
  count: number;
}

/** Consecutive rows per request, each request's matrices within `budget` bytes. */
export function rowChunks(grid: Grid, budget = TARGET_BYTES): RowChunk[] {
  const indexes = grid.values.map((_, i) => i);
  const bytes = (i: number) => jsonBytes(grid.values[i]) + jsonBytes(grid.formats[i]) + 2;
  return groupByBytes(indexes, bytes, budget - WRITE_OVERHEAD).map((g) => ({
    start: g[0] ?? 0,
    count: g.length,
  }));
}

/** A name Excel accepts: none of : \ / ? * [ ], no apostrophe at either end, at most 31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, MAX_SHEET_NAME);
  return cleaned === '' ? 'saiken' : cleaned;
}

/** `name`, or `name (2)`, `name (3)`… when taken (compared as Excel does, ignoring case). */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
