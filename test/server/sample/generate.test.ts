import { describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import { generateSample, SampleError } from '../../../server/sample/generate.js';

const day = (iso: string) => parseISODay(iso)!;
const key = (f: { row: number; rule: string }) => `${f.row}:${f.rule}`;

function findingsOf(grid: Parameters<typeof checkSheet>[0], asOf: number) {
  const out = checkSheet(grid, { asOf });
  if (!out.ok) throw new Error(out.failure.reason);
  return out.result;
}

const CLAIMS = ['保育料', '国民健康保険料', '水道料金', '市営住宅使用料', '行政財産使用料', '病院診療費'];
const AS_OFS = ['2025-03-31', '2024-04-10', '2024-02-29', '2021-02-28', '2020-06-15', '2026-11-23'];

describe('generateSample: planted findings are exactly what the engine reports', () => {
  for (const claimType of CLAIMS) {
    it(`${claimType}, six as-of dates, three seeds, several sizes`, () => {
      for (const [i, iso] of AS_OFS.entries()) {
        for (const seed of [1, 7 + i, 1000 + i]) {
          const rows = [1, 13, 60, 300][(seed + i) % 4]!;
          const sample = generateSample({ rows, claimType, seed, asOf: day(iso) });
          const result = findingsOf(sample.grid, day(iso));
          expect(result.findings.map(key).sort(), `${claimType} ${iso} seed ${seed} rows ${rows}`).toEqual(
            sample.planted.map(key).sort(),
          );
        }
      }
    });
  }
});

describe('generateSample: the ledger', () => {
  const asOf = day('2025-03-31');

  it('is the same for the same seed and differs for another', () => {
    const a = generateSample({ rows: 50, claimType: '保育料', seed: 5, asOf });
    expect(generateSample({ rows: 50, claimType: '保育料', seed: 5, asOf })).toEqual(a);
    expect(generateSample({ rows: 50, claimType: '保育料', seed: 6, asOf }).grid).not.toEqual(a.grid);
  });

  it('has a title, a Japanese header of about 30 columns, the data rows and a 合計 row', () => {
    const s = generateSample({ rows: 200, claimType: '国民健康保険料', seed: 2, asOf });
    expect(s.grid[0]).toEqual(['令和6年度 国民健康保険料 債権管理台帳']);
    expect(s.grid[2]!.length).toBeGreaterThanOrEqual(30);
    expect(s.grid).toHaveLength(3 + 200 + 1);
    expect(s.grid[s.grid.length - 1]![0]).toBe('合計');
    const result = findingsOf(s.grid, asOf);
    expect(result.mapping.headerRows).toEqual([3]);
    expect(result.mapping.unmatched).toEqual([]);
    expect(result.summary.rows).toMatchObject({ checked: 200, totals: 1 });
  });

  it('plants about 2% of the rows for each rule its classification allows', () => {
    const enforceable = generateSample({ rows: 1000, claimType: '保育料', seed: 3, asOf });
    const rules = new Set(enforceable.planted.map((p) => p.rule));
    expect(rules.has('COLLECTION_STOP_NOT_APPLICABLE')).toBe(true);
    expect(rules.has('PRESCRIPTION_EXPIRED_PRIVATE')).toBe(false);
    expect(enforceable.planted.filter((p) => p.rule === 'DEMAND_MISSING')).toHaveLength(20);
    const priv = new Set(
      generateSample({ rows: 1000, claimType: '水道料金', seed: 3, asOf }).planted.map((p) => p.rule),
    );
    expect(priv.has('PRESCRIPTION_EXPIRED_PRIVATE') && priv.has('SUSPENSION_NOT_APPLICABLE')).toBe(true);
    expect(priv.has('COLLECTION_STOP_NOT_APPLICABLE') || priv.has('PRESCRIPTION_EXPIRED_PUBLIC')).toBe(false);
  });

  it('writes dates and amounts in mixed notations', () => {
    const cells = generateSample({ rows: 300, claimType: '保育料', seed: 9, asOf }).grid.slice(3).flat();
    expect(cells.some((c) => c instanceof Date)).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(c))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^令和\d+年\d+月\d+日$/.test(c))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^R\d+\.\d+\.\d+$/.test(c))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && /^\d{1,3}(,\d{3})+円$/.test(c))).toBe(true);
  });

  it('refuses a claim type the table does not know', () => {
    expect(() => generateSample({ rows: 5, claimType: '謎の債権', seed: 1, asOf })).toThrow(SampleError);
  });
});
