/**
 * What the service serves for each `--office-js` source: taskpane.html written for it (revalidated
 * on every open), and with `self` the @microsoft/office-js package's files under
 * /addin/office-js/<version>/ — its dist folder only (no traversal, no other file types, no other
 * version), with JavaScript's type and a cache that lasts, since the path names the version —, and
 * /healthz naming the source and the version served.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/http/app.js';
import { findOfficeJsPackage, resolveOfficeJs } from '../../../server/http/office-js-files.js';
import type { OfficeJsSource } from '../../../server/http/office-js.js';
import { paneCsp } from '../../../server/http/security.js';
import { startService } from '../../../server/service.js';
import { makeTempDir, startTestService, type TestService } from '../helpers/service.js';

const SOURCE_PANE = fileURLToPath(new URL('../../../addin/taskpane.html', import.meta.url));
const pkg = findOfficeJsPackage()!;
const SELF: OfficeJsSource = { kind: 'self', ...pkg };
const MIRROR: OfficeJsSource = { kind: 'url', url: 'https://mirror.city.lg.jp/office/1/office.js' };
const BASE = `/addin/office-js/${pkg.version}`;

let svc: TestService;
let staticDir: string;
const appFor = (officeJs?: OfficeJsSource) =>
  createApp({ db: svc.service.db, logger: pino({ level: 'silent' }), staticDir, ...(officeJs ? { officeJs } : {}) });

beforeAll(async () => {
  svc = await startTestService();
  staticDir = makeTempDir('saiken-pane-');
  writeFileSync(join(staticDir, 'taskpane.html'), readFileSync(SOURCE_PANE, 'utf8'));
  writeFileSync(join(staticDir, 'built.js'), 'void 0;');
});
afterAll(async () => svc?.close());

/** A raw request line, as a client that does not normalise the path would send it. */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    let head = '';
    socket.on('data', (d) => (head += String(d)));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('the package', () => {
  it('is installed, with a version from its package.json', () => {
    expect(pkg).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(pkg.dist, '..', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(manifest.version);
  });

  it('is needed for self only', () => {
    expect(resolveOfficeJs({ kind: 'self' })).toEqual(SELF);
    expect(resolveOfficeJs({ kind: 'cdn' })).toEqual({ kind: 'cdn' });
    expect(resolveOfficeJs(MIRROR)).toEqual(MIRROR);
  });
});

describe('GET /addin/taskpane.html', () => {
  it.each([
    ['cdn (the default)', undefined, 'https://officeapis.public.onecdn.static.microsoft/1/office.js'],
    ['self', SELF, `${BASE}/office.js`],
    ['a mirror', MIRROR, MIRROR.kind === 'url' ? MIRROR.url : ''],
  ])('%s: office.js from that source, the policy allowing it, revalidated each time', async (_name, source, src) => {
    const res = await request(appFor(source)).get('/addin/taskpane.html');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(paneCsp(source ?? { kind: 'cdn' }));
    expect(res.text).toContain(`<script src="${src}" data-office-js></script>`);
    expect(res.text.match(/data-office-js>/g)).toHaveLength(1);
    expect(res.text).toContain(`data-source="${source?.kind ?? 'cdn'}"`);
  });

  it('other files of the build are served as before', async () => {
    const res = await request(appFor(SELF)).get('/addin/built.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(paneCsp(SELF));
  });

  it('a build without the office.js block is a logged 500, not a pane loading office.js from elsewhere', async () => {
    const oldBuild = makeTempDir('saiken-old-pane-');
    writeFileSync(join(oldBuild, 'taskpane.html'), '<script src="https://appsforoffice.microsoft.com/x/office.js">');
    const app = createApp({
      db: svc.service.db,
      logger: pino({ level: 'silent' }),
      staticDir: oldBuild,
      officeJs: SELF,
    });
    const res = await request(app).get('/addin/taskpane.html');
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('appsforoffice');
  });
});

describe('GET /addin/office-js/<version>/… (self)', () => {
  it('serves office.js and the files it loads next, from the package, as JavaScript cached for good', async () => {
    const app = appFor(SELF);
    for (const file of [
      'office.js',
      'excel-web-16.00.js',
      'excel-win32-16.01.js',
      'o15apptofilemappingtable.js',
      'ja-jp/office_strings.js',
      'en-us/office_strings.js',
      'telemetry/oteljs_agave.js',
      'ariatelemetry/aria-web-telemetry.js',
    ]) {
      const res = await request(app).get(`${BASE}/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers['content-type'], file).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-security-policy'], file).toBe(paneCsp(SELF));
      expect(res.headers['x-content-type-options'], file).toBe('nosniff');
      expect(res.text, file).toBe(readFileSync(join(pkg.dist, file), 'utf8'));
    }
    const css = await request(app).get(`${BASE}/agaveerrorux/style/agaveerrorux.css`);
    expect(css.status).toBe(200);
    expect(css.type).toBe('text/css');
    const png = await request(app).get(`${BASE}/agaveerrorux/images/office.png`);
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
  });

  it('answers 304 to a revalidation', async () => {
    const app = appFor(SELF);
    const first = await request(app).get(`${BASE}/office.js`);
    const again = await request(app).get(`${BASE}/office.js`).set('If-None-Match', String(first.headers.etag));
    expect(again.status).toBe(304);
  });

  it('serves nothing but the package’s dist files of the version named in taskpane.html', async () => {
    const app = appFor(SELF);
    for (const path of [
      '/addin/office-js/office.js', // no version
      '/addin/office-js/0.0.1/office.js', // another version
      `${BASE}/`,
      `${BASE}/ja-jp`,
      `${BASE}/office.d.ts`, // the package's, but not a file office.js loads
      `${BASE}/agaveerrorux/index.html`,
      `${BASE}/missing.js`,
      `${BASE}/.hidden.js`,
      `${BASE}/%2e%2e/package.json`,
      `${BASE}/%2e%2e%2fpackage.json`,
      `${BASE}/..%2f..%2f..%2fpackage.json`,
      `${BASE}/..%5c..%5cpackage.json`,
      `${BASE}/%2fetc%2fpasswd`,
      `${BASE}/ja-jp%2f..%2f..%2fpackage.json`,
      `${BASE}/%252e%252e/package.json`,
      `${BASE}/office.js%00.png`,
    ]) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(404);
    }
    // Sent as they are, without a client resolving the dots first.
    const selfService = await startService({
      port: 0,
      host: '127.0.0.1',
      database: join(makeTempDir('saiken-self-'), 'saiken.db'),
      http: true,
      staticDir,
      logger: pino({ level: 'silent' }),
      officeJs: { kind: 'self' },
    });
    try {
      expect(await rawGet(selfService.url, `${BASE}/office.js`)).toBe(200);
      for (const path of [
        `${BASE}/../../package.json`,
        `${BASE}/../../../../../../etc/passwd`,
        `${BASE}/ja-jp/../../package.json`,
        `${BASE}/./../package.json`,
        `${BASE}/..\\..\\package.json`,
        `/addin/office-js/${pkg.version}/../../../server/service.ts`,
      ]) {
        const status = await rawGet(selfService.url, path);
        expect([400, 403, 404], path).toContain(status);
      }
    } finally {
      await selfService.close();
    }
  });

  it('is not served at all unless the source is self', async () => {
    for (const source of [undefined, MIRROR]) {
      expect((await request(appFor(source)).get(`${BASE}/office.js`)).status).toBe(404);
    }
  });
});

describe('GET /healthz', () => {
  it.each([
    ['cdn (the default)', undefined, { source: 'cdn' }],
    ['self', SELF, { source: 'self', version: pkg.version }],
    ['a mirror', MIRROR, { source: 'url' }],
  ])('%s', async (_name, source, officeJs) => {
    const res = await request(appFor(source)).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, officeJs });
  });

  it('from a running service started with self, which logs the version it serves', async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const dir = makeTempDir('saiken-self-');
    const running = await startService({
      port: 0,
      host: '127.0.0.1',
      database: join(dir, 'saiken.db'),
      http: true,
      logger,
      officeJs: { kind: 'self' },
    });
    try {
      expect(running.officeJs).toEqual(SELF);
      expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({
        ok: true,
        officeJs: { source: 'self', version: pkg.version },
      });
      expect(logs).toContainEqual(
        expect.objectContaining({ msg: 'office.js source', officeJs: { source: 'self', version: pkg.version } }),
      );
    } finally {
      await running.close();
    }
  });
});
