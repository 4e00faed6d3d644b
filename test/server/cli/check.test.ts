import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../../../domain/rules/catalogue.js';
import type { RuleId } from '../../../domain/rules/rule.js';
import { writeCsv } from '../../../server/sample/write-csv.js';
import { writeXlsx } from '../../../server/sample/write-xlsx.js';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { AS_OF, EXPECTED, GRID, MERGES } from '../../fixtures/golden-ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-cli-'));
const xlsx = join(dir, 'golden.xlsx');
const sjis = join(dir, 'golden-sjis.csv');
const utf8 = join(dir, 'golden-utf8.csv');

beforeAll(async () => {
  await writeXlsx(xlsx, GRID, { sheetName: '保育料', merges: MERGES, yenColumns: [4, 5, 6] });
  await writeCsv(sjis, GRID, 'cp932');
  await writeCsv(utf8, GRID, 'utf-8-bom');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkJson(...args: string[]) {
  const r = await runSaiken(['check', ...args, '--json']);
  expect(r.stderr).toBe('');
  return { code: r.code, json: JSON.parse(r.stdout) };
}

const findingsOf = (json: { findings: { row: number; rule: string; column: string | null }[] }) =>
  json.findings.map(({ row, rule, column }) => ({ row, rule, column }));

describe('saiken check --json on the golden ledger', () => {
  for (const [name, path] of [
    ['xlsx with merged two-row header', xlsx],
    ['CP932 csv', sjis],
    ['UTF-8 csv with BOM', utf8],
  ] as const) {
    it(`${name}: exact findings, exit 1`, async () => {
      const { code, json } = await checkJson(path, '--as-of', AS_OF, '--claim-type', '保育料');
      expect(code).toBe(1);
      expect(findingsOf(json)).toEqual(EXPECTED);
      expect(json.headerRow).toBe(4);
      expect(json.mapping.headerRows).toEqual([3, 4]);
      expect(json.summary.rows).toEqual({ total: 10, checked: 8, blank: 1, totals: 1, unreadable: 1 });
      expect(Object.keys(json)).toEqual(['file', 'sheet', 'headerRow', 'mapping', 'findings', 'summary', 'analysis']);
      expect(Object.keys(json.findings[0])).toEqual([
        'rule',
        'severity',
        'row',
        'column',
        'field',
        'message',
        'params',
      ]);
      const demand = json.mapping.columns.find((c: { field: string }) => c.field === 'demandDate');
      expect(demand).toMatchObject({ letter: 'H', header: '督促 発付日' });
      expect(JSON.stringify(json)).not.toContain('髙橋'); // names never leave the sheet
    });
  }

  it('names the sheet: the xlsx tab, or the CSV file name', async () => {
    expect((await checkJson(xlsx, '--as-of', AS_OF)).json.sheet).toBe('保育料');
    expect((await checkJson(sjis, '--as-of', AS_OF)).json.sheet).toBe('golden-sjis');
  });

  it('exits 0 when there is no error finding', async () => {
    const clean = join(dir, 'clean.csv');
    await writeCsv(clean, GRID.slice(0, 5), 'utf-8');
    const { code, json } = await checkJson(clean, '--as-of', AS_OF, '--claim-type', '保育料');
    expect(json.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('gives English messages with --lang en', async () => {
    const { json } = await checkJson(xlsx, '--as-of', AS_OF, '--claim-type', '保育料', '--lang', 'en');
    expect(json.findings[1].message).toMatch(/^No demand notice/);
  });
});

describe('saiken check: the human report', () => {
  it('shows the mapping, the summary, the findings and the analysis, with thousands separators', async () => {
    const r = await runSaiken(['check', xlsx, '--as-of', AS_OF, '--claim-type', '保育料']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('債権区分: 強制徴収公債権（時効5年）');
    expect(out).toMatch(/■ 見出し（3〜4行目）/);
    expect(out).toMatch(/H\s+督促 発付日\s+督促状発付日\s+別名一致/);
    expect(out).toMatch(/A\s+整理番号\s+債務者番号\s+別名一致/);
    expect(out).toContain('重要度別: エラー 5件、警告 2件、情報 1件');
    expect(out).toMatch(/\n {4}督促状の未発付 \(DEMAND_MISSING\)\s+エラー\s+1\n/);
    expect(out).toMatch(/\n\s+6\s+H\s+督促状の未発付 \(DEMAND_MISSING\)\s+エラー\s+納期限 2024-12-27/);
    expect(out).toMatch(/合計\s+7\s+150,000\s+56,000\s+104,000\s+37\.3%/);
    expect(out).toContain('1年未満');
    expect(out).toContain('催告方法別:');
    expect(out).toContain('集計から除いた行: 空白行 1、合計行 1、金額が読めない行 1');
  });

  it('names each rule by its title, the id beside it; in English with --lang en', async () => {
    const ja = (await runSaiken(['check', xlsx, '--as-of', AS_OF, '--claim-type', '保育料'])).stdout;
    const en = (await runSaiken(['check', xlsx, '--as-of', AS_OF, '--claim-type', '保育料', '--lang', 'en'])).stdout;
    const rows = ja.slice(ja.indexOf('\n  ルール別:\n'), ja.indexOf('\n\n■ 指摘')).split('\n').slice(3);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const [, title, id] = /^ {4}(\S+) \(([A-Z_]+)\)\s+(?:エラー|警告|情報)\s+\d+$/.exec(row) ?? [];
      expect(title, row).toBe(ruleById(id as RuleId).title.ja);
    }
    expect(en).toMatch(/\n {4}Demand not sent \(DEMAND_MISSING\)\s+error\s+1\n/);
    expect(en).toMatch(/\n\s+6\s+H\s+Demand not sent \(DEMAND_MISSING\)\s+error\s+No demand notice/);
    expect(en).not.toContain('督促状の未発付');
  });

  it('warns when no classification is known', async () => {
    const r = await runSaiken(['check', sjis, '--as-of', AS_OF]);
    expect(r.stdout).toContain('注意: 債権区分が分からないため');
  });
});

describe('the worked example (docs/spec/domain/examples/hoikuryo.xlsx)', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const example = resolve(root, 'docs/spec/domain/examples/hoikuryo.xlsx');
  const expected = resolve(root, 'docs/spec/domain/examples/hoikuryo.expected.json');

  it.skipIf(!existsSync(example))('gives exactly the expected (row, rule) multiset', async () => {
    const { code, json } = await checkJson(example, '--as-of', '2025-03-31', '--claim-type', '保育料');
    const want = JSON.parse(readFileSync(expected, 'utf8')) as { findings: { row: number; rule: string }[] };
    const key = (f: { row: number; rule: string }) => `${f.row}:${f.rule}`;
    expect(json.findings.map(key).sort()).toEqual(want.findings.map(key).sort());
    expect(code).toBe(1);
  });
});
