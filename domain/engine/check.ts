/**
 * One-shot check of a sheet: detect the header (or use the stored mapping), then check every row.
 */
import { detectHeader } from '../fields/header.js';
import { LedgerChecker, type Grid } from './checker.js';
import type { CheckFailure, CheckOptions, CheckResult } from './types.js';

export type CheckOutcome =
  { ok: true; result: CheckResult; checker: LedgerChecker } | { ok: false; failure: CheckFailure };

export function checkSheet(
  grid: Grid,
  options: CheckOptions,
  onProgress?: (done: number, total: number) => void,
): CheckOutcome {
  if (!grid.some((row) => row?.some((c) => c !== null && c !== undefined && c !== ''))) {
    return { ok: false, failure: { reason: 'empty' } };
  }
  const mapping = options.mapping ?? detectHeader(grid.slice(0, 30).map((r) => r ?? []));
  if (!mapping) return { ok: false, failure: { reason: 'no-header' } };
  const checker = new LedgerChecker(mapping, options);
  return { ok: true, result: checker.checkAll(grid, onProgress), checker };
}
