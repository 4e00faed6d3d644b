import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../addin/sync/client.js';
import { SyncError } from '../../../addin/sync/errors.js';
import { translator } from '../../../addin/i18n/messages.js';

const client = (f: typeof fetch, locale: 'ja' | 'en' = 'ja') =>
  new ApiClient({ serverUrl: 'https://s.example/', token: 'tok-0123456789', t: translator(locale), fetch: f });

const answer = (status: number, body: unknown) => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

async function failure(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncError) return e;
  }
  throw new Error('expected a SyncError');
}

describe('ApiClient', () => {
  it('sends the token and reads the answer', async () => {
    let seen: RequestInit | undefined;
    let url = '';
    const c = client(async (u, init) => {
      url = String(u);
      seen = init;
      return new Response(JSON.stringify({ key: 'a'.repeat(43) }));
    });
    expect(await c.cityKey()).toBe('a'.repeat(43));
    expect(url).toBe('https://s.example/api/v1/city-key');
    expect(new Headers(seen?.headers).get('authorization')).toBe('Bearer tok-0123456789');
  });

  it('keeps the service’s Japanese message and code', async () => {
    const e = await failure(
      client(answer(422, { code: 'personal-field', message: '個人情報の項目は送信できません。' })).me(),
    );
    expect([e.code, e.message, e.status, e.retryable]).toEqual([
      'personal-field',
      '個人情報の項目は送信できません。',
      422,
      false,
    ]);
  });

  it('reads a code this pane does not know (a newer service) as an HTTP failure, keeping the message', async () => {
    const e = await failure(client(answer(409, { code: 'some-new-code', message: '新しい理由です。' })).me());
    expect([e.code, e.message, e.status]).toEqual(['http', '新しい理由です。', 409]);
  });

  it('explains a lost network, a bare 401 and an unreadable answer in Japanese', async () => {
    const net = await failure(client(async () => Promise.reject(new TypeError('Failed to fetch'))).me());
    expect(net.message).toContain('接続できません');
    expect(net.retryable).toBe(true);
    expect((await failure(client(answer(401, '')).me())).message).toContain('トークン');
    expect((await failure(client(answer(502, '<html>')).me())).message).toContain('HTTP 502');
    expect((await failure(client(answer(200, { nope: 1 })).me())).code).toBe('unexpected');
  });

  it('speaks English when asked', async () => {
    const e = await failure(client(async () => Promise.reject(new TypeError('x')), 'en').me());
    expect(e.message).toContain('Cannot reach the service');
  });
});
