/** Finance's improvement proposals (改善提案) per claim and fiscal year (`oversight/proposals.ts`). */
import type { Router } from 'express';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { readableClaim } from '../../oversight/claims.js';
import { propose, proposalsInReach, proposalsOfClaim, revise } from '../../oversight/proposals.js';
import { fiscalYearIn, pathId } from '../params.js';
import { TableRouter } from '../route.js';

const PROPOSAL_INVALID = '改善提案の内容が正しくありません。';

export function proposalsRoutes(db: Db): Router {
  return new TableRouter()
    .answer('addProposal', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return propose(db, c.actor, claim, c.body(PROPOSAL_INVALID));
    })
    .answer('reviseProposal', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return revise(db, c.actor, claim, c.body(PROPOSAL_INVALID));
    })
    .answer('claimProposals', async (c) => {
      const claim = await readableClaim(db, c.actor, pathId(c.params.claimId));
      return proposalsOfClaim(db, claim);
    })
    .answer('proposals', (c) => proposalsInReach(db, scopeOf(c.actor), fiscalYearIn(c.req.query.fy))).router;
}
