/**
 * `saiken check` prints the analysis's 未収金の状況 (回収債権 / 整理債権 / 分類できない) and the payment
 * channels that the sheet has columns for; `--json` carries the same figures in its analysis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { writeCsv } from '../../../server/sample/write-csv.js';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { AS_OF, GRID } from '../../fixtures/golden-ledger.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-check-analysis-'));
const plain = join(dir, 'plain.csv');
const channels = join(dir, 'channels.csv');

/** The golden ledger with 納付方法 and 口座振替 columns (M, N); data rows are rows 5–13. */
const PAY: Record<number, [Cell, Cell]> = {
  4: ['口座振替', '有'], // A-001 paid
  5: ['納付書', '無'], // A-002 18,000 owed
  7: ['口振', '有'], // A-003 18,000 owed
  8: ['コンビニ', null], // A-004 20,000 owed
  9: [null, '無'], // A-005 18,000 owed
  10: ['納付書', '無'], // A-006 30,000 owed, 10,000 paid
  12: ['口座振替', '有'], // A-001 again, paid
};

function withChannels(): Cell[][] {
  return GRID.map((r, i) => {
    const row = Array.from({ length: 12 }, (_, c) => r[c] ?? null);
    if (i === 2) return [...row, '納付方法', '口座振替'];
    if (i < 4 || i === 13 || r.length === 0) return r.length === 0 ? [] : [...row, null, null];
    return [...row, ...(PAY[i] ?? [null, null])];
  });
}

beforeAll(async () => {
  await writeCsv(plain, GRID, 'utf-8');
  await writeCsv(channels, withChannels(), 'utf-8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (file: string, ...more: string[]) =>
  runSaiken(['check', file, '--as-of', AS_OF, '--claim-type', '保育料', ...more]);

/** The lines of one indented block of the report, from its title to the next line as little indented. */
function block(out: string, title: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.trim() === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^ {0,2}\S/.test(l));
  return lines.slice(start + 1, end);
}

const cells = (line: string) => line.trim().split(/\s{2,}/);
const yen = (s: string) => Number(s.replace(/,/g, ''));

describe('saiken check: 未収金の状況', () => {
  it('prints 回収債権 ①②③ and 整理債権 ④⑤⑥⑦ with count and amount, 分類できない, and the total owed', async () => {
    const r = await check(plain);
    expect(r.stderr).toBe('');
    const rows = block(r.stdout, '未収金の状況（収入未済額のある行）:').slice(1).map(cells);
    expect(rows.map((c) => c[0])).toEqual([
      '回収債権',
      '① 差押中',
      '② 分納・猶予',
      '③ 交渉・催告中',
      '整理債権',
      '④ 財産なし・所在不明',
      '⑤ 執行停止・徴収停止',
      '⑥ 時効完成',
      '⑦ 生活困窮',
      '分類できない',
      '合計',
    ]);
    const byName = new Map(rows.map((c) => [c[0], c.slice(1)]));
    expect(byName.get('③ 交渉・催告中')).toEqual(['3', '66,000']);
    expect(byName.get('⑥ 時効完成')).toEqual(['1', '20,000']);
    expect(byName.get('分類できない')).toEqual(['1', '18,000']);
    expect(byName.get('合計')).toEqual(['5', '104,000']);
    // The same 収入未済額 as the totals table's 合計.
    expect(r.stdout).toMatch(/\n {2}合計\s+7\s+150,000\s+56,000\s+104,000\s+37\.3%\n/);
  });

  it('in English with --lang en', async () => {
    const out = (await check(plain, '--lang', 'en')).stdout;
    const names = block(out, 'Receivables status (rows still owing):').map((l) => cells(l)[0]);
    expect(names).toEqual(expect.arrayContaining(['Being collected', '① Seized', 'Cannot be classified', 'Total']));
    expect(out).not.toContain('時効完成');
  });
});

describe('saiken check: payment channels', () => {
  it('prints rows, 調定額, 収入済額, 収入未済額 and 収納率 per 納付方法 and per 口座振替の有無, each row once', async () => {
    const r = await check(channels);
    expect(r.stderr).toBe('');
    const pay = block(r.stdout, '納付方法別:').map(cells);
    expect(pay[0]).toEqual(['納付方法', '件数', '調定額', '収入済額', '収入未済額', '収納率']);
    const byKey = new Map(pay.slice(1).map((c) => [c[0], c.slice(1)]));
    expect([...byKey.keys()]).toEqual(['口座振替', '納付書', 'コンビニ', 'クレジットカード', 'スマホ決済', 'その他', '未記入']); // prettier-ignore
    expect(byKey.get('口座振替')).toEqual(['3', '64,000', '46,000', '18,000', '71.9%']);
    expect(byKey.get('納付書')).toEqual(['2', '48,000', '10,000', '48,000', '20.8%']);
    expect(byKey.get('クレジットカード')).toEqual(['0', '0', '0', '0', '—']);
    expect(byKey.get('未記入')).toEqual(['1', '18,000', '0', '18,000', '0.0%']);
    const rows = pay.slice(1);
    expect(rows.reduce((n, c) => n + Number(c[1]), 0)).toBe(7);
    expect(rows.reduce((n, c) => n + yen(c[4]!), 0)).toBe(104_000);

    const debit = block(r.stdout, '口座振替の有無別:').map(cells);
    expect(debit.slice(1).map((c) => [c[0], c[1], c[4]])).toEqual([
      ['口座振替あり', '3', '18,000'],
      ['口座振替なし', '3', '66,000'],
      ['未記入', '1', '20,000'],
    ]);
    expect(r.stdout).toContain('催告方法別:');
  });

  it('prints only the breakdowns whose column the sheet has', async () => {
    const out = (await check(plain)).stdout;
    expect(out).toContain('催告方法別:');
    expect(out).not.toContain('納付方法別');
    expect(out).not.toContain('口座振替の有無別');
  });

  it('names the entries in English with --lang en', async () => {
    const out = (await check(channels, '--lang', 'en')).stdout;
    const names = block(out, 'By payment method:').map((l) => cells(l)[0]);
    expect(names).toEqual(['paymentMethod', 'Direct debit', 'Payment slip', 'Convenience store', 'Credit card', 'Smartphone payment', 'Other', 'Blank']); // prettier-ignore
    expect(block(out, 'By direct debit enrolment:').map((l) => cells(l)[0])).toContain('Not enrolled');
  });

  it('--json carries the status and the channels in its analysis, and nothing of a name', async () => {
    const r = await check(channels, '--json');
    const { analysis } = JSON.parse(r.stdout);
    expect(analysis.status.byClass.dunning).toEqual({ count: 3, outstanding: 66000 });
    expect(analysis.status.byClass.unclassified).toEqual({ count: 1, outstanding: 18000 });
    expect(analysis.channels.paymentMethod.find((s: { key: string }) => s.key === '口座振替')).toEqual({
      key: '口座振替',
      count: 3,
      assessed: 64000,
      paid: 46000,
      outstanding: 18000,
      collectionRate: 71.9,
    });
    expect(analysis.channels.directDebit.map((s: { key: string }) => s.key)).toEqual([
      'enrolled',
      'notEnrolled',
      'notEntered',
    ]);
    expect(r.stdout).not.toContain('見本');
    expect(r.stdout).not.toContain('髙橋');
  });
});

describe('saiken check: 延滞金見込額', () => {
  const TITLE = '延滞金見込額（見込み: 収入未済額の全額を基準日に納付した場合。一部納付の日付は台帳にありません）:';

  it('prints the estimate for 現年度分, 滞納繰越分 and the total, as --json carries it', async () => {
    const [text, json] = await Promise.all([check(plain), check(plain, '--json')]);
    const { lateCharge } = JSON.parse(json.stdout).analysis;
    const rows = block(text.stdout, TITLE).map(cells);
    expect(rows[0]).toEqual(['区分', '件数', '延滞金見込額']);
    expect(rows.slice(1).map((r) => [r[0], yen(r[1]!), yen(r[2]!)])).toEqual([
      ['現年度分', lateCharge.current.rows, lateCharge.current.estimate],
      ['滞納繰越分', lateCharge.arrears.rows, lateCharge.arrears.estimate],
      ['合計', lateCharge.total.rows, lateCharge.total.estimate],
    ]);
    // The golden ledger's rows still owing all have a due date under the built-in (tax-like) profile.
    expect(lateCharge.total.rows).toBeGreaterThan(0);
  });

  it('says it is an estimate in English too', async () => {
    const out = (await check(plain, '--lang', 'en')).stdout;
    expect(out).toContain('Late charge, estimated (as if each outstanding amount were paid in full on the as-of date');
  });
});
