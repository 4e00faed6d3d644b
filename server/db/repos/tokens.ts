/**
 * Access tokens. A token is 32 random bytes shown once; only its SHA-256 is stored, so a copy of
 * the database gives no one access.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SURNAMES } from '../../../domain/privacy/names.js';
import { scanFields, type PersonalSpan } from '../../../domain/privacy/personal-text.js';
import { checkName, nameProblemMessage, type NameProblem } from '../../../domain/text/org-name.js';
import type { Role } from '../../../domain/api/common.js';
import type { Queryable } from '../db.js';

/** Why the admin API refuses a finance or admin token (domain/api/admin.ts API_MINTABLE_ROLES). */
export const CLI_ONLY_MESSAGE =
  '財政局（finance）と管理者（admin）のトークンは管理 API では作れません。サービスを動かしているサーバー機で saiken token create --db <データベース> --role … を実行して作ってください。';

const MAX_LABEL = 100;
export const LABEL_EXAMPLE = '「保育課 端末1」「保育課 収納担当」';
const LABEL_LOOKS_PERSONAL = `トークンの名前に氏名・住所・電話番号など個人を特定できる記載があるようです。人ではなく、端末や用途で名付けてください（例: ${LABEL_EXAMPLE}）。`;

export type LabelCheck =
  | { ok: true; value: string }
  | { ok: false; problem: NameProblem; message: string }
  | { ok: false; problem: 'looks-personal'; message: string; spans: PersonalSpan[] };

/** A surname standing as a word of its own (「保育課 山田」): in a label that names a person. */
function surnameWords(value: string): PersonalSpan[] {
  const spans: PersonalSpan[] = [];
  for (const m of value.matchAll(/[^\s・/_-]+/gu)) {
    if ((SURNAMES as readonly string[]).includes(m[0])) {
      spans.push({ start: m.index, end: m.index + m[0].length, kind: 'name' });
    }
  }
  return spans;
}

/**
 * A token's label as stored: a name (NFKC, no control or invisible characters) that must not
 * name a person. The label is shown in every plan, review and proposal the token writes, so it
 * is free text that leaves the workbook; stricter than the detector, a bare surname counts.
 */
export function checkLabel(raw: string): LabelCheck {
  if (raw.trim() === '') return { ok: true, value: '' };
  const c = checkName(raw, MAX_LABEL);
  if (!c.ok)
    return { ok: false, problem: c.problem, message: nameProblemMessage('トークンの名前', c.problem, MAX_LABEL) };
  const found = scanFields({ label: c.value })[0]?.spans ?? [];
  const extra = surnameWords(c.value).filter((s) => !found.some((f) => f.start < s.end && s.start < f.end));
  const spans = [...found, ...extra].sort((x, y) => x.start - y.start);
  if (spans.length) return { ok: false, problem: 'looks-personal', message: LABEL_LOOKS_PERSONAL, spans };
  return { ok: true, value: c.value };
}

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
function newToken(): string {
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
