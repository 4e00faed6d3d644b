/**
 * Making an access token, the one way for the admin API, the command line and the first start:
 * its label checked, its scope resolved (bureaus and divisions it names are made), the token
 * minted with only its hash stored, and the audit entry with role and scope, never the token.
 */
import type { Db } from './db/db.js';
import { appendAudit, type AuditActor } from './db/repos/audit.js';
import { resolveScope } from './db/repos/token-scope.js';
import type { Role } from '../domain/api/common.js';
import { checkLabel, countTokens, insertToken, type LabelCheck, type TokenRecord } from './db/repos/tokens.js';

/** A label that may not be stored: what is wrong with it, in Japanese, for the person making the token. */
export class LabelRefused extends Error {
  constructor(readonly check: Exclude<LabelCheck, { ok: true }>) {
    super(check.message);
  }
}

/** Who asked: the admin API, the command line on the service's machine, or the service's first start. */
export type TokenOrigin = 'api' | 'cli' | 'first-start';

export interface TokenRequest {
  role: Role;
  bureau?: string;
  division?: string;
  label: string;
}

/**
 * The new token (shown once) and its record. Throws LabelRefused for the label, ScopeError when the
 * scope does not fit the role, OrgNameError for a bureau or division name that cannot be one.
 */
export async function createToken(
  db: Db,
  t: TokenRequest,
  by: AuditActor,
  via: TokenOrigin,
): Promise<{ token: string; record: TokenRecord }> {
  return (await mintToken(db, t, by, via, false))!;
}

/**
 * The first admin token, made only if the database holds no admin token yet: decided in the
 * token's own write transaction, so that of several service instances starting together on a new
 * database exactly one makes it (the others get null).
 */
export function createFirstAdminToken(db: Db): Promise<{ token: string; record: TokenRecord } | null> {
  return mintToken(
    db,
    { role: 'admin', label: '初回起動時の管理者' },
    { tokenId: null, role: null },
    'first-start',
    true,
  );
}

async function mintToken(
  db: Db,
  t: TokenRequest,
  by: AuditActor,
  via: TokenOrigin,
  onlyFirst: boolean,
): Promise<{ token: string; record: TokenRecord } | null> {
  const label = checkLabel(t.label);
  if (!label.ok) throw new LabelRefused(label);
  return db.transaction(async (tx) => {
    if (onlyFirst && (await countTokens(tx, t.role)) > 0) return null;
    const scope = await resolveScope(tx, t.role, t.bureau, t.division);
    const created = await insertToken(tx, { role: t.role, ...scope, label: label.value });
    await appendAudit(tx, {
      ...by,
      action: 'create',
      entity: 'token',
      entityId: String(created.record.id),
      // The first start's entry reads as it always has.
      details:
        via === 'first-start'
          ? { role: t.role, firstStart: true }
          : { role: t.role, bureauId: scope.bureauId, divisionId: scope.divisionId, via },
    });
    return created;
  });
}
