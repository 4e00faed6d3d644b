/**
 * One data row read through the mapping into typed values: what every rule and the analysis see.
 * Blank and unreadable both read as null in `v`; `invalid` tells them apart, because a rule that
 * asks for a blank must not fire on a value it cannot read (`rules.md`, "Terms").
 */
import type { Day } from '../calendar/day.js';
import type {
  Classification,
  DeferralType,
  DunningMethod,
  FieldKey,
  PaymentMethod,
  PersonalField,
  PropertySearchResult,
  SuspensionType,
} from '../fields/catalogue.js';
import type { InvalidReason } from '../values/parsed.js';
import type { ClaimType } from '../claims/claim-types.js';

/**
 * The fields the engine reads: every field but the personal ones (`sync: never`), so nothing built
 * from a row can carry them out of the workbook.
 */
export type ReadField = Exclude<FieldKey, PersonalField>;

export interface RowValues {
  debtorId: string | null;
  claimType: string | null;
  classification: Classification | null;
  fiscalYear: number | null;
  period: string | null;
  assessmentNo: string | null;
  assessedDate: Day | null;
  assessedAmount: number | null;
  dueDate: Day | null;
  paidAmount: number | null;
  lastPaymentDate: Day | null;
  writtenOffAmount: number | null;
  writeOffDate: Day | null;
  writeOffReason: string | null;
  outstanding: number | null;
  demandDate: Day | null;
  demandDeadline: Day | null;
  lastDunningDate: Day | null;
  dunningMethod: DunningMethod | null;
  dunningCount: number | null;
  lastContactDate: Day | null;
  deferralType: DeferralType | null;
  deferralStart: Day | null;
  deferralEnd: Day | null;
  installmentAmount: number | null;
  nextInstallmentDate: Day | null;
  acknowledgementDate: Day | null;
  suspensionDate: Day | null;
  suspensionType: SuspensionType | null;
  collectionStopDate: Day | null;
  prescriptionDate: Day | null;
  hardship: boolean | null;
  referralDate: Day | null;
  incomeBracket: string | null;
  lawyerDelegated: boolean | null;
  /** 延滞金 as recorded (a paid row's charge, checked by LATE_CHARGE_MISMATCH). */
  lateCharge: number | null;
  /** 差押日, and 差押 (ticked, or the day written under it): what makes a row ① of the status report. */
  seizureDate: Day | null;
  seized: boolean | null;
  propertySearchResult: PropertySearchResult | null;
  whereaboutsUnknown: boolean | null;
  paymentMethod: PaymentMethod | null;
  directDebit: boolean | null;
}

/** Why a cell could not be used: a parser's reason, or a ledger amount below zero. */
export type RowInvalidReason = InvalidReason | 'negative';

export interface LedgerRow {
  /** 1-based worksheet row. */
  row: number;
  /** The cells as mapped, typed; null where blank or unreadable. */
  v: RowValues;
  /** Fields whose cell could not be read, with the reason; null when every cell read. */
  invalid: Partial<Record<ReadField, RowInvalidReason>> | null;
  /** The outstanding balance the rules use: the cell, or assessed − paid − writtenOff without the column. */
  outstanding: number | null;
  /** The row's fiscal year: the cell, or FY(dueDate) where blank or not mapped. */
  fiscalYear: number | null;
  classification: Classification | null;
  /** The claim type found in the table, if any. */
  claim: ClaimType | null;
  /** Prescription period in years for this row (old Civil Code periods applied). */
  periodYears: number;
  /** A yen cell could not be read: the row is left out of every total. */
  amountsUnreadable: boolean;
  /** The key DUPLICATE_ROW compares, or null when it cannot be formed. */
  duplicateKey: string | null;
}

/** True when the field's cell is empty (not merely unreadable). */
export function isBlank(row: LedgerRow, field: ReadField): boolean {
  return row.v[field] === null && !row.invalid?.[field];
}

/** True when any of the fields could not be read: a rule that reads them does not hold. */
export function anyInvalid(row: LedgerRow, fields: readonly ReadField[]): boolean {
  const inv = row.invalid;
  if (!inv) return false;
  for (const f of fields) if (inv[f]) return true;
  return false;
}
