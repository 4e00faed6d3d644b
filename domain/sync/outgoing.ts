/**
 * What is about to leave, checked as the service will check it, by every sender (the pane and
 * `saiken submit`): which fields a mapping sends, values within bounds, and text values and the
 * ledger's own texts free of anything that looks personal unless the sender confirmed (never a My
 * Number-like number). The sender turns a refusal into its own words before anything is kept or sent.
 */
import type { ReadField } from '../engine/ledger-row.js';
import type { HeaderDetection } from '../fields/mapping.js';
import { SYNC_FIELDS } from './fields.js';
import { scanSyncText, type DetectorCache, type PersonalTextReport, type TextFinding } from './personal-scan.js';
import type { LedgerInfo, RowUpsert } from './protocol.js';
import { outOfBounds, type ValueBound } from './values.js';

/** A value outside what the service accepts (a text too long, an amount past the limit). */
export interface ValueProblem {
  row: number;
  field: ReadField;
  problem: ValueBound;
}

const MAX_PROBLEMS = 50;

/** Values the service would refuse, by row and field (at most MAX_PROBLEMS). */
export function valueProblems(upserts: readonly RowUpsert[]): ValueProblem[] {
  const out: ValueProblem[] = [];
  for (const u of upserts) {
    for (const [f, v] of Object.entries(u.values)) {
      const problem = outOfBounds(f as ReadField, v);
      if (problem) out.push({ row: u.row, field: f as ReadField, problem });
      if (out.length >= MAX_PROBLEMS) return out;
    }
  }
  return out;
}

/** The fields that leave for this mapping, in the protocol's order. */
export function syncedFields(mapping: HeaderDetection): ReadField[] {
  const mapped = new Set<string>(mapping.columns.map((c) => c.field));
  return SYNC_FIELDS.filter((f) => mapped.has(f));
}

/** A finding by where and what, as both the pane and the service report it (never the text). */
const findingKey = (f: TextFinding) => `${f.field}|${f.spans.map((s) => `${s.start}-${s.end}-${s.kind}`).join(',')}`;

export type OutgoingRefusal =
  | { kind: 'values'; problems: ValueProblem[] }
  /** A My Number-like number: never sent, whatever the sender confirms. */
  | { kind: 'my-number'; report: PersonalTextReport }
  /** Text that looks personal and that the sender has not confirmed. */
  | { kind: 'personal'; report: PersonalTextReport };

/**
 * Why the service would refuse these rows and ledger texts, or null. Text found now that was not
 * among what the sender confirmed is refused again rather than sent on that confirmation.
 */
export function outgoingRefusal(
  upserts: readonly RowUpsert[],
  ledger: Pick<LedgerInfo, 'name' | 'claimType'>,
  detector: DetectorCache,
  confirmed?: PersonalTextReport,
): OutgoingRefusal | null {
  const problems = valueProblems(upserts);
  if (problems.length > 0) return { kind: 'values', problems };
  const report = scanSyncText(upserts, ledger, detector);
  if (report.findings.length === 0) return null;
  if (!report.confirmable) return { kind: 'my-number', report };
  const seen = new Set(confirmed?.findings.map(findingKey));
  if (!report.findings.every((f) => seen.has(findingKey(f)))) return { kind: 'personal', report };
  return null;
}
