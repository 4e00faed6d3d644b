/**
 * Transport and browser protections: no body is read before the caller is known, failed
 * authentication is braked per address (counted in the database, read but never written by a
 * request that authenticates; `test/server/sync/instances.test.ts` brakes across two instances), API answers are never cached or run as documents, the
 * task pane runs under a content security policy, HSTS over HTTPS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import request from 'supertest';
import type { Db } from '../../../server/db/db.js';
import { createApp } from '../../../server/http/app.js';
import { AuthThrottle, failureKey, failureLog, PANE_CSP } from '../../../server/http/security.js';
import { makeTempDir, startTestService, type TestService } from '../helpers/service.js';
import { storedBytes, dbWith } from '../helpers/test-db.js';

let svc: TestService;
let division: string;

beforeAll(async () => {
  const staticDir = makeTempDir('saiken-static-');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(
    join(staticDir, 'taskpane.html'),
    '<!doctype html><title>pane</title><!-- office.js --><!-- /office.js -->',
  );
  svc = await startTestService({ authFailures: { limit: 30, windowMs: 60_000 }, staticDir });
  division = await svc.makeToken('division', '環境局', '業務課');
});
afterAll(async () => svc?.close());

/** A request from a chosen loopback address (127.0.0.0/8 is all this machine). */
function from(
  localAddress: string,
  path: string,
  o: { method?: string; token?: string; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${svc.url}${path}`,
      {
        method: o.method ?? 'GET',
        localAddress,
        headers: { ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}), ...o.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('authentication comes first', () => {
  it('answers 401 to a large or compressed body without a valid token, without reading it as JSON', async () => {
    const big = Buffer.from(`{"x":"${'a'.repeat(15 * 1024 * 1024)}"`); // not even valid JSON
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    for (const [body, encoding] of [
      [big, undefined],
      [bomb, 'gzip'],
    ] as const) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (encoding) headers['Content-Encoding'] = encoding;
      const res = await from('127.0.0.3', '/api/v1/ledgers/abcdefgh/submissions', {
        method: 'POST',
        token: 'skn_not-a-token-at-all-0000',
        body,
        headers,
      });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'unauthorized' });
    }
  });
});

describe('failed authentication', () => {
  it('is braked per address: 429 with Retry-After past the limit, other addresses unaffected', async () => {
    const statuses = new Map<number, number>();
    let retryAfter: string | undefined;
    // 3,000 wrong tokens, 50 at a time.
    for (let i = 0; i < 60; i++) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          from('127.0.0.4', '/api/v1/me', { token: `skn_wrong_${i}_${j}_xxxxxxxx` }),
        ),
      );
      for (const r of batch) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 429) retryAfter ??= String(r.headers['retry-after']);
      }
    }
    // Only failures count, so a batch in flight together may pass the limit by its size.
    expect(statuses.get(401)).toBeGreaterThanOrEqual(30);
    expect(statuses.get(401)).toBeLessThan(30 + 50);
    expect(statuses.get(429)).toBe(3000 - statuses.get(401)!);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // While braked, even a valid token from that address waits; from another address it works.
    expect((await from('127.0.0.4', '/api/v1/me', { token: division })).status).toBe(429);
    expect((await from('127.0.0.5', '/api/v1/me', { token: division })).status).toBe(200);
    // Behind a reverse proxy on this machine, the address the proxy forwards is the one braked.
    const viaProxy = (client: string, token: string) =>
      from('127.0.0.7', '/api/v1/me', { token, headers: { 'X-Forwarded-For': `203.0.113.9, ${client}` } });
    for (let i = 0; i < 30; i++) expect((await viaProxy('192.0.2.1', `skn_wrong_proxy_${i}_xxxx`)).status).toBe(401);
    expect((await viaProxy('192.0.2.1', division)).status).toBe(429);
    expect((await viaProxy('192.0.2.2', division)).status).toBe(200);
  }, 60_000);

  it('counts a sliding window, in the database', async () => {
    let now = 0;
    const db = svc.service.db;
    const t = new AuthThrottle(failureLog(db), 3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(await t.retryAfter('192.0.2.50')).toBe(0);
      await t.fail('192.0.2.50');
      now += 100;
    }
    expect(await t.retryAfter('192.0.2.50')).toBe(700); // the first failure (t=0) leaves the window at t=1000
    // Another throttle on the same database (another instance of the service) sees the same failures.
    const other = new AuthThrottle(failureLog(db), 3, 1000, () => now);
    expect(await other.retryAfter('192.0.2.50')).toBe(700);
    now = 1000;
    expect(await t.retryAfter('192.0.2.50')).toBe(0);
    expect(await t.retryAfter('192.0.2.51')).toBe(0);
    // A failure prunes what has left the window, whatever its address.
    const stored = async () =>
      (await db.all<{ at: number }>("SELECT at FROM auth_failures WHERE address LIKE '192.0.2.5_' ORDER BY at")).map(
        (r) => Number(r.at),
      );
    expect(await stored()).toEqual([0, 100, 200]);
    now = 1150;
    await t.fail('192.0.2.51');
    expect(await stored()).toEqual([200, 1150]);
  });

  it('stores addresses and times only: never a token, nor text a client chose', async () => {
    const wrong = Array.from({ length: 5 }, (_, i) => `skn_stored_never_${i}_${'q'.repeat(30)}`);
    for (const token of wrong) expect((await from('127.0.0.8', '/api/v1/me', { token })).status).toBe(401);
    // From this machine, X-Forwarded-For is believed: a forged one is counted, but stored as a digest.
    const forged = `skn_forged_header_${'z'.repeat(30)}`;
    const viaForged = await from('127.0.0.8', '/api/v1/me', {
      token: wrong[0],
      headers: { 'X-Forwarded-For': forged },
    });
    expect(viaForged.status).toBe(401);
    const rows = await svc.service.db.all<{ address: string }>('SELECT DISTINCT address FROM auth_failures');
    expect(rows.map((r) => r.address)).toContain('127.0.0.8');
    expect(rows.map((r) => r.address)).toContain(failureKey(forged));
    expect(failureKey(forged)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const bytes = (await storedBytes(svc.database)).toString('latin1');
    for (const text of [...wrong, forged]) expect(bytes).not.toContain(text.slice(4, 20));
    expect(bytes).not.toContain('skn_forged');
    expect(bytes).not.toContain('skn_stored');
  });

  it('writes nothing for a request that authenticates', async () => {
    const real = svc.service.db;
    const writes: string[] = [];
    const spy: Db = dbWith(real, {
      run: (sql, params) => {
        writes.push(sql);
        return real.run(sql, params);
      },
      transaction: (fn) => {
        writes.push('transaction');
        return real.transaction(fn);
      },
    });
    const app = createApp({
      db: spy,
      logger: pino({ level: 'silent' }),
      authFailures: { limit: 30, windowMs: 60_000 },
    });
    for (let i = 0; i < 10; i++) {
      const res = await request(app).get('/api/v1/me').set('Authorization', `Bearer ${division}`);
      expect(res.status).toBe(200);
    }
    expect(writes).toEqual([]);
    expect(
      (await request(app).get('/api/v1/me').set('Authorization', 'Bearer skn_wrong_once_xxxxxxxxxxxx')).status,
    ).toBe(401);
    expect(writes.some((sql) => /INSERT INTO auth_failures/.test(sql))).toBe(true);
  });
});

describe('response headers', () => {
  it('the API: no-store and a policy that runs nothing', async () => {
    for (const path of ['/api/v1/me', '/api/v1/ledgers', '/api/v1/nothing-here']) {
      const res = await from('127.0.0.6', path, { token: division });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const unauth = await from('127.0.0.6', '/api/v1/me');
    expect(unauth.status).toBe(401);
    expect(unauth.headers['cache-control']).toBe('no-store');
  });

  it('the task pane: its own scripts and office.js only, talking only to this origin', async () => {
    const res = await from('127.0.0.6', '/addin/taskpane.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(PANE_CSP);
    expect(PANE_CSP).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(PANE_CSP).not.toMatch(/script-src[^;]*unsafe/);
    expect(PANE_CSP).toMatch(/object-src 'none'/);
    // HSTS only over HTTPS: this test service is plain HTTP on loopback.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
