/**
 * `saiken latecharge`: the worked examples of `late-charge.md` in text and JSON, dates in ISO and
 * 和暦, the claim type choosing the profile, and every unusable option as one Japanese line, exit 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../helpers/service.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';

const run = (...args: string[]) => runSaiken(['latecharge', ...args]);

async function json(...args: string[]) {
  const r = await run(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('saiken latecharge', () => {
  it('prints the pieces and the total in Japanese', async () => {
    const r = await run('--principal', '123456', '--due', '2025-04-30', '--paid', '2025-08-15');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('計算の基礎: 123,000円（1,000円未満切捨て）');
    expect(r.stdout).toMatch(/第1期\s+2025-05-01\s+2025-05-31\s+31日\s+2\.4%\s+250円/);
    expect(r.stdout).toMatch(/第2期\s+2025-06-01\s+2025-08-15\s+76日\s+8\.7%\s+2,228円/);
    expect(r.stdout).toContain('各期間の合計: 2,478円');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('延滞金: 2,400円（100円未満切捨て）');
    expect(r.stdout).toContain('延滞金の表: 組み込みの表（市の設定は使っていません）');
  });

  it('--json: total, kind and the pieces; dates in 和暦 and amounts with separators read as the ledgers write them', async () => {
    const out = await json('--principal', '500,000円', '--due', '令和7年11月30日', '--paid', 'R8.3.10');
    expect(out).toEqual({
      total: 9600,
      kind: 'tax-like',
      base: 500_000,
      pieces: [
        { period: 1, from: '2025-12-01', to: '2025-12-31', days: 31, rate: 2.4, amount: 1019 },
        { period: 2, from: '2026-01-01', to: '2026-03-10', days: 69, rate: 9.1, amount: 8601 },
      ],
      notes: [],
      table: { source: 'builtin', version: 0 },
    });
  });

  it('a principal under 2,000 yen, and a year outside the table, say so', async () => {
    expect(await json('--principal', '1999', '--due', '2024-05-31', '--paid', '2026-05-31')).toMatchObject({
      total: 0,
      pieces: [],
      notes: ['under-threshold'],
    });
    const r = await run('--principal', '500000', '--due', '2026-11-30', '--paid', '2027-03-10');
    expect(r.stdout).toContain('本則の割合（7.3%・14.6%）');
    expect(r.stdout).toContain('延滞金: 14,900円');
  });

  it('the claim type chooses the profile: a 私債権 owes 遅延損害金 at the civil rate', async () => {
    const civil = (claimType: string) => [
      '--principal',
      '300000',
      '--due',
      '2019-03-31',
      '--paid',
      '2021-03-31',
      '--claim-type',
      claimType,
    ];
    const out = await json(...civil('水道料金'));
    expect(out).toMatchObject({ total: 30_041, kind: 'civil', pieces: [{ days: 731, rate: 5, amount: 30_041 }] });
    const text = await run(...civil('私債権'));
    expect(text.stdout).toContain('遅延損害金: 30,041円');
    expect(
      (await json('--principal', '123456', '--due', '2025-04-30', '--paid', '2025-08-15', '--claim-type', '保育料'))
        .total,
    ).toBe(2400);
  });

  it.each([
    [['--principal', 'abc', '--due', '2025-04-30', '--paid', '2025-08-15'], '--principal'],
    [['--principal', '-5', '--due', '2025-04-30', '--paid', '2025-08-15'], '--principal'],
    [['--principal', '100.5', '--due', '2025-04-30', '--paid', '2025-08-15'], '--principal'],
    [['--principal', '1000', '--due', '2025-02-30', '--paid', '2025-08-15'], '--due'],
    [['--principal', '1000', '--due', '2025-04-30', '--paid', 'きのう'], '--paid'],
    [['--principal', '1000', '--paid', '2025-08-15'], '--due'],
    [['--principal', '1000', '--due', '2025-04-30', '--paid', '2025-08-15', '--claim-type', 'なにか'], '--claim-type'],
  ])('%j: one Japanese line naming %s, exit 2', async (args, flag) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain(flag);
  });

  describe("with --server: the city's table on the service", () => {
    let svc: TestService;
    let token: string;
    const late2027 = ['--principal', '500000', '--due', '2026-11-30', '--paid', '2027-03-10'];
    beforeAll(async () => {
      svc = await startTestService();
      token = await svc.makeToken('division', '健康福祉局', '保険年金課');
      const finance = await svc.makeToken('finance');
      await request(svc.url)
        .put('/api/v1/late-charges/special-rates/2027')
        .set('Authorization', `Bearer ${finance}`)
        .send({ first: '2.9', second: '9.2' })
        .expect(200);
    });
    afterAll(() => svc.close());

    it("counts with the city's rates for a year the built-in table lacks, and says so", async () => {
      const r = await run(...late2027, '--server', svc.url, '--token', token);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/延滞金の表: 市の設定（サービス、第1版、\d{4}-\d\d-\d\d 更新）/);
      expect(r.stdout).not.toContain('本則の割合');
      expect(r.stdout).toMatch(/第2期.*9\.2%/);
      const out = await json(...late2027, '--server', svc.url, '--token', token);
      expect(out.table).toEqual({ source: 'service', version: 1 });
      // December 2026 at 2026's first rate, 2027 at the city's second.
      expect(out.pieces.map((p: { rate: number }) => p.rate)).toEqual([2.8, 9.2]);
    });

    it('latecharge-table: finance adds a year, shows the table, saves it back; a division may not', async () => {
      const finance = await svc.makeToken('finance');
      const server = ['--server', svc.url, '--token', finance];
      const rate = await runSaiken([
        'latecharge-table',
        'rate',
        '2028',
        '--first',
        '3.0',
        '--second',
        '9.3',
        ...server,
      ]);
      expect(rate.stderr).toBe('');
      expect(rate.stdout).toContain('2028年の特例の割合を保存しました: 3.0% / 9.3%');
      const shown = await runSaiken(['latecharge-table', 'show', ...server]);
      expect(shown.stdout).toMatch(/延滞金の表: 市の設定 第\d+版/);
      expect(shown.stdout).toContain('2027: 2.9% / 9.2%（市の設定）');
      expect(shown.stdout).toContain('2025: 2.4% / 8.7%\n');
      const file = join(mkdtempSync(join(tmpdir(), 'saiken-lc-')), 'table.json');
      writeFileSync(file, (await runSaiken(['latecharge-table', 'show', '--json', ...server])).stdout);
      const saved = await runSaiken(['latecharge-table', 'save', file, ...server]);
      expect(saved.stdout).toMatch(/延滞金の設定を保存しました（第\d+版）/);
      writeFileSync(file, '{"byClassification": {}, "claimTypes": [{"names": [], "profile": {"kind": "tax-like"}}]}');
      const bad = await runSaiken(['latecharge-table', 'save', file, ...server]);
      expect(bad.code).toBe(2);
      expect(isOneJapaneseLine(bad.stderr)).toBe(true);
      const refused = await runSaiken([
        'latecharge-table',
        'rate',
        '2029',
        '--first',
        '1',
        '--second',
        '2',
        '--server',
        svc.url,
        '--token',
        token,
      ]);
      expect(refused.code).toBe(2);
      expect(isOneJapaneseLine(refused.stderr)).toBe(true);
    });

    it('falls back to the built-in table, with a warning, when the service cannot be reached', async () => {
      const r = await run(...late2027, '--server', 'http://127.0.0.1:9', '--token', token);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('組み込みの表で計算します');
      expect(r.stdout).toContain('延滞金の表: 組み込みの表');
      expect(r.stdout).toContain('本則の割合（7.3%・14.6%）');
    });
  });
});
