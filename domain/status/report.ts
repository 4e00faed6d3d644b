/**
 * The status report of a fiscal year from what each ledger's submissions kept (one record per
 * ledger and year): per claim, division, bureau and the whole scope, this year's 未収金の状況 and
 * revenue figures beside last year's, and the 縮減額. A ledger counts in a year through the latest
 * submission whose as-of date fell in that year; a group with none has no figures for that year
 * (null), never zero.
 */
import { addStatus, emptyExactStatus, reduction, type ExactStatus } from './sums.js';

/** One ledger's figures of one fiscal year, with where they came from (出典). */
export interface LedgerStatusSource {
  ledgerId: string;
  ledger: string;
  bureau: string;
  division: string;
  claimId: number;
  claim: string;
  classification: string | null;
  fiscalYear: number;
  revision: number;
  asOf: string;
  status: ExactStatus;
}

export interface StatusLine {
  bureau: string;
  /** Null on a bureau's line and the total. */
  division: string | null;
  /** Null above the claim lines. */
  claim: string | null;
  classification: string | null;
  thisYear: ExactStatus | null;
  lastYear: ExactStatus | null;
  /** The latest as-of date of this year's figures. */
  asOf: string | null;
  /** 縮減額: last year's amount owing less this year's. */
  reduction: bigint | null;
}

export interface StatusReport {
  fiscalYear: number;
  claims: StatusLine[];
  divisions: StatusLine[];
  bureaus: StatusLine[];
  total: StatusLine;
  /** Every record the figures were summed from, in the order read. */
  sources: readonly LedgerStatusSource[];
}

type Head = Pick<StatusLine, 'bureau' | 'division' | 'claim' | 'classification'>;

class Groups {
  private readonly lines = new Map<string, { head: Head; thisYear: ExactStatus | null; lastYear: ExactStatus | null; asOf: string | null }>(); // prettier-ignore

  add(key: string, head: Head, r: LedgerStatusSource, thisYear: boolean): void {
    let g = this.lines.get(key);
    if (!g) this.lines.set(key, (g = { head, thisYear: null, lastYear: null, asOf: null }));
    if (thisYear) {
      addStatus((g.thisYear ??= emptyExactStatus()), r.status);
      if (g.asOf === null || r.asOf > g.asOf) g.asOf = r.asOf;
    } else addStatus((g.lastYear ??= emptyExactStatus()), r.status);
  }

  list(): StatusLine[] {
    return [...this.lines.values()].map((g) => ({
      ...g.head,
      thisYear: g.thisYear,
      lastYear: g.lastYear,
      asOf: g.asOf,
      reduction: reduction(g.thisYear?.revenue ?? null, g.lastYear?.revenue ?? null),
    }));
  }
}

/** The report of `fiscalYear` from the records of it and of the year before (others are ignored). */
export function statusReport(fiscalYear: number, sources: readonly LedgerStatusSource[]): StatusReport {
  const claims = new Groups();
  const divisions = new Groups();
  const bureaus = new Groups();
  const total = new Groups();
  const used = sources.filter((r) => r.fiscalYear === fiscalYear || r.fiscalYear === fiscalYear - 1);
  for (const r of used) {
    const now = r.fiscalYear === fiscalYear;
    const none = { division: null, claim: null, classification: null };
    claims.add(`c${r.claimId}`, { bureau: r.bureau, division: r.division, claim: r.claim, classification: r.classification }, r, now); // prettier-ignore
    divisions.add(`${r.bureau}\u0000${r.division}`, { ...none, bureau: r.bureau, division: r.division }, r, now);
    bureaus.add(r.bureau, { ...none, bureau: r.bureau }, r, now);
    total.add('', { ...none, bureau: '' }, r, now);
  }
  const empty: StatusLine = {
    bureau: '',
    division: null,
    claim: null,
    classification: null,
    thisYear: null,
    lastYear: null,
    asOf: null,
    reduction: null,
  };
  return {
    fiscalYear,
    claims: claims.list(),
    divisions: divisions.list(),
    bureaus: bureaus.list(),
    total: total.list()[0] ?? empty,
    sources: used,
  };
}
