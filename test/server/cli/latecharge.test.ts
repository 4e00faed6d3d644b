/**
 * `saiken latecharge`: the worked examples of `late-charge.md` in text and JSON, dates in ISO and
 * 和暦, the claim type choosing the profile, and every unusable option as one Japanese line, exit 2.
 */
import { describe, expect, it } from 'vitest';
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
});
