/** The claim a request names, if the actor may read it (404 unknown, 403 out of reach), and may write it. */
import { canReadDivision, type Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import { findClaim, type ClaimRecord } from '../db/repos/claims.js';
import { forbidden, notFound } from '../refusals.js';

/** The claim with this id (null: an id of a form that cannot exist), if the actor may read its division. */
export async function readableClaim(db: Db, a: Actor, id: number | null): Promise<ClaimRecord> {
  const claim = id === null || !Number.isSafeInteger(id) ? undefined : await findClaim(db, id);
  if (!claim) throw notFound('債権');
  if (!canReadDivision(a, claim.bureau_id, claim.division_id)) throw forbidden();
  return claim;
}

/** Division actors may write only their own division's claims. */
export function assertOwnDivision(a: Actor, claim: ClaimRecord): void {
  if (a.role !== 'division' || a.divisionId !== claim.division_id) throw forbidden();
}
