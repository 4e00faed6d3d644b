/**
 * The pane's late-charge calculator (延滞金の計算): the form's text read as `saiken latecharge`
 * reads its options, and the charge from the same domain function. Never throws: a field that
 * cannot be read gets a message key, a blank field just means "not yet".
 */
import type { Day } from '../../domain/calendar/day.js';
import {
  calculateLateCharge,
  DEFAULT_LATE_CHARGE_PROFILES,
  type LateChargeProfile,
  type LateChargeProfiles,
  type LateChargeResult,
} from '../../domain/late-charge/index.js';
import { parseDate, parseYen } from '../../domain/values/index.js';
import { MAX_YEN } from '../../domain/values/limits.js';
import type { MessageKey } from '../i18n/messages.js';

/** What the clerk typed, as typed. */
export interface LateChargeFormValues {
  principal: string;
  due: string;
  paid: string;
  claimType: string;
}

export type LateChargeField = keyof LateChargeFormValues;

export interface LateChargeComputed {
  principal: number;
  due: Day;
  paid: Day;
  profile: LateChargeProfile;
  result: LateChargeResult;
}

export interface LateChargeOutcome {
  /** A message beside each field that cannot be read. */
  errors: Partial<Record<LateChargeField, MessageKey>>;
  /** The days read from the date fields, to show how a 和暦 date was understood. */
  due: Day | null;
  paid: Day | null;
  /** Null while a field is blank or wrong, or where the charge cannot be counted (`uncountable`). */
  computed: LateChargeComputed | null;
  /** The profile ends the first period after the 督促: this calculator has no 督促 day. */
  uncountable: boolean;
}

/** A yen amount 0..MAX_YEN (`1,234,567`, `１２３４５６７円`); null for blank, undefined when unreadable. */
export function readPrincipal(text: string): number | null | undefined {
  const p = parseYen(text);
  if (!p.ok) return undefined;
  if (p.value === null) return null;
  return p.value >= 0 && p.value <= MAX_YEN ? p.value : undefined;
}

/** A day (ISO, `令和7年4月30日`, `R7.4.30`); null for blank, undefined when it is not a real day. */
export function readDay(text: string): Day | null | undefined {
  const p = parseDate(text);
  return p.ok ? p.value : undefined;
}

export function calculateFromForm(
  form: LateChargeFormValues,
  profiles: LateChargeProfiles = DEFAULT_LATE_CHARGE_PROFILES,
): LateChargeOutcome {
  const errors: LateChargeOutcome['errors'] = {};
  const principal = readPrincipal(form.principal);
  const due = readDay(form.due);
  const paid = readDay(form.paid);
  const profile = profiles.forClaimType(form.claimType);
  if (principal === undefined) errors.principal = 'lc.error.principal';
  if (due === undefined) errors.due = 'lc.error.date';
  if (paid === undefined) errors.paid = 'lc.error.date';
  if (profile === null) errors.claimType = 'lc.error.claimType';
  const outcome = { errors, due: due ?? null, paid: paid ?? null, computed: null, uncountable: false };
  if (principal == null || due == null || paid == null || profile === null) return outcome;
  const result = calculateLateCharge({ principal, dueDate: due, paidOn: paid }, profile);
  if (result === null) return { ...outcome, uncountable: true };
  return { ...outcome, computed: { principal, due, paid, profile, result } };
}
