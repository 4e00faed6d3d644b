/**
 * Admin: the organisation (bureaus, divisions) and tokens. Admin reaches no ledger data, and over
 * the network mints only tokens scoped to a division or a bureau (finance and admin tokens are
 * made with the command line on the service's own machine). Every token made or revoked is in the
 * audit log with its role and scope, never the token; the list never shows a token or its hash.
 */
import type { Router } from 'express';
import { API_MINTABLE_ROLES } from '../../../domain/api/admin.js';
import type { Role } from '../../../domain/api/common.js';
import type { Db } from '../../db/db.js';
import { ensureBureau, ensureDivision, listOrganisation, OrgNameError } from '../../db/repos/org.js';
import { ScopeError } from '../../db/repos/token-scope.js';
import { CLI_ONLY_MESSAGE, listTokens, revokeToken } from '../../db/repos/tokens.js';
import { appendAudit } from '../../db/repos/audit.js';
import { requireRole } from '../auth.js';
import { notFound } from '../../refusals.js';
import { createToken, LabelRefused } from '../../tokens.js';
import { ApiFailure } from '../errors.js';
import { pathId } from '../params.js';
import { API_BASE, TableRouter } from '../route.js';

/** A refused bureau or division name as the standard 400, naming the field (never echoing the name). */
function invalidName(e: OrgNameError, path: string): ApiFailure {
  return new ApiFailure(400, 'invalid-name', e.message, [{ path, problem: e.message, kind: e.problem }]);
}

/** Why a token could not be made, as the API answers it. */
function tokenRefusal(e: unknown): unknown {
  if (e instanceof LabelRefused) {
    const label = e.check;
    // No confirm for a label, unlike plans and cases: there is always a name that is not a person's.
    if (label.problem === 'looks-personal') {
      return new ApiFailure(400, 'label-looks-personal', label.message, {
        fields: [{ field: 'label', spans: label.spans }],
      });
    }
    return new ApiFailure(400, 'invalid-name', label.message, [
      { path: 'label', problem: label.message, kind: label.problem },
    ]);
  }
  if (e instanceof ScopeError) return new ApiFailure(400, 'invalid-scope', e.message);
  if (e instanceof OrgNameError) return invalidName(e, e.unit);
  return e;
}

export function adminRoutes(db: Db): Router {
  const r = new TableRouter(`${API_BASE}/admin`);
  // Everything under /admin, an unknown path too, is for admin only.
  r.router.use(requireRole('admin'));

  r.answer('organisation', async () => ({ rows: await listOrganisation(db) }));

  r.answer('addBureau', async (c) => {
    const body = c.body('局・課の内容が正しくありません。');
    const p = c.actor;
    return db.transaction(async (tx) => {
      let path = 'name';
      try {
        const b = await ensureBureau(tx, body.name);
        for (const [i, d] of body.divisions.entries()) {
          path = `divisions.${i}`;
          await ensureDivision(tx, b.id, d);
        }
        await appendAudit(tx, {
          tokenId: p.tokenId,
          role: p.role,
          action: 'upsert',
          entity: 'bureau',
          entityId: String(b.id),
          details: { divisions: body.divisions.length },
        });
        return b;
      } catch (e) {
        throw e instanceof OrgNameError ? invalidName(e, path) : e;
      }
    });
  });

  r.answer('tokens', async () => {
    const tokens = await listTokens(db);
    return {
      tokens: tokens.map((t) => ({
        id: t.id,
        role: t.role,
        bureau_id: t.bureau_id,
        division_id: t.division_id,
        bureau: t.bureau,
        division: t.division,
        label: t.label,
        created_at: t.created_at,
        revoked_at: t.revoked_at,
      })),
    };
  });

  r.answer('addToken', async (c) => {
    const body = c.body('トークンの内容が正しくありません。');
    if (!(API_MINTABLE_ROLES as readonly Role[]).includes(body.role)) {
      throw new ApiFailure(403, 'cli-only', CLI_ONLY_MESSAGE, { role: body.role });
    }
    const created = await createToken(db, body, c.actor, 'api').catch((e: unknown) => {
      throw tokenRefusal(e);
    });
    return {
      token: created.token,
      id: created.record.id,
      role: created.record.role,
      bureauId: created.record.bureau_id,
      divisionId: created.record.division_id,
      label: created.record.label,
    };
  });

  r.answer('revokeToken', async (c) => {
    const id = pathId(c.params.id);
    if (id === null) {
      throw new ApiFailure(400, 'invalid-input', 'トークンの ID は正の整数で指定してください。', [
        { path: 'id', problem: '正の整数で指定してください。' },
      ]);
    }
    const p = c.actor;
    const ok = await db.transaction(async (tx) => {
      const revoked = await revokeToken(tx, id);
      if (revoked)
        await appendAudit(tx, {
          tokenId: p.tokenId,
          role: p.role,
          action: 'revoke',
          entity: 'token',
          entityId: String(id),
          details: { via: 'api' },
        });
      return revoked;
    });
    if (!ok) throw notFound('トークン');
    return null;
  });
  return r.router;
}
