/**
 * GET /addin/manifest.xml: the committed manifest.xml with every URL on the origin the client
 * reached, over the service's development certificate (trusted here as a user would trust it) —
 * only for an origin the service knows as its own, never for whatever Host header arrives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN } from '../../../domain/addin-manifest.js';
import { startService, type RunningService } from '../../../server/service.js';

let dir: string;
let https: RunningService;
let http: RunningService;
let proxied: RunningService;
const PUBLIC = 'https://saiken.city.example.jp';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiken-manifest-'));
  const common = { port: 0, host: '127.0.0.1', staticDir: dir, logger: pino({ level: 'silent' }) };
  https = await startService({ ...common, database: join(dir, 'tls', 'saiken.db'), http: false });
  http = await startService({ ...common, database: join(dir, 'plain', 'saiken.db'), http: true });
  proxied = await startService({
    ...common,
    database: join(dir, 'proxied', 'saiken.db'),
    http: true,
    publicOrigins: [PUBLIC],
  });
}, 60_000);

afterAll(async () => {
  await https?.close();
  await http?.close();
  await proxied?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A GET that trusts only the development certificate `saiken serve` wrote beside the database. */
function getTrusting(url: string, ca: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('GET /addin/manifest.xml', () => {
  it('serves the manifest on the service’s own HTTPS origin', async () => {
    const ca = readFileSync(join(dir, 'tls', 'tls', 'dev-cert.pem'), 'utf8');
    const res = await getTrusting(`${https.url}/addin/manifest.xml`, ca);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/xml/);
    expect(res.body).not.toContain(DEFAULT_ORIGIN);
    expect(res.body).toContain(`<SourceLocation DefaultValue="${https.url}/addin/taskpane.html"/>`);
    expect(res.body).toContain(`<AppDomain>${https.url}</AppDomain>`);
    expect(res.body.startsWith('<?xml')).toBe(true);
  });

  it('takes the origin a TLS-ending proxy in front reports, when it is the configured public origin', async () => {
    const res = await fetch(`${proxied.url}/addin/manifest.xml`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'saiken.city.example.jp' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<SourceLocation DefaultValue="${PUBLIC}/addin/taskpane.html"/>`);
  });

  it('refuses a host that is not the service’s own', async () => {
    const forged = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'saiken.evil.example' };
    for (const svc of [http, proxied]) {
      const res = await fetch(`${svc.url}/addin/manifest.xml`, { headers: forged });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'unknown-origin' });
    }
    const ca = readFileSync(join(dir, 'tls', 'tls', 'dev-cert.pem'), 'utf8');
    const res = await new Promise<number>((resolve, reject) => {
      request(
        `${https.url}/addin/manifest.xml`,
        { ca, servername: 'localhost', headers: { Host: 'saiken.evil.example' } },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(res).toBe(400);
  });

  it('refuses plain HTTP, on which Office does not load add-ins', async () => {
    const res = await fetch(`${http.url}/addin/manifest.xml`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'not-https', message: expect.stringContaining('HTTPS') });
  });

  it('refuses a Host that is not a host name', async () => {
    const res = await fetch(`${http.url}/addin/manifest.xml`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example/"><x' },
    });
    expect(res.status).toBe(400);
  });
});
