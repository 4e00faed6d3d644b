/**
 * Finding the header of a ledger (`fields.md`, "Finding the header") and the user's corrections
 * to the mapping it proposes.
 */
import type { FieldKey } from './catalogue.js';
import type { ColumnMapping, HeaderDetection } from './mapping.js';
import { columnLetter } from './column-letter.js';
import {
  headerCellText,
  headerScale,
  isPersonalNumberHeader,
  matchHeader,
  normalizeHeader,
  type HeaderMatch,
} from './header-text.js';
import type { Cell } from '../values/parsed.js';

/** A merged range, 0-based and inclusive, in the coordinates of `rows` (row 0 = worksheet row 1). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface DetectHeaderOptions {
  /** Rows looked at from the top; 30 by default. */
  maxScanRows?: number;
  /** The sheet's merged ranges. When given (even empty) they are taken as the whole truth; when absent an
   * empty group cell over a sub-header inherits the group to its left (the CSV convention). */
  merges?: readonly MergedRange[];
}

/** Fewer distinct fields than this and the sheet is taken to have no header at all. */
export const MIN_HEADER_MATCHES = 2;

interface Col {
  inChildRow: boolean;
  column: number;
  /** As in the sheet; parent and child joined by one space for a two-row header. */
  header: string;
  /** The normalised text looked up (the joined text where that matched, else the child's). */
  norm: string;
  match: HeaderMatch | undefined;
  personal: boolean;
  scale: 1 | 1000;
  usesParent: boolean;
  usesChild: boolean;
}

interface Candidate {
  top: number;
  block: boolean;
  cols: Col[];
  assigned: Map<FieldKey, Col>;
}

/**
 * The header among the first rows (rows[0] = worksheet row 1): the row, or block of two rows, whose
 * headers name the most distinct fields (at least MIN_HEADER_MATCHES); null when none does. A block
 * counts only where both its rows give matches (else it is a row under a title, or over data).
 * `header` joins group and sub-header with one space (`督促 発付日`); `matched` is the text looked up.
 */
export function detectHeader(
  rows: readonly (readonly Cell[])[],
  options: DetectHeaderOptions = {},
): HeaderDetection | null {
  const scan = Math.min(rows.length, options.maxScanRows ?? 30);
  const grid = rows.slice(0, Math.max(0, scan)).map((row) => Array.from(row, headerCellText));
  const width = Math.max(0, ...grid.map((r) => r.length));
  const mergeId = fillMerges(grid, width, options.merges ?? []);
  let best: Candidate | undefined;
  for (let r = 0; r < grid.length; r++) {
    if (r + 1 < grid.length) {
      const block = candidate(r, true, blockCols(grid, mergeId, r, width, options.merges !== undefined));
      // A block whose matches come from one row only is that row plus a title, a blank or a data row.
      const used = [...block.assigned.values()];
      if (used.some((c) => c.usesParent) && used.some((c) => c.usesChild)) best = better(best, block);
    }
    best = better(best, candidate(r, false, singleCols(grid[r] ?? [])));
  }
  return best ? toDetection(best) : null;
}

/** Strictly more replaces: ties go to the earlier start, and at one start to the block (tried first). */
function better(best: Candidate | undefined, c: Candidate): Candidate | undefined {
  return c.assigned.size >= MIN_HEADER_MATCHES && c.assigned.size > (best?.assigned.size ?? 0) ? c : best;
}

/** Excel reads a merge's other cells as empty: give them the master's text, as ExcelJS does. */
function fillMerges(grid: string[][], width: number, merges: readonly MergedRange[]): number[][] {
  const ids = grid.map(() => new Array<number>(width).fill(-1));
  merges.forEach((m, id) => {
    const master = grid[m.top]?.[m.left] ?? '';
    for (let r = Math.max(0, m.top); r <= Math.min(m.bottom, grid.length - 1); r++) {
      for (let c = Math.max(0, m.left); c <= Math.min(m.right, width - 1); c++) {
        const row = grid[r] ?? [];
        row[c] = master;
        (ids[r] ?? [])[c] = id;
      }
    }
  });
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= '';
  return ids;
}

function singleCols(row: readonly string[]): Col[] {
  const cols: Col[] = [];
  row.forEach((text, column) => {
    if (text !== '') cols.push(col(column, text, normalizeHeader(text), headerScale(text), true, false));
  });
  return cols;
}

function blockCols(grid: string[][], mergeId: number[][], r: number, width: number, exact: boolean): Col[] {
  const cols: Col[] = [];
  let group = ''; // the group a parent-less sub-header may inherit (CSV convention)
  for (let c = 0; c < width; c++) {
    let p = grid[r]?.[c] ?? '';
    const ch = grid[r + 1]?.[c] ?? '';
    const np = normalizeHeader(p);
    const nc = normalizeHeader(ch);
    const id = mergeId[r]?.[c] ?? -1;
    // One cell down both rows: merged, or repeated by a library that copies the master's value.
    const vertical = (id >= 0 && id === mergeId[r + 1]?.[c]) || (p !== '' && np === nc);
    if (p !== '') group = nc !== '' && !vertical ? p : '';
    else if (!exact && nc !== '' && group !== '') p = group;
    else group = '';
    if (p === '' && ch === '') continue;
    const scale = headerScale(p) === 1000 || headerScale(ch) === 1000 ? 1000 : 1;
    if (vertical) cols.push(col(c, p, np, scale, true, true));
    else if (p === '') cols.push(col(c, ch, nc, scale, false, true, true));
    // A parent over nothing stands for itself; a row of units under it (`(千円)`) still counts as header.
    else if (nc === '') cols.push(col(c, ch === '' ? p : `${p} ${ch}`, np, scale, true, ch !== ''));
    else {
      const parent = normalizeHeader(p); // p may be the inherited group
      const joined = parent + nc;
      const header = `${p} ${ch}`;
      if (isPersonalNumberHeader(joined))
        cols.push(col(c, header, joined, scale, true, true, isPersonalNumberHeader(nc)));
      else if (matchHeader(joined)) cols.push(col(c, header, joined, scale, true, true));
      // `金額` over `調定額` reads 金額調定額, which is no field: the sub-header alone names the column. Under
      // a parent that is itself a field (`催告方法` over `電話`) it is more likely a data value than a header.
      else cols.push(col(c, header, nc, scale, false, !matchHeader(parent)));
    }
  }
  return cols;
}

function col(
  column: number,
  header: string,
  norm: string,
  scale: 1 | 1000,
  usesParent: boolean,
  usesChild: boolean,
  /** The text stands in the second header row (for a finding on "its header cell"). */
  inChildRow = false,
): Col {
  const personal = isPersonalNumberHeader(norm);
  return {
    inChildRow,
    column,
    header,
    norm,
    match: personal ? undefined : matchHeader(norm),
    personal,
    scale,
    usesParent,
    usesChild,
  };
}

/** Each field to its first column with a label match, else its first with a synonym match. */
function candidate(top: number, block: boolean, cols: Col[]): Candidate {
  const assigned = new Map<FieldKey, Col>();
  for (const c of cols) {
    if (!c.match) continue;
    const prev = assigned.get(c.match.field);
    if (!prev || (prev.match?.reason === 'synonym' && c.match.reason === 'label')) assigned.set(c.match.field, c);
  }
  return { top, block, cols, assigned };
}

function toDetection(c: Candidate): HeaderDetection {
  const headerRows = c.block ? [c.top + 1, c.top + 2] : [c.top + 1];
  const mapped = new Set(c.assigned.values());
  const columns: ColumnMapping[] = [...c.assigned.entries()]
    .map(([field, k]) => ({
      field,
      column: k.column,
      letter: columnLetter(k.column),
      header: k.header,
      reason: k.match?.reason ?? 'synonym',
      matched: k.norm,
      scale: k.scale,
    }))
    .sort((a, b) => a.column - b.column);
  const entry = (k: Col) => ({ column: k.column, letter: columnLetter(k.column), header: k.header });
  return {
    headerRows,
    dataStartRow: headerRows[headerRows.length - 1]! + 1,
    columns,
    personalNumberColumns: c.cols
      .filter((k) => k.personal)
      .map((k) => ({ ...entry(k), row: c.block && k.inChildRow ? c.top + 2 : c.top + 1 })),
    unmatched: c.cols.filter((k) => !k.personal && !mapped.has(k)).map(entry),
  };
}

export type UserMappingResult =
  | { ok: true; detection: HeaderDetection }
  | { ok: false; reason: 'personal-number-column' | 'no-such-column'; field: FieldKey; column: number };

/**
 * The user's corrections: a field to a column (0-based), or `null` to unmap it. Only headed columns
 * (mapped or unmatched) can be chosen; an Individual Number column never. A column given to a field
 * leaves the field that had it; a field's old column returns to `unmatched`. Overrides apply in
 * their key order, so of two fields given one column the later keeps it. Input is never mutated.
 */
export function applyUserMapping(
  detection: HeaderDetection,
  overrides: Partial<Record<FieldKey, number | null>>,
): UserMappingResult {
  const headed = new Map<number, { column: number; letter: string; header: string; scale: 1 | 1000 }>();
  for (const u of detection.unmatched) headed.set(u.column, { ...u, scale: headerScale(u.header) });
  for (const m of detection.columns) headed.set(m.column, { ...m });
  const personal = new Set(detection.personalNumberColumns.map((p) => p.column));
  const byField = new Map<FieldKey, ColumnMapping>(detection.columns.map((m) => [m.field, { ...m }]));

  for (const [field, column] of Object.entries(overrides) as [FieldKey, number | null | undefined][]) {
    if (column === undefined) continue;
    if (column === null) {
      byField.delete(field);
      continue;
    }
    if (personal.has(column)) return { ok: false, reason: 'personal-number-column', field, column };
    const h = headed.get(column);
    if (!h) return { ok: false, reason: 'no-such-column', field, column };
    for (const [f, m] of byField) if (m.column === column) byField.delete(f);
    const { letter, header, scale } = h;
    byField.set(field, { field, column, letter, header, reason: 'user', matched: normalizeHeader(header), scale });
  }

  const columns = [...byField.values()].sort((a, b) => a.column - b.column);
  const used = new Set(columns.map((m) => m.column));
  const unmatched = [...headed.values()]
    .filter((h) => !used.has(h.column))
    .map(({ column, letter, header }) => ({ column, letter, header }))
    .sort((a, b) => a.column - b.column);
  const personalNumberColumns = detection.personalNumberColumns.map((p) => ({ ...p }));
  return {
    ok: true,
    detection: { ...detection, headerRows: [...detection.headerRows], columns, unmatched, personalNumberColumns },
  };
}
