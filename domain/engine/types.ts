/**
 * The engine's contract with its callers (the command line, the task pane, the service):
 * options in, findings + summary + analysis out. Findings follow the shape of `rules.md`.
 */
import type { Day } from '../calendar/day.js';
import type { Classification, FieldKey } from '../fields/catalogue.js';
import type { HeaderDetection } from '../fields/mapping.js';
import type { ClaimTypeTable } from '../claims/claim-types.js';
import type { RuleId, RuleParams, Severity } from '../rules/rule.js';
import type { Analysis } from '../analysis/analysis.js';
import type { LateChargeProfiles } from '../late-charge/profiles.js';

export type Locale = 'ja' | 'en';

export interface CheckOptions {
  /** 基準日. Callers default it to today in Japan (`todayInJapan()`). */
  asOf: Day;
  /** The sheet's claim type (債権名) where the sheet has no such column, or to override it. */
  claimType?: string;
  /** Overrides the claim type's classification for the whole sheet. */
  classification?: Classification;
  /** Overrides the claim type's prescription period (years) for the whole sheet. */
  prescriptionYears?: number;
  /** Rule parameters overriding the catalogue's defaults for this sheet. */
  params?: Partial<RuleParams>;
  /** A mapping confirmed by the user and stored in the workbook; detected when absent. */
  mapping?: HeaderDetection;
  /** The claim-type table; the shipped default when absent. */
  claimTypes?: ClaimTypeTable;
  /** The city's late-charge profiles (from the service when connected); the built-in table when absent. */
  lateCharges?: LateChargeProfiles;
  locale?: Locale;
}

export type ParamValue = string | number;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** 1-based worksheet row. */
  row: number;
  /** Column letter, or null where the field's column is not in the sheet. */
  column: string | null;
  /** Canonical field, or null for a sheet-level finding. */
  field: FieldKey | null;
  message: string;
  params: Record<string, ParamValue>;
}

export interface RowCounts {
  /** Rows below the header up to the end of the used range. */
  total: number;
  /** Rows the rules ran on. */
  checked: number;
  blank: number;
  /** 合計 / 小計 / 計 / 総計 rows. */
  totals: number;
  /** Checked rows whose amounts could not be read: left out of every total. */
  unreadable: number;
}

export interface Summary {
  rows: RowCounts;
  bySeverity: Record<Severity, number>;
  /** Count of findings per rule id, only rules that fired. */
  byRule: Partial<Record<RuleId, number>>;
}

export interface CheckResult {
  mapping: HeaderDetection;
  findings: Finding[];
  summary: Summary;
  analysis: Analysis;
}

/** Why a sheet could not be checked at all (exit status 2 on the command line). */
export type CheckFailure = { reason: 'no-header' } | { reason: 'empty' };
