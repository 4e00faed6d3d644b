// @vitest-environment jsdom
// 送信 as staff meet it: settings kept per user, the answer shown, 送信待ち and 再送信.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { FakePort } from '../fake-port.js';
import { FakeService } from '../fake-service.js';
import { hoikuryo } from '../ledger.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';

const TOKEN = 'test-token-0123456789';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

/** Column indexes of the example: 月分 (期別) and 納付相談日 (最終交渉日). */
const PERIOD = 3;
const CONTACT = 10;

async function syncTab(service: FakeService, grid: Cell[][] = hoikuryo()) {
  const doc = await mappedDoc(new FakePort(hoikuryo()));
  const port = new FakePort(grid, { doc });
  const pane = await renderPane(port, { storage: localStorage, fetch: service.fetch });
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('tab', { name: /^送信/ })));
  fireEvent.change(screen.getByLabelText('サーバーURL'), { target: { value: 'https://saiken.example.jp/' } });
  fireEvent.change(screen.getByLabelText('アクセストークン'), { target: { value: TOKEN } });
  await settle(pane.controller, () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
  return { port, ...pane };
}

describe('sync tab', () => {
  it('keeps the settings in the user’s storage, sends, and shows the service’s answer', async () => {
    const service = new FakeService();
    const { port, controller } = await syncTab(service);
    expect(JSON.parse(localStorage.getItem('saiken.settings.v1')!)).toEqual({
      serverUrl: 'https://saiken.example.jp/',
      token: TOKEN,
    });
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    const result = screen.getByTestId('sync-result');
    expect(result.textContent).toContain('送信しました（リビジョン 1）。変更 9行・削除 0行。');
    expect(result.textContent).toContain('サービスの点検結果: エラー 4・警告 6・情報 1');
    for (const [, value] of port.callsOf('saveDocumentState')) expect(String(value)).not.toContain(TOKEN);
    expect(service.requests.every((r) => r.auth === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('shows 送信待ち after a lost connection, and 再送信 clears it', async () => {
    const service = new FakeService();
    const { controller } = await syncTab(service);
    service.failNext = 1;
    service.failOnlyPosts = true;
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.getByText(/サービスに接続できません/)).toBeTruthy();
    expect(screen.getByTestId('outbox-pending').textContent).toBe('送信待ち 1 件');
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '再送信' })));
    expect(screen.queryByTestId('outbox-pending')).toBeNull();
    expect(screen.getByTestId('sync-result').textContent).toContain('リビジョン 1');
    expect(localStorage.getItem('saiken.outbox.v1')).toBeNull();
  });

  it('explains a refused token in Japanese', async () => {
    const service = new FakeService();
    const { controller } = await syncTab(service);
    fireEvent.change(screen.getByLabelText('アクセストークン'), { target: { value: 'wrong-token-000' } });
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '接続を確認' })));
    expect(screen.getByText('認証が必要です。')).toBeTruthy();
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.queryByTestId('outbox-pending')).toBeNull(); // the key request failed: nothing was built
  });

  it('never sends the text of a cell it could not read: only the marker', async () => {
    const service = new FakeService();
    const grid = hoikuryo();
    grid[2]![CONTACT] = '3/1 山田様と電話';
    const { controller } = await syncTab(service, grid);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.getByTestId('sync-result')).toBeTruthy();
    for (const r of service.requests) expect(r.body ?? '').not.toMatch(/山田|電話/);
    const row = service.posts()[0]!.upserts.find((u) => u.row === 3)!;
    expect(row.values.lastContactDate).toEqual({ unreadable: 'unreadable' });
  });

  it('shows personal-looking text by row and field, sends nothing, then sends on 「個人情報ではありません」', async () => {
    const service = new FakeService();
    const grid = hoikuryo();
    grid[4]![PERIOD] = 'TEL 090-1234-5678';
    const { controller } = await syncTab(service, grid);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    const review = screen.getByTestId('sync-personal');
    expect(review.textContent).toContain('期別（5 行目）: 電話番号');
    expect(review.textContent).not.toContain('090');
    expect(service.posts()).toHaveLength(0);
    expect(screen.queryByTestId('outbox-pending')).toBeNull();
    await settle(controller, () => fireEvent.click(screen.getByTestId('sync-confirm-not-personal')));
    expect(screen.getByTestId('sync-result').textContent).toContain('送信しました');
    expect(service.posts().every((p) => p.confirmedNoPersonalData === true)).toBe(true);
    expect(screen.queryByTestId('sync-personal')).toBeNull();
  });

  it('blocks a My Number-like number: no confirmation offered, nothing sent', async () => {
    const service = new FakeService();
    const grid = hoikuryo();
    grid[3]![PERIOD] = '1234 5678 9012';
    const { controller } = await syncTab(service, grid);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.getByText(/マイナンバー（個人番号）と思われる12桁の数字があります/)).toBeTruthy();
    expect(screen.getByTestId('sync-personal').textContent).toContain('期別（4 行目）: 個人番号（マイナンバー）');
    expect(screen.queryByTestId('sync-confirm-not-personal')).toBeNull();
    expect(service.posts()).toHaveLength(0);
  });

  it('shows the service’s 422 looks-personal the same way, and does not keep it to retry', async () => {
    const service = new FakeService();
    service.answers.push({
      status: 422,
      body: {
        code: 'looks-personal',
        message: '氏名・住所・電話番号など、個人を特定できる情報のように見える記載があります。（7 行目の期別）',
        details: {
          fields: [{ field: 'period', spans: [{ start: 0, end: 4, kind: 'name' }], rows: [7], rowCount: 1 }],
          confirmable: true,
          truncated: false,
        },
      },
    });
    const { controller } = await syncTab(service);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.getByTestId('sync-personal').textContent).toContain('期別（7 行目）: 氏名');
    expect(screen.queryByTestId('outbox-pending')).toBeNull();
    await settle(controller, () => fireEvent.click(screen.getByTestId('sync-confirm-not-personal')));
    expect(screen.getByTestId('sync-result').textContent).toContain('送信しました');
    expect(service.posts().at(-1)!.confirmedNoPersonalData).toBe(true);
  });

  it('shows again, unsent, text that appeared after what the clerk confirmed', async () => {
    const service = new FakeService();
    const grid = hoikuryo();
    grid[4]![PERIOD] = 'TEL 090-1234-5678';
    const { controller, port } = await syncTab(service, grid);
    await settle(controller, () => fireEvent.click(screen.getByRole('button', { name: '送信' })));
    expect(screen.getByTestId('sync-personal').textContent).toContain('期別（5 行目）');
    // Before confirming, another row gets a phone number.
    port.set(7, PERIOD + 1, 'TEL 045-123-4567');
    port.fireChanged('D7');
    await settle(controller, () => fireEvent.click(screen.getByTestId('sync-confirm-not-personal')));
    expect(service.posts()).toHaveLength(0);
    expect(screen.getByTestId('sync-personal').textContent).toContain('期別（7 行目）');
    await settle(controller, () => fireEvent.click(screen.getByTestId('sync-confirm-not-personal')));
    expect(screen.getByTestId('sync-result').textContent).toContain('送信しました');
  });
});
