/**
 * Who am I, and the city's key for hashing debtor ids: only a division's task pane hashes debtor ids
 * before sending, so only division tokens get the key (admin, accounting and finance have no use for it).
 */
import { Router } from 'express';
import type { Db } from '../../db/db.js';
import { findDivision } from '../../db/repos/org.js';
import { cityKey } from '../../db/repos/settings.js';
import { principal, requireRole } from '../auth.js';
import { handle } from '../errors.js';
import { RULESET_VERSION } from '../../../domain/rules/catalogue.js';

export function meRoutes(db: Db): Router {
  const r = Router();
  r.get(
    '/me',
    handle(async (req, res) => {
      const p = principal(req);
      const division = p.divisionId === null ? undefined : await findDivision(db, p.divisionId);
      const bureau =
        p.bureauId === null
          ? undefined
          : await db.get<{ name: string }>('SELECT name FROM bureaus WHERE id = ?', [p.bureauId]);
      res.json({
        role: p.role,
        bureau: bureau?.name ?? null,
        division: division?.name ?? null,
        rulesetVersion: RULESET_VERSION,
      });
    }),
  );
  r.get(
    '/city-key',
    requireRole('division'),
    handle(async (_req, res) => {
      res.set('Cache-Control', 'no-store');
      res.json({ key: await cityKey(db) });
    }),
  );
  return r;
}
