/**
 * The worklist's counts per action and the late-charge estimate, summed per claim, per bureau and
 * for the whole scope from each ledger's latest check (the figures its apply kept: no row is read
 * and no debtor is named). Accounting sees its bureau, finance the city.
 */
import type { z } from 'zod';
import type { ActionFigures } from '../../domain/api/oversight.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import { ledgerFiguresOf, type LedgerFigures } from '../../domain/reports/ledger-figures.js';
import { WORKLIST_ACTIONS } from '../../domain/worklist/actions.js';
import type { Db } from '../db/db.js';
import { listLedgerFigures, type LedgerFigureRow } from '../db/repos/ledgers.js';
import type { Scope } from '../db/repos/scope.js';
import { orgView } from './views.js';

type Answer = ResponseOf<'worklistCounts'>;
type Sums = Answer['total'];

const emptySums = (): Sums => ({
  ledgers: 0,
  ledgersCounted: 0,
  outstandingYen: 0,
  lateChargeEstimateYen: 0,
  byAction: WORKLIST_ACTIONS.map((a): z.infer<typeof ActionFigures> => ({
    tier: a.tier,
    action: a.code,
    debtors: 0,
    outstandingYen: 0,
  })),
});

function addLedger(s: Sums, outstanding: number, f: LedgerFigures): void {
  s.ledgers++;
  s.outstandingYen += outstanding;
  s.lateChargeEstimateYen += f.lateCharge?.total.estimate ?? 0;
  if (f.worklist === null) return;
  s.ledgersCounted++;
  // Both lists hold every action in the table's order (ledgerFiguresOf puts stored counts in it).
  f.worklist.forEach((c, i) => {
    const a = s.byAction[i]!;
    a.debtors += c.debtors;
    a.outstandingYen += c.outstanding;
  });
}

/** The sums of the given ledgers (in the city's order), per claim and bureau in that order. */
export function worklistCountsOf(ledgers: readonly LedgerFigureRow[]): Answer {
  const claims = new Map<number, Answer['claims'][number]>();
  const bureaus = new Map<number, Answer['bureaus'][number]>();
  const total = emptySums();
  for (const l of ledgers) {
    let c = claims.get(l.claim_id);
    if (!c) claims.set(l.claim_id, (c = { claim: { id: l.claim_id, name: l.claim }, ...orgView(l), ...emptySums() }));
    let b = bureaus.get(l.bureau_id);
    if (!b) bureaus.set(l.bureau_id, (b = { bureau: { id: l.bureau_id, name: l.bureau }, ...emptySums() }));
    const figures = ledgerFiguresOf(l.aging);
    for (const s of [c, b, total]) addLedger(s, Number(l.outstanding), figures);
  }
  return { claims: [...claims.values()], bureaus: [...bureaus.values()], total };
}

export async function worklistCounts(db: Db, scope: Scope): Promise<Answer> {
  return worklistCountsOf(await listLedgerFigures(db, scope));
}
