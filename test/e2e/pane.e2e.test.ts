/**
 * The task pane in a real browser (Chromium), end to end: the built add-in served by the real
 * service (SQLite file in a temp directory), the real office-adapter.ts over the Excel host stand-in
 * injected into the page, and a user's clicks: mapping → settings → チェック → a finding → an edit
 * re-checked → 送信 → a lost connection (送信待ち) → the pane closed and opened again → 再送信. Every request body to /api/ is kept and
 * searched for personal data; the page may reach nothing but the service (office.js from the CDN is
 * answered locally). Screenshots of each step go to test-artifacts/e2e/ (pane 350 px wide, as Excel's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import type { CheckResult } from '../../domain/engine/types.js';
import { CDN_OFFICE_JS } from '../../server/http/office-js.js';
import { startService, type RunningService } from '../../server/service.js';
import { createToken } from '../server/helpers/service.js';
import { buildAddin, bundleStandin } from './support/bundle.js';
import { CLAIM_TYPE, e2eLedger, SHEET, type E2eLedger } from './support/ledger.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OFFICE_JS = CDN_OFFICE_JS;
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
const PANE = { width: 350, height: 900 };
const RED = '#FFC7CE';

const HAS_CJK_FONT = (() => {
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();
if (HAS_CHROMIUM && !HAS_CJK_FONT) {
  console.warn('No Japanese font for Chromium: the screenshots show boxes. Debian: apt-get install fonts-noto-cjk');
}
if (!HAS_CHROMIUM) {
  console.warn(
    `SKIPPED the browser end-to-end test: ${CHROMIUM} is missing. Install it (Debian: apt-get install chromium) to run it.`,
  );
}

interface ApiRequest {
  method: string;
  url: string;
  body: string;
}

let dir: string;
let service: RunningService;
let token: string;
let browser: Browser;
let page: Page;
let ledger: E2eLedger;
let expected: CheckResult;
const apiRequests: ApiRequest[] = [];
const outside: string[] = [];
const pageErrors: string[] = [];

/** expect.poll with room for a loaded CI machine (the whole suite runs in parallel). */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });

/** A screenshot of the whole pane; and nothing may be wider than Excel's task pane (no sideways scrolling). */
async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: the pane scrolls sideways`).toBeLessThanOrEqual(0);
}

const api = async (path: string): Promise<Record<string, unknown>> => {
  const res = await fetch(`${service.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

async function theLedger(): Promise<{ id: string; revision: number; totals: { rows: number } }> {
  const { ledgers } = (await api('/ledgers')) as {
    ledgers: { id: string; revision: number; totals: { rows: number } }[];
  };
  expect(ledgers).toHaveLength(1);
  return ledgers[0]!;
}

/** What a user typing into the sheet does: a new value, then Excel's onChanged for its address. */
async function editCell(row: number, column: number, value: string | number): Promise<void> {
  await page.evaluate(
    async ({ sheet, row, column, value }) => {
      const { host } = window.__saikenStandin!;
      host.sheet(sheet).setValue(row - 1, column, value);
      const letter = String.fromCharCode(65 + column);
      await host.fireChanged(sheet, `${letter}${row}`);
    },
    { sheet: SHEET, row, column, value },
  );
}

const fillOf = (row: number, column: number): Promise<string | null> =>
  page.evaluate(({ sheet, row, column }) => window.__saikenStandin!.host.shownFill(sheet, row - 1, column) ?? null, {
    sheet: SHEET,
    row,
    column,
  });

/**
 * Closes the pane and opens it again on the same workbook. Reloading the page sets the stand-in up
 * afresh from the seed, so the workbook as it is now (the ledger's cells, the document state the
 * pane keeps in it) is put back before the pane's scripts run; the user's storage (settings, and
 * the outbox in IndexedDB) is the browser's own and stays.
 */
async function reopenPane(): Promise<void> {
  const workbook = await page.evaluate((sheet) => {
    const { host } = window.__saikenStandin!;
    const s = host.sheet(sheet);
    const area = s.usedArea(true)!;
    const cells: [number, number, unknown][] = [];
    for (let r = area.row; r < area.row + area.rows; r++) {
      for (let c = area.column; c < area.column + area.columns; c++) cells.push([r, c, s.value(r, c)]);
    }
    const parts = host.model.parts.map(({ namespaceUri, xml }) => ({ namespaceUri, xml }));
    return { cells, parts, settings: [...host.model.settings] };
  }, SHEET);
  await page.addInitScript(
    ({ sheet, cells, parts, settings }) => {
      const { host } = window.__saikenStandin!; // set up by the context's script, which runs first
      const s = host.sheet(sheet);
      for (const [r, c, v] of cells) s.setValue(r, c, v as never);
      for (const p of parts) host.model.parts.push({ id: host.model.nextId('part'), ...p });
      type Settings = { set(k: string, v: unknown): void; saveAsync(): void };
      const office = (window as unknown as { Office: { context: { document: { settings: Settings } } } }).Office;
      for (const [k, v] of settings) office.context.document.settings.set(k, v);
      office.context.document.settings.saveAsync();
    },
    { sheet: SHEET, ...workbook },
  );
  await page.reload();
}

describe.skipIf(!HAS_CHROMIUM)('the task pane in Chromium against the service', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saiken-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const staticDir = join(dir, 'addin');
    const [standin] = await Promise.all([bundleStandin(), buildAddin(staticDir)]);
    service = await startService({
      port: 0,
      host: '127.0.0.1',
      database: join(dir, 'saiken.db'),
      http: true,
      staticDir,
      logger: pino({ level: 'silent' }),
    });
    token = await createToken(service.url, service.firstAdminToken!, 'division', 'こども青少年局', '保育課');

    const asOf = todayInJapan();
    ledger = e2eLedger(asOf);
    const local = checkSheet(ledger.grid, { asOf, claimType: CLAIM_TYPE });
    if (!local.ok) throw new Error('the e2e ledger has no header');
    expected = local.result;

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
    const context = await browser.newContext({ viewport: PANE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    // Nothing leaves this machine: the service, office.js answered here, everything else refused.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${service.url}/`)) return route.fallback();
      if (url === OFFICE_JS) {
        return route.fulfill({
          contentType: 'text/javascript',
          body: 'window.__saikenStandin && window.__saikenStandin.officeLoaded();',
        });
      }
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    await context.addInitScript({
      content: `${standin}\n;window.__saikenStandinSetup(${JSON.stringify(ledger.seed)});`,
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/'))
        apiRequests.push({ method: r.method(), url: r.url(), body: r.postData() ?? '' });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens in Excel (the stand-in) and shows the detected column mapping', async () => {
    await page.goto(`${service.url}/addin/taskpane.html`);
    const mapping = page.getByRole('region', { name: '列の対応の確認' });
    await until(() => mapping.isVisible()).toBe(true);
    await until(() => page.locator('[data-column]').count()).toBe(ledger.grid[2]!.length);
    const name = page.locator('[data-column="B"]');
    expect(await name.innerText()).toContain('氏名');
    expect(await name.innerText()).toContain('送信しない');
    expect(await page.getByRole('combobox', { name: /債権の種類/ }).inputValue()).toBe(CLAIM_TYPE);
    await shot('01-mapping');
    await page.getByRole('button', { name: '確定', exact: true }).click();
    await until(() => page.getByRole('tab', { name: 'チェック' }).isVisible()).toBe(true);
    await shot('02-confirmed');
  });

  it('keeps the service URL and token, and connects', async () => {
    await page.getByRole('tab', { name: '送信' }).click();
    await page.getByLabel('サーバーURL').fill(service.url);
    await page.getByLabel('アクセストークン').fill(token);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await until(() => page.getByText('保存しました。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '接続を確認' }).click();
    await until(() => page.getByText('接続できました: こども青少年局 保育課').isVisible()).toBe(true);
    await shot('03-settings');
  });

  it('checks the sheet: the findings the engine finds, highlighted in the sheet', async () => {
    await page.getByRole('tab', { name: 'チェック' }).click();
    await page.getByRole('button', { name: 'チェック', exact: true }).click();
    const total = expected.findings.length;
    await until(() => page.getByText(`${total}件を表示（全${total}件）`).isVisible()).toBe(true);
    expect(await page.getByTestId('findings-list').isVisible()).toBe(true);
    for (const [severity, n] of Object.entries(expected.summary.bySeverity)) {
      expect(await page.locator(`[data-severity="${severity}"]`).first().innerText()).toContain(String(n));
    }
    const missing = expected.findings.find((f) => f.rule === 'REQUIRED_MISSING')!;
    expect(await fillOf(missing.row, ledger.column('debtorId'))).toBe(RED);
    // Through office-adapter.ts: the stand-in saw Office.js requests, none refused.
    const requests = await page.evaluate(() => window.__saikenStandin!.host.stats());
    expect(requests.requests).toBeGreaterThan(5);
    expect(requests.failed).toBe(0);
    await shot('04-checked');
  });

  it('shows the analysis', async () => {
    await page.getByRole('tab', { name: '分析' }).click();
    const totals = page.getByRole('table', { name: '分析' });
    await until(() => totals.isVisible()).toBe(true);
    expect(await totals.innerText()).toContain('収入未済額');
    await shot('04b-analysis');
    await page.getByRole('tab', { name: 'チェック' }).click();
  });

  it('counts a late charge (延滞金の計算), the ledger’s claim type filled in', async () => {
    await page.getByRole('tab', { name: '延滞金の計算' }).click();
    await page.getByLabel('本税・元金（円）').fill('123,456');
    await page.getByLabel('納期限').fill('令和7年4月30日');
    await page.getByLabel('納付日').fill('2025-08-15');
    // As `saiken latecharge --principal 123456 --due 2025-04-30 --paid 2025-08-15` counts it.
    await until(() => page.getByTestId('late-charge-total').textContent()).toBe('延滞金: 2,400円（100円未満切捨て）');
    await shot('04c-late-charge');
    await page.getByRole('tab', { name: 'チェック' }).click();
  });

  it('selects the cell of a finding', async () => {
    await page.getByLabel('ルール', { exact: true }).selectOption('REQUIRED_MISSING');
    const n = expected.summary.byRule.REQUIRED_MISSING!;
    await until(() => page.getByText(`${n}件を表示（全${expected.findings.length}件）`).isVisible()).toBe(true);
    const first = page.locator('[data-testid="findings-list"] button[data-rule="REQUIRED_MISSING"]').first();
    const row = Number(await first.getAttribute('data-row'));
    await first.click();
    await until(() => page.evaluate(() => window.__saikenStandin!.host.model.selection?.area ?? null)).toEqual({
      row: row - 1,
      column: ledger.column('debtorId'),
      rows: 1,
      columns: 1,
    });
    expect(await page.getByTestId('finding-detail').innerText()).toContain(`${row}行 A列`);
    await shot('05-selected');
  });

  it('re-checks the row a user edits', async () => {
    const rows = expected.findings.filter((f) => f.rule === 'REQUIRED_MISSING').map((f) => f.row);
    const id = ledger.column('debtorId');
    ledger.debtorIds.push('E2E-000001', 'E2E-000002');
    await editCell(rows[0]!, id, 'E2E-000001');
    const n = rows.length - 1;
    const total = expected.findings.length - 1;
    await until(() => page.getByText(`${n}件を表示（全${total}件）`).isVisible()).toBe(true);
    expect(await page.locator(`[data-testid="findings-list"] button[data-row="${rows[0]}"]`).count()).toBe(0);
    expect(await page.getByTestId('finding-detail').count()).toBe(0); // the fixed finding is no longer shown
    expect(await fillOf(rows[0]!, id)).toBeNull();
    expect(await fillOf(rows[1]!, id)).toBe(RED);
    await shot('06-rechecked');
  });

  it('sends the sheet, and the service holds its rows', async () => {
    await page.getByRole('tab', { name: '送信' }).click();
    await page.getByRole('button', { name: '送信', exact: true }).click();
    await until(() => page.getByTestId('sync-result').textContent()).toContain('リビジョン 1');
    await until(() => page.getByRole('button', { name: '送信', exact: true }).isEnabled()).toBe(true);
    const l = await theLedger();
    expect(l.revision).toBe(1);
    expect(l.totals.rows).toBe(expected.summary.rows.checked);
    const detail = (await api(`/ledgers/${l.id}`)) as { findings: { byRule: Record<string, number> } };
    expect(detail.findings.byRule.REQUIRED_MISSING).toBe(expected.summary.byRule.REQUIRED_MISSING! - 1);
    // The planted unreadable 最終交渉日 among them: the service found it from the marker alone.
    expect(expected.summary.byRule.INVALID_DATE).toBeGreaterThan(0);
    expect(detail.findings.byRule.INVALID_DATE).toBe(expected.summary.byRule.INVALID_DATE);
    await shot('07-sent');
  });

  it('keeps a submission that could not be sent (送信待ち), and counts its resend once', async () => {
    const rows = expected.findings.filter((f) => f.rule === 'REQUIRED_MISSING').map((f) => f.row);
    await page.getByRole('tab', { name: 'チェック' }).click();
    await editCell(rows[1]!, ledger.column('debtorId'), 'E2E-000002');
    await until(() => fillOf(rows[1]!, ledger.column('debtorId'))).toBeNull();
    await page.getByRole('tab', { name: '送信' }).click();

    // 1. The network is down: nothing reaches the service.
    const submissions = `${service.url}/api/v1/ledgers/*/submissions`;
    await page.route(submissions, (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '送信', exact: true }).click();
    await until(() => page.getByTestId('outbox-pending').textContent()).toBe('送信待ち 1 件');
    await until(() => page.getByText(/サービスに接続できません/).isVisible()).toBe(true);
    expect((await theLedger()).revision).toBe(1);
    await shot('08-outbox');

    // 2. The pane is closed and opened again, still offline: the submission still waits, once.
    await reopenPane();
    await until(() => page.getByRole('tab', { name: '送信' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: '送信' }).click();
    await until(() => page.getByText(/サービスに接続できません/).isVisible()).toBe(true); // its resend on opening
    expect(await page.getByTestId('outbox-pending').textContent()).toBe('送信待ち 1 件');
    expect((await theLedger()).revision).toBe(1);
    // Kept in IndexedDB (localStorage's ~5 MB cannot hold a large ledger's first sync).
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('saiken');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(kept).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('saiken.outbox.v1'))).toBeNull();
    await shot('08b-reopened');

    // 3. The service applies the resend, but its answer is lost on the way back.
    await page.unroute(submissions);
    await page.route(submissions, async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '再送信' }).click();
    await until(async () => (await theLedger()).revision).toBe(2);
    await until(() => page.getByText(/サービスに接続できません/).isVisible()).toBe(true);
    expect(await page.getByTestId('outbox-pending').textContent()).toBe('送信待ち 1 件');

    // 4. Back online: the same submission again, which the service has already counted.
    await page.unroute(submissions);
    await page.getByRole('button', { name: '再送信' }).click();
    await until(() => page.getByTestId('outbox-pending').count()).toBe(0);
    expect(await page.getByTestId('sync-result').textContent()).toContain('リビジョン 2');
    await shot('09-resent');

    const l = await theLedger();
    expect(l.revision).toBe(2);
    expect(l.totals.rows).toBe(expected.summary.rows.checked);
    const live = await service.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM ledger_rows WHERE ledger_id = ? AND deleted = 0',
      [l.id],
    );
    expect(live?.n).toBe(expected.summary.rows.checked);
    const applied = await service.db.all<{ revision: number }>(
      "SELECT revision FROM submissions WHERE ledger_id = ? AND status = 'applied' ORDER BY revision",
      [l.id],
    );
    expect(applied.map((s) => s.revision)).toEqual([1, 2]);
    const detail = (await api(`/ledgers/${l.id}`)) as { findings: { byRule: Record<string, number> } };
    expect(detail.findings.byRule.REQUIRED_MISSING).toBe(expected.summary.byRule.REQUIRED_MISSING! - 2);
  });

  it('serves every file its manifest names from the build (pane and icons)', async () => {
    // As behind a TLS-ending proxy: the manifest names https URLs on this host.
    const res = await fetch(`${service.url}/addin/manifest.xml`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(res.status).toBe(200);
    const origin = service.url.replace(/^http:/, 'https:');
    const paths = new Set(
      [...(await res.text()).matchAll(/"(https:\/\/[^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((u) => u.startsWith(`${origin}/addin/`))
        .map((u) => u.slice(origin.length)),
    );
    expect([...paths].sort()).toEqual([
      '/addin/assets/icon-16.png',
      '/addin/assets/icon-32.png',
      '/addin/assets/icon-80.png',
      '/addin/taskpane.html',
    ]);
    for (const path of paths) {
      const file = await fetch(`${service.url}${path}`);
      expect(file.status, path).toBe(200);
      expect(file.headers.get('content-type'), path).toMatch(path.endsWith('.png') ? /^image\/png/ : /^text\/html/);
    }
  });

  it('sent no name, address, phone number, note or clear debtor id, and reached nothing but the service', async () => {
    const posts = apiRequests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(5); // 送信, the refused one, on reopening, the lost one, 再送信
    const sent = apiRequests.map((r) => `${decodeURIComponent(r.url)}\n${r.body}`).join('\n');
    expect(sent).toContain('"upserts"');
    expect(sent).toContain(CLAIM_TYPE); // what may leave does leave: the search is not blind
    const leaked = [...ledger.personal, ...ledger.debtorIds, ...ledger.unreadable].filter((s) => sent.includes(s));
    expect(leaked).toEqual([]);
    // The unreadable 最終交渉日 left as its marker only: not even the name in it.
    expect(sent).toContain('{"unreadable":"unreadable"}');
    expect(sent).not.toContain('山田');
    expect(ledger.personal).toContain('見本 太郎');
    // Nor does the service keep any.
    const stored = (await service.db.all<{ data: string }>('SELECT data FROM ledger_rows'))
      .map((r) => r.data)
      .join('\n');
    expect([...ledger.personal, ...ledger.debtorIds, ...ledger.unreadable].filter((s) => stored.includes(s))).toEqual(
      [],
    );
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
