/**
 * What every sample row is built from: the claim's classification and period, the as-of date, and the
 * date arithmetic of rules.md that decides where a row's dates may fall for it to be clean.
 */
import { addDays, addYears, dayFromYMD, fiscalYearOf, type Day } from '../../domain/calendar/day.js';
import { CIVIL_CODE_REVISION, ClaimTypeIndex } from '../../domain/claims/claim-types.js';
import type { Classification } from '../../domain/fields/catalogue.js';
import { DEFAULT_PARAMS } from '../../domain/rules/rule.js';
import type { Rng } from './prng.js';
import type { SampleRow } from './record.js';

export interface SampleContext {
  rng: Rng;
  asOf: Day;
  fiscalYear: number;
  claimType: string;
  classification: Classification;
  years: number;
  oldYears: number | undefined;
  /** The earliest due date from which an unpaid, unrenewed claim is still 200+ days from prescription. */
  minDue: Day;
  /** Numbers the assessments (調定番号) so that no two clean rows share a key. */
  serial: number;
}

export class SampleError extends Error {}

export function sampleContext(rng: Rng, claimType: string, asOf: Day): SampleContext {
  const claim = new ClaimTypeIndex().lookup(claimType);
  if (!claim) {
    throw new SampleError(
      `債権名「${claimType}」は債権の種類の表にありません（例: 保育料、国民健康保険料、水道料金）。`,
    );
  }
  const ctx: SampleContext = {
    rng,
    asOf,
    fiscalYear: fiscalYearOf(asOf),
    claimType,
    classification: claim.classification,
    years: claim.years,
    oldYears: claim.oldYears,
    minDue: 0,
    serial: 0,
  };
  ctx.minDue = earliestDue(ctx, addDays(asOf, 200));
  return ctx;
}

const isPublicClaim = (ctx: SampleContext) => ctx.classification !== '私債権';
export const isEnforceable = (ctx: SampleContext) => ctx.classification === '強制徴収公債権';

/** The period in years for a claim due on `due` (a private claim due before 2020-04-01 keeps the old period). */
export function periodYears(ctx: SampleContext, due: Day): number {
  if (ctx.classification === '私債権' && ctx.oldYears !== undefined && due < CIVIL_CODE_REVISION) return ctx.oldYears;
  return ctx.years;
}

/** prescriptionEnd of rules.md for a record without a 時効完成予定日 cell. */
function prescriptionEndOf(ctx: SampleContext, r: SampleRow): Day {
  const starts = [addDays(r.dueDate, 1)];
  if (isPublicClaim(ctx) && r.demandDate !== null) starts.push(r.demandDate + DEFAULT_PARAMS.demandTermDays + 1);
  if (r.acknowledgementDate !== null) starts.push(addDays(r.acknowledgementDate, 1));
  if (r.lastPaymentDate !== null && r.paidAmount > 0 && r.outstanding > 0) starts.push(addDays(r.lastPaymentDate, 1));
  return addDays(addYears(Math.max(...starts), periodYears(ctx, r.dueDate)), -1);
}

/** The end of the period counted from the due date alone. It never falls as the due date moves later. */
function endFromDue(ctx: SampleContext, due: Day): Day {
  return addDays(addYears(addDays(due, 1), periodYears(ctx, due)), -1);
}

function earliestDue(ctx: SampleContext, notBefore: Day): Day {
  let lo = addDays(ctx.asOf, -20 * 366);
  let hi = ctx.asOf;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (endFromDue(ctx, mid) >= notBefore) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Due dates (with the demand `demandAfter` days later) whose prescription ends within [from, to]. */
export function duesEndingWithin(ctx: SampleContext, demandAfter: number, from: Day, to: Day): Day[] {
  const out: Day[] = [];
  const probe = { dueDate: 0, demandDate: 0 as Day | null, acknowledgementDate: null, lastPaymentDate: null };
  for (let due = addDays(ctx.asOf, -12 * 366); due <= addDays(ctx.asOf, -30); due++) {
    probe.dueDate = due;
    probe.demandDate = due + demandAfter;
    const end = prescriptionEndOf(ctx, { ...probe, paidAmount: 0, outstanding: 1 } as SampleRow);
    if (end >= from && end <= to) out.push(due);
  }
  return out;
}

/** April 1 of the as-of date's fiscal year. */
export function fiscalYearStart(ctx: SampleContext): Day {
  return dayFromYMD(ctx.fiscalYear, 4, 1);
}
