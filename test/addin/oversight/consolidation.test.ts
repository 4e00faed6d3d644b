/**
 * 取りまとめ into the Excel host stand-in: exactly the expected sheets, the seed's bureau table to the
 * character, the note, native charts on the right ranges; a re-run updates in place and leaves the
 * user's sheet alone; formula-looking text stays text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import { ROUNDING_NOTE } from '../../../domain/targets/index.js';
import { SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { installHost, type ExcelHost } from '../excel/excel-standin.js';
import { FakePort } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';
import { served, type Overrides } from './consolidation-fixtures.js';
import { oversightFor } from './setup.js';

let restore = (): void => {};
afterEach(() => restore());

const STATUS_SHEETS = ['未収金の状況', '主要債権収入状況', '未収金の状況の出典'];
const FINANCE_SHEETS = [
  '局別目標',
  '局別進捗',
  '債権別',
  '提出状況',
  '改善提案',
  '滞納年数別',
  ...STATUS_SHEETS,
  '対応件数',
  '年度推移',
];

function workbook(): ExcelHost {
  const installed = installHost();
  restore = installed.restore;
  installed.host.addSheet('自分の集計', [['課の独自メモ', 42]]);
  return installed.host;
}

async function consolidate(host: ExcelHost, who: 'finance' | 'accounting', o: Overrides = {}) {
  const service = served(who, o);
  const ov = oversightFor(service.fetch, { port: createOfficeAdapter() });
  await ov.start();
  await ov.setFiscalYear(2024);
  await ov.consolidation.run();
  expect(ov.state.consolidation.notice?.intent, ov.state.consolidation.notice?.text).toBe('success');
  return { ov, service, host };
}

/** What a user sees in rows [from, to) of columns A..E, tab-separated, as targets.md prints the table. */
function shownTable(host: ExcelHost, sheet: string, from: number, to: number): string {
  let out = '';
  for (let r = from; r < to; r++) out += [0, 1, 2, 3, 4].map((c) => host.shownText(sheet, r, c)).join('\t') + '\n';
  return out;
}

describe('取りまとめ (finance)', () => {
  it('writes exactly the expected sheets after the user’s own, and a success notice', async () => {
    const host = workbook();
    const { ov } = await consolidate(host, 'finance');
    expect(host.model.sheets.map((s) => s.name)).toEqual(['自分の集計', ...FINANCE_SHEETS]);
    expect(ov.state.consolidation.written.map((w) => [w.name, w.charts])).toEqual([
      ['局別目標', 0],
      ['局別進捗', 1],
      ['債権別', 0],
      ['提出状況', 0],
      ['改善提案', 0],
      ['滞納年数別', 1],
      ...STATUS_SHEETS.map((n) => [n, 0]),
      ['対応件数', 0],
      ['年度推移', 2],
    ]);
    expect(host.model.active()?.name).toBe('局別目標');
  });

  it('writes 年度推移 with line charts of the amount owing and the rate by bureau, years across', async () => {
    const host = workbook();
    const { service } = await consolidate(host, 'finance');
    expect(service.requests.some((r) => r.path.startsWith('/api/v1/oversight/history?from=2020&to=2024'))).toBe(true);
    const s = host.sheet('年度推移');
    expect(s.value(0, 0)).toBe('年度推移（2020年度〜2024年度）');
    expect([s.value(3, 0), s.value(3, 1), s.value(4, 0), s.value(4, 1), s.value(8, 1)]).toEqual([
      '収入未済額（千円）',
      '子ども青少年局',
      '2020年度',
      300,
      380,
    ]);
    expect(s.charts.map((c) => c.type)).toEqual(['Line', 'Line']);
  });

  it('lays the bureau table out as the seed: title, unit line, the table to the character, the note', async () => {
    const host = workbook();
    await consolidate(host, 'finance');
    const s = host.sheet('局別目標');
    expect(s.value(0, 0)).toBe('令和6年度未収金の目標値（局別）');
    expect(s.value(1, 4)).toBe('（千円・％）');
    expect(shownTable(host, '局別目標', 2, 18)).toBe(SEED_TABLE_TSV);
    expect(s.value(18, 0)).toBe('');
    expect(s.value(19, 0)).toBe(ROUNDING_NOTE);
    expect(typeof s.value(3, 1)).toBe('number'); // figures stay numbers: sums and charts work
    expect(s.frozenRows).toBe(3);
    expect(s.bold.has('17:0')).toBe(true); // 合計
  });

  it('creates native charts on the right ranges: target vs current by bureau, aging stacked', async () => {
    const host = workbook();
    await consolidate(host, 'finance');
    const progress = host.sheet('局別進捗');
    expect(progress.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        sourceSheetId: progress.id,
        source: { row: 0, column: 0, rows: 15, columns: 3 }, // A1:C15: header + 14 bureaus, no total
        seriesBy: 'Columns',
        title: '目標と現在（局別・千円）',
        position: { from: 'G2', to: 'N20' },
      }),
    ]);
    expect([0, 1, 2].map((c) => progress.value(0, c))).toEqual(['局名', '目標 ②（千円）', '現在（千円）']);
    expect(progress.value(8, 0)).toBe('子ども青少年局');
    expect(progress.value(8, 2)).toBe(350_000); // 千円
    expect(progress.value(1, 2)).toBe(''); // 総務局 has not reported: blank, not 0
    const aging = host.sheet('滞納年数別');
    expect(aging.charts[0]).toMatchObject({
      type: 'ColumnStacked',
      source: { row: 0, column: 0, rows: 3, columns: 4 }, // A1:D3: two bureaus, three buckets
      title: '滞納年数別の未収金（局別・千円）',
    });
    expect([0, 1, 2, 3, 4].map((c) => aging.value(0, c))).toEqual([
      '局名',
      '1年未満（千円）',
      '1年以上2年未満（千円）',
      '5年以上（千円）',
      '合計（千円）',
    ]);
    expect([1, 2, 3].map((r) => aging.value(r, 0))).toEqual(['子ども青少年局', '交通局', '合計']);
    expect(aging.value(3, 4)).toBe(468_500);
  });

  it('writes 対応件数: debtors and outstanding per action with 延滞金見込額, per claim, bureau and in total', async () => {
    const host = workbook();
    await consolidate(host, 'finance');
    const w = host.sheet('対応件数');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => w.value(0, c))).toEqual([
      '局名',
      '課名',
      '債権名',
      '台帳数',
      '収入未済額（円）',
      '延滞金見込額（円）',
      '1. 時効の完成を止める（人）',
      '1. 時効の完成を止める（円）',
    ]);
    expect([0, 2, 3, 4, 5, 6, 7].map((c) => w.value(1, c))).toEqual([
      '子ども青少年局',
      '保育料',
      1,
      350_000_000,
      15_400,
      2,
      200_000,
    ]);
    expect([0, 2].map((c) => w.value(2, c))).toEqual(['子ども青少年局', '（局計）']);
    expect([0, 6].map((c) => w.value(3, c))).toEqual(['合計', 2]);
  });

  it('fills status with the chase list marked, and the improvement list with review and proposal', async () => {
    const host = workbook();
    await consolidate(host, 'finance');
    const st = host.sheet('提出状況');
    expect(st.value(0, 0)).toBe('提出期限: 毎月10日までに送信');
    const rows = [4, 5, 6].map((r) => [st.value(r, 2), st.value(r, 3), st.value(r, 4), st.value(r, 5)]);
    expect(rows).toEqual([
      ['保育料', '保育料台帳', '送信済み', ''],
      ['乗車料金', '乗車料金台帳', '期限までに送信なし', '○'],
      ['下水道使用料', '（台帳なし）', '計画はあるが台帳なし', '○'],
    ]);
    const im = host.sheet('改善提案');
    expect(im.value(1, 2)).toBe('保育料');
    expect([im.value(1, 3), im.value(1, 9), im.value(1, 10), im.value(1, 11)]).toEqual([
      '未収金増加',
      '前年より増加',
      '滞納初期の電話催告',
      '電話催告を強化',
    ]);
    expect(im.value(2, 0)).toBe(''); // the claim with neither reason nor proposal is not listed
  });

  it('re-running updates the same sheets in place and leaves the user’s sheet untouched', async () => {
    const host = workbook();
    await consolidate(host, 'finance');
    const ids = host.model.sheets.map((s) => s.id);
    host.sheet('改善提案').name = '改善提案（11月）'; // the user renamed one of ours
    const mine = host.sheet('自分の集計').snapshot();
    await consolidate(host, 'finance', { proposalBody: '口座振替の勧奨を追加' });
    expect(host.model.sheets.map((s) => s.id)).toEqual(ids);
    expect(host.sheet('改善提案（11月）').value(1, 11)).toBe('口座振替の勧奨を追加');
    expect(host.sheet('局別進捗').charts).toHaveLength(1);
    expect(host.sheet('滞納年数別').charts).toHaveLength(1);
    expect(host.sheet('自分の集計').snapshot()).toBe(mine);
    expect(shownTable(host, '局別目標', 2, 18)).toBe(SEED_TABLE_TSV);
  });

  it('writes formula-looking names and notes as text: no formula results anywhere', async () => {
    const host = workbook();
    const evil = '=HYPERLINK("http://example.invalid","x")';
    await consolidate(host, 'finance', {
      claimName: (n) => (n === '保育料' ? evil : n),
      divisionName: (n) => (n === '保育運営課' ? '+81-52-000' : n),
      ledgerName: '@SUM(A1:A9)',
      review: { assessment: '-前年より悪化', nextStep: '＝臨戸' },
      proposalBody: '=cmd|"/c calc"!A1',
    });
    expect(host.formulaCells()).toEqual([]);
    const claims = host.sheet('債権別');
    const r = [...Array(30).keys()].find((i) => claims.value(i, 2) === evil)!;
    expect(r).toBeGreaterThan(0);
    expect([claims.format(r, 2), claims.value(r, 1), claims.format(r, 1)]).toEqual(['@', '+81-52-000', '@']);
    expect(host.sheet('提出状況').value(4, 3)).toBe('@SUM(A1:A9)');
    expect(host.sheet('改善提案').value(1, 11)).toBe('=cmd|"/c calc"!A1');
    expect(host.sheet('改善提案').value(1, 9)).toBe('-前年より悪化');
  });
});

describe('取りまとめ (accounting)', () => {
  it('never asks for the bureau table; writes its bureau’s sheets by division', async () => {
    const host = workbook();
    const { service } = await consolidate(host, 'accounting');
    expect(service.requests.some((r) => r.path.startsWith('/api/v1/reports/targets'))).toBe(false);
    expect(host.model.sheets.map((s) => s.name)).toEqual([
      '自分の集計',
      '課別進捗',
      '債権別',
      '提出状況',
      '改善提案',
      '滞納年数別',
      ...STATUS_SHEETS,
      '対応件数',
      '年度推移',
    ]);
    expect(host.sheet('課別進捗').charts[0]).toMatchObject({
      type: 'ColumnClustered',
      title: '目標と現在（課別・千円）',
    });
    expect(host.sheet('滞納年数別').value(1, 0)).toBe('保育運営課');
  });
});

describe('without a sheet writer', () => {
  it('says so and asks the service nothing', async () => {
    const service = served('finance');
    const ov = oversightFor(service.fetch, { port: new FakePort(hoikuryo()) });
    await ov.start();
    await ov.whenIdle();
    const before = service.requests.length;
    expect(ov.consolidation.available()).toBe(false);
    await ov.consolidation.run();
    expect(ov.state.consolidation).toMatchObject({ status: 'error', notice: { intent: 'error' } });
    expect(service.requests.length).toBe(before);
  });
});
