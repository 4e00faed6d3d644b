/** `saiken db migrate|backup|copy`: Japanese messages on stderr, exit codes, and never a URL's password. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { COPY_ORDER } from '../../../server/db/copy.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { openDb } from '../../../server/db/open.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir } from '../helpers/service.js';
import { freshPgSchema, type TestDatabase } from '../helpers/test-db.js';

const dir = makeTempDir('saiken-dbcmd-');
const schemas: TestDatabase[] = [];
afterAll(async () => {
  for (const s of schemas) await s.drop();
  rmSync(dir, { recursive: true, force: true });
});

const SECRET = 's3cret-パス';
const LATEST = MIGRATIONS.length;

/** A new PostgreSQL schema, reached by a URL with a password (the local server trusts and ignores it). */
async function pgWithPassword(): Promise<string> {
  const s = await freshPgSchema();
  schemas.push(s);
  const u = new URL(s.location);
  u.password = encodeURIComponent(SECRET);
  return u.toString();
}

const noSecret = (r: { stdout: string; stderr: string }) => {
  expect(r.stdout + r.stderr).not.toContain('s3cret');
  expect(r.stdout + r.stderr).not.toContain(encodeURIComponent(SECRET));
};

describe('saiken db migrate', () => {
  it('makes a new database, then says it is current', async () => {
    const db = join(dir, 'new.db');
    const made = await runSaiken(['db', 'migrate', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toBe(`データベース ${db} に表を作り、最新の形式（${LATEST}）にしました。\n`);
    const again = await runSaiken(['db', 'migrate', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`データベース ${db} はすでに最新の形式（${LATEST}）です。\n`);
  });

  it('upgrades an older file, naming the copy taken before and what it still holds', async () => {
    const db = join(dir, 'old.db');
    const old = await openDb(db);
    // Just before the step that scrubs stored values, so the upgrade removes some.
    const before = MIGRATIONS.findIndex((m) => typeof m !== 'string' && m.scrubs === true);
    await migrate(old, new Date(), MIGRATIONS.slice(0, before));
    await old.close();
    const r = await runSaiken(['db', 'migrate', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`データベース ${db} を形式 ${before} から形式 ${LATEST} に更新しました。`);
    const bak = readdirSync(dir).find((f) => f.startsWith('old.db.v') && f.endsWith('.bak'));
    expect(bak).toBeDefined();
    expect(lines[1]).toBe(`更新前のコピーを ${join(dir, bak!)} に作りました。`);
    expect(lines[2]).toMatch(/^更新前のコピー .*\.bak には、今回の更新で個人情報として消した値が残っています。/);
  });

  it('refuses a database newer than the program with one Japanese line (exit 2)', async () => {
    const db = join(dir, 'future.db');
    const future = await openDb(db);
    await future.run('PRAGMA user_version = 99');
    await future.close();
    const r = await runSaiken(['db', 'migrate', '--db', db]);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(/新しい形式/);
  });

  it('migrates a PostgreSQL database without printing its password', async () => {
    const url = await pgWithPassword();
    const r = await runSaiken(['db', 'migrate', '--db', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:5432\/test.* に表を作り、最新の形式/);
    noSecret(r);
  });
});

describe('saiken db backup', () => {
  it('copies a SQLite database to a new file and says where and how big', async () => {
    const db = join(dir, 'backed.db');
    expect((await runSaiken(['token', 'create', '--db', db, '--role', 'finance', '--label', '財政課 端末'])).code).toBe(
      0,
    );
    const out = join(dir, 'backups', 'saiken-1.db');
    const r = await runSaiken(['db', 'backup', '--db', db, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`^データベース .* のバックアップを ${out} に作りました（\\d+\\.\\d KB）。\\n$`),
    );
    const list = await runSaiken(['token', 'list', '--db', out]);
    expect(list.stdout).toContain('財政課 端末');

    const again = await runSaiken(['db', 'backup', '--db', db, '--out', out]);
    expect(again.code).toBe(2);
    expect(isOneJapaneseLine(again.stderr), again.stderr).toBe(true);
    expect(again.stderr).toContain('すでにあります');
  });

  it('refuses a database that is not there, without making one', async () => {
    const db = join(dir, 'missing.db');
    const r = await runSaiken(['db', 'backup', '--db', db, '--out', join(dir, 'missing-backup.db')]);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(existsSync(db)).toBe(false);
  });

  it('points PostgreSQL to pg_dump with an example command, exit 2, no password', async () => {
    const url = await pgWithPassword();
    const r = await runSaiken(['db', 'backup', '--db', url, '--out', 'saiken.dump']);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toMatch(
      /pg_dump --format=custom --file=saiken\.dump --host=127\.0\.0\.1 --port=5432 --username=postgres --schema=t_\w+ test/,
    );
    expect(r.stderr).toContain('PGPASSWORD');
    noSecret(r);
  });
});

describe('saiken db copy', () => {
  it('moves a SQLite file into PostgreSQL and back, and refuses a target with rows', async () => {
    const file = join(dir, 'city.db');
    expect((await runSaiken(['token', 'create', '--db', file, '--role', 'finance', '--label', '財政課'])).code).toBe(0);
    expect((await runSaiken(['token', 'create', '--db', file, '--role', 'admin', '--label', '情報課'])).code).toBe(0);
    const url = await pgWithPassword();

    // Four rows: the two tokens and the audit entries of their making.
    const r = await runSaiken(['db', 'copy', '--from', file, '--to', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `から postgres://postgres:\\*\\*\\*\\*@.* へコピーしました: ${COPY_ORDER.length} 表、4 行。表ごとの行数と台帳 0 件の合計・行がコピー元と一致しました（[\\d.]+ 秒）。\n$`,
      ),
    );
    noSecret(r);
    const listed = await runSaiken(['token', 'list', '--db', url]);
    expect(listed.stdout).toContain('財政課');
    expect(listed.stdout).toContain('情報課');

    const again = await runSaiken(['db', 'copy', '--from', file, '--to', url]);
    expect(again.code).toBe(2);
    expect(isOneJapaneseLine(again.stderr), again.stderr).toBe(true);
    expect(again.stderr).toMatch(/の表 tokens にすでに行があります/);
    noSecret(again);

    const back = join(dir, 'back.db');
    const b = await runSaiken(['db', 'copy', '--from', url, '--to', back]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(`へコピーしました: ${COPY_ORDER.length} 表、4 行。`);
    noSecret(b);
    expect((await runSaiken(['token', 'list', '--db', back])).stdout).toContain('情報課');
  });

  it('refuses a source that is not there, and the same database on both sides (exit 2)', async () => {
    const missing = join(dir, 'nowhere.db');
    const r = await runSaiken(['db', 'copy', '--from', missing, '--to', join(dir, 'to.db')]);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toContain('コピー元のデータベース');
    expect(existsSync(missing)).toBe(false);

    const same = join(dir, 'same.db');
    const s = await runSaiken(['db', 'copy', '--from', same, '--to', same]);
    expect(s.code).toBe(2);
    expect(s.stderr).toBe('コピー元とコピー先が同じです。別のデータベースを指定してください。\n');
  });

  it('asks for both ends in Japanese', async () => {
    const r = await runSaiken(['db', 'copy', '--from', join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).toContain('--to');
  });
});
