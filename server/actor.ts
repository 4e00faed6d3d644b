/**
 * Who acts on the service (a token: its id, role and organisational reach) and what that reach
 * is. The HTTP layer authenticates a request to an Actor; the services take one.
 */
import { forbidden } from './refusals.js';
import type { Scope } from './db/repos/scope.js';
import type { Role } from '../domain/api/common.js';

export interface Actor {
  tokenId: number;
  role: Role;
  bureauId: number | null;
  divisionId: number | null;
}

/** The actor's reach: finance the city, accounting its bureau, a division itself; admin nothing. */
export function scopeOf(a: Actor): Scope {
  if (a.role === 'finance') return { kind: 'city' };
  if (a.role === 'accounting' && a.bureauId !== null) return { kind: 'bureau', bureauId: a.bureauId };
  if (a.role === 'division' && a.divisionId !== null) return { kind: 'division', divisionId: a.divisionId };
  throw forbidden();
}

/** May the actor read data of this division (of this bureau)? */
export function canReadDivision(a: Actor, bureauId: number, divisionId: number): boolean {
  switch (a.role) {
    case 'finance':
      return true;
    case 'accounting':
      return a.bureauId === bureauId;
    case 'division':
      return a.divisionId === divisionId;
    case 'admin':
      // Admins run the organisation and tokens, not the ledgers.
      return false;
  }
}

/** May the actor read everything of this bureau? */
export function canReadBureau(a: Actor, bureauId: number): boolean {
  return a.role === 'finance' || (a.role === 'accounting' && a.bureauId === bureauId);
}
