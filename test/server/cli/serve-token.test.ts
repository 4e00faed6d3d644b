/**
 * `saiken token create|list|revoke` (in-process, on a database file) and `saiken serve` (a real
 * child process): a token is printed once and only its SHA-256 is kept; it works against the
 * service and stops working when revoked; the first start prints the admin token (the only thing
 * on stdout: logs go to stderr), later starts do not, and say so when no admin token is left; plain
 * HTTP only on loopback; HTTPS with a development certificate by default.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { startService, type RunningService } from '../../../server/service.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir } from '../helpers/service.js';
import { freshPgSchema } from '../helpers/test-db.js';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const TOKEN_LINE = /^skn_[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const dir = makeTempDir('saiken-serve-token-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withDb<T>(path: string, fn: (db: SqliteDb) => Promise<T>): Promise<T> {
  const db = await SqliteDb.open(path);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const count = (path: string, table: string) =>
  withDb(path, async (db) => (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);

async function me(url: string, token: string) {
  const res = await fetch(`${url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('saiken token', () => {
  const db = join(dir, 'tokens.db');
  let token: string;
  let service: RunningService;

  beforeAll(async () => {
    const r = await runSaiken([
      'token',
      'create',
      '--db',
      db,
      '--role',
      'division',
      '--bureau',
      '健康福祉局',
      '--division',
      '保険年金課',
    ]);
    expect(r.code, r.stderr).toBe(0);
    token = r.stdout.trimEnd();
  });
  afterAll(() => service?.close());

  it('create prints exactly one line, the token, and says on stderr that it is shown once', async () => {
    const r = await runSaiken(['token', 'create', '--db', db, '--role', 'finance', '--label', '財政課 控え']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.slice(0, -1).split('\n')).toHaveLength(1);
    expect(r.stdout.trimEnd()).toMatch(TOKEN_LINE);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect(r.stderr).not.toContain(r.stdout.trimEnd());
    expect(token).toMatch(TOKEN_LINE);
  });

  it('keeps only the SHA-256 of the token, never the token', async () => {
    const rows = await withDb(db, (d) =>
      d.all<{ token_hash: string; role: string; bureau: string; division: string }>(
        `SELECT t.token_hash, t.role, b.name AS bureau, d.name AS division FROM tokens t
           LEFT JOIN bureaus b ON b.id = t.bureau_id LEFT JOIN divisions d ON d.id = t.division_id ORDER BY t.id`,
      ),
    );
    expect(rows[0]).toEqual({
      token_hash: sha256(token),
      role: 'division',
      bureau: '健康福祉局',
      division: '保険年金課',
    });
    expect(rows[0]!.token_hash).not.toBe(token);
    const files = [db, `${db}-wal`].filter(existsSync);
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from(sha256(token)))).toBe(true);
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(bytes.includes(Buffer.from(token.slice(4)))).toBe(false);
  });

  it('the token works against a service started on that database', async () => {
    service = await startService({
      port: 0,
      host: '127.0.0.1',
      database: db,
      http: true,
      logger: pino({ level: 'silent' }),
    });
    const r = await me(service.url, token);
    expect(r).toEqual({
      status: 200,
      json: expect.objectContaining({ role: 'division', bureau: '健康福祉局', division: '保険年金課' }),
    });
  });

  it('list shows the token without its secret or hash', async () => {
    const r = await runSaiken(['token', 'list', '--db', db]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ID\t役割\t局\t課\t名前\t作成\t失効');
    const first = lines[1]!.split('\t');
    expect(first.slice(0, 5)).toEqual(['1', 'division', '健康福祉局', '保険年金課', '']);
    expect(first[5]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first[6]).toBe('');
    // The finance token made above, and the admin token of the service's first start.
    expect(lines.slice(2).map((l) => l.split('\t').slice(0, 2))).toEqual([
      ['2', 'finance'],
      ['3', 'admin'],
    ]);
    expect(r.stdout).not.toContain(token);
    expect(r.stdout).not.toContain(sha256(token));
    expect(r.stdout).not.toMatch(/skn_/);
  });

  it('revoke --id makes the token 401 at once, even for the running service', async () => {
    const r = await runSaiken(['token', 'revoke', '--db', db, '--id', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect((await me(service.url, token)).status).toBe(401);
    const list = await runSaiken(['token', 'list', '--db', db]);
    expect(list.stdout.split('\n')[1]!.split('\t')[6]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Revoking it again, or a token that does not exist: exit 2.
    for (const id of ['1', '999']) {
      const again = await runSaiken(['token', 'revoke', '--db', db, '--id', id]);
      expect(again.code).toBe(2);
      expect(isOneJapaneseLine(again.stderr), again.stderr).toBe(true);
    }
  });

  const BAD: [string, string[]][] = [
    ['an unknown role', ['--role', 'boss']],
    ['no role', []],
    ['division without a bureau', ['--role', 'division', '--division', '新課X']],
    ['division without a division', ['--role', 'division', '--bureau', '新局X']],
    ['accounting without a bureau', ['--role', 'accounting']],
    ['accounting with a division', ['--role', 'accounting', '--bureau', '新局X', '--division', '新課X']],
    ['finance with a bureau', ['--role', 'finance', '--bureau', '新局X']],
    ['admin with a division', ['--role', 'admin', '--division', '新課X']],
    ['a blank bureau', ['--role', 'division', '--bureau', '   ', '--division', '新課X']],
    ['a bureau name of 101 characters', ['--role', 'division', '--bureau', '局'.repeat(101), '--division', '新課X']],
    ['a label of 101 characters', ['--role', 'finance', '--label', 'x'.repeat(101)]],
  ];
  it.each(BAD)('%s: exit 2, one Japanese line, nothing written', async (_name, args) => {
    const before = {
      tokens: await count(db, 'tokens'),
      bureaus: await count(db, 'bureaus'),
      divisions: await count(db, 'divisions'),
    };
    const r = await runSaiken(['token', 'create', '--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    expect({
      tokens: await count(db, 'tokens'),
      bureaus: await count(db, 'bureaus'),
      divisions: await count(db, 'divisions'),
    }).toEqual(before);
  });

  it('revoke with an id that is not a number: exit 2, one Japanese line', async () => {
    const r = await runSaiken(['token', 'revoke', '--db', db, '--id', 'abc']);
    expect(r.code).toBe(2);
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
  });
});

interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM, then the exit status once the service has stopped. */
  stop(): Promise<number | null>;
}

/** Children still running when the file ends (a failed or timed-out test) are stopped there. */
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

/** `tsx server/cli/main.ts serve …` until it says where it listens. */
async function serve(args: string[]): Promise<Served> {
  const child = spawn(tsx, ['server/cli/main.ts', 'serve', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const m = /(https?:\/\/\S+?) で起動しました/.exec(err);
      if (m) {
        clearInterval(timer);
        done(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`serve exited (${code}): ${err}`));
    });
  });
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Waits until `stdout` holds a whole line (the token), or 10 s. */
async function firstLine(stdout: () => string): Promise<string> {
  const started = Date.now();
  while (!stdout().includes('\n') && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
  return stdout().split('\n')[0]!;
}

const NO_ACTIVE_ADMIN = '有効な管理者トークンがありません。saiken token create --role admin で作ってください。';

describe('saiken serve', () => {
  it('prints the URL and, on the first start only, the admin token once', { timeout: 60_000 }, async () => {
    const db = join(dir, 'serve.db');
    const first = await serve(['--port', '0', '--http', '--db', db]);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const adminToken = await firstLine(first.stdout);
    expect(adminToken).toMatch(TOKEN_LINE);
    expect((await me(first.url, adminToken)).json).toMatchObject({ role: 'admin' });
    expect(await first.stop()).toBe(0);
    // stdout is the token line and nothing else: the logs (the request above among them) go to stderr.
    expect(first.stdout()).toBe(`${adminToken}\n`);
    expect(first.stderr()).toMatch(/^\{"level":30,.*"msg":"request"/m);
    expect(first.stderr()).not.toContain(adminToken);
    expect(first.stderr()).toMatch(/管理者トークンを作りました/);
    expect(first.stderr()).not.toContain(NO_ACTIVE_ADMIN);

    const second = await serve(['--port', '0', '--http', '--db', db]);
    expect((await me(second.url, adminToken)).status).toBe(200);
    expect(await second.stop()).toBe(0);
    expect(second.stdout()).toBe('');
    expect(second.stderr()).not.toMatch(/管理者トークン/);
    expect(await count(db, "tokens WHERE role = 'admin'")).toBe(1);
  });

  it('after the admin token is revoked, makes no new one but says how to make one', { timeout: 60_000 }, async () => {
    const db = join(dir, 'revoked-admin.db');
    const first = await serve(['--port', '0', '--http', '--db', db]);
    const adminToken = await firstLine(first.stdout);
    expect(adminToken).toMatch(TOKEN_LINE);
    expect(await first.stop()).toBe(0);
    const revoke = await runSaiken(['token', 'revoke', '--db', db, '--id', '1']);
    expect(revoke.code, revoke.stderr).toBe(0);

    const again = await serve(['--port', '0', '--http', '--db', db]);
    expect((await me(again.url, adminToken)).status).toBe(401);
    expect(await again.stop()).toBe(0);
    expect(again.stdout()).toBe('');
    expect(again.stderr()).toContain(`${NO_ACTIVE_ADMIN}\n`);
    // Still the one, revoked admin token: a restart never makes one silently.
    expect(await count(db, "tokens WHERE role = 'admin'")).toBe(1);

    const created = await runSaiken(['token', 'create', '--db', db, '--role', 'admin']);
    expect(created.code, created.stderr).toBe(0);
    const last = await serve(['--port', '0', '--http', '--db', db]);
    expect(await last.stop()).toBe(0);
    expect(last.stdout()).toBe('');
    expect(last.stderr()).not.toMatch(/管理者トークン/);
  });

  /** Files under `path` (the database, its WAL and shm) this process holds open; null off Linux. */
  const openFiles = (path: string) =>
    existsSync('/proc/self/fd')
      ? readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`).startsWith(path);
          } catch {
            return false;
          }
        }).length
      : null;
  const expectClosed = (path: string) => {
    const n = openFiles(path);
    if (n !== null) expect(n, 'files of the database left open').toBe(0);
  };

  it('a start that fails closes the database and does not use up the first admin token', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const busy = (blocker.address() as AddressInfo).port;
    const db = join(dir, 'busy.db');
    const quiet = { host: '127.0.0.1', database: db, http: true, logger: pino({ level: 'silent' }) };
    try {
      await expect(startService({ ...quiet, port: busy })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expectClosed(db);
      const r = await runSaiken(['serve', '--http', '--port', String(busy), '--db', db]);
      expect(r.code).toBe(2);
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toContain(`ポート ${busy} はすでに使われています`);
    } finally {
      blocker.close();
    }
    // The next start is still the first one that listened: it makes and returns the admin token.
    const s = await startService({ ...quiet, port: 0 });
    expect(s.firstAdminToken).toMatch(TOKEN_LINE);
    await s.close();
    expect(await count(db, "tokens WHERE role = 'admin'")).toBe(1);

    // A database from a newer program: refused, and closed again.
    await withDb(db, async (d) => d.execScript(`PRAGMA user_version = ${(await d.schema.version()) + 1}`));
    await expect(startService({ ...quiet, port: 0 })).rejects.toThrow(/newer/);
    expectClosed(db);
    await withDb(db, (d) => expect(migrate(d)).rejects.toThrow(/newer/));
  });

  it('refuses plain HTTP on a non-loopback address, in Japanese, before touching the database', async () => {
    const db = join(dir, 'never.db');
    for (const host of ['0.0.0.0', '192.168.1.10', '::']) {
      const r = await runSaiken(['serve', '--port', '0', '--http', '--host', host, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(/HTTP/);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('on PostgreSQL, never prints or logs the password of the URL', { timeout: 60_000 }, async () => {
    const schema = await freshPgSchema();
    try {
      // The test server trusts local connections: the password is never checked, only carried.
      const url = new URL(schema.location);
      url.username = 'postgres';
      url.password = 'S3cret-pw-ZZ';
      const served = await serve(['--port', '0', '--http', '--db', url.toString()]);
      const adminToken = await firstLine(served.stdout);
      expect((await me(served.url, adminToken)).json).toMatchObject({ role: 'admin' });
      expect(await served.stop()).toBe(0);
      expect(served.stderr()).toContain('postgres://postgres:****@127.0.0.1:5432/test');
      expect(served.stdout() + served.stderr()).not.toContain('S3cret-pw-ZZ');

      url.port = '1';
      const refused = await runSaiken(['token', 'list', '--db', url.toString()]);
      expect(refused.code).toBe(2);
      expect(isOneJapaneseLine(refused.stderr), refused.stderr).toBe(true);
      expect(refused.stderr).toContain('PostgreSQL');
      expect(refused.stdout + refused.stderr).not.toContain('S3cret-pw-ZZ');
    } finally {
      await schema.drop();
    }
  });

  it('without --http, makes a development certificate and answers over HTTPS', { timeout: 60_000 }, async () => {
    const db = join(dir, 'https', 'saiken.db');
    const s = await serve(['--port', '0', '--db', db]);
    try {
      expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const cert = join(dir, 'https', 'tls', 'dev-cert.pem');
      const key = join(dir, 'https', 'tls', 'dev-key.pem');
      expect(readFileSync(cert, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(statSync(key).mode & 0o777).toBe(0o600);
      const adminToken = await firstLine(s.stdout);
      expect(adminToken).toMatch(TOKEN_LINE);
      const res = await new Promise<{ status: number; body: string; cert: string }>((done, fail) => {
        // Test only: the development certificate is self-signed.
        const req = httpsGet(
          `${s.url}/api/v1/me`,
          { rejectUnauthorized: false, agent: false, headers: { Authorization: `Bearer ${adminToken}` } },
          (r) => {
            const cert = String((r.socket as TLSSocket).getPeerCertificate().subject?.CN ?? '');
            let body = '';
            r.on('data', (c) => (body += String(c)));
            r.on('end', () => done({ status: r.statusCode!, body, cert }));
          },
        );
        req.on('error', fail);
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ role: 'admin' });
      expect(res.cert).toBe('localhost');
    } finally {
      expect(await s.stop()).toBe(0);
    }
    // The development certificate's log line went to stderr with the other logs.
    expect(s.stdout()).toMatch(/^skn_\S+\n$/);
    expect(s.stderr()).toContain('development certificate created');
  });
});
