/**
 * 計画・取りまとめ in a real browser (Chromium), end to end: one service (SQLite in a temp directory)
 * serving the built add-in, and three people, each in a browser context of their own with their own
 * access token typed into the pane's settings and their own workbook (the Excel host stand-in):
 *
 * - finance imports the seed's plans (its admin work, through the API, not a pane feature);
 * - the division sends its 保育料 ledger from the pane (台帳 → 送信), files its plan with a measure and
 *   a milestone, records a review (a name typed into it first is flagged and holds the button), and
 *   sends a hard case: first with 「山田太郎様 052-961-1111」 in it,
 *   which the pane flags and refuses to send, then edited, which goes;
 * - accounting sees its bureau's submission status and chase list, and answers the case;
 * - finance sees the behind-plan claim with the division's review, writes a proposal, runs 取りまとめ
 *   (① headed 見込), marks FY2023 settled, runs it again: the same sheets updated in place, the bureau
 *   table equal to targets.md's without (見込), native charts on the right ranges, its own sheet alone;
 * - the division sees the proposal and the answer.
 *
 * Every /api/ request of the three is kept: the name and number first typed never left the browser.
 * Screenshots at each step go to test-artifacts/e2e/oversight-*.png (pane 350 px wide, as Excel's).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../domain/calendar/day.js';
import { ROUNDING_NOTE } from '../../domain/targets/index.js';
import { CDN_OFFICE_JS } from '../../server/http/office-js.js';
import { startService, type RunningService } from '../../server/service.js';
import { SEED_TABLE_TSV } from '../domain/targets/seed-fixture.js';
import { CSV, seedCsv } from '../server/plans/fixtures.js';
import { createToken } from '../server/helpers/service.js';
import { buildAddin, bundleStandin } from './support/bundle.js';
import { CLAIM_TYPE, e2eLedger, type E2eLedger } from './support/ledger.js';
import type { StandinSeed } from './support/standin-entry.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OFFICE_JS = CDN_OFFICE_JS;
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url));
const PANE = { width: 350, height: 900 };
const BUREAU = '子ども青少年局';
const DIVISION = '保育運営課';
const FY = '2024';
/** What the division first types into これまでの対応: a name and a phone number. */
const NAME = '山田太郎';
const PHONE = '052-961-1111';
const PLANTED = `${NAME}様 ${PHONE}に電話し、分納誓約を得たが2回不履行。`;
const TRIED = '債務者に電話で連絡し、分納誓約を得たが2回不履行。';
const POLICY = '財産調査の結果を待って、執行停止の要件に当たるかを判断してください。';
const PROPOSAL = '滞納初期の電話催告を強化し、月末の未収金額を毎月確認してください。';
/** The finance workbook's own sheet, which 取りまとめ must leave alone. */
const OWN_SHEET = 'メモ';

if (!HAS_CHROMIUM) {
  console.warn(`SKIPPED the browser 計画・取りまとめ test: ${CHROMIUM} is missing (Debian: apt-get install chromium).`);
}

type Who = 'division' | 'accounting' | 'finance';
interface ApiRequest {
  who: Who;
  method: string;
  url: string;
  body: string;
}

let dir: string;
let service: RunningService;
let browser: Browser;
let ledger: E2eLedger;
const tokens: Record<Who, string> = { division: '', accounting: '', finance: '' };
const pages = {} as Record<Who, Page>;
const apiRequests: ApiRequest[] = [];
const outside: string[] = [];
const pageErrors: string[] = [];

const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 50 });

/** A screenshot of the whole pane; nothing may be wider than Excel's task pane. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `oversight-${name}.png`), fullPage: true, animations: 'disabled' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: the pane scrolls sideways`).toBeLessThanOrEqual(0);
}

async function api<T>(who: Who, path: string): Promise<T> {
  const res = await fetch(`${service.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${tokens[who]}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function openPane(who: Who, seed: StandinSeed): Promise<Page> {
  const context = await browser.newContext({ viewport: PANE, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
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
  const standin = await standinScript;
  await context.addInitScript({ content: `${standin}\n;window.__saikenStandinSetup(${JSON.stringify(seed)});` });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${String(e)}`));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/'))
      apiRequests.push({ who, method: r.method(), url: r.url(), body: r.postData() ?? '' });
  });
  await page.goto(`${service.url}/addin/taskpane.html`);
  return page;
}

/** 計画・取りまとめ, the settings when asked for, then the seed's fiscal year. */
async function openOversight(page: Page, who: Who): Promise<void> {
  await page.getByRole('tab', { name: /^計画・取りまとめ/ }).click();
  const url = page.getByLabel('サーバーURL');
  if (await url.isVisible()) {
    await url.fill(service.url);
    await page.getByLabel('アクセストークン').fill(tokens[who]);
    await page.getByRole('button', { name: '保存', exact: true }).click();
  }
  await until(() => page.getByText(/としてサービスに接続しています。/).isVisible()).toBe(true);
  await page.getByLabel('年度', { exact: true }).selectOption(FY);
  await until(() => page.getByRole('progressbar').count()).toBe(0);
}

let standinScript: Promise<string>;

describe.skipIf(!HAS_CHROMIUM)(
  '計画・取りまとめ in Chromium: division → accounting → finance',
  { timeout: 90_000 },
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'saiken-e2e-ov-'));
      mkdirSync(ARTIFACTS, { recursive: true });
      const staticDir = join(dir, 'addin');
      standinScript = bundleStandin();
      await Promise.all([standinScript, buildAddin(staticDir)]);
      service = await startService({
        port: 0,
        host: '127.0.0.1',
        database: join(dir, 'saiken.db'),
        http: true,
        staticDir,
        logger: pino({ level: 'silent' }),
      });
      const admin = service.firstAdminToken!;
      tokens.finance = await createToken(service.url, admin, 'finance', undefined, undefined, service.db);
      tokens.accounting = await createToken(service.url, admin, 'accounting', BUREAU);
      tokens.division = await createToken(service.url, admin, 'division', BUREAU, DIVISION);

      // Finance's admin work: the seed's plans imported.
      const imported = await fetch(`${service.url}/api/v1/plans/import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.finance}`, 'Content-Type': CSV },
        body: seedCsv(),
      });
      expect(imported.status).toBe(200);

      ledger = e2eLedger(todayInJapan());
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
      const own: StandinSeed = {
        sheet: OWN_SHEET,
        rows: [['財政課の作業用メモ', 42]],
        formats: [['General', '#,##0']],
      };
      pages.division = await openPane('division', ledger.seed);
      pages.accounting = await openPane('accounting', { ...own, rows: [['経理の作業用メモ', 7]] });
      pages.finance = await openPane('finance', own);
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await service?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('division: sends its ledger from the pane (台帳 → 送信)', async () => {
      const page = pages.division;
      await until(() => page.getByRole('region', { name: '列の対応の確認' }).isVisible()).toBe(true);
      expect(await page.getByRole('combobox', { name: /債権の種類/ }).inputValue()).toBe(CLAIM_TYPE);
      await page.getByRole('button', { name: '確定', exact: true }).click();
      await page.getByRole('tab', { name: '送信' }).click();
      await page.getByLabel('サーバーURL').fill(service.url);
      await page.getByLabel('アクセストークン').fill(tokens.division);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByRole('button', { name: '送信', exact: true }).click();
      await until(() => page.getByTestId('sync-result').textContent()).toContain('リビジョン 1');
      await shot(page, '01-division-sent');
    });

    it('division: files its plan with a measure and a milestone, and sees its history', async () => {
      const page = pages.division;
      await openOversight(page, 'division');
      await page.getByLabel('債権', { exact: true }).selectOption({ label: CLAIM_TYPE });
      const form = page.getByRole('form', { name: '年間計画' });
      await until(() => form.getByLabel('前年度決算額（円）').inputValue()).toBe('344,571,093');
      expect(await form.getByLabel('年度末の目標額（円）').inputValue()).toBe('310,304,030');

      // A milestone below the ledger's current amount: the claim is behind its plan.
      const { ledgers } = await api<{ ledgers: { totals: { outstanding: number } }[] }>('division', '/ledgers');
      const current = ledgers[0]!.totals.outstanding;
      expect(current).toBeGreaterThan(10_000);
      const milestone = Math.floor(current / 2000) * 1000;
      await form.getByRole('checkbox', { name: /段階的な催告の強化/ }).check();
      await form.getByLabel('2025年3月', { exact: true }).fill(milestone.toLocaleString('en-US'));
      await form.getByRole('button', { name: '計画を保存' }).click();
      await until(() => page.getByText('年間計画を保存しました（第2版）。変更の履歴も残ります。').isVisible()).toBe(
        true,
      );

      const history = page.getByRole('region', { name: '計画の変更履歴' }).getByTestId('plan-version');
      await until(() => history.count()).toBe(2);
      expect(await history.first().innerText()).toMatch(/^第2版・\d{4}-\d{2}-\d{2}・.+: 取組み・月別目標を変更/);
      expect(await history.nth(1).innerText()).toMatch(/^第1版・.+: 登録/);
      const plan = await api<{ plan: { version: number; measureIds: string[]; milestones: unknown[] } }>(
        'division',
        `/claims/${await claimId()}/plans/${FY}`,
      );
      expect(plan.plan).toMatchObject({
        version: 2,
        measureIds: expect.arrayContaining(['staged-escalation']),
        milestones: [{ month: '2025-03', outstandingYen: milestone }],
      });
      await shot(page, '02-division-plan');
    });

    it('division: records its review of the month', async () => {
      const page = pages.division;
      const review = page.getByRole('form', { name: '月次の振り返り' });
      await review.getByLabel('月', { exact: true }).selectOption('2025-03');
      await review.getByLabel('評価（振り返り）').fill('年度末の未収金額が月別目標を上回った。');
      // A name and number typed into the review are flagged under the field and hold the button.
      await review.getByLabel('次の取組み').fill(PLANTED);
      await until(() => review.getByTestId('privacy-nextStep').isVisible()).toBe(true);
      expect(await review.getByTestId('privacy-nextStep').locator('mark').allInnerTexts()).toEqual([
        `${NAME}様`,
        PHONE,
      ]);
      expect(await review.getByRole('button', { name: '振り返りを記録' }).isDisabled()).toBe(true);
      await review.getByLabel('次の取組み').fill('口座振替の勧奨と、滞納初期の電話催告を増やす。');
      await until(() => review.getByTestId('privacy-nextStep').count()).toBe(0);
      await review.getByRole('button', { name: '振り返りを記録' }).click();
      await until(() => page.getByText('振り返りを記録しました。').isVisible()).toBe(true);
      await shot(page, '03-division-review');
    });

    it('division: a hard case with a name and phone number is flagged and not sent; edited, it is sent', async () => {
      const page = pages.division;
      await page.getByRole('tab', { name: '処理困難事案', exact: true }).click();
      const form = page.getByRole('form', { name: '処理困難事案の相談' });
      await form.getByRole('combobox', { name: /^債権/ }).selectOption({ label: CLAIM_TYPE });
      await form.getByRole('textbox', { name: /^件名/ }).fill('分納誓約の不履行');
      await form.getByLabel('未収金額（円）').fill('180,000');
      await form.getByRole('textbox', { name: /^これまでの対応/ }).fill(PLANTED);
      await form
        .getByRole('textbox', { name: /^相談内容/ })
        .fill('執行停止の要件に当たるか、判断の目安を教えてください。');
      const send = form.getByRole('button', { name: '事案を送る' });
      await until(() => form.getByText(/個人情報のように見える記載があります（.*氏名.*電話番号.*）/).isVisible()).toBe(
        true,
      );
      expect(await send.isDisabled()).toBe(true);
      await form.getByRole('textbox', { name: /^件名/ }).press('Enter'); // Enter in an input: no submit while 事案を送る is disabled
      await shot(page, '04-division-case-flagged');
      expect(apiRequests.filter((r) => r.url.includes('/hard-cases') && r.method === 'POST')).toEqual([]);

      await form.getByRole('textbox', { name: /^これまでの対応/ }).fill(TRIED);
      await until(() => send.isEnabled()).toBe(true);
      await send.click();
      await until(() => page.getByText(/処理困難事案を送りました。/).isVisible()).toBe(true);
      const { hardCases } = await api<{ hardCases: { tried: string; status: string }[] }>('division', '/hard-cases');
      expect(hardCases).toMatchObject([{ tried: TRIED, status: 'open' }]);
      await shot(page, '05-division-case-sent');
    });

    it('accounting: sees its bureau’s submission status and chase list, and answers the case', async () => {
      const page = pages.accounting;
      await openOversight(page, 'accounting');
      expect(await page.getByText(`${BUREAU}（経理担当課）としてサービスに接続しています。`).isVisible()).toBe(true);
      const submissions = page.getByRole('region', { name: '提出状況' });
      await until(() => submissions.getByTestId('submission-totals').innerText()).toMatch(/^台帳 1件：送信済み 1・/);
      const chase = submissions.getByRole('table', { name: '要督促の一覧' });
      // The chase list may render a moment after the totals.
      await until(async () => (await chase.getByRole('row').count()) > 1).toBe(true);
      const chaseText = await chase.innerText();
      expect(chaseText).toContain(BUREAU);
      expect(chaseText).not.toContain('総務局'); // its own bureau only
      const improvement = page.getByRole('region', { name: '未収金増加・計画遅れの債権' }).getByTestId('improvement');
      expect(await improvement.filter({ hasText: CLAIM_TYPE }).innerText()).toContain('計画遅れ');
      await shot(page, '06-accounting-status');

      const cases = page.getByRole('region', { name: '処理困難事案', exact: true });
      expect(await cases.innerText()).toContain('分納誓約の不履行');
      await cases.getByRole('button', { name: '処理方針を回答' }).click();
      await page.getByRole('form', { name: '処理方針の回答' }).getByLabel('処理方針').fill(POLICY);
      await page.getByRole('button', { name: '回答を送る' }).click();
      await until(() => page.getByText('処理方針を回答しました。').isVisible()).toBe(true);
      expect(await cases.innerText()).toContain(POLICY);
      await shot(page, '07-accounting-answered');
    });

    it('finance: sees the behind-plan claim with the review, and writes a proposal', async () => {
      const page = pages.finance;
      await openOversight(page, 'finance');
      const item = page
        .getByRole('region', { name: '未収金増加・計画遅れの債権' })
        .getByTestId('improvement')
        .filter({ hasText: `${BUREAU} ${DIVISION}` })
        .filter({ hasText: '計画遅れ' });
      await until(() => item.count()).toBe(1);
      expect(await item.innerText()).toContain('振り返り（2025-03）: 年度末の未収金額が月別目標を上回った。');
      await item.getByRole('button', { name: '改善提案を書く' }).click();
      await item.getByLabel('改善提案', { exact: true }).fill(PROPOSAL);
      await item.getByRole('button', { name: '提案を保存' }).click();
      await until(() => page.getByText(/改善提案を保存しました。/).isVisible()).toBe(true);
      await until(() => item.innerText()).toContain(PROPOSAL);
      await shot(page, '08-finance-proposal');
    });

    it('finance: 取りまとめ writes the sheets and charts; after 決算の確定 the re-run drops (見込)', async () => {
      const page = pages.finance;
      const host = <T>(fn: string, ...args: unknown[]): Promise<T> =>
        page.evaluate(
          ({ fn, args }) => {
            const h = window.__saikenStandin!.host as unknown as Record<string, (...a: unknown[]) => unknown>;
            return h[fn]!(...args) as never;
          },
          { fn, args },
        );
      const sheetNames = () => page.evaluate(() => window.__saikenStandin!.host.model.sheets.map((s) => s.name));
      const table = async () => {
        let out = '';
        for (let r = 2; r < 18; r++) {
          const cells: string[] = [];
          for (let c = 0; c < 5; c++) cells.push(await host<string>('shownText', '局別目標', r, c));
          out += cells.join('\t') + '\n';
        }
        return out;
      };

      const run = page.getByRole('button', { name: '取りまとめ', exact: true });
      await run.click();
      await until(() => page.getByText('11枚のシートとグラフ4個を書き込みました。').isVisible()).toBe(true);
      expect(await table()).toBe(SEED_TABLE_TSV); // ① still 見込
      await shot(page, '09-finance-consolidated-estimate');

      const settlement = page.getByRole('region', { name: '前年度決算' });
      expect(await settlement.innerText()).toContain('2023年度（令和5年度）の決算は見込です。');
      await settlement.getByRole('button', { name: '令和5年度決算を確定' }).click();
      const dialog = page.getByRole('alertdialog', { name: '前年度決算' });
      await until(() => dialog.isVisible()).toBe(true);
      await shot(page, '10-finance-settle-confirm');
      await dialog.getByRole('button', { name: '確定する' }).click();
      await until(() => settlement.innerText()).toContain('2023年度（令和5年度）の決算は確定しています。');
      expect(await page.getByText(/局別目標表の見出しが「令和5年度決算 ①」になります。/).isVisible()).toBe(true);
      expect(
        apiRequests.filter((r) => r.who === 'finance' && r.method === 'POST' && r.url.includes('/settlements/')),
      ).toMatchObject([{ url: `${service.url}/api/v1/settlements/2023` }]);
      await shot(page, '11-finance-settled');

      await run.click();
      await until(() => page.getByText('11枚のシートとグラフ4個を書き込みました。').isVisible()).toBe(true);
      expect(await page.getByText(/局別目標表の見出しが/).count()).toBe(0); // the run replaced that notice
      expect(await sheetNames()).toEqual([
        OWN_SHEET,
        '局別目標',
        '局別進捗',
        '債権別',
        '提出状況',
        '改善提案',
        '滞納年数別',
        '未収金の状況',
        '主要債権収入状況',
        '未収金の状況の出典',
        '対応件数',
        '年度推移',
      ]);
      expect(await table()).toBe(SEED_TABLE_TSV.replace(' (見込)', ''));
      expect(await table()).toContain('令和5年度決算 ①\t令和6年度目標 ②');
      const sheet = await page.evaluate(() => {
        const h = window.__saikenStandin!.host;
        const of = (name: string) => ({
          charts: h.sheet(name).charts.map((c) => ({ type: c.type, source: c.source, title: c.title })),
        });
        const s = h.sheet('局別目標');
        const improvement = h.sheet('改善提案');
        const proposals: string[] = [];
        for (let r = 0; r < 10; r++) for (let c = 0; c < 14; c++) proposals.push(String(improvement.value(r, c)));
        return {
          title: s.value(0, 0),
          note: s.value(19, 0),
          progress: of('局別進捗'),
          aging: of('滞納年数別'),
          targets: of('局別目標'),
          own: [h.sheet('メモ').value(0, 0), h.sheet('メモ').value(0, 1)],
          proposals,
          charts: h.model.sheets.reduce((n, x) => n + x.charts.length, 0),
        };
      });
      expect(sheet.title).toBe('令和6年度未収金の目標値（局別）');
      expect(sheet.note).toBe(ROUNDING_NOTE);
      expect(sheet.targets.charts).toEqual([]);
      expect(sheet.progress.charts).toEqual([
        {
          type: 'ColumnClustered',
          source: { row: 0, column: 0, rows: 15, columns: 3 },
          title: '目標と現在（局別・千円）',
        },
      ]);
      expect(sheet.aging.charts).toHaveLength(1);
      expect(sheet.aging.charts[0]).toMatchObject({ type: 'ColumnStacked', source: { row: 0, column: 0, rows: 2 } });
      // 局別進捗, 滞納年数別 and 年度推移's two, updated in place: no second set of charts.
      expect(sheet.charts).toBe(4);
      expect(sheet.proposals).toContain(PROPOSAL);
      expect(sheet.own).toEqual(['財政課の作業用メモ', 42]);
      await shot(page, '12-finance-consolidated-settled');
    });

    it('division: sees finance’s proposal and accounting’s answer', async () => {
      const page = pages.division;
      await page.getByRole('button', { name: '最新の情報を読み込む' }).click();
      await until(() => page.getByRole('progressbar').count()).toBe(0);
      await page.getByRole('tab', { name: '計画', exact: true }).click();
      await until(() => page.getByTestId('proposal').count()).toBe(1);
      expect(await page.getByTestId('proposal').innerText()).toContain(PROPOSAL);
      await page.getByTestId('proposal').scrollIntoViewIfNeeded();
      await shot(page, '13-division-proposal');
      await page.getByRole('tab', { name: '処理困難事案', exact: true }).click();
      await until(() => page.getByText(POLICY).isVisible()).toBe(true);
      expect(await page.getByText('回答済み').first().isVisible()).toBe(true);
      await shot(page, '14-division-answer');
    });

    it('sent no planted name or phone number (nor the ledger’s personal data), and reached nothing but the service', async () => {
      expect(new Set(apiRequests.map((r) => r.who))).toEqual(new Set(['division', 'accounting', 'finance']));
      const sent = apiRequests.map((r) => `${decodeURIComponent(r.url)}\n${r.body}`).join('\n');
      expect(sent).toContain(TRIED); // what may leave does leave: the search is not blind
      expect(sent).toContain(POLICY);
      for (const planted of [NAME, PHONE, PLANTED, '052-961', '0529611111', ...ledger.personal, ...ledger.debtorIds])
        expect(sent.includes(planted), planted).toBe(false);
      // One case was sent: the flagged attempt never left the pane.
      expect(apiRequests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/hard-cases'))).toHaveLength(1);
      const stored = await service.db.all<{ tried: string; question: string; title: string }>(
        'SELECT title, tried, question FROM hard_cases',
      );
      expect(JSON.stringify(stored)).not.toContain(NAME);
      expect(outside).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  },
);

async function claimId(): Promise<number> {
  const { claims } = await api<{ claims: { id: number; name: string }[] }>('division', `/claims?fy=${FY}`);
  return claims.find((c) => c.name === CLAIM_TYPE)!.id;
}
