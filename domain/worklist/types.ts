/**
 * What the worklist is made of: one item per debtor (`worklist.md`). An item holds the debtor's
 * contact, which is personal: the list is built and kept where the ledger is, never sent.
 */
import type { Day } from '../calendar/day.js';
import type { LedgerRow } from '../engine/ledger-row.js';
import type { DunningMethod } from '../fields/catalogue.js';
import type { RuleId } from '../rules/rule.js';
import type { ActionCode, ActionTier } from './actions.js';
import type { DebtorContact } from './contacts.js';

/** One row's late charge if its outstanding were paid on asOf: yen, or null where it cannot be estimated. */
export type LateChargeEstimator = (row: LedgerRow, asOf: Day) => number | null;

/** A finding on one of the item's rows. */
export interface ItemFinding {
  rule: RuleId;
  row: number;
}

export interface LastDunning {
  method: DunningMethod | null;
  date: Day | null;
}

export interface WorklistItem {
  /** 1-based place in the list. */
  rank: number;
  tier: ActionTier;
  action: ActionCode;
  /** NFKC and trimmed: the form in which the debtor's rows were grouped. */
  debtorId: string;
  /** PERSONAL (name, address, phone from the sheet where mapped): stays on the clerk's machine. */
  personal: DebtorContact;
  /** The rules behind the action first (those that fired), then every other rule on the item's rows. */
  rules: RuleId[];
  /** Every finding on the item's rows, by row then rule: the action's and the others (data errors too). */
  findings: ItemFinding[];
  /** The debtor's open rows (1-based worksheet rows): not fully paid, not written off. */
  rows: number[];
  /**
   * Tier 1: the earliest prescription end among its PRESCRIPTION_IMMINENT findings; other tiers: the
   * oldest due date among the rows behind the action. Null where none of them has a due date.
   */
  deadline: Day | null;
  /** Sum of the open rows' outstanding (an unreadable one counts 0). */
  outstanding: number;
  /** Sum of the open rows' late-charge estimates as of asOf; null where no row could be estimated. */
  lateChargeEstimate: number | null;
  /** The open row with the latest 最終催告日 (its method with it); null where no row records either. */
  lastDunning: LastDunning | null;
}
