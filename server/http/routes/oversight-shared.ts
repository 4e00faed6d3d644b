/**
 * What the plan, oversight and hard-case routes share: Japanese validation messages, the caller's
 * reach as an organisation scope, and the claim a path names (404 unknown, 403 out of reach).
 */
import { z } from 'zod';
import type { Db } from '../../db/db.js';
import { findClaim, type ClaimRecord, type OrgScope } from '../../db/repos/plan-edits.js';
import type { Actor } from '../../db/repos/plans.js';
import { checkLabel } from '../../db/repos/tokens.js';
import { MAX_FISCAL_YEAR, MAX_YEN, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../../../domain/values/limits.js';
import { FISCAL_YEAR_RANGE_MESSAGE, fiscalYearParam } from '../../plans/params.js';
import { canReadDivision, type Principal } from '../auth.js';
import { ApiFailure, forbidden, notFound } from '../errors.js';

const JA = z.locales.ja();

/** Like parseWith, but zod's own messages in Japanese (per parse: the process-wide config stays as it is). */
export function parseJa<T>(schema: z.ZodType<T>, value: unknown, message = '送られた内容が正しくありません。'): T {
  const r = schema.safeParse(value, { error: JA.localeError });
  if (r.success) return r.data;
  throw new ApiFailure(
    400,
    'invalid-input',
    message,
    r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), problem: i.message })),
  );
}

export const actorOf = (p: Principal): Actor => ({ tokenId: p.tokenId, role: p.role });

/** The caller's reach: finance everything, accounting its bureau, a division itself; admin nothing. */
export function orgScopeOf(p: Principal): OrgScope {
  if (p.role === 'finance') return {};
  if (p.role === 'accounting' && p.bureauId !== null) return { bureauId: p.bureauId };
  if (p.role === 'division' && p.divisionId !== null) return { divisionId: p.divisionId };
  throw forbidden();
}

export const yen = (what: string) =>
  z
    .number({ error: `${what}は円単位の整数で指定してください。` })
    .int({ error: `${what}は円単位の整数で指定してください。` })
    .min(0, { error: `${what}は 0 以上で指定してください。` })
    .max(MAX_YEN, { error: `${what}は ${MAX_YEN_LABEL} 以下で指定してください。` });

export { FISCAL_YEAR_RANGE_MESSAGE };

export const inFiscalRange = (fy: number) => fy >= MIN_FISCAL_YEAR && fy <= MAX_FISCAL_YEAR;

/** A fiscal year from a path or query (`2024`, `R6`, `令和6年度`), within the years saiken works with. */
export function fiscalYearIn(value: unknown, parameter = 'fy'): number {
  const fy = fiscalYearParam(value);
  if (!inFiscalRange(fy)) throw new ApiFailure(400, 'invalid-fiscal-year', FISCAL_YEAR_RANGE_MESSAGE, { parameter });
  return fy;
}

/** The sender's 「個人情報は含まれていません」 after a looks-personal warning (never enough for a My Number). */
export const confirmedFlag = z
  .boolean({ error: 'confirmedNoPersonalData は true か false で指定してください。' })
  .default(false);

export const text = (what: string, max: number, min = 1) =>
  z
    .string({ error: `${what}を文字列で指定してください。` })
    .trim()
    .min(min, { error: `${what}を入力してください。` })
    .max(max, { error: `${what}は ${max} 文字以内で入力してください。` });

/** The claim a `:claimId` names, if the caller may read its division. */
export async function readableClaim(db: Db, p: Principal, param: unknown): Promise<ClaimRecord> {
  const id = typeof param === 'string' && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : NaN;
  const claim = Number.isSafeInteger(id) ? await findClaim(db, id) : undefined;
  if (!claim) throw notFound('債権');
  if (!canReadDivision(p, claim.bureau_id, claim.division_id)) throw forbidden();
  return claim;
}

/** Division callers may write only their own division's claims. */
export function assertOwnDivision(p: Principal, claim: ClaimRecord): void {
  if (p.role !== 'division' || p.divisionId !== claim.division_id) throw forbidden();
}

export const claimView = (c: ClaimRecord) => ({
  id: c.id,
  name: c.name,
  classification: c.classification,
  bureau: { id: c.bureau_id, name: c.bureau },
  division: { id: c.division_id, name: c.division },
});

/**
 * Who wrote a version: the token's role and label (never the token). A label made before labels
 * were checked may name a person (the command line once suggested 「保育課 山田」): it is not shown.
 */
export const authorOf = (r: { role: string | null; label: string | null }) =>
  r.role === null ? null : { role: r.role, label: r.label && checkLabel(r.label).ok ? r.label : '' };

export function parseJsonArray<T = unknown>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
