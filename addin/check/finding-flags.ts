/** Findings as cell highlights: one flag per cell, the most severe finding wins. */
import type { Flag } from '../excel/workbook-port.js';
import type { Finding } from '../../domain/engine/types.js';
import { columnIndex } from '../../domain/fields/column-letter.js';
import type { Severity } from '../../domain/rules/rule.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** 1-based column number of a finding's letter, or null where its field has no column. */
export function columnNumber(letter: string | null): number | null {
  if (letter === null) return null;
  const i = columnIndex(letter);
  return i < 0 ? null : i + 1;
}

export function flagsOf(findings: Iterable<Finding>): Flag[] {
  const byCell = new Map<string, Flag>();
  for (const f of findings) {
    const column = columnNumber(f.column);
    if (column === null) continue; // no cell to mark: the list still shows it
    const k = `${f.row}:${column}`;
    const prev = byCell.get(k);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) byCell.set(k, { row: f.row, column, severity: f.severity });
  }
  return [...byCell.values()];
}
