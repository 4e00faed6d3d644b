import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../../server/cli/commands/report.js';
import { SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { CSV, seedCsv } from '../plans/fixtures.js';
import { runCommand } from '../helpers/cli-run.js';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
let dir: string;
const report = (...args: string[]) => runCommand(register, ['report', ...args]);

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'saiken-cli-report-'));
  await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: seedCsv(), type: CSV });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saiken report targets', () => {
  it('prints the seed table as TSV, exactly', async () => {
    const r = await report('targets', '--fy', '2024', '--format', 'tsv', '--server', h.url, '--token', h.finance);
    expect(r).toEqual({ code: 0, out: SEED_TABLE_TSV, err: '' });
    expect((await report('targets', '--fy', 'R6', '--server', h.url, '--token', h.finance)).out).toBe(SEED_TABLE_TSV);
  });

  it('prints JSON', async () => {
    const r = await report('targets', '--fy', '令和6年度', '--format', 'json', '--server', h.url, '--token', h.finance);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.total.cells).toEqual(['合計', '12,450,780', '11,788,142', '△ 662,638', '94.68']);
    expect(j.bureaus).toHaveLength(14);
  });

  it('exits 2 with one Japanese line on error', async () => {
    const accounting = await h.token('accounting', '財政局');
    const cases: [string[], string][] = [
      [['--fy', '2024', '--server', h.url, '--token', accounting], 'この操作を行う権限がありません。\n'],
      [
        ['--fy', 'x', '--server', h.url, '--token', h.finance],
        '年度（fy）を 2024、R6、令和6年度 のように指定してください。\n',
      ],
      [['--server', h.url, '--token', h.finance], '--fy で年度を指定してください（例: 2024、R6、令和6年度）。\n'],
      [
        ['--fy', '2024', '--format', 'csv', '--server', h.url, '--token', h.finance],
        '--format は tsv か json です。\n',
      ],
    ];
    for (const [args, err] of cases) expect(await report('targets', ...args)).toEqual({ code: 2, out: '', err });
  });
});

describe('saiken report consolidated', () => {
  it('saves the workbook', async () => {
    const out = join(dir, '集計.xlsx');
    const r = await report('consolidated', '--fy', '2024', '--out', out, '--server', h.url, '--token', h.finance);
    expect(r).toEqual({ code: 0, out: `集計表を保存しました: ${out}\n`, err: '' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('令和6年度未収金の目標値（局別）');
  });

  it('needs --out and a writable place', async () => {
    const base = ['consolidated', '--fy', '2024', '--server', h.url, '--token', h.finance];
    expect((await report(...base)).err).toBe('--out で保存先のファイルを指定してください。\n');
    const r = await report(...base, '--out', join(dir, 'no-such-dir', 'a.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ファイルを保存できません: .*（ENOENT）\n$/);
  });
});

describe('saiken report history', () => {
  const server = () => ['--server', h.url, '--token', h.finance];

  it('prints the years across as TSV: the table of the sheet, each year 確定 or 速報', async () => {
    const r = await report('history', '--from', '2023', '--to', 'R6', ...server());
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const header = lines[0]!.split('\t');
    expect(header.slice(0, 4)).toEqual(['局名', '課名', '債権名', '2023年度（速報） 収入未済額（円）']);
    expect(header[8]).toBe('2024年度（速報） 収入未済額（円）');
    // The seed's 14 bureaus and the total; its claims are only planned, with no ledger: no rows of their own.
    expect(lines[15]!.split('\t')[0]).toBe('合計');
    expect(lines).toHaveLength(16);
  });

  it('prints JSON', async () => {
    const r = await report('history', '--from', '2020', '--to', '2024', '--format', 'json', ...server());
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(j.bureaus).toHaveLength(14);
  });

  it('exits 2 with one Japanese line on error', async () => {
    const cases: [string[], string][] = [
      [['--to', '2024', ...server()], '--from で年度を指定してください（例: 2024、R6、令和6年度）。\n'],
      [['--from', '2024', ...server()], '--to で年度を指定してください（例: 2024、R6、令和6年度）。\n'],
      [
        ['--from', '2024', '--to', '2023', ...server()],
        '開始年度（from: 2024）は終了年度（to: 2023）以前にしてください。\n',
      ],
      [['--from', '2024', '--to', '2024', '--format', 'csv', ...server()], '--format は tsv か json です。\n'],
    ];
    for (const [args, err] of cases) expect(await report('history', ...args)).toEqual({ code: 2, out: '', err });
  });
});
