/**
 * The personal-text check of what a ledger sync sends as text: the text values of the rows
 * (債権名, 期別, 欠損理由, 所得階層) and the ledger's name and claim type. The pane runs it before
 * sending and the service on receipt, with the same findings: which fields, which sheet rows, which
 * kinds at which offsets; never the text itself.
 *
 * Ledgers repeat a few texts over many rows, so the detector runs once per distinct text
 * (`DetectorCache`), and the rows are gathered per text.
 */
import { findPersonalText, isAlwaysRefused, type PersonalKind, type PersonalSpan } from '../privacy/personal-text.js';
import type { ReadField } from '../engine/ledger-row.js';
import type { SyncRowValues } from './protocol.js';
import { TEXT_FIELDS } from './values.js';

/** Distinct texts remembered; past it the cache starts afresh (the detector is pure). */
const CACHE_SIZE = 20_000;

export class DetectorCache {
  private readonly spans = new Map<string, PersonalSpan[]>();

  constructor(private readonly size = CACHE_SIZE) {}

  find(text: string): PersonalSpan[] {
    let s = this.spans.get(text);
    if (s === undefined) {
      s = findPersonalText(text);
      if (this.spans.size >= this.size) this.spans.clear();
      this.spans.set(text, s);
    }
    return s;
  }
}

/** Where the ledger's own texts are reported. */
export type LedgerTextField = 'ledger.name' | 'ledger.claimType';

/** One text that looks personal: its field, its spans, and (for row values) the sheet rows holding it. */
export interface TextFinding {
  field: ReadField | LedgerTextField;
  spans: PersonalSpan[];
  /** Sheet rows with this text in this field, at most MAX_ROWS_LISTED of them. */
  rows?: number[];
  /** How many rows hold it in all. */
  rowCount?: number;
}

export interface PersonalTextReport {
  findings: TextFinding[];
  /** False when a finding can never be sent (a My Number-like number), confirmed or not. */
  confirmable: boolean;
  /** Findings past MAX_FINDINGS were left out of `findings`. */
  truncated: boolean;
}

export const MAX_FINDINGS = 100;
export const MAX_ROWS_LISTED = 50;

export interface ScannedRow {
  row: number;
  values: SyncRowValues;
}

/** Scans rows and the ledger's texts; `findings` is empty when nothing looks personal. */
export function scanSyncText(
  rows: Iterable<ScannedRow>,
  ledger: { name?: string; claimType?: string },
  cache: DetectorCache = new DetectorCache(),
): PersonalTextReport {
  const all: TextFinding[] = [];
  const ledgerText: [LedgerTextField, string | undefined][] = [
    ['ledger.name', ledger.name],
    ['ledger.claimType', ledger.claimType],
  ];
  for (const [field, text] of ledgerText) {
    const spans = text ? cache.find(text) : [];
    if (spans.length) all.push({ field, spans });
  }
  // Per field, per text: the finding its rows are gathered in (null: the text looks fine).
  const seen = TEXT_FIELDS.map(() => new Map<string, TextFinding | null>());
  for (const { row, values } of rows) {
    for (let i = 0; i < TEXT_FIELDS.length; i++) {
      const v = values[TEXT_FIELDS[i]!];
      if (typeof v !== 'string' || v === '') continue;
      const byText = seen[i]!;
      let f = byText.get(v);
      if (f === undefined) {
        const spans = cache.find(v);
        f = spans.length ? { field: TEXT_FIELDS[i]!, spans, rows: [], rowCount: 0 } : null;
        byText.set(v, f);
        if (f) all.push(f);
      }
      if (f) {
        if (f.rows!.length < MAX_ROWS_LISTED) f.rows!.push(row);
        f.rowCount!++;
      }
    }
  }
  // The ones that can never be sent first, so a cut list still shows them.
  const refused = (f: TextFinding) => f.spans.some(isAlwaysRefused);
  all.sort((a, b) => Number(refused(b)) - Number(refused(a)));
  return {
    findings: all.slice(0, MAX_FINDINGS),
    confirmable: !all.some(refused),
    truncated: all.length > MAX_FINDINGS,
  };
}

/** The kinds found, counted by span (for an audit log: never the text). */
export function kindCounts(findings: readonly TextFinding[]): Partial<Record<PersonalKind, number>> {
  const counts: Partial<Record<PersonalKind, number>> = {};
  for (const f of findings) for (const s of f.spans) counts[s.kind] = (counts[s.kind] ?? 0) + (f.rowCount ?? 1);
  return counts;
}
