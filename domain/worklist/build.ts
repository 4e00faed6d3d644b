/**
 * Builds the worklist from a checked ledger: the rows grouped by debtor, each debtor's most urgent
 * action, and the order a collector works in (`worklist.md`).
 */
import { parseISODay, type Day } from '../calendar/day.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import type { Finding } from '../engine/types.js';
import type { RuleId } from '../rules/rule.js';
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { actionOfRule, type WorklistAction } from './actions.js';
import type { DebtorContact } from './contacts.js';
import { lateChargeEstimate, rowLateChargeProfile } from '../late-charge/estimate.js';
import { DEFAULT_LATE_CHARGE_PROFILES, type LateChargeProfiles } from '../late-charge/profiles.js';
import type { ItemFinding, LastDunning, LateChargeEstimator, WorklistItem } from './types.js';

export interface WorklistInput {
  /** The checked rows (`LedgerChecker.dataRows()`), in any order. */
  rows: Iterable<LedgerRow>;
  /** The check's findings (`CheckResult.findings`). */
  findings: readonly Finding[];
  asOf: Day;
  /** Name, address and phone by worksheet row (`readContacts`); none where not given. */
  contacts?: ReadonlyMap<number, DebtorContact>;
  /** The city's late-charge profiles, for the estimates; the built-in table when absent. */
  lateCharges?: LateChargeProfiles;
  /** The late charge of one row: by default the estimate under `lateCharges` (`domain/late-charge`). */
  estimateLateCharge?: LateChargeEstimator;
}

const estimateUnder =
  (profiles: LateChargeProfiles): LateChargeEstimator =>
  (row, asOf) =>
    lateChargeEstimate(row, asOf, rowLateChargeProfile(row, profiles))?.total ?? null;

/** The items, most urgent first, ranked from 1. */
export function buildWorklist(input: WorklistInput): WorklistItem[] {
  const findingsByRow = new Map<number, Finding[]>();
  for (const f of input.findings) {
    const list = findingsByRow.get(f.row);
    if (list) list.push(f);
    else findingsByRow.set(f.row, [f]);
  }
  const byDebtor = new Map<string, LedgerRow[]>();
  for (const row of input.rows) {
    const id = debtorKey(row);
    if (id === null || !isOpen(row)) continue;
    const rows = byDebtor.get(id);
    if (rows) rows.push(row);
    else byDebtor.set(id, [row]);
  }
  const items: WorklistItem[] = [];
  for (const [debtorId, rows] of byDebtor) {
    rows.sort((a, b) => a.row - b.row);
    const item = itemOf(debtorId, rows, findingsByRow, input);
    if (item) items.push(item);
  }
  items.sort(compareWorklistItems);
  items.forEach((item, i) => (item.rank = i + 1));
  return items;
}

/** The debtor id as values are compared (NFKC, trimmed); null where blank. */
export function debtorKey(row: LedgerRow): string | null {
  if (row.v.debtorId === null) return null;
  const id = normalizeText(row.v.debtorId);
  return isBlankNormalized(id) ? null : id;
}

/** Neither fully paid (outstanding ≤ 0) nor written off (a 不納欠損日 or a 不納欠損額 > 0). */
export function isOpen(row: LedgerRow): boolean {
  if (row.outstanding !== null && row.outstanding <= 0) return false;
  return row.v.writeOffDate === null && !((row.v.writtenOffAmount ?? 0) > 0);
}

/**
 * Tier, then the earliest deadline (an item without one last), then the larger outstanding, then the
 * debtor id by code unit (not by locale, so the order is the same on every machine). Debtor ids are
 * unique in a list, so this is a total order.
 */
export function compareWorklistItems(a: WorklistItem, b: WorklistItem): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline - b.deadline;
  }
  if (a.outstanding !== b.outstanding) return b.outstanding - a.outstanding;
  return a.debtorId < b.debtorId ? -1 : a.debtorId > b.debtorId ? 1 : 0;
}

function itemOf(
  debtorId: string,
  rows: readonly LedgerRow[],
  findingsByRow: ReadonlyMap<number, readonly Finding[]>,
  input: WorklistInput,
): WorklistItem | null {
  const findings = rows.flatMap((r) => findingsByRow.get(r.row) ?? []).sort(byRowThenRule);
  let action: WorklistAction | undefined;
  for (const f of findings) {
    const a = actionOfRule(f.rule);
    if (a && (!action || a.tier < action.tier)) action = a;
  }
  if (!action) return null;
  const behind = findings.filter((f) => action.rules.includes(f.rule));
  const actionRows = new Set(behind.map((f) => f.row));
  return {
    rank: 0,
    tier: action.tier,
    action: action.code,
    debtorId,
    personal: contactOf(rows, input.contacts),
    rules: rulesOf(action, findings),
    findings: findings.map(({ rule, row }): ItemFinding => ({ rule, row })),
    rows: rows.map((r) => r.row),
    deadline: deadlineOf(
      action,
      behind,
      rows.filter((r) => actionRows.has(r.row)),
    ),
    outstanding: rows.reduce((sum, r) => sum + (r.outstanding ?? 0), 0),
    lateChargeEstimate: lateChargeOf(
      rows,
      input.asOf,
      input.estimateLateCharge ?? estimateUnder(input.lateCharges ?? DEFAULT_LATE_CHARGE_PROFILES),
    ),
    lastDunning: lastDunningOf(rows),
  };
}

function byRowThenRule(a: Finding, b: Finding): number {
  return a.row - b.row || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** The action's rules in the table's order, then the others by their tier (data errors last), then id. */
function rulesOf(action: WorklistAction, findings: readonly Finding[]): RuleId[] {
  const fired = new Set(findings.map((f) => f.rule));
  const own = action.rules.filter((r) => fired.has(r));
  const others = [...fired]
    .filter((r) => !action.rules.includes(r))
    .sort((a, b) => (actionOfRule(a)?.tier ?? 11) - (actionOfRule(b)?.tier ?? 11) || (a < b ? -1 : a > b ? 1 : 0));
  return [...own, ...others];
}

/**
 * Tier 1's deadline is the prescription end its findings carry (`params.prescriptionEnd`); no other
 * tier's finding carries a date to act by (SUSPENSION_EXPIRED's extinguishedOn is already past), so
 * those, and a tier-1 finding without the param, take the oldest due date of the rows behind the action.
 */
function deadlineOf(action: WorklistAction, behind: readonly Finding[], rows: readonly LedgerRow[]): Day | null {
  if (action.tier === 1) {
    const ends = behind.flatMap((f) => {
      const end = f.params.prescriptionEnd;
      const day = typeof end === 'string' ? parseISODay(end) : null;
      return day === null ? [] : [day];
    });
    if (ends.length > 0) return Math.min(...ends);
  }
  return earliest(rows.map((r) => r.v.dueDate));
}

function earliest(days: readonly (Day | null)[]): Day | null {
  let best: Day | null = null;
  for (const d of days) if (d !== null && (best === null || d < best)) best = d;
  return best;
}

/** Each field from the first row (in sheet order) that has it. */
function contactOf(rows: readonly LedgerRow[], contacts: ReadonlyMap<number, DebtorContact> | undefined) {
  const out: DebtorContact = { name: null, address: null, phone: null };
  if (!contacts) return out;
  for (const r of rows) {
    const c = contacts.get(r.row);
    if (!c) continue;
    out.name ??= c.name;
    out.address ??= c.address;
    out.phone ??= c.phone;
  }
  return out;
}

/**
 * The sum of the rows the estimator could price; null where it priced none. A row it cannot price
 * adds nothing, so the figure errs low, never high: it is what a 催告書 may ask for.
 */
function lateChargeOf(rows: readonly LedgerRow[], asOf: Day, estimate: LateChargeEstimator): number | null {
  let total: number | null = null;
  for (const r of rows) {
    if (r.outstanding === null || r.outstanding <= 0 || r.v.dueDate === null) continue;
    const yen = estimate(r, asOf);
    if (yen !== null) total = (total ?? 0) + yen;
  }
  return total;
}

function lastDunningOf(rows: readonly LedgerRow[]): LastDunning | null {
  let best: { date: Day; row: LedgerRow } | null = null;
  for (const r of rows) {
    const date = r.v.lastDunningDate;
    if (date !== null && (best === null || date > best.date)) best = { date, row: r };
  }
  if (best) return { method: best.row.v.dunningMethod, date: best.date };
  // No date anywhere: a method alone still tells the clerk where the ladder stands.
  const method = rows.find((r) => r.v.dunningMethod !== null)?.v.dunningMethod ?? null;
  return method === null ? null : { method, date: null };
}
