/**
 * office.js where the internet is not, in Chromium against the real service and the built pane:
 * - `--office-js self`: every request to another origin is refused and counted — none is made —
 *   while the pane works end to end (the Excel stand-in, as in pane.e2e.test.ts), and the real
 *   office.js from the package loads the files it needs next (Excel's script, the ja-jp strings)
 *   from the service alone;
 * - `cdn`: the legacy host is tried when the current one is blocked;
 * - the boot guard: office.js blocked (the Japanese page naming the URLs, English for an English
 *   browser), Office.onReady not within 10 s, Excel below ExcelApi 1.9, an Internet Explorer webview.
 * Screenshots go to test-artifacts/e2e/ (pane 350 px wide, as Excel's).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../domain/calendar/day.js';
import { findOfficeJsPackage } from '../../server/http/office-js-files.js';
import { CDN_OFFICE_JS, LEGACY_OFFICE_JS } from '../../server/http/office-js.js';
import { startService, type RunningService } from '../../server/service.js';
import { createToken } from '../server/helpers/service.js';
import { buildAddin, bundleStandin } from './support/bundle.js';
import { e2eLedger, type E2eLedger } from './support/ledger.js';
import type { StandinSeed } from './support/standin-entry.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
const PANE = { width: 350, height: 900 };
const MIRROR = 'https://mirror.city.lg.jp:8443/office/1/office.js';
/** What the stubbed office.js does: tell the stand-in it has loaded (Office.onReady then resolves). */
const OFFICE_JS_STUB = 'window.__saikenStandin && window.__saikenStandin.officeLoaded();';
const pkg = findOfficeJsPackage()!;
const SELF_OFFICE_JS = `/addin/office-js/${pkg.version}/office.js`;

if (!HAS_CHROMIUM) console.warn(`SKIPPED the office.js browser test: ${CHROMIUM} is missing.`);

let dir: string;
let standin: string;
let ledger: E2eLedger;
let browser: Browser;
const services: Record<'self' | 'cdn' | 'mirror', RunningService> = {} as never;
const contexts: BrowserContext[] = [];

const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });

interface Pane {
  page: Page;
  /** Every URL requested outside the service's origin (each one refused). */
  outside: string[];
  /** Every URL requested from the service. */
  own: string[];
  pageErrors: string[];
}

/**
 * A pane on `service` in a fresh browser context: requests to the service pass, everything else is
 * counted and refused unless `answer` answers it. With `seed`, the Excel stand-in is in the page
 * before its scripts run.
 */
async function openPane(
  service: RunningService,
  o: {
    locale?: string;
    seed?: StandinSeed;
    answer?: (url: string, route: Route) => Promise<boolean>;
    init?: string;
  } = {},
): Promise<Pane> {
  const context = await browser.newContext({ viewport: PANE, locale: o.locale ?? 'ja-JP', timezoneId: 'Asia/Tokyo' });
  contexts.push(context);
  const pane: Pane = { page: undefined as never, outside: [], own: [], pageErrors: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (o.answer && (await o.answer(url, route))) return;
    if (url.startsWith(`${service.url}/`)) {
      pane.own.push(url);
      return route.fallback();
    }
    pane.outside.push(url);
    return route.abort('blockedbyclient');
  });
  if (o.seed) {
    await context.addInitScript({ content: `${standin}\n;window.__saikenStandinSetup(${JSON.stringify(o.seed)});` });
  }
  if (o.init) await context.addInitScript({ content: o.init });
  pane.page = await context.newPage();
  pane.page.on('pageerror', (e) => pane.pageErrors.push(String(e)));
  return pane;
}

const notice = (page: Page) => page.getByRole('alert');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Answers the service's office.js with the stub, after checking the service really serves it
 * (`fetched` counts those requests: to this origin, so not among a pane's `outside`).
 */
function selfStub(service: RunningService, fetched: string[] = []): (url: string, route: Route) => Promise<boolean> {
  return async (url, route) => {
    if (url !== `${service.url}${SELF_OFFICE_JS}`) return false;
    fetched.push(url);
    const real = await route.fetch();
    expect(real.status()).toBe(200);
    expect(await real.text()).toBe(readFileSync(join(pkg.dist, 'office.js'), 'utf8'));
    await route.fulfill({ contentType: 'text/javascript', body: OFFICE_JS_STUB });
    return true;
  };
}

describe.skipIf(!HAS_CHROMIUM)('office.js on a closed network, in Chromium', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saiken-e2e-officejs-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const staticDir = join(dir, 'addin');
    [standin] = await Promise.all([bundleStandin(), buildAddin(staticDir)]);
    const start = (name: string, officeJs: Parameters<typeof startService>[0]['officeJs']) =>
      startService({
        port: 0,
        host: '127.0.0.1',
        database: join(dir, `${name}.db`),
        http: true,
        staticDir,
        logger: pino({ level: 'silent' }),
        officeJs,
      });
    [services.self, services.cdn, services.mirror] = await Promise.all([
      start('self', { kind: 'self' }),
      start('cdn', { kind: 'cdn' }),
      start('mirror', { kind: 'url', url: MIRROR }),
    ]);
    ledger = e2eLedger(todayInJapan(), 40);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await Promise.all(Object.values(services).map((s) => s.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('self: the pane works end to end, and nothing is requested outside the service', async () => {
    const service = services.self;
    const token = await createToken(service.url, service.firstAdminToken!, 'division', 'こども青少年局', '保育課');
    const fetched: string[] = [];
    const { page, outside, own, pageErrors } = await openPane(service, {
      seed: ledger.seed,
      answer: selfStub(service, fetched),
    });
    const opened = await page.goto(`${service.url}/addin/taskpane.html`);
    expect(opened?.headers()['content-security-policy']).toMatch(/script-src 'self';/);

    const mapping = page.getByRole('region', { name: '列の対応の確認' });
    await until(() => mapping.isVisible()).toBe(true);
    await page.getByRole('button', { name: '確定', exact: true }).click();
    await page.getByRole('tab', { name: '送信' }).click();
    await page.getByLabel('サーバーURL').fill(service.url);
    await page.getByLabel('アクセストークン').fill(token);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('button', { name: '接続を確認' }).click();
    await until(() => page.getByText('接続できました: こども青少年局 保育課').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'チェック' }).click();
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    await until(() => page.getByTestId('findings-list').isVisible()).toBe(true);
    await page.getByRole('tab', { name: '送信' }).click();
    await page.getByRole('button', { name: '送信', exact: true }).click();
    await until(() => page.getByTestId('sync-result').textContent()).toContain('リビジョン 1');
    await shot(page, 'office-js-self-sent');

    const res = await fetch(`${service.url}/api/v1/ledgers`, { headers: { Authorization: `Bearer ${token}` } });
    const { ledgers } = (await res.json()) as { ledgers: { revision: number }[] };
    expect(ledgers.map((l) => l.revision)).toEqual([1]);
    expect(await notice(page).count()).toBe(0);
    expect(fetched).toEqual([`${service.url}${SELF_OFFICE_JS}`]);
    expect(own.some((u) => u.startsWith(`${service.url}/api/v1/`))).toBe(true);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('self: the real office.js loads Excel’s script and the ja-jp strings from the service alone', async () => {
    const service = services.self;
    // As Office on the web opens a pane: the host's type, platform, version and language in the URL.
    const { page, outside, own } = await openPane(service);
    const loaded: string[] = [];
    page.on('response', (r) => {
      if (r.ok()) loaded.push(r.url());
    });
    await page.goto(`${service.url}/addin/taskpane.html?_host_Info=Excel$Web$16.00$ja-JP$$$$0`);
    const base = `${service.url}/addin/office-js/${pkg.version}/`;
    await until(() => loaded).toEqual(
      expect.arrayContaining([`${base}office.js`, `${base}excel-web-16.00.js`, `${base}ja-jp/office_strings.js`]),
    );
    // No Office on the other side of the frame: office.js never becomes ready, and the guard says so.
    await until(() => notice(page).count()).toBe(1);
    expect(await notice(page).innerText()).toContain('Office の準備が整いません');
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(outside).toEqual([]);
  });

  it('self, outside Office (a plain browser): office.js reports no host, the guard stays silent', async () => {
    const { page, outside } = await openPane(services.self);
    await page.goto(`${services.self.url}/addin/taskpane.html`);
    const host = await page.evaluate(() =>
      (window as unknown as { Office: { onReady(): Promise<{ host: unknown }> } }).Office.onReady().then((i) => i.host),
    );
    expect(host).toBeNull();
    expect(await notice(page).count()).toBe(0);
    expect(outside).toEqual([]);
  });

  it('cdn: when Microsoft’s current host is blocked, office.js comes from the legacy host', async () => {
    const { page, outside, pageErrors } = await openPane(services.cdn, {
      seed: ledger.seed,
      answer: async (url, route) => {
        if (url !== LEGACY_OFFICE_JS) return false;
        await route.fulfill({ contentType: 'text/javascript', body: OFFICE_JS_STUB });
        return true;
      },
    });
    await page.goto(`${services.cdn.url}/addin/taskpane.html`);
    await until(() => page.getByRole('region', { name: '列の対応の確認' }).isVisible()).toBe(true);
    expect(await notice(page).count()).toBe(0);
    expect(outside).toEqual([CDN_OFFICE_JS]);
    expect(pageErrors).toEqual([]);
  });

  it('the guard: office.js blocked — a Japanese page naming the URLs, the hosts and port to allow, and self', async () => {
    const { page, outside } = await openPane(services.cdn, { seed: ledger.seed });
    await page.goto(`${services.cdn.url}/addin/taskpane.html`);
    await until(() => notice(page).count()).toBe(1);
    const text = await notice(page).innerText();
    expect(text).toContain('office.js を読み込めませんでした');
    expect(text).toContain(CDN_OFFICE_JS);
    expect(text).toContain(LEGACY_OFFICE_JS);
    expect(text).toContain('ポート 443');
    expect(text).toContain('officeapis.public.onecdn.static.microsoft');
    expect(text).toContain('appsforoffice.microsoft.com');
    expect(text).toContain('saiken serve --office-js self');
    expect(outside).toEqual([CDN_OFFICE_JS, LEGACY_OFFICE_JS]);
    expect(await page.locator('#root').isVisible()).toBe(false);
    await shot(page, 'office-js-blocked');
  });

  it('the guard: in English for a browser that is not Japanese; a mirror named with its port', async () => {
    const { page } = await openPane(services.mirror, { locale: 'en-US', seed: ledger.seed });
    await page.goto(`${services.mirror.url}/addin/taskpane.html`);
    await until(() => notice(page).count()).toBe(1);
    const text = await notice(page).innerText();
    expect(text).toContain('office.js could not be loaded');
    expect(text).toContain(MIRROR);
    expect(text).toContain('port 8443');
    expect(text).toContain('mirror.city.lg.jp');
    expect(text).not.toContain('appsforoffice');
    expect(text).not.toMatch(/[\u3040-\u30ff]/);
    await shot(page, 'office-js-blocked-en');
  });

  it('the guard: Office.onReady not within 10 s — said at 10 s, withdrawn when Office comes late', async () => {
    const { page } = await openPane(services.self, {
      seed: ledger.seed,
      // office.js loads, but the host never answers.
      answer: async (url, route) => {
        if (url !== `${services.self.url}${SELF_OFFICE_JS}`) return false;
        await route.fulfill({ contentType: 'text/javascript', body: '/* loaded; no host answers */' });
        return true;
      },
    });
    // Time stands still but for what the test runs through.
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(1_000);
    await page.goto(`${services.self.url}/addin/taskpane.html`);
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.clock.runFor(9_000);
    expect(await notice(page).count()).toBe(0);
    await page.clock.runFor(1_000);
    await until(() => notice(page).count()).toBe(1);
    const text = await notice(page).innerText();
    expect(text).toContain('Office の準備が整いません');
    expect(text).toContain(`${services.self.url}${SELF_OFFICE_JS}`);
    expect(text).toContain(`${services.self.url}/healthz`);
    await shot(page, 'office-js-not-ready');
    await page.clock.resume();
    await page.evaluate(() => window.__saikenStandin!.officeLoaded());
    await until(() => notice(page).count()).toBe(0);
    await until(() => page.getByRole('region', { name: '列の対応の確認' }).isVisible()).toBe(true);
  });

  it('the guard: Excel below ExcelApi 1.9 — which Office versions work, instead of a blank pane', async () => {
    const { page } = await openPane(services.self, {
      seed: { ...ledger.seed, apiMinor: 8 },
      answer: selfStub(services.self),
    });
    await page.goto(`${services.self.url}/addin/taskpane.html`);
    await until(() => notice(page).count()).toBe(1);
    const text = await notice(page).innerText();
    expect(text).toContain('この Office では使えません');
    expect(text).toContain('ExcelApi');
    expect(text).toContain('Microsoft 365');
    expect(text).toContain('Office 2021 以降');
    expect(await page.locator('#root').isVisible()).toBe(false);
    await shot(page, 'office-js-old-excel');
  });

  it('the guard: an Internet Explorer webview — which Office versions work', async () => {
    const { page } = await openPane(services.self, {
      seed: ledger.seed,
      answer: selfStub(services.self),
      // What IE 11 has and lacks, as far as the guard looks.
      init: 'Object.defineProperty(document, "documentMode", { value: 11 }); window.fetch = undefined;',
    });
    await page.goto(`${services.self.url}/addin/taskpane.html`);
    await until(() => notice(page).count()).toBe(1);
    const text = await notice(page).innerText();
    expect(text).toContain('Internet Explorer');
    expect(text).toContain('Office 2021 以降');
  });
});
