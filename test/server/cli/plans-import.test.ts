import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, register } from '../../../server/cli/commands/plans.js';
import { seedCsv, seedRows, toCp932, toCsv, toXlsx, XLSX } from '../plans/fixtures.js';
import { runCommand } from '../helpers/cli-run.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const plans = (...args: string[]) => runCommand(register, ['plans', 'import', ...args]);

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'saiken-cli-plans-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saiken plans import', () => {
  it('sends a CP932 CSV and prints a Japanese summary', async () => {
    const r = await plans(file('計画.csv', toCp932(seedCsv(false))), '--server', h.url, '--token', h.finance);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(
      '計画を取り込みました（2024年度）: 21 行\n  変更あり: 21 行、変更なし: 0 行\n  新しく登録: 局 14、課 17、債権 21\n',
    );
  });

  it('sends an .xlsx as an .xlsx; the same plans change nothing', async () => {
    const r = await plans(file('計画.xlsx', await toXlsx(seedRows())), '--server', `${h.url}/`, '--token', h.finance);
    expect(r.code).toBe(0);
    expect(r.out).toContain('変更あり: 0 行、変更なし: 21 行');
  });

  it('takes the server and token from the environment', async () => {
    process.env.SAIKEN_SERVER = h.url;
    process.env.SAIKEN_TOKEN = h.finance;
    try {
      expect((await plans(file('env.csv', seedCsv()))).code).toBe(0);
    } finally {
      delete process.env.SAIKEN_SERVER;
      delete process.env.SAIKEN_TOKEN;
    }
  });

  it('exits 2 with the service’s Japanese message, naming the row', async () => {
    const rows = seedRows();
    rows[4]![5] = '12.5';
    const r = await plans(file('bad.csv', toCsv(rows)), '--server', h.url, '--token', h.finance);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      '計画を取り込めませんでした。6行目「前年度決算額（円）」: 円未満の端数があります。（値: 12.5）何も取り込んでいません。\n',
    );
  });

  it('exits 2 with one Japanese line for every other failure', async () => {
    const csv = file('ok.csv', seedCsv());
    const closed = await closedPort();
    const division = await h.token('division', '財政局', '税務課');
    const cases: [string[], RegExp][] = [
      [[csv, '--server', h.url, '--token', division], /^この操作を行う権限がありません。\n$/],
      [[csv, '--server', h.url, '--token', 'skn_wrong_token_value'], /^トークンがないか、無効です。/],
      [[join(dir, 'missing.csv'), '--server', h.url, '--token', h.finance], /^ファイルが見つかりません: /],
      [[csv, '--token', h.finance], /^--server でサービスの URL を指定してください。\n$/],
      [[csv, '--server', h.url], /^--token でアクセストークンを指定してください。\n$/],
      [[csv, '--server', 'http://example.com', '--token', h.finance], /^サービスには https:\/\/ で接続してください/],
      [
        [csv, '--server', `http://127.0.0.1:${closed}`, '--token', h.finance],
        /^サービスに接続できません（.*ECONNREFUSED）。\n$/,
      ],
      [['--server', h.url, '--token', h.finance], /^計画ファイルを指定してください/],
    ];
    for (const [args, message] of cases) {
      const r = await plans(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).not.toContain(h.finance);
    }
  });

  it('chooses the content type by extension, else by content', () => {
    expect(contentTypeOf('a.XLSX', new Uint8Array())).toBe(XLSX);
    expect(contentTypeOf('a.csv', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('text/csv');
    expect(contentTypeOf('plans', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe(XLSX);
    expect(contentTypeOf('plans', new Uint8Array([0x41]))).toBe('text/csv');
    expect(() => contentTypeOf('old.xls', new Uint8Array())).toThrow(/\.xls は読めません/);
  });
});

describe('saiken plans import over HTTPS', () => {
  let tls: Harness;
  beforeAll(async () => {
    tls = await startHarness({ https: true });
  });
  afterAll(() => tls.close());

  it('refuses a self-signed certificate unless --insecure is given', async () => {
    const csv = file('tls.csv', seedCsv());
    const refused = await plans(csv, '--server', tls.url, '--token', 'skn_placeholder_token');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /^サービスの証明書を検証できません（[A-Z_]+）。開発用の自己署名証明書なら --insecure を付けてください。\n$/,
    );
    const denied = await plans(csv, '--server', tls.url, '--token', tls.admin, '--insecure');
    expect([denied.code, denied.err]).toEqual([2, 'この操作を行う権限がありません。\n']);
    const insecure = await plans(csv, '--server', tls.url, '--token', tls.finance, '--insecure');
    expect(insecure).toMatchObject({ code: 0, err: '' });
    expect(insecure.out).toContain('計画を取り込みました（2024年度）: 21 行');
  });
});
