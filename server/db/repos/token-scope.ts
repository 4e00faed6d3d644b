/** Which bureau and division a new token is scoped to; unknown names are created. */
import type { Queryable } from '../db.js';
import { ensureBureau, ensureDivision } from './org.js';
import type { Role } from '../../../domain/api/common.js';

/** The scope does not fit the role: a message for the person creating the token. */
export class ScopeError extends Error {}

/** division needs bureau and division; accounting needs a bureau only; finance and admin neither. */
export async function resolveScope(
  tx: Queryable,
  role: Role,
  bureauName: string | undefined,
  divisionName: string | undefined,
): Promise<{ bureauId: number | null; divisionId: number | null }> {
  if (role === 'finance' || role === 'admin') {
    if (bureauName || divisionName) throw new ScopeError(`${role} のトークンに局・課は指定できません。`);
    return { bureauId: null, divisionId: null };
  }
  if (!bureauName) throw new ScopeError('局名を指定してください。');
  const bureau = await ensureBureau(tx, bureauName);
  if (role === 'accounting') {
    if (divisionName) throw new ScopeError('経理担当課のトークンは局単位です。課は指定できません。');
    return { bureauId: bureau.id, divisionId: null };
  }
  if (!divisionName) throw new ScopeError('課名を指定してください。');
  const division = await ensureDivision(tx, bureau.id, divisionName);
  return { bureauId: bureau.id, divisionId: division.id };
}
