import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const ledger = file('ok.csv', '整理番号,納期限,調定額\r\nA-1,2024/4/30,1000\r\n');

const CASES: [string, string[], RegExp][] = [
  ['a missing file', ['check', join(dir, 'nothing.xlsx')], /見つかりません/],
  [
    'random bytes named .xlsx',
    ['check', file('random.xlsx', Buffer.from('not a zip at all, just text'))],
    /壊れているか/,
  ],
  [
    'an encrypted (OLE) workbook',
    [
      'check',
      file(
        'locked.xlsx',
        Buffer.concat([
          Buffer.from('d0cf11e0a1b11ae1', 'hex'),
          Buffer.alloc(512),
          Buffer.from('EncryptedPackage\0', 'utf16le'),
        ]),
      ),
    ],
    /パスワード/,
  ],
  ['an empty csv', ['check', file('empty.csv', '')], /空です/],
  ['a csv with no header', ['check', file('noheader.csv', 'a,b,c\r\n1,2,3\r\n')], /見出し行が見つかりません/],
  ['a bad --as-of', ['check', ledger, '--as-of', '2025-02-30'], /基準日（--as-of）「2025-02-30」/],
  ['an --as-of in another form', ['check', ledger, '--as-of', '2025/03/31'], /YYYY-MM-DD/],
  ['an unknown --classification', ['check', ledger, '--classification', '公債権'], /債権区分（--classification）/],
  ['a bad --lang', ['check', ledger, '--lang', 'fr'], /--lang/],
  ['a missing sheet', ['check', ledger, '--sheet', ''], /シート名/],
  ['an unknown option', ['check', ledger, '--verbose'], /「--verbose」というオプションはありません/],
  ['no file', ['check'], /ファイルを指定してください/],
  ['an unknown command', ['verify', ledger], /「verify」というコマンドはありません/],
];

describe('exit status 2: one Japanese line on stderr, nothing on stdout', () => {
  for (const [name, args, message] of CASES) {
    it(name, async () => {
      const r = await runSaiken(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(message);
    });
  }

  it('help is not an error', async () => {
    const r = await runSaiken(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('使い方:');
    expect(r.stdout).toContain('--as-of <date>');
  });

  it('accepts a classification alias', async () => {
    expect((await runSaiken(['check', ledger, '--classification', '私法上の債権', '--as-of', '2025-03-31'])).code).toBe(
      1,
    );
  });
});
