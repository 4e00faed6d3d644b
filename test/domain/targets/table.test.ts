import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildTargetTable,
  formatRatio,
  formatTargetTableTsv,
  formatThousandYen,
  sumByBureau,
  sumByClaim,
  type PlanLine,
} from '../../../domain/targets/index.js';
import { SEED_BUREAU_ORDER, SEED_PLAN_LINES, SEED_TABLE_TSV } from './seed-fixture.js';

// The specification and its source documents, as copied into the repository (docs/spec/README.md).
const SPEC = fileURLToPath(new URL('../../../docs/spec/', import.meta.url));
const TARGETS_MD = `${SPEC}domain/targets.md`;
const SEED_TXT = `${SPEC}seeds/000_e48f6ade99f1fc00.txt`;

const seedTable = () =>
  buildTargetTable(SEED_PLAN_LINES, { fiscalYear: 2024, bureauOrder: SEED_BUREAU_ORDER, settled: false });

function plan(bureau: string, baselineYen: number, targetYen: number, fiscalYear = 2024): PlanLine {
  return { bureau, division: '課', claim: `${bureau}の債権`, fiscalYear, baselineYen, targetYen };
}

describe('the seed table (targets.md, 令和6年度)', () => {
  it('prints the table of targets.md to the character', () => {
    expect(formatTargetTableTsv(seedTable())).toBe(SEED_TABLE_TSV);
  });

  it.skipIf(!existsSync(TARGETS_MD))('matches the fenced block of targets.md as it is now', () => {
    const fenced = /```\n([\s\S]*?)```/.exec(readFileSync(TARGETS_MD, 'utf8'));
    expect(fenced?.[1]).toBe(SEED_TABLE_TSV);
    expect(formatTargetTableTsv(seedTable())).toBe(fenced?.[1]);
  });

  it.skipIf(!existsSync(SEED_TXT))('uses the seed’s title, unit line and note verbatim', () => {
    const seed = readFileSync(SEED_TXT, 'utf8');
    const table = seedTable();
    expect(seed).toContain(`\n${table.title}\n`);
    expect(seed).toContain(`\n${table.unitLine}\n`);
    expect(seed).toContain(`\n${table.note}`);
  });

  it('rounds the total from the city’s yen, not from the rounded rows', () => {
    const table = seedTable();
    expect(table.total.baselineYen).toBe(12_450_780_401);
    expect(table.total.targetYen).toBe(11_788_142_100);
    expect(table.total.diffYen).toBe(-662_638_301);
    const rowThousands = table.rows.reduce((sum, r) => sum + Number(r.cells[1].replace(/,/g, '')), 0);
    expect(rowThousands).toBe(12_450_781);
    expect(table.total.cells).toEqual(['合計', '12,450,780', '11,788,142', '△ 662,638', '94.68']);
  });

  it('gives the title, unit line, note and exact ratios', () => {
    const table = seedTable();
    expect(table.title).toBe('令和6年度未収金の目標値（局別）');
    expect(table.unitLine).toBe('（千円・％）');
    expect(table.note).toBe(
      '注) 金額は四捨五入により表示しているため、各局の値を合計したものは、「合計」欄の値と一致しないことがある。',
    );
    expect(table.rows.map((r) => r.ratioHundredths)).toEqual([
      0, 9540, 8050, 6368, 0, 9358, 9401, 9541, 9667, 6835, 0, 9328, 10299, 9982,
    ]);
    expect(table.rows[1]?.ratio).toBeCloseTo(95.404, 3);
  });

  it('ignores other fiscal years and the order of the lines', () => {
    const noise = [plan('財政局', 9_999_999_999, 1, 2023), plan('交通局', 5, 5, 2025)];
    const lines = [...SEED_PLAN_LINES].reverse().concat(noise);
    const table = buildTargetTable(lines, { fiscalYear: 2024, bureauOrder: SEED_BUREAU_ORDER, settled: false });
    expect(formatTargetTableTsv(table)).toBe(SEED_TABLE_TSV);
  });
});

describe('rows', () => {
  it('shows a bureau without plans as zeros and －', () => {
    const table = buildTargetTable([plan('財政局', 2_000, 1_000)], {
      fiscalYear: 2024,
      bureauOrder: ['総務局', '財政局'],
      settled: true,
    });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['総務局', '0', '0', '0', '－'],
      ['財政局', '2', '1', '△ 1', '50.00'],
    ]);
    expect(table.rows[0]?.ratio).toBeNull();
    expect(table.rows[0]?.ratioHundredths).toBeNull();
  });

  it('appends bureaus missing from bureauOrder so the total stays the city’s', () => {
    const lines = [plan('交通局', 3_000, 3_000), plan('財政局', 1_000, 0), plan('交通局', 1_000, 0)];
    const table = buildTargetTable(lines, { fiscalYear: 2024, bureauOrder: ['財政局'], settled: true });
    expect(table.rows.map((r) => r.bureau)).toEqual(['財政局', '交通局']);
    expect(table.rows[1]?.cells).toEqual(['交通局', '4', '3', '△ 1', '75.00']);
    expect(table.total.cells).toEqual(['合計', '5', '3', '△ 2', '60.00']);
  });

  it('rounds 未収金額差 from the yen difference, not from the rounded amounts', () => {
    // ① 1,500 → 2 and ② 3,499 → 3, but ② − ① = 1,999 yen → 2.
    const table = buildTargetTable([plan('局', 1_500, 3_499)], { fiscalYear: 2024, bureauOrder: [], settled: true });
    expect(table.rows[0]?.cells).toEqual(['局', '2', '3', '2', '233.27']);
    expect(table.rows[0]?.diffYen).toBe(1_999);
  });

  it('prints an empty table with a total of zeros', () => {
    const table = buildTargetTable([], { fiscalYear: 2024, bureauOrder: [], settled: true });
    expect(formatTargetTableTsv(table)).toBe(
      '局名\t令和5年度決算 ①\t令和6年度目標 ②\t未収金額差 ②-①\t圧縮割合 ②/①\n合計\t0\t0\t0\t－\n',
    );
  });

  it('refuses amounts that are not whole yen', () => {
    const options = { fiscalYear: 2024, bureauOrder: [], settled: true };
    expect(() => buildTargetTable([plan('局', 1.5, 0)], options)).toThrow(RangeError);
  });
});

describe('headers and title', () => {
  const table = (fiscalYear: number, settled: boolean) =>
    buildTargetTable([], { fiscalYear, bureauOrder: [], settled });

  it('marks ① 見込 until the settlement is final', () => {
    expect(table(2024, false).headers).toEqual([
      '局名',
      '令和5年度決算 (見込) ①',
      '令和6年度目標 ②',
      '未収金額差 ②-①',
      '圧縮割合 ②/①',
    ]);
    expect(table(2024, true).headers[1]).toBe('令和5年度決算 ①');
  });

  it('writes era year 1 as 元', () => {
    expect(table(2020, true).headers.slice(1, 3)).toEqual(['令和元年度決算 ①', '令和2年度目標 ②']);
    expect(table(2019, false).title).toBe('令和元年度未収金の目標値（局別）');
    expect(table(2019, false).headers.slice(1, 3)).toEqual(['平成30年度決算 (見込) ①', '令和元年度目標 ②']);
    expect(table(1990, true).headers[1]).toBe('平成元年度決算 ①');
    expect(table(1989, true).title).toBe('平成元年度未収金の目標値（局別）');
    expect(table(1989, true).headers[1]).toBe('昭和63年度決算 ①');
  });

  it('refuses fiscal years before 昭和', () => {
    expect(() => table(1926, true)).toThrow(RangeError);
    expect(() => table(2024.5, true)).toThrow(RangeError);
  });
});

describe('formatThousandYen and formatRatio', () => {
  it.each([
    [0, '0'],
    [-499, '0'],
    [499, '0'],
    [500, '1'],
    [-500, '△ 1'],
    [1_499, '1'],
    [1_500, '2'],
    [-1_500, '△ 2'],
    [-13_000, '△ 13'],
    [2_934_892_000, '2,934,892'],
    [-1_000_000_000_000_000, '△ 1,000,000,000,000'],
  ])('%d yen prints %s', (yen, text) => {
    expect(formatThousandYen(yen)).toBe(text);
  });

  it.each([
    [0, 13_000, '0.00'],
    [0, 0, '－'],
    [5_000, 0, '－'],
    [7, 20_000, '0.04'],
    [1, 20_001, '0.00'],
    [1_908_100_000, 2_000_000_000, '95.41'],
    [-1_908_100_000, 2_000_000_000, '△ 95.41'],
    [12_345, 100, '12,345.00'],
  ])('② %d over ① %d prints %s', (target, baseline, text) => {
    expect(formatRatio(target, baseline)).toBe(text);
  });

  it('uses U+FF0D for the missing ratio', () => {
    expect(formatRatio(1, 0).codePointAt(0)).toBe(0xff0d);
  });
});

describe('sums for progress', () => {
  it('adds yen by bureau and by claim, in order of first appearance', () => {
    const lines: PlanLine[] = [
      { bureau: 'B', division: 'x', claim: 'c1', fiscalYear: 2024, baselineYen: 1, targetYen: 2 },
      { bureau: 'A', division: 'y', claim: 'c2', fiscalYear: 2024, baselineYen: 10, targetYen: 20 },
      { bureau: 'B', division: 'x', claim: 'c1', fiscalYear: 2024, baselineYen: 100, targetYen: 200 },
      { bureau: 'B', division: 'z', claim: 'c1', fiscalYear: 2024, baselineYen: 1000, targetYen: 0 },
    ];
    expect(sumByBureau(lines)).toEqual([
      { bureau: 'B', baselineYen: 1101, targetYen: 202, lineCount: 3 },
      { bureau: 'A', baselineYen: 10, targetYen: 20, lineCount: 1 },
    ]);
    expect(sumByClaim(lines)).toEqual([
      { bureau: 'B', division: 'x', claim: 'c1', baselineYen: 101, targetYen: 202, lineCount: 2 },
      { bureau: 'A', division: 'y', claim: 'c2', baselineYen: 10, targetYen: 20, lineCount: 1 },
      { bureau: 'B', division: 'z', claim: 'c1', baselineYen: 1000, targetYen: 0, lineCount: 1 },
    ]);
  });

  it('gives the seed table’s yen', () => {
    const sums = sumByBureau(SEED_PLAN_LINES);
    expect(sums.map((s) => s.bureau)).toEqual(SEED_BUREAU_ORDER);
    expect(sums.find((s) => s.bureau === '財政局')).toEqual({
      bureau: '財政局',
      baselineYen: 2_934_892_000,
      targetYen: 2_800_007_260,
      lineCount: 3,
    });
  });
});
