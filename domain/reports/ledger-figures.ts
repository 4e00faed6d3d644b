/**
 * The figures a ledger keeps as JSON beside its aggregate columns (the `aging` column, so that no
 * migration is needed): the aging buckets, the late-charge estimate (延滞金見込額) and the worklist's
 * counts per action. A ledger applied before the last two existed keeps the bare bucket array: it
 * reads as buckets with neither. Counts and amounts only, as the other aggregates.
 */
import { z } from 'zod';
import { WORKLIST_ACTIONS, type ActionCode } from '../worklist/actions.js';
import { ActionCountSchema, type ActionCount } from '../worklist/counts.js';
import type { LateChargeFigures } from '../analysis/late-charge.js';

const Sums = z.object({ rows: z.number().int(), estimate: z.number() });
const LateCharge = z.object({ current: Sums, arrears: Sums, total: Sums });
const Stored = z.object({
  aging: z.array(z.unknown()),
  lateCharge: LateCharge.nullable(),
  worklist: z.array(ActionCountSchema).nullable(),
});

export interface LedgerFigures {
  /** As the analysis gave them (`Analysis.aging`); read them with `agingOf`. */
  aging: unknown[];
  /** Null for a ledger applied before the estimate was kept. */
  lateCharge: LateChargeFigures | null;
  /** Every action in tier order; null for a ledger applied before the counts were kept. */
  worklist: ActionCount[] | null;
}

/** The JSON a ledger keeps. */
export function ledgerFiguresJson(f: LedgerFigures): string {
  return JSON.stringify({ aging: f.aging, lateCharge: f.lateCharge, worklist: f.worklist });
}

const NONE: LedgerFigures = { aging: [], lateCharge: null, worklist: null };

/** The stored JSON read back: the bare array of older ledgers as buckets alone; damaged: nothing. */
export function ledgerFiguresOf(json: string): LedgerFigures {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return NONE;
  }
  if (Array.isArray(v)) return { aging: v, lateCharge: null, worklist: null };
  const parsed = Stored.safeParse(v);
  if (!parsed.success) return NONE;
  return { ...parsed.data, worklist: parsed.data.worklist && inTierOrder(parsed.data.worklist) };
}

/** Every action once, in the table's order and with its tier: counts stored by an older table still line up. */
function inTierOrder(counts: readonly { action: ActionCode; debtors: number; outstanding: number }[]): ActionCount[] {
  const byCode = new Map(counts.map((c) => [c.action, c]));
  return WORKLIST_ACTIONS.map((a) => {
    const c = byCode.get(a.code);
    return { tier: a.tier, action: a.code, debtors: c?.debtors ?? 0, outstanding: c?.outstanding ?? 0 };
  });
}
