/** Admin: the organisation (bureaus, divisions) and tokens. */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { ensureBureau, ensureDivision, listOrganisation } from '../../db/repos/org.js';
import { resolveScope, ScopeError } from '../../db/repos/token-scope.js';
import { insertToken, listTokens, revokeToken, ROLES } from '../../db/repos/tokens.js';
import { appendAudit } from '../../db/repos/audit.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle, notFound, parseWith } from '../errors.js';

const name = z.string().trim().min(1).max(100);
const NewToken = z
  .object({
    role: z.enum(ROLES),
    bureau: name.optional(),
    division: name.optional(),
    label: z.string().max(100).default(''),
  })
  .strict();

export function adminRoutes(db: Db): Router {
  const r = Router();
  r.use(requireRole('admin'));

  r.get(
    '/organisation',
    handle(async (_req, res) => res.json({ rows: await listOrganisation(db) })),
  );

  r.post(
    '/bureaus',
    handle(async (req, res) => {
      const body = parseWith(z.object({ name, divisions: z.array(name).max(500).default([]) }).strict(), req.body);
      const p = principal(req);
      const bureau = await db.transaction(async (tx) => {
        const b = await ensureBureau(tx, body.name);
        for (const d of body.divisions) await ensureDivision(tx, b.id, d);
        await appendAudit(tx, {
          tokenId: p.tokenId,
          role: p.role,
          action: 'upsert',
          entity: 'bureau',
          entityId: String(b.id),
          details: { divisions: body.divisions.length },
        });
        return b;
      });
      res.status(201).json(bureau);
    }),
  );

  r.get(
    '/tokens',
    handle(async (_req, res) => res.json({ tokens: await listTokens(db) })),
  );

  r.post(
    '/tokens',
    handle(async (req, res) => {
      const body = parseWith(NewToken, req.body);
      const p = principal(req);
      const created = await db.transaction(async (tx) => {
        const scope = await resolveScope(tx, body.role, body.bureau, body.division).catch((e: unknown) => {
          throw e instanceof ScopeError ? new ApiFailure(400, 'invalid-scope', e.message) : e;
        });
        const t = await insertToken(tx, { role: body.role, ...scope, label: body.label });
        await appendAudit(tx, {
          tokenId: p.tokenId,
          role: p.role,
          action: 'create',
          entity: 'token',
          entityId: String(t.record.id),
          details: { role: body.role },
        });
        return t;
      });
      res.set('Cache-Control', 'no-store');
      res.status(201).json({ token: created.token, id: created.record.id, role: created.record.role });
    }),
  );

  r.delete(
    '/tokens/:id',
    handle(async (req, res) => {
      const id = parseWith(z.coerce.number().int().positive(), req.params.id);
      const p = principal(req);
      const ok = await db.transaction(async (tx) => {
        const revoked = await revokeToken(tx, id);
        if (revoked)
          await appendAudit(tx, {
            tokenId: p.tokenId,
            role: p.role,
            action: 'revoke',
            entity: 'token',
            entityId: String(id),
          });
        return revoked;
      });
      if (!ok) throw notFound('トークン');
      res.status(204).end();
    }),
  );
  return r;
}
