/**
 * The worklist as counts per action: what the service keeps of it (`worklist.md`: only the number of
 * debtors and the outstanding total per action, counted by its own check of the stored rows, for
 * accounting's and finance's views; no debtor).
 */
import { z } from 'zod';
import { ACTION_CODES, WORKLIST_ACTIONS, type ActionCode, type ActionTier } from './actions.js';
import type { WorklistItem } from './types.js';

export const ActionCountSchema = z.object({
  tier: z.number().int().min(1).max(10),
  action: z.enum(ACTION_CODES),
  debtors: z.number().int().nonnegative(),
  outstanding: z.number().nonnegative(),
});

export interface ActionCount {
  tier: ActionTier;
  action: ActionCode;
  debtors: number;
  outstanding: number;
}

/** Every action in tier order, with zero where no debtor calls for it, so totals line up ledger by ledger. */
export function countByAction(items: readonly Pick<WorklistItem, 'action' | 'outstanding'>[]): ActionCount[] {
  const counts = new Map<ActionCode, ActionCount>(
    WORKLIST_ACTIONS.map((a) => [a.code, { tier: a.tier, action: a.code, debtors: 0, outstanding: 0 }]),
  );
  for (const item of items) {
    const c = counts.get(item.action)!;
    c.debtors++;
    c.outstanding += item.outstanding;
  }
  return [...counts.values()];
}
