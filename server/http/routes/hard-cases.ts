/**
 * Hard cases (処理困難事案, `oversight/hard-cases.ts`): a division asks about one of its claims,
 * its bureau's accounting division or finance answers, and one of them closes it. Text that looks
 * personal is answered 422 with its spans until the sender edits it or confirms.
 */
import type { Router } from 'express';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import {
  answerableCase,
  answerCase,
  askAboutClaim,
  closeCase,
  hardCasesInReach,
  hardCaseView,
  visibleCase,
} from '../../oversight/hard-cases.js';
import { pathId } from '../params.js';
import { TableRouter } from '../route.js';

export function hardCasesRoutes(db: Db): Router {
  return new TableRouter()
    .answer('addHardCase', async (c) => {
      const { claimId, ...rest } = c.body('処理困難事案の内容が正しくありません。');
      const claim = await readableClaim(db, c.actor, claimId);
      assertOwnDivision(c.actor, claim);
      return askAboutClaim(db, c.actor, claim, rest);
    })
    .answer('hardCases', (c) => {
      const { status } = c.query('status は open・answered・closed のいずれかです。');
      return hardCasesInReach(db, scopeOf(c.actor), status);
    })
    .answer('hardCase', async (c) => ({
      hardCase: hardCaseView(await visibleCase(db, c.actor, pathId(c.params.id))),
    }))
    .answer('answerHardCase', async (c) => {
      const h = await answerableCase(db, c.actor, pathId(c.params.id));
      return answerCase(db, c.actor, h, c.body('処理方針の内容が正しくありません。'));
    })
    .answer('closeHardCase', (c) => closeCase(db, c.actor, pathId(c.params.id))).router;
}
