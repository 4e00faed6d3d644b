/**
 * Who am I, and the city's key for hashing debtor ids: only a division's task pane hashes debtor ids
 * before sending, so only division tokens get the key (admin, accounting and finance have no use for it).
 */
import type { Router } from 'express';
import { RULESET_VERSION } from '../../../domain/rules/catalogue.js';
import type { Db } from '../../db/db.js';
import { findDivision } from '../../db/repos/org.js';
import { cityKey } from '../../db/repos/settings.js';
import { TableRouter } from '../route.js';

export function meRoutes(db: Db): Router {
  return new TableRouter()
    .answer('me', async ({ actor: p }) => {
      const division = p.divisionId === null ? undefined : await findDivision(db, p.divisionId);
      const bureau =
        p.bureauId === null
          ? undefined
          : await db.get<{ name: string }>('SELECT name FROM bureaus WHERE id = ?', [p.bureauId]);
      return {
        role: p.role,
        bureau: bureau?.name ?? null,
        division: division?.name ?? null,
        rulesetVersion: RULESET_VERSION,
      };
    })
    .answer('cityKey', async () => ({ key: await cityKey(db) })).router;
}
