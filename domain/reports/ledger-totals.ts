/**
 * What the service's ledger sheets read of a ledger: its organisation and the aggregate columns
 * every applied submission keeps on `ledgers` (named as stored), amounts exact as BigInt.
 */
import type { AgingBucket } from './aging-sheet.js';
import { ledgerFiguresOf } from './ledger-figures.js';

export interface LedgerTotals {
  id: string;
  name: string;
  bureau: string;
  division: string;
  claim: string;
  revision: number;
  as_of: string | null;
  ruleset_version: string | null;
  last_submission_id: string | null;
  last_submitted_at: string | null;
  row_count: number;
  outstanding: bigint;
  current_assessed: bigint;
  current_paid: bigint;
  current_outstanding: bigint;
  arrears_assessed: bigint;
  arrears_paid: bigint;
  arrears_outstanding: bigint;
  /** The aging buckets, late-charge estimate and worklist counts as stored (JSON: `ledger-figures.ts`). */
  aging: string;
}

/** A ledger's count of one rule's findings. */
export interface LedgerFindingCount {
  ledger_id: string;
  rule: string;
  severity: string;
  count: number;
}

/** A bucket's amount as BigInt (a stored amount past 2^53 is read as its nearest whole number). */
const bucketYen = (x: number) => BigInt(Number.isSafeInteger(x) ? x : Math.round(x));

type StoredBucket = { label?: unknown; fromYears?: unknown; outstanding?: unknown } | null | undefined;

/** The stored figures' aging as buckets; damaged or missing: none. */
export function agingOf(json: string): AgingBucket[] {
  return (ledgerFiguresOf(json).aging as StoredBucket[])
    .filter((b) => typeof b?.label === 'string' && Number.isFinite(Number(b?.outstanding)))
    .map((b) => ({
      label: b!.label as string,
      fromYears: Number(b!.fromYears ?? 0),
      outstanding: bucketYen(Number(b!.outstanding)),
    }));
}

/** Groups in the given order first, then any other group as it appears; empty groups left out. */
export function byGroup<T>(items: readonly T[], groupOf: (t: T) => string, order: readonly string[]): [string, T[]][] {
  const groups = new Map<string, T[]>(order.map((g) => [g, []]));
  for (const it of items) {
    const g = groups.get(groupOf(it));
    if (g) g.push(it);
    else groups.set(groupOf(it), [it]);
  }
  return [...groups].filter(([, ls]) => ls.length > 0);
}
