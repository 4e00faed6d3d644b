/**
 * Where the confirmed header stands now. Rows or columns inserted or deleted (with the pane open or
 * not) move the header away from the rows and columns the stored mapping names; reading with the
 * old mapping would check the header as data and read one field's column as another's. This finds
 * the mapped headers again, by their text, among the first rows, and moves the mapping with them.
 * A column headed 個人番号 or マイナンバー found there is always added to the columns never read.
 */
import type { Cell } from '../../domain/values/parsed.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import { columnLetter } from '../../domain/fields/column-letter.js';
import { headerCellText, isPersonalNumberHeader, normalizeHeader } from '../../domain/fields/header-text.js';

/** Rows searched from the top, as header detection searches them. */
export const HEADER_SCAN_ROWS = 30;

const compact = (s: string) => normalizeHeader(s);

/**
 * The header cells of a column, as one text: the header rows' texts, a text repeated down a vertical
 * merge once. A merged group's other cells read as empty, so only the master column holds the group.
 */
function columnText(grid: readonly (readonly Cell[])[], rows: readonly number[], column: number): string {
  const parts: string[] = [];
  for (const r of rows) {
    const t = compact(headerCellText(grid[r - 1]?.[column] ?? null));
    if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join('');
}

/** The stored header text is this column's, or ends with it (a group over it merged from the left). */
function fits(header: string, text: string): boolean {
  return text !== '' && compact(header).endsWith(text);
}

interface Located {
  column: number;
  letter: string;
}

/**
 * Each header to its column (by its stored column) among these texts: the same column where it still
 * fits, else the one free column that does. Strict: null when one cannot be placed; else it is left out.
 */
function placeColumns(
  headers: readonly { column: number; header: string }[],
  texts: readonly string[],
  strict: boolean,
): Map<number, Located> | null {
  const placed = new Map<number, Located>();
  const taken = new Set<number>();
  for (const h of headers) {
    let at = fits(h.header, texts[h.column] ?? '') && !taken.has(h.column) ? h.column : -1;
    if (at < 0) {
      const candidates = texts.flatMap((t, c) => (fits(h.header, t) && !taken.has(c) ? [c] : []));
      at = candidates.length === 1 ? (candidates[0] ?? -1) : -1;
    }
    if (at < 0) {
      if (strict) return null;
      continue;
    }
    taken.add(at);
    placed.set(h.column, { column: at, letter: columnLetter(at) });
  }
  return placed;
}

/** Offsets to try, nearest first: 0, +1, -1, +2, -2, … within the scanned rows. */
function offsets(first: number, height: number, scan: number): number[] {
  const out: number[] = [0];
  for (let k = 1; k < scan; k++) {
    if (first + k + height - 1 <= scan) out.push(k);
    if (first - k >= 1) out.push(-k);
  }
  return out;
}

/** Columns of these rows headed 個人番号 or マイナンバー (each row alone, or joined). */
function personalColumns(grid: readonly (readonly Cell[])[], rows: readonly number[], width: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const texts = rows.map((r) => compact(headerCellText(grid[r - 1]?.[c] ?? null)));
    if ([...texts, texts.join('')].some((t) => t !== '' && isPersonalNumberHeader(t))) out.push(c);
  }
  return out;
}

/**
 * The mapping as it fits the sheet now (`grid[0]` is worksheet row 1, at least the first rows): the
 * stored one where its header is still in place, a moved copy where it is found elsewhere, null
 * where a mapped or 個人番号 column's header is found nowhere (the mapping must be confirmed again).
 */
export function locateHeader(mapping: HeaderDetection, grid: readonly (readonly Cell[])[]): HeaderDetection | null {
  const scan = Math.min(grid.length, HEADER_SCAN_ROWS);
  const width = Math.max(0, ...grid.slice(0, scan).map((r) => r.length));
  const first = mapping.headerRows[0] ?? 1;
  const height = mapping.headerRows.length;
  const required = [...mapping.columns, ...mapping.personalNumberColumns];
  for (const k of offsets(first, height, scan)) {
    const rows = mapping.headerRows.map((r) => r + k);
    const texts = Array.from({ length: width }, (_, c) => columnText(grid, rows, c));
    const placed = placeColumns(required, texts, true);
    if (!placed) continue;
    const moved = <T extends { column: number; letter: string }>(c: T): T => ({ ...c, ...placed.get(c.column) });
    const personal = mapping.personalNumberColumns.map((p) => ({
      ...moved(p),
      ...(p.row === undefined ? {} : { row: p.row + k }),
    }));
    const known = new Set(personal.map((p) => p.column));
    for (const c of personalColumns(grid, rows, width)) {
      if (known.has(c)) continue;
      const header = rows
        .map((r) => headerCellText(grid[r - 1]?.[c] ?? null))
        .join(' ')
        .trim();
      personal.push({ column: c, letter: columnLetter(c), header });
      known.add(c);
    }
    const others = placeColumns(mapping.unmatched, texts, false) ?? new Map<number, Located>();
    return {
      headerRows: rows,
      dataStartRow: mapping.dataStartRow + k,
      columns: mapping.columns.map(moved).filter((c) => !known.has(c.column)),
      personalNumberColumns: personal,
      unmatched: mapping.unmatched.flatMap((u) => {
        const at = others.get(u.column);
        return at && !known.has(at.column) ? [{ ...u, ...at }] : [];
      }),
    };
  }
  return null;
}

/** Whether two mappings differ (the header moved, or a 個人番号 column appeared). */
export function sameMapping(a: HeaderDetection, b: HeaderDetection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
