// @vitest-environment jsdom
// 送信 as staff meet it: settings kept per user, the answer shown, 送信待ち and 再送信.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { FakePort } from './fake-port.js';
import { FakeService } from './fake-service.js';
import { hoikuryo } from './ledger.js';
import { mappedDoc, renderPane, settle } from './render-pane.js';

const TOKEN = 'test-token-0123456789';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

async function syncTab(service: FakeService) {
  const doc = await mappedDoc(new FakePort(hoikuryo()));
  const port = new FakePort(hoikuryo(), { doc });
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
});
