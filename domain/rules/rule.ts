/**
 * What a rule is: a catalogue entry (id, title, severity, legal basis, the condition in words, the
 * message template) together with the small pure function that decides it for one row.
 * Each rule lives in its own file beside its entry; `catalogue.ts` lists them in order.
 */
import type { LateChargeProfiles } from '../late-charge/profiles.js';
import type { Day } from '../calendar/day.js';
import type { FieldKey } from '../fields/catalogue.js';
import type { LedgerRow, ReadField } from '../engine/ledger-row.js';
import type { ParamValue } from '../engine/types.js';

export const RULE_IDS = [
  'REQUIRED_MISSING', 'INVALID_DATE', 'INVALID_AMOUNT', 'INVALID_VALUE', 'BALANCE_MISMATCH', 'DUPLICATE_ROW',
  'DATE_ORDER', 'FUTURE_DATE', 'WRITE_OFF_INCOMPLETE', 'PERSONAL_NUMBER_COLUMN',
  'DEMAND_MISSING', 'DEMAND_LATE', 'DEMAND_BEFORE_DUE',
  'CONTACT_STALE', 'EARLY_DUNNING', 'ESCALATION_DUE',
  'DEFERRAL_INCOMPLETE', 'DEFERRAL_NOT_APPLICABLE', 'DEFERRAL_TOO_LONG', 'INSTALLMENT_MISSED', 'DEFERRAL_EXPIRED',
  'SUSPENSION_NOT_APPLICABLE', 'SUSPENSION_EXPIRED', 'IMMEDIATE_EXTINCTION_OPEN', 'COLLECTION_STOP_NOT_APPLICABLE',
  'PRESCRIPTION_IMMINENT', 'PRESCRIPTION_EXPIRED_PUBLIC', 'PRESCRIPTION_EXPIRED_PRIVATE',
  'HARDSHIP_NO_REFERRAL',
  'LATE_CHARGE_MISMATCH',
] as const; // prettier-ignore
export type RuleId = (typeof RULE_IDS)[number];

/** error: a statutory duty not done or data that cannot be right; warning: act soon; info: advice. */
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The catalogue's sections, in the order `rules.md` has them. */
export type RuleGroup =
  | 'data'
  | 'demand'
  | 'followUp'
  | 'deferral'
  | 'suspension'
  | 'prescription'
  | 'hardship'
  /** `late-charge.md`, "Check". */
  | 'lateCharge';

/** Days and the like that a sheet may override (`rules.md`, "Parameters"). */
export interface RuleParams {
  demandDays: number;
  demandTermDays: number;
  contactStaleDays: number;
  earlyDunningDays: number;
  installmentGraceDays: number;
  prescriptionWarnDays: number;
}

export const DEFAULT_PARAMS: Readonly<RuleParams> = {
  demandDays: 20,
  demandTermDays: 10,
  contactStaleDays: 365,
  earlyDunningDays: 30,
  installmentGraceDays: 14,
  prescriptionWarnDays: 180,
};

/** What a rule sees besides the row. */
export interface RuleContext {
  asOf: Day;
  params: RuleParams;
  /** The 1-based row of the earliest row with the same duplicate key, when this row repeats one. */
  duplicateOf(row: LedgerRow): number | null;
  /** The cell as typed, for messages about a value that could not be read. */
  rawText(row: LedgerRow, field: ReadField): string;
  /** The city's late-charge profiles (the built-in table where the city has none). */
  lateCharges: LateChargeProfiles;
}

/** One finding a rule reports on a row: the field it is on and the message's parameters. */
export interface Hit {
  field: FieldKey;
  params: Record<string, ParamValue>;
}

export interface Text {
  ja: string;
  en: string;
}

export interface RuleDef {
  id: RuleId;
  /**
   * What clerks call the finding, a short noun phrase (督促状の未発付): shown wherever a rule is
   * named, with the id beside it only for reference.
   */
  title: Text;
  severity: Severity;
  group: RuleGroup;
  /** 法令根拠, where the rule has one. */
  basis: Text | null;
  /** The condition in words, for the catalogue clerks read (generated into docs/rule-catalogue.md). */
  condition: Text;
  /** Message template; `{name}` is replaced by the hit's params. Says what to do. */
  message: Text;
  /**
   * Which fields the rule reads (for the catalogue). An unreadable value reads as null, so a
   * condition that needs it does not hold; where a rule would otherwise take an unreadable value
   * for a blank one, it asks `unknown()` (`rules.md`: reported once, by INVALID_* only).
   */
  reads: readonly FieldKey[];
  /**
   * Decide the rule for one row: the hits, or null when it does not hold. Absent for a
   * sheet-level rule, which the engine decides from the header (PERSONAL_NUMBER_COLUMN).
   */
  check?(row: LedgerRow, ctx: RuleContext): Hit[] | Hit | null;
}

export function defineRule(def: RuleDef): RuleDef {
  return def;
}
