/**
 * Access tokens. A token is 32 random bytes shown once; only its SHA-256 is stored, so a copy of
 * the database gives no one access.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db.js';

export const ROLES = ['division', 'accounting', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRecord {
  id: number;
  role: Role;
  bureau_id: number | null;
  division_id: number | null;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** `skn_` + 43 base64url characters: recognisable in a leaked log, never stored. */
export function newToken(): string {
  return `skn_${randomBytes(32).toString('base64url')}`;
}

export async function insertToken(
  tx: Queryable,
  t: { role: Role; bureauId: number | null; divisionId: number | null; label: string },
  now: Date = new Date(),
): Promise<{ token: string; record: TokenRecord }> {
  const token = newToken();
  const record = await tx.get<TokenRecord>(
    `INSERT INTO tokens (token_hash, role, bureau_id, division_id, label, created_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING id, role, bureau_id, division_id, label, created_at, revoked_at`,
    [hashToken(token), t.role, t.bureauId, t.divisionId, t.label, now.toISOString()],
  );
  return { token, record: record! };
}

export function findActiveToken(db: Queryable, token: string): Promise<TokenRecord | undefined> {
  return db.get<TokenRecord>(
    `SELECT id, role, bureau_id, division_id, label, created_at, revoked_at
       FROM tokens WHERE token_hash = ? AND revoked_at IS NULL`,
    [hashToken(token)],
  );
}

export function listTokens(
  db: Queryable,
): Promise<(TokenRecord & { bureau: string | null; division: string | null })[]> {
  return db.all(
    `SELECT t.id, t.role, t.bureau_id, t.division_id, t.label, t.created_at, t.revoked_at,
            b.name AS bureau, d.name AS division
       FROM tokens t LEFT JOIN bureaus b ON b.id = t.bureau_id LEFT JOIN divisions d ON d.id = t.division_id
      ORDER BY t.id`,
  );
}

export async function revokeToken(tx: Queryable, id: number, now: Date = new Date()): Promise<boolean> {
  const r = await tx.run('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
    now.toISOString(),
    id,
  ]);
  return r.changes > 0;
}

/** Tokens of a role (all roles without one); `active` leaves out the revoked ones. */
export async function countTokens(db: Queryable, role?: Role, o: { active?: boolean } = {}): Promise<number> {
  const where = [...(role ? ['role = ?'] : []), ...(o.active ? ['revoked_at IS NULL'] : [])];
  const sql = `SELECT COUNT(*) AS n FROM tokens${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const row = await db.get<{ n: number }>(sql, role ? [role] : []);
  return row?.n ?? 0;
}
