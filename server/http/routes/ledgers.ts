/**
 * Ledgers: submissions from the add-in (division only, own division), row changes for catching up,
 * and the ledgers a caller may read with their totals and finding counts.
 */
import type { Router } from 'express';
import { canReadDivision, scopeOf, type Actor } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { findLedger, listFindingCounts, listLedgers, rowChanges } from '../../db/repos/ledgers.js';
import { forbidden, notFound } from '../../refusals.js';
import { LEDGER_ID, receivePart } from '../../sync/receive.js';
import { countsByLedger, ledgerView, rowChangesView } from '../../sync/view.js';
import { principal } from '../auth.js';
import { ApiFailure, handle } from '../errors.js';
import { TableRouter } from '../route.js';

const SINCE_INVALID = '`since` は 0 以上の整数で指定してください。';

/** The ledger if it exists and the caller may read it: 404 unknown, 403 outside the caller's scope. */
async function readableLedger(db: Db, p: Actor, id: string) {
  // An id of the wrong form cannot exist.
  const l = LEDGER_ID.test(id) ? await findLedger(db, id) : undefined;
  if (!l) throw notFound('台帳');
  if (!canReadDivision(p, l.bureau_id, l.division_id)) throw forbidden();
  return l;
}

export function ledgersRoutes(db: Db): Router {
  return new TableRouter()
    .sends(
      'submit',
      // 202 for a part received, 200 when the last applies them all: the reply says which.
      handle(async (req, res) => {
        const reply = await receivePart(db, principal(req), String(req.params.ledgerId), req.body);
        res.status(reply.status).json(reply.body);
      }),
    )
    .answer('rowsSince', async (c) => {
      const id = String(c.params.ledgerId);
      await readableLedger(db, c.actor, id);
      const since = Number(c.query(SINCE_INVALID).since ?? 0);
      if (!Number.isSafeInteger(since)) {
        throw new ApiFailure(400, 'invalid-input', SINCE_INVALID, [{ path: 'since', problem: SINCE_INVALID }]);
      }
      return rowChangesView(id, await rowChanges(db, id, since));
    })
    .answer('ledger', async (c) => {
      const l = await readableLedger(db, c.actor, String(c.params.ledgerId));
      return ledgerView(l, await listFindingCounts(db, { ledgerId: l.id }));
    })
    .answer('ledgers', async (c) => {
      const scope = scopeOf(c.actor);
      const [ledgers, counts] = await Promise.all([listLedgers(db, scope), listFindingCounts(db, scope)]);
      const byLedger = countsByLedger(counts);
      return { ledgers: ledgers.map((l) => ledgerView(l, byLedger.get(l.id) ?? [])) };
    }).router;
}
