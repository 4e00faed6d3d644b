/**
 * Who is calling: the token of a request, looked up as the Actor the services take. Every route
 * states its roles; what an actor may reach is decided in `../actor.ts`.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import type { Role } from '../../domain/api/common.js';
import { findActiveToken } from '../db/repos/tokens.js';
import { forbidden } from '../refusals.js';
import { handle, unauthorized } from './errors.js';
import { AuthThrottle, clientAddress, failureLog, tooManyFailures } from './security.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Actor;
  }
}

/**
 * The caller's token, looked up on every request (a revoked token is refused at once, by every
 * instance of the service). A caller that presents wrong tokens too often is refused for a while
 * without the token being looked at; the failures are counted in the database (`security.ts`).
 */
export function authenticate(db: Db, throttle = new AuthThrottle(failureLog(db)), logger?: Logger): RequestHandler {
  return handle(async (req, res, next) => {
    const header = req.get('authorization');
    // No token at all is a client not yet set up, not a guess: 401, not counted.
    if (!header) throw unauthorized();
    const address = clientAddress(req);
    const wait = await throttle.retryAfter(address);
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw tooManyFailures(wait);
    }
    const m = /^Bearer\s+(\S{10,200})$/i.exec(header);
    const t = m ? await findActiveToken(db, m[1]!) : undefined;
    if (!t) {
      try {
        await throttle.fail(address);
        if ((await throttle.retryAfter(address)) > 0)
          logger?.warn({ address }, 'authentication failures over the limit');
      } catch (err) {
        // The caller is still refused; only this failure goes uncounted.
        logger?.error({ err }, 'a failed authentication could not be counted');
      }
      throw unauthorized();
    }
    req.principal = { tokenId: t.id, role: t.role, bureauId: t.bureau_id, divisionId: t.division_id };
    next();
  });
}

/** The authenticated caller of a request. */
export function principal(req: Request): Actor {
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
