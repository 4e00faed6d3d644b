/**
 * Claim types as data (`claim-types.json`): the classification and prescription period the rules
 * use. Finance can pass its own table; nothing here branches on a claim's name.
 */
import { dayFromYMD, type Day } from '../calendar/day.js';
import { CLASSIFICATIONS, type Classification } from '../fields/catalogue.js';
import { normalizeText } from '../text/normalize.js';
import defaults from './claim-types.json' with { type: 'json' };

export interface ClaimType {
  /** The names a ledger may use for it; the first is the one shown. */
  names: string[];
  classification: Classification;
  /** Prescription period in years. */
  years: number;
  /** The period of a 私債権 that arose before 2020-04-01 (old Civil Code), where it differs. */
  oldYears?: number;
  basis: string;
}

export interface ClaimTypeTable {
  claimTypes: ClaimType[];
}

/** The day the revised Civil Code took effect: private claims that arose before keep the old periods. */
export const CIVIL_CODE_REVISION: Day = dayFromYMD(2020, 4, 1);

/** A claim type the table does not know takes this period (`rules.md`). */
export const DEFAULT_PERIOD_YEARS = 5;

export const DEFAULT_CLAIM_TYPES: ClaimTypeTable = {
  claimTypes: defaults.claimTypes.map((c) => ({ ...c, classification: c.classification as Classification })),
};

export function isClassification(s: string): s is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(s);
}

const keyOf = (name: string) => normalizeText(name).replace(/\s+/g, '');

/** Looks claim types up by name: exact (after NFKC), else the longest known name the text contains. */
export class ClaimTypeIndex {
  private readonly exact = new Map<string, ClaimType>();
  private readonly byLength: [string, ClaimType][];
  private readonly cache = new Map<string, ClaimType | null>();

  constructor(table: ClaimTypeTable = DEFAULT_CLAIM_TYPES) {
    for (const c of table.claimTypes) for (const n of c.names) this.exact.set(keyOf(n), c);
    this.byLength = [...this.exact.entries()].sort((a, b) => b[0].length - a[0].length);
  }

  /** `保育所保育料` finds 保育料; `令和6年度 水道料金` finds 水道料金. Null when nothing fits. */
  lookup(name: string): ClaimType | null {
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    const k = keyOf(name);
    let found = this.exact.get(k) ?? null;
    if (found === null) {
      const longest = this.byLength.find(([n]) => k.includes(n));
      found = longest ? longest[1] : null;
    }
    this.cache.set(name, found);
    return found;
  }
}
