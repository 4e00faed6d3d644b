/**
 * What the rest of saiken asks of late charges: an estimate on an as-of day (the worklist, the
 * analysis, the service's totals) and the charge a paid row should have recorded (the rule).
 * An estimate assumes the whole outstanding principal is paid on the as-of day: a ledger row does
 * not hold the dates of earlier partial payments, so wherever it is shown it must say "見込み".
 */
import type { Day } from '../calendar/day.js';
import { ClaimTypeIndex } from '../claims/claim-types.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import type { Classification } from '../fields/catalogue.js';
import { calculateLateCharge, type LateChargeResult } from './calculate.js';
import type { LateChargeProfile } from './profile.js';
import { DEFAULT_LATE_CHARGE_PROFILES, type LateChargeProfiles } from './profiles.js';

/** The late-charge profile of a ledger row: its claim type's, else its classification's. */
export function rowLateChargeProfile(
  row: LedgerRow,
  profiles: LateChargeProfiles = DEFAULT_LATE_CHARGE_PROFILES,
): LateChargeProfile | null {
  const names = [row.v.claimType, ...(row.claim?.names ?? [])];
  for (const n of names) {
    const p = n ? profiles.lookup(n, null) : null;
    if (p) return p;
  }
  return profiles.lookup(null, row.classification);
}

/**
 * The charge if the row's whole outstanding amount were paid on `asOf`; null where it cannot be
 * counted (no profile, no due date, no outstanding amount, a first period that needs a 督促 day).
 */
export function lateChargeEstimate(
  row: LedgerRow,
  asOf: Day,
  profile: LateChargeProfile | null,
): LateChargeResult | null {
  const { dueDate, demandDate } = row.v;
  if (profile === null || dueDate === null || row.outstanding === null || row.outstanding <= 0) return null;
  return calculateLateCharge({ principal: row.outstanding, dueDate, paidOn: asOf, demandDate }, profile);
}

export interface EstimateRequest {
  /** The claim type's name (債権名), as a ledger writes it. */
  claimType: string | null;
  /** Where known; else the claim-type table's. */
  classification?: Classification | null;
  /** The outstanding principal. */
  outstanding: number;
  dueDate: Day;
  asOf: Day;
  demandDate?: Day | null;
}

const DEFAULT_CLAIM_TYPES = new ClaimTypeIndex();

/** The estimated total for the worklist: yen, or null where it cannot be counted. */
export function estimateLateCharge(
  req: EstimateRequest,
  profiles: LateChargeProfiles = DEFAULT_LATE_CHARGE_PROFILES,
  claimTypes: ClaimTypeIndex = DEFAULT_CLAIM_TYPES,
): number | null {
  if (!Number.isSafeInteger(req.outstanding) || req.outstanding <= 0) return null;
  const classification =
    req.classification ?? (req.claimType ? claimTypes.lookup(req.claimType)?.classification : null);
  const profile = profiles.lookup(req.claimType, classification);
  if (profile === null) return null;
  const r = calculateLateCharge(
    { principal: req.outstanding, dueDate: req.dueDate, paidOn: req.asOf, demandDate: req.demandDate ?? null },
    profile,
  );
  return r === null ? null : r.total;
}
