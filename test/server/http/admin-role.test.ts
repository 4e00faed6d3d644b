/**
 * What an admin token can do, as a CISO would check it: mint division and accounting tokens only
 * (finance and admin with the command line on the service's machine), name bureaus and divisions
 * only with clean, NFKC-normalised names, label tokens by device or purpose (never a person), and
 * leave an audit trail with role and scope but never a token, a hash or a label.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { hashToken } from '../../../server/db/repos/tokens.js';
import { nameProblemMessage } from '../../../domain/text/org-name.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir, startTestService, type TestService } from '../helpers/service.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

interface Reply {
  status: number;
  text: string;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(method: string, path: string, body?: unknown, token = svc.adminToken): Promise<Reply> {
  const res = await fetch(`${svc.url}/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

const mint = (body: object) => call('POST', '/admin/tokens', body);
const count = async (table: string) =>
  (await svc.service.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
const snapshot = async () => ({
  tokens: await count('tokens'),
  bureaus: await count('bureaus'),
  divisions: await count('divisions'),
});

describe('minting over the admin API', () => {
  it('makes division and accounting tokens that work in their scope', async () => {
    const division = await mint({
      role: 'division',
      bureau: '子ども青少年局',
      division: '保育課',
      label: '保育課 端末1',
    });
    expect(division.status, division.text).toBe(201);
    expect(division.headers.get('cache-control')).toContain('no-store');
    expect(division.json).toMatchObject({ role: 'division', label: '保育課 端末1' });
    const me = await call('GET', '/me', undefined, division.json.token);
    expect(me.json).toMatchObject({ role: 'division', bureau: '子ども青少年局', division: '保育課' });
    const accounting = await mint({ role: 'accounting', bureau: '子ども青少年局', label: '局経理 端末' });
    expect(accounting.status, accounting.text).toBe(201);
  });

  it.each(['finance', 'admin'])('refuses a %s token: 403, says to use the CLI, makes nothing', async (role) => {
    const before = await snapshot();
    for (const body of [{ role }, { role, label: '財政課 端末' }, { role, bureau: '新しい局' }]) {
      const r = await mint(body);
      expect(r.status, r.text).toBe(403);
      expect(r.json.code).toBe('cli-only');
      expect(r.json.message).toMatch(JAPANESE);
      expect(r.json.message).toContain('saiken token create');
      expect(r.text).not.toMatch(/skn_/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown role and a scope that does not fit, in Japanese', async () => {
    for (const body of [
      { role: 'root' },
      { role: 'division', bureau: '子ども青少年局' },
      { role: 'accounting', bureau: '子ども青少年局', division: '保育課' },
      { role: 'accounting' },
    ]) {
      const r = await mint(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.message).toMatch(JAPANESE);
    }
  });

  it('audits each token with its role and scope, never the token, its hash or its label', async () => {
    const r = await mint({ role: 'division', bureau: '健康福祉局', division: '保険年金課', label: '年金課 窓口端末' });
    const row = (await svc.service.db.get<{ role: string; details: string; token_id: number }>(
      "SELECT role, details, token_id FROM audit_log WHERE entity = 'token' AND action = 'create' AND entity_id = ?",
      [String(r.json.id)],
    ))!;
    expect(row.role).toBe('admin');
    const scope = (await svc.service.db.get<{ bureau_id: number; division_id: number }>(
      'SELECT bureau_id, division_id FROM tokens WHERE id = ?',
      [r.json.id],
    ))!;
    expect(JSON.parse(row.details)).toEqual({
      role: 'division',
      bureauId: scope.bureau_id,
      divisionId: scope.division_id,
      via: 'api',
    });
    for (const s of [r.json.token, hashToken(r.json.token), '窓口端末']) expect(row.details.includes(s)).toBe(false);
    const revoked = await call('DELETE', `/admin/tokens/${r.json.id}`);
    expect(revoked.status).toBe(204);
    const revokeRow = await svc.service.db.get<{ details: string }>(
      "SELECT details FROM audit_log WHERE entity = 'token' AND action = 'revoke' AND entity_id = ?",
      [String(r.json.id)],
    );
    expect(JSON.parse(revokeRow!.details)).toEqual({ via: 'api' });
  });

  it('lists tokens without the token or its hash, not cached', async () => {
    const list = await call('GET', '/admin/tokens');
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toContain('no-store');
    expect(list.text).not.toMatch(/skn_|token_hash|hash/);
    for (const t of list.json.tokens) {
      expect(Object.keys(t).sort()).toEqual(
        ['bureau', 'bureau_id', 'created_at', 'division', 'division_id', 'id', 'label', 'revoked_at', 'role'].sort(),
      );
    }
    const hashes = await svc.service.db.all<{ token_hash: string }>('SELECT token_hash FROM tokens');
    for (const h of hashes) expect(list.text.includes(h.token_hash)).toBe(false);
  });

  it('refuses a malformed token id with a 400, an unknown one with a 404', async () => {
    expect((await call('DELETE', '/admin/tokens/abc')).status).toBe(400);
    expect((await call('DELETE', '/admin/tokens/0')).status).toBe(400);
    expect((await call('DELETE', '/admin/tokens/99999999999999999999')).status).toBe(400);
    expect((await call('DELETE', '/admin/tokens/999999')).status).toBe(404);
  });
});

describe('labels name a device or a purpose, never a person', () => {
  it.each([
    ['a surname after the division', '保育課 山田'],
    ['a full name', '山田太郎'],
    ['a name with an honorific', '保育課 鈴木さん'],
    ['a phone number', '保育課 090-1234-5678'],
    ['an e-mail address', 'yamada@example.jp'],
  ])('refuses %s, suggesting a device', async (_what, label) => {
    const before = await snapshot();
    const r = await mint({ role: 'division', bureau: '子ども青少年局', division: '保育課', label });
    expect(r.status, r.text).toBe(400);
    expect(r.json.code).toBe('label-looks-personal');
    expect(r.json.message).toContain('保育課 端末1');
    expect(r.json.details.fields[0].field).toBe('label');
    expect(r.json.details.fields[0].spans.length).toBeGreaterThan(0);
    expect(r.text.includes(label)).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a zero-width space', '保育課\u200b端末', 'invisible'],
    ['a bidi override', '保育課\u202e端末', 'bidi'],
    ['a NUL', '保育課\u0000端末', 'control'],
    ['a lone surrogate', '保育課\ud800端末', 'surrogate'],
  ] as const)('refuses %s', async (_what, label, problem) => {
    const r = await mint({ role: 'division', bureau: '子ども青少年局', division: '保育課', label });
    expect(r.status, r.text).toBe(400);
    expect(r.json).toMatchObject({ code: 'invalid-name', message: nameProblemMessage('トークンの名前', problem) });
  });

  it('stores a label NFKC-normalised, and takes an empty one', async () => {
    const r = await mint({ role: 'division', bureau: '子ども青少年局', division: '保育課', label: '保育課　ﾀﾝﾏﾂ２' });
    expect(r.json.label).toBe('保育課 タンマツ2');
    expect((await mint({ role: 'division', bureau: '子ども青少年局', division: '保育課' })).status).toBe(201);
  });
});

describe('bureau and division names', () => {
  const BAD = [
    ['NUL', '子ども\u0000青少年局', 'control'],
    ['a newline', '子ども\n青少年局', 'control'],
    ['U+200B', '子ども\u200b青少年局', 'invisible'],
    ['a word joiner', '子ども\u2060青少年局', 'invisible'],
    ['U+202E', '子ども\u202e青少年局', 'bidi'],
    ['a lone surrogate', '子ども\udc00青少年局', 'surrogate'],
    ['only spaces', '　 ', 'empty'],
    ['101 characters', '局'.repeat(101), 'too-long'],
  ] as const;

  it.each(BAD)('POST /admin/bureaus refuses a bureau with %s, naming the problem', async (_what, name, problem) => {
    const before = await snapshot();
    const r = await call('POST', '/admin/bureaus', { name });
    expect(r.status, r.text).toBe(400);
    expect(r.json).toMatchObject({ code: 'invalid-name', message: nameProblemMessage('局名', problem, 100) });
    expect(r.json.details).toEqual([{ path: 'name', problem: r.json.message, kind: problem }]);
    expect(await snapshot()).toEqual(before);
  });

  it.each(BAD)('refuses a division with %s, and keeps the bureau out too', async (_what, name, problem) => {
    const before = await snapshot();
    const r = await call('POST', '/admin/bureaus', { name: '新設局', divisions: ['総務課', name] });
    expect(r.status, r.text).toBe(400);
    expect(r.json.message).toBe(nameProblemMessage('課名', problem, 100));
    expect(r.json.details[0].path).toBe('divisions.1');
    expect(await snapshot()).toEqual(before);
  });

  it.each(BAD)('a token scoped to a bureau with %s is refused, nothing made', async (_what, name, problem) => {
    const before = await snapshot();
    const r = await mint({ role: 'accounting', bureau: name });
    expect(r.status, r.text).toBe(400);
    // A blank bureau is "no bureau given" to the scope check.
    if (problem !== 'empty') expect(r.json.message).toBe(nameProblemMessage('局名', problem, 100));
    expect(r.json.message).toMatch(JAPANESE);
    expect(await snapshot()).toEqual(before);
  });

  it('half-width kana, full-width letters and extra spaces fold to the same bureau and division', async () => {
    const first = await call('POST', '/admin/bureaus', { name: 'コドモ局', divisions: ['ホイク課'] });
    expect(first.status).toBe(201);
    const again = await call('POST', '/admin/bureaus', { name: 'ｺﾄﾞﾓ局', divisions: ['ﾎｲｸ課', '　ホイク課 '] });
    expect(again.json.id).toBe(first.json.id);
    const spaced = await call('POST', '/admin/bureaus', { name: '子ども　 青少年局ＡＢ' });
    expect(spaced.json.name).toBe('子ども 青少年局AB');
    const token = await mint({ role: 'division', bureau: ' ｺﾄﾞﾓ局', division: 'ﾎｲｸ課' });
    expect(token.status, token.text).toBe(201);
    const me = await call('GET', '/me', undefined, token.json.token);
    expect(me.json).toMatchObject({ bureau: 'コドモ局', division: 'ホイク課' });
    const org = await call('GET', '/admin/organisation');
    const rows = (org.json.rows as { bureau: string; division: string | null }[]).filter(
      (r) => r.bureau === 'コドモ局',
    );
    expect(rows.map((r) => r.division)).toEqual(['ホイク課']);
  });
});

describe('the command line (on the service’s machine)', () => {
  const dir = makeTempDir('saiken-token-cli-');
  const db = join(dir, 'cli.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('suggests a device or a purpose for --label, not a person', async () => {
    const help = await runSaiken(['token', 'create', '--help']);
    const line = help.stdout.split('\n').find((l) => l.includes('--label'))!;
    expect(line).toContain('端末');
    expect(line).not.toMatch(/山田|鈴木|佐藤/);
  });

  it('makes finance and admin tokens, audited with role and scope, never the token', async () => {
    for (const role of ['finance', 'admin']) {
      const r = await runSaiken(['token', 'create', '--db', db, '--role', role, '--label', '財政課 端末']);
      expect(r.code, r.stderr).toBe(0);
      const token = r.stdout.trim();
      const d = await SqliteDb.open(db);
      try {
        const audit = (
          await d.all<{ details: string }>(
            "SELECT details FROM audit_log WHERE entity = 'token' AND action = 'create' ORDER BY id DESC LIMIT 1",
          )
        )[0]!;
        expect(JSON.parse(audit.details)).toEqual({ role, bureauId: null, divisionId: null, via: 'cli' });
        expect(audit.details.includes(token) || audit.details.includes(hashToken(token))).toBe(false);
      } finally {
        await d.close();
      }
    }
  });

  it.each([
    ['a label naming a person', ['--role', 'finance', '--label', '財政課 山田']],
    ['a label with a zero-width space', ['--role', 'finance', '--label', '財政課\u200b端末']],
    ['a bureau with a bidi override', ['--role', 'accounting', '--bureau', '子ども\u202e局']],
    ['a division with a NUL', ['--role', 'division', '--bureau', '子ども局', '--division', '保育\u0000課']],
  ])('refuses %s: exit 2, one Japanese line, nothing made', async (_what, args) => {
    const r = await runSaiken(['token', 'create', '--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
  });

  it('folds half-width kana to the bureau the API made', async () => {
    expect((await runSaiken(['token', 'create', '--db', db, '--role', 'accounting', '--bureau', 'ｺﾄﾞﾓ局'])).code).toBe(0); // prettier-ignore
    expect((await runSaiken(['token', 'create', '--db', db, '--role', 'accounting', '--bureau', 'コドモ局'])).code).toBe(0); // prettier-ignore
    const list = await runSaiken(['token', 'list', '--db', db]);
    const bureaus = list.stdout
      .split('\n')
      .slice(1)
      .filter((l) => l.includes('accounting'))
      .map((l) => l.split('\t')[2]);
    expect(bureaus).toEqual(['コドモ局', 'コドモ局']);
    expect(list.stdout).not.toMatch(/skn_/);
  });
});
