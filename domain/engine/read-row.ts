/**
 * Reads worksheet rows through a mapping. The mapping is compiled once into one reader per mapped
 * column, so a 100k-row check does no per-cell lookups of field definitions.
 */
import { fiscalYearOf } from '../calendar/day.js';
import { fieldDef, isPersonalField, type Classification, type FieldKey } from '../fields/catalogue.js';
import type { HeaderDetection } from '../fields/mapping.js';
import { ClaimTypeIndex, DEFAULT_PERIOD_YEARS, CIVIL_CODE_REVISION, isClassification } from '../claims/claim-types.js';
import type { Cell, Parsed } from '../values/parsed.js';
import { ENUM_ALIASES, parseField } from '../values/index.js';
import { normalizeText } from '../text/normalize.js';
import type { LedgerRow, ReadField, RowInvalidReason, RowValues } from './ledger-row.js';

type Reader = (cell: Cell) => Parsed<unknown>;

interface ColumnReader {
  field: ReadField;
  column: number;
  read: Reader;
  /** A yen field: negative is invalid in a ledger. */
  yen: boolean;
  /** An amount the totals use: unreadable leaves the row out of every total. */
  totalled: boolean;
}

const TOTALLED = new Set<FieldKey>(['assessedAmount', 'paidAmount', 'writtenOffAmount', 'outstanding']);

const TOTALS = new Set(['合計', '小計', '計', '総計']);

/** One reader per mapped column: the field's type, options, aliases and （千円） scale bound once. */
function readerFor(field: ReadField, scale: 1 | 1000): Reader {
  const def = fieldDef(field);
  const opts = { options: def.options, aliases: ENUM_ALIASES[field], scale };
  return (cell) => parseField(def.type, cell, opts);
}

export interface RowReaderOptions {
  claimType?: string;
  classification?: Classification;
  prescriptionYears?: number;
  claimTypes: ClaimTypeIndex;
}

export type RowKind = { kind: 'blank' } | { kind: 'totals' } | { kind: 'data'; row: LedgerRow };

/** A row's values with every field blank (tests build rows from it, so a new field needs no edit there). */
export const emptyValues = (): RowValues => ({
  debtorId: null, claimType: null, classification: null, fiscalYear: null, period: null, assessmentNo: null,
  assessedDate: null, assessedAmount: null, dueDate: null, paidAmount: null, lastPaymentDate: null,
  writtenOffAmount: null, writeOffDate: null, writeOffReason: null, outstanding: null, demandDate: null,
  demandDeadline: null, lastDunningDate: null, dunningMethod: null, dunningCount: null, lastContactDate: null,
  deferralType: null, deferralStart: null, deferralEnd: null, installmentAmount: null, nextInstallmentDate: null,
  acknowledgementDate: null, suspensionDate: null, suspensionType: null, collectionStopDate: null,
  prescriptionDate: null, hardship: null, referralDate: null, incomeBracket: null, lawyerDelegated: null,
  lateCharge: null, seizureDate: null, seized: null, propertySearchResult: null, whereaboutsUnknown: null,
  paymentMethod: null, directDebit: null,
}); // prettier-ignore

export class RowReader {
  private readonly columns: ColumnReader[];
  private readonly hasOutstandingColumn: boolean;

  constructor(
    mapping: HeaderDetection,
    private readonly options: RowReaderOptions,
  ) {
    this.columns = mapping.columns.flatMap((c): ColumnReader[] => {
      const field = c.field;
      if (isPersonalField(field)) return [];
      const yen = fieldDef(field).type === 'yen';
      return [{ field, column: c.column, read: readerFor(field, c.scale), yen, totalled: TOTALLED.has(field) }];
    });
    this.hasOutstandingColumn = this.columns.some((c) => c.field === 'outstanding');
  }

  /** Classifies and reads one worksheet row (`cells[0]` is column A). */
  read(rowNumber: number, cells: readonly Cell[]): RowKind {
    if (isBlankRow(cells)) return { kind: 'blank' };
    if (isTotalsRow(cells)) return { kind: 'totals' };
    const v = emptyValues();
    let invalid: Partial<Record<ReadField, RowInvalidReason>> | null = null;
    let amountsUnreadable = false;
    const values = v as unknown as Record<ReadField, unknown>;
    for (const c of this.columns) {
      const p = c.read(cells[c.column]);
      let reason: RowInvalidReason | null = p.ok ? null : p.reason;
      if (p.ok && c.yen && typeof p.value === 'number' && p.value < 0) reason = 'negative';
      if (reason) {
        (invalid ??= {})[c.field] = reason;
        if (c.totalled) amountsUnreadable = true;
      } else if (p.ok) values[c.field] = p.value;
    }
    return { kind: 'data', row: this.derive(rowNumber, v, invalid, amountsUnreadable) };
  }

  private derive(
    row: number,
    v: RowValues,
    invalid: Partial<Record<ReadField, RowInvalidReason>> | null,
    amountsUnreadable: boolean,
  ): LedgerRow {
    const o = this.options;
    let outstanding: number | null;
    if (this.hasOutstandingColumn) outstanding = v.outstanding;
    else if (v.assessedAmount === null || invalid?.paidAmount || invalid?.writtenOffAmount) outstanding = null;
    else outstanding = v.assessedAmount - (v.paidAmount ?? 0) - (v.writtenOffAmount ?? 0);

    const fiscalYear = v.fiscalYear ?? (invalid?.fiscalYear || v.dueDate === null ? null : fiscalYearOf(v.dueDate));
    // The fiscal year cannot be known when its cell, or the due date it falls back to, is unreadable.
    const fiscalYearUnknown = !!invalid?.fiscalYear || (v.fiscalYear === null && !!invalid?.dueDate);
    const claimName = o.claimType ?? v.claimType;
    const claim = claimName ? o.claimTypes.lookup(claimName) : null;
    // An unreadable 債権区分 cell leaves the classification unknown rather than falling back.
    const classification: Classification | null = o.classification
      ? o.classification
      : invalid?.classification
        ? null
        : (v.classification ?? claim?.classification ?? classificationFromText(claimName));

    let periodYears = o.prescriptionYears ?? claim?.years ?? DEFAULT_PERIOD_YEARS;
    // The date a private claim arose decides which Civil Code applies, whatever renewed it later.
    if (o.prescriptionYears === undefined && classification === '私債権' && claim?.oldYears !== undefined) {
      if (v.dueDate !== null && v.dueDate < CIVIL_CODE_REVISION) periodYears = claim.oldYears;
    }

    const duplicateKey =
      v.debtorId === null || fiscalYearUnknown
        ? null
        : [v.debtorId, v.claimType ?? '', fiscalYear ?? '', v.period ?? '', v.assessmentNo ?? ''].join('\u0000');

    return {
      row,
      v,
      invalid,
      outstanding,
      fiscalYear,
      classification,
      claim,
      periodYears,
      amountsUnreadable,
      duplicateKey,
    };
  }
}

function classificationFromText(name: string | null | undefined): Classification | null {
  if (!name) return null;
  const t = normalizeText(name);
  return isClassification(t) ? t : null;
}

function isBlankRow(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined || c === '') continue;
    if (typeof c === 'string' && c.trim() === '') continue;
    return false;
  }
  return true;
}

/** A row whose first text cell is 合計, 小計, 計 or 総計 (spaces and full-width forms allowed). */
function isTotalsRow(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const t = c.normalize('NFKC').replace(/\s+/g, '');
    if (t === '') continue;
    return TOTALS.has(t);
  }
  return false;
}
