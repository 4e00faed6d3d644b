/**
 * The rule catalogue, in the order of `rules.md`. Each rule is one small file beside its entry;
 * docs/rule-catalogue.md is generated from this list (`npm run catalogue`), so the two cannot drift.
 */
import type { RuleDef, RuleId } from './rule.js';
import requiredMissing from './data/required-missing.js';
import invalidDate from './data/invalid-date.js';
import invalidAmount from './data/invalid-amount.js';
import invalidValue from './data/invalid-value.js';
import balanceMismatch from './data/balance-mismatch.js';
import duplicateRow from './data/duplicate-row.js';
import dateOrder from './data/date-order.js';
import futureDate from './data/future-date.js';
import writeOffIncomplete from './data/write-off-incomplete.js';
import personalNumberColumn from './data/personal-number-column.js';
import demandMissing from './demand/demand-missing.js';
import demandLate from './demand/demand-late.js';
import demandBeforeDue from './demand/demand-before-due.js';
import contactStale from './follow-up/contact-stale.js';
import earlyDunning from './follow-up/early-dunning.js';
import escalationDue from './follow-up/escalation-due.js';
import deferralIncomplete from './deferral/deferral-incomplete.js';
import deferralNotApplicable from './deferral/deferral-not-applicable.js';
import deferralTooLong from './deferral/deferral-too-long.js';
import installmentMissed from './deferral/installment-missed.js';
import deferralExpired from './deferral/deferral-expired.js';
import suspensionNotApplicable from './suspension/suspension-not-applicable.js';
import suspensionExpired from './suspension/suspension-expired.js';
import immediateExtinctionOpen from './suspension/immediate-extinction-open.js';
import collectionStopNotApplicable from './suspension/collection-stop-not-applicable.js';
import prescriptionImminent from './prescription/prescription-imminent.js';
import prescriptionExpiredPublic from './prescription/prescription-expired-public.js';
import prescriptionExpiredPrivate from './prescription/prescription-expired-private.js';
import hardshipNoReferral from './hardship/hardship-no-referral.js';
import lateChargeMismatch from './late-charge/late-charge-mismatch.js';

export const RULES: readonly RuleDef[] = [
  requiredMissing, invalidDate, invalidAmount, invalidValue, balanceMismatch, duplicateRow, dateOrder, futureDate,
  writeOffIncomplete, personalNumberColumn,
  demandMissing, demandLate, demandBeforeDue,
  contactStale, earlyDunning, escalationDue,
  deferralIncomplete, deferralNotApplicable, deferralTooLong, installmentMissed, deferralExpired,
  suspensionNotApplicable, suspensionExpired, immediateExtinctionOpen, collectionStopNotApplicable,
  prescriptionImminent, prescriptionExpiredPublic, prescriptionExpiredPrivate,
  hardshipNoReferral,
  lateChargeMismatch,
]; // prettier-ignore

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleDef {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`unknown rule ${id}`);
  return r;
}

/** The version of the rule set, sent with every submission so figures name the rules they came from. */
export const RULESET_VERSION = '2026.11.2';
