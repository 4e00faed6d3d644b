/**
 * Incremental re-check after an edit: read only the rows the edit touched, let the checker
 * re-judge them (and their duplicates), and re-flag just the rows whose findings may have changed.
 * Inserted or deleted rows, columns or cells move everything after them: the caller checks the
 * whole sheet again instead (`structural`).
 */
import { isStructural, type SheetChange, type WorkbookPort } from '../excel/workbook-port.js';
import type { Cell } from '../../domain/values/parsed.js';
import { changedRows, mergeRanges } from './address.js';
import { lastColumnOf, lastRowOf, type CheckSession } from './check-session.js';
import { flagsOf } from './finding-flags.js';

export interface RecheckOutcome {
  /** Rows whose findings were re-judged. */
  rows: number[];
  /** The edit touched the header rows: the stored mapping may no longer fit. */
  headerTouched: boolean;
  /** Rows, columns or cells were inserted or deleted: nothing was re-checked; check the whole sheet. */
  structural: boolean;
}

export async function recheck(
  port: WorkbookPort,
  session: CheckSession,
  change: SheetChange,
  flagsShown: boolean,
): Promise<RecheckOutcome> {
  const { sheet } = session;
  const start = session.config.mapping.dataStartRow;
  if (isStructural(change.kind)) return { rows: [], headerTouched: false, structural: true };
  const oldLast = lastRowOf(session.area);
  const area = await port.usedArea(sheet);
  // The used range starting elsewhere: rows or columns came or went above or left of it (an event
  // may have been missed while the pane was closed), or the user wrote above it. Either way, all again.
  const moved = area && (area.firstRow !== session.area.firstRow || area.firstColumn !== session.area.firstColumn);
  if (moved) return { rows: [], headerTouched: false, structural: true };
  const newLast = lastRowOf(area);
  const end = Math.max(oldLast, newLast);
  const changed = changedRows(change.address);
  let ranges = changed.kind === 'all' ? [[1, end] as [number, number]] : changed.ranges;
  const headerTouched = ranges.some(([a]) => a < start);
  // Rows inserted or deleted shift every row below the edit: re-read from there to the end.
  if (changed.kind === 'rows' && newLast !== oldLast && ranges[0]) ranges = [[ranges[0][0], end]];
  ranges = mergeRanges(ranges.map(([a, b]): [number, number] => [Math.max(a, start), Math.min(b, end)])).filter(
    ([a, b]) => a <= b,
  );
  const columns = Math.max(session.columnCount, lastColumnOf(area));
  if (area) session.area = area;

  const changes: { row: number; cells: readonly Cell[] }[] = [];
  for (const [a, b] of ranges) {
    const readTo = Math.min(b, newLast);
    const rows = a <= readTo ? await port.readRows(sheet, a, readTo, columns) : [];
    for (let r = a; r <= b; r++) changes.push({ row: r, cells: r <= readTo ? (rows[r - a] ?? []) : [] });
  }
  if (changes.length === 0) return { rows: [], headerTouched, structural: false };
  const rows = session.apply(changes);
  if (flagsShown && rows.length > 0) {
    const flags = flagsOf(rows.flatMap((r) => session.checker.findingsOf(r)));
    const updated = await port.updateFlags(sheet, rows, flags, session.area);
    // Missing, or drifted from their cells: all of them again, where they belong now.
    if (!updated) await port.showFlags(sheet, flagsOf(session.result.findings), session.area);
  }
  return { rows, headerTouched, structural: false };
}
