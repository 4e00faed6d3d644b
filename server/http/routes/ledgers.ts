/**
 * Ledgers: submissions from the add-in (division only, own division), row changes for catching up,
 * and the ledgers a caller may read with their totals and finding counts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { canReadDivision, scopeOf, type Actor } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { findLedger, listFindingCounts, listLedgers, rowChanges } from '../../db/repos/ledgers.js';
import { forbidden, notFound } from '../../refusals.js';
import { LEDGER_ID, receivePart } from '../../sync/receive.js';
import { countsByLedger, ledgerView, rowChangesView } from '../../sync/view.js';
import { principal, requireRole } from '../auth.js';
import { handle, parseWith } from '../errors.js';

const READERS = ['division', 'accounting', 'finance'] as const;
const Since = z.object({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });

/** The ledger if it exists and the caller may read it: 404 unknown, 403 outside the caller's scope. */
async function readableLedger(db: Db, p: Actor, id: string) {
  // An id of the wrong form cannot exist.
  const l = LEDGER_ID.test(id) ? await findLedger(db, id) : undefined;
  if (!l) throw notFound('台帳');
  if (!canReadDivision(p, l.bureau_id, l.division_id)) throw forbidden();
  return l;
}

export function ledgersRoutes(db: Db): Router {
  const r = Router();

  r.post(
    '/ledgers/:ledgerId/submissions',
    requireRole('division'),
    handle(async (req, res) => {
      const reply = await receivePart(db, principal(req), String(req.params.ledgerId), req.body);
      res.status(reply.status).json(reply.body);
    }),
  );

  r.get(
    '/ledgers/:ledgerId/rows',
    requireRole(...READERS),
    handle(async (req, res) => {
      const id = String(req.params.ledgerId);
      await readableLedger(db, principal(req), id);
      const { since } = parseWith(Since, req.query, '`since` は 0 以上の整数で指定してください。');
      res.json(rowChangesView(id, await rowChanges(db, id, since)));
    }),
  );

  r.get(
    '/ledgers/:ledgerId',
    requireRole(...READERS),
    handle(async (req, res) => {
      const l = await readableLedger(db, principal(req), String(req.params.ledgerId));
      res.json(ledgerView(l, await listFindingCounts(db, { ledgerId: l.id })));
    }),
  );

  r.get(
    '/ledgers',
    requireRole(...READERS),
    handle(async (req, res) => {
      const scope = scopeOf(principal(req));
      const [ledgers, counts] = await Promise.all([listLedgers(db, scope), listFindingCounts(db, scope)]);
      const byLedger = countsByLedger(counts);
      res.json({ ledgers: ledgers.map((l) => ledgerView(l, byLedger.get(l.id) ?? [])) });
    }),
  );
  return r;
}
