/** Late charges (延滞金・遅延損害金): `docs/spec/domain/late-charge.md`. */
export {
  calculateLateCharge,
  firstPeriodEnd,
  pieceAmount,
  DAYS_PER_YEAR,
  type LateChargeInput,
  type LateChargeNote,
  type LateChargePiece,
  type LateChargeResult,
} from './calculate.js';
export { estimateLateCharge, lateChargeEstimate, rowLateChargeProfile, type EstimateRequest } from './estimate.js';
export { oneMonthEnd, splitAtYearEnds, type Span } from './period.js';
export {
  CIVIL,
  DEFAULT_LATE_CHARGE_TABLE,
  LateChargeTable,
  NONE,
  ProfileOverride,
  profileOf,
  SpecialRateLine,
  TAX_LIKE,
  withCityRates,
  type CivilProfile,
  type FirstPeriod,
  type LateChargeKind,
  type LateChargeProfile,
  type LateChargeRounding,
  type NoneProfile,
  type TaxLikeProfile,
} from './profile.js';
export { DEFAULT_LATE_CHARGE_PROFILES, LateChargeProfiles } from './profiles.js';
export { bpToPercent, formatBp, percentToBp, SPECIAL_RATES, STATUTORY_RATES, type YearRates } from './rates.js';
