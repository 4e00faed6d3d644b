/**
 * Who is calling, and what they may see. Every route states its roles; scope checks say whether a
 * bureau's or a division's data is within the caller's reach.
 */
import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/db.js';
import { findActiveToken, type Role } from '../db/repos/tokens.js';
import { forbidden, handle, unauthorized } from './errors.js';

export interface Principal {
  tokenId: number;
  role: Role;
  bureauId: number | null;
  divisionId: number | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export function authenticate(db: Db): RequestHandler {
  return handle(async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S{10,200})$/i.exec(header);
    if (!m) throw unauthorized();
    const t = await findActiveToken(db, m[1]!);
    if (!t) throw unauthorized();
    req.principal = { tokenId: t.id, role: t.role, bureauId: t.bureau_id, divisionId: t.division_id };
    next();
  });
}

export function principal(req: Request): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const p = req.principal;
    if (!p) return next(unauthorized());
    if (!roles.includes(p.role)) return next(forbidden());
    next();
  };
}

/** May the caller read data of this division (of this bureau)? */
export function canReadDivision(p: Principal, bureauId: number, divisionId: number): boolean {
  switch (p.role) {
    case 'finance':
      return true;
    case 'accounting':
      return p.bureauId === bureauId;
    case 'division':
      return p.divisionId === divisionId;
    case 'admin':
      // Admins run the organisation and tokens, not the ledgers.
      return false;
  }
}

/** May the caller read everything of this bureau? */
export function canReadBureau(p: Principal, bureauId: number): boolean {
  return p.role === 'finance' || (p.role === 'accounting' && p.bureauId === bureauId);
}

export function assertCanReadDivision(p: Principal, bureauId: number, divisionId: number): void {
  if (!canReadDivision(p, bureauId, divisionId)) throw forbidden();
}
