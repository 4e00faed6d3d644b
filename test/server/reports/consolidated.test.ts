import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUNDING_NOTE } from '../../../domain/targets/index.js';
import { SHEET_NAMES } from '../../../server/reports/consolidated.js';
import { SEED_BUREAU_ORDER, SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { CSV, seedRows, toCsv, XLSX } from '../plans/fixtures.js';
import { insertLedger, startHarness, type Harness } from '../helpers/harness.js';
import { countByAction } from '../../../domain/worklist/counts.js';

const AGING = [
  { label: '0-1', fromYears: 0, toYears: 1, count: 3, outstanding: 30_000_000 },
  { label: '1-2', fromYears: 1, toYears: 2, count: 2, outstanding: 25_000_000 },
  { label: '5+', fromYears: 5, toYears: null, count: 1, outstanding: 15_000_000 },
];
const INJECTED = ['=HYPERLINK("x")', '@SUM(A1)', '+1+2', '-3'];

let h: Harness;
let xlsx: Buffer;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  h = await startHarness();
  const rows = [
    ...seedRows(),
    [INJECTED[0]!, INJECTED[2]!, INJECTED[1]!, '私債権', 'R6', '1,000', '500', INJECTED[3]!],
  ];
  expect(
    (await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: toCsv(rows), type: CSV })).status,
  ).toBe(200);
  await insertLedger(h.svc.db, {
    id: 'L-ride',
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    revision: 3,
    asOf: '2024-09-30',
    ruleset: '2026.11.1',
    outstanding: 70_000_000,
    current: { assessed: 200_000_000, paid: 150_000_000, outstanding: 50_000_000 },
    arrears: { assessed: 40_000_000, paid: 10_000_000, outstanding: 20_000_000 },
    aging: AGING,
    figures: {
      lateCharge: { current: { rows: 2, estimate: 0 }, arrears: { rows: 4, estimate: 12_300 }, total: { rows: 6, estimate: 12_300 } }, // prettier-ignore
      worklist: countByAction([
        { action: 'stopPrescription', outstanding: 400_000 },
        { action: 'firstDunning', outstanding: 90_000 },
        { action: 'firstDunning', outstanding: 10_000 },
      ]),
    },
    findings: [
      { rule: 'demand-missing', severity: 'error', count: 4 },
      { rule: 'contact-stale', severity: 'warning', count: 2 },
      { rule: 'early-dunning', severity: 'info', count: 1 },
    ],
  });
  await insertLedger(h.svc.db, {
    id: 'L-inj',
    bureau: INJECTED[0]!,
    division: INJECTED[2]!,
    claim: INJECTED[1]!,
    name: INJECTED[3],
    outstanding: 900,
  });
  const r = await h.call('GET', '/api/v1/reports/consolidated.xlsx?fy=2024', { token: h.finance });
  expect(r.status).toBe(200);
  expect(r.contentType).toBe(XLSX);
  xlsx = r.bytes;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as never);
});
afterAll(() => h.close());

const sheet = (name: string) => wb.getWorksheet(name)!;
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('the consolidated workbook', () => {
  it('has the Japanese sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '局別目標',
      '債権別',
      '提出状況',
      '滞納年数別',
      '未収金の状況',
      '主要債権収入状況',
      '未収金の状況の出典',
      '対応件数',
      '収納率',
      '年度推移',
      '出典',
    ]);
    expect(Object.values(SHEET_NAMES)).toEqual(wb.worksheets.map((w) => w.name));
  });

  it('lays out the bureau table as the seed: title, unit, header, rows, 合計, note', () => {
    const ws = sheet('局別目標');
    expect(ws.getCell('A1').value).toBe('令和6年度未収金の目標値（局別）');
    expect(ws.getCell('E2').value).toBe('（千円・％）');
    const lines = SEED_TABLE_TSV.trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(values(ws, 3)).toEqual(lines[0]);
    expect(values(ws, 4)).toEqual(['総務局', 13, 0, -13, 0]);
    expect(values(ws, 5)).toEqual(['財政局', 2_934_892, 2_800_007, -134_885, 95.4]);
    expect(values(ws, 16)).toEqual(['上下水道局', 277_035, 285_312, 8_277, 102.99]);
    const bureaus = [...SEED_BUREAU_ORDER, INJECTED[0]];
    expect(bureaus.map((_, i) => ws.getCell(4 + i, 1).value)).toEqual(bureaus);
    expect(values(ws, 18)).toEqual([INJECTED[0], 1, 1, -1, 50]);
    expect(values(ws, 19)).toEqual(['合計', 12_450_781, 11_788_143, -662_639, 94.68]);
    expect(ws.getCell('A21').value).toBe(ROUNDING_NOTE);
    expect(ws.getCell('A20').value).toBeNull();
    expect(ws.getCell('B4').numFmt).toBe('#,##0;"△ "#,##0');
    expect(ws.getCell('D5').numFmt).toBe('#,##0;"△ "#,##0');
    expect(ws.getCell('E5').numFmt).toBe('0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(1).width).toBeGreaterThan(10);
  });

  it('lists every claim with its plan, current amount and flags', () => {
    const ws = sheet('債権別');
    expect(values(ws, 1).slice(0, 11)).toEqual([
      '局名',
      '課名',
      '債権名',
      '債権区分',
      '前年度決算（円）',
      '目標（円）',
      '現在（円）',
      '延滞金見込額（円）',
      '差 現在-目標（円）',
      '未収金増加',
      '計画遅れ',
    ]);
    const ride = ws.getRow(22);
    expect(values(ws, 22).slice(0, 11)).toEqual([
      '交通局',
      '営業本部',
      '乗車料金',
      '私債権',
      117_386_499,
      117_180_000,
      70_000_000,
      12_300,
      -47_180_000,
      '',
      '',
    ]);
    expect(ride.getCell(14).value).toBe(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('counts debtors and outstanding per action with 延滞金見込額, per claim, bureau and in total', () => {
    const ws = sheet('対応件数');
    expect(values(ws, 1).slice(0, 8)).toEqual([
      '局名',
      '課名',
      '債権名',
      '台帳数',
      '収入未済額（円）',
      '延滞金見込額（円）',
      '1. 時効の完成を止める（人）',
      '1. 時効の完成を止める（円）',
    ]);
    const ride = values(ws, 2);
    expect(ride.slice(0, 8)).toEqual(['交通局', '営業本部', '乗車料金', 1, 70_000_000, 12_300, 1, 400_000]);
    const first = values(ws, 1).indexOf('7. 初回の催告（人）');
    expect([ride[first], ride[first + 1]]).toEqual([2, 100_000]);
    // The injected ledger was stored before the counts: counted in outstanding, not per action.
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => values(ws, i + 2));
    const total = rows.find((r) => r[0] === '合計')!;
    expect(total.slice(3, 8)).toEqual([2, 70_000_900, 12_300, 1, 400_000]);
    expect(rows.filter((r) => r[2] === '（局計）').map((r) => r[0])).toEqual(['交通局', INJECTED[0]]);
  });

  it('shows each ledger’s submission and finding counts by severity and rule', () => {
    const ws = sheet('提出状況');
    const header = values(ws, 1);
    expect(header.slice(0, 10)).toEqual([
      '局名',
      '課名',
      '債権名',
      '台帳',
      '最終提出日時',
      '版',
      '基準日',
      'エラー',
      '警告',
      '情報',
    ]);
    expect(header.slice(10)).toEqual(['contact-stale', 'demand-missing', 'early-dunning']);
    const row = [2, 3].map((r) => values(ws, r)).find((v) => v[0] === '交通局')!;
    expect(row).toEqual([
      '交通局',
      '営業本部',
      '乗車料金',
      '乗車料金台帳',
      '2024-10-01T09:00:00.000Z',
      3,
      '2024-09-30',
      4,
      2,
      1,
      2,
      4,
      1,
    ]);
  });

  it('sums aging and collection rates by bureau', () => {
    const aging = sheet('滞納年数別');
    expect(values(aging, 1)).toEqual(['局名', '1年未満（円）', '1年以上2年未満（円）', '5年以上（円）', '合計（円）']);
    expect(values(aging, 2)).toEqual(['交通局', 30_000_000, 25_000_000, 15_000_000, 70_000_000]);
    const rates = sheet('収納率');
    expect(values(rates, 2)).toEqual([
      '交通局',
      200_000_000,
      150_000_000,
      75,
      50_000_000,
      40_000_000,
      10_000_000,
      25,
      20_000_000,
    ]);
    expect(values(rates, 3)).toEqual([INJECTED[0], 0, 0, '－', 0, 0, 0, '－', 0]);
    expect(values(rates, 4)[0]).toBe('合計');
  });

  it('records where the figures came from', () => {
    const ws = sheet('出典');
    expect(ws.getCell('A1').value).toBe('作成日時');
    expect(Date.now() - Date.parse(String(ws.getCell('B1').value))).toBeLessThan(60_000);
    expect(ws.getCell('B3').value).toBe('見込');
    expect(ws.getCell('B4').value).toBe('2026.11.1');
    expect(values(ws, 8)[0]).toBe('台帳ID');
    const ride = [9, 10].map((r) => values(ws, r)).find((v) => v[0] === 'L-ride')!;
    expect(ride.slice(0, 10)).toEqual([
      'L-ride',
      '交通局',
      '営業本部',
      '乗車料金',
      '乗車料金台帳',
      3,
      '2024-09-30',
      '2026.11.1',
      'sub-L-ride-3',
      '2024-10-01T09:00:00.000Z',
    ]);
  });

  it('writes names that look like formulas as text, and no formula anywhere', async () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
        }),
      );
    }
    const claims = sheet('債権別');
    const injected = values(claims, 23);
    expect(injected.slice(0, 3)).toEqual([INJECTED[0], INJECTED[2], INJECTED[1]]);
    expect(claims.getCell('A23').type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(xlsx);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(11);
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[\s>]/);
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const inline = (await Promise.all(sheets.map((f) => zip.file(f)!.async('string')))).join('');
    for (const text of INJECTED) {
      const escaped = text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      expect(strings.includes(`>${text}<`) || strings.includes(`>${escaped}<`) || inline.includes(`>${escaped}<`)).toBe(
        true,
      );
    }
  });

  it('is for finance only', async () => {
    const accounting = await h.token('accounting', '交通局');
    expect((await h.call('GET', '/api/v1/reports/consolidated.xlsx?fy=2024', { token: accounting })).status).toBe(403);
  });
});
