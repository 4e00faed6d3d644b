/** The years-across table (年度推移): sums per claim, bureau and total, and 増加が2年連続. */
import { describe, expect, it } from 'vitest';
import {
  defaultHistorySpan,
  grewTwoYearsInRow,
  historyTable,
  yearsBetween,
  type ClaimYearRecord,
  type HistoryYear,
} from '../../../domain/history/history.js';

const YEARS: HistoryYear[] = yearsBetween(2020, 2024).map((fy) => ({
  fiscalYear: fy,
  state: fy < 2024 ? 'settled' : 'provisional',
}));

let nextId = 1;
const ids = new Map<string, number>();
function rec(
  claim: string,
  bureau: string,
  fy: number,
  outstanding: number | null,
  more: Partial<ClaimYearRecord> = {},
): ClaimYearRecord {
  if (!ids.has(claim)) ids.set(claim, nextId++);
  const has = outstanding !== null;
  return {
    fiscalYear: fy,
    claimId: ids.get(claim)!,
    bureau,
    division: `${bureau}の課`,
    claim,
    classification: null,
    ledgers: has ? 1 : 0,
    asOf: has ? `${fy + 1}-03-31` : null,
    assessed: has ? 1000n : null,
    paid: has ? 1000n - BigInt(outstanding) : null,
    writtenOff: has ? 0n : null,
    outstanding: has ? BigInt(outstanding) : null,
    baseline: null,
    target: null,
    ...more,
  };
}

const series = (claim: string, bureau: string, values: (number | null)[]) =>
  values.flatMap((v, i) => (v === null ? [] : [rec(claim, bureau, 2020 + i, v)]));

describe('grewTwoYearsInRow', () => {
  const fys = yearsBetween(2020, 2024);
  it('flags the year ending two growths in a row, exactly', () => {
    expect(grewTwoYearsInRow(fys, [100n, 110n, 120n, 115n, 116n])).toEqual([2022]);
    // One growth, a fall, one growth: never two in a row.
    expect(grewTwoYearsInRow(fys, [100n, 110n, 105n, 106n, 100n])).toEqual([]);
    // Three in a row ends two runs.
    expect(grewTwoYearsInRow(fys, [100n, 110n, 120n, 130n, 130n])).toEqual([2022, 2023]);
    // Equal is not growth.
    expect(grewTwoYearsInRow(fys, [100n, 100n, 120n, 130n, 130n])).toEqual([2023]);
  });
  it('a gap year breaks the run', () => {
    expect(grewTwoYearsInRow(fys, [100n, 110n, null, 130n, 140n])).toEqual([]);
    expect(grewTwoYearsInRow(fys, [100n, null, 120n, 130n, 140n])).toEqual([2024]);
  });
  it('a new claim’s first year is not growth from nothing', () => {
    expect(grewTwoYearsInRow(fys, [null, null, null, 130n, 140n])).toEqual([]);
    expect(grewTwoYearsInRow(fys, [null, null, 120n, 130n, 140n])).toEqual([2024]);
  });
});

describe('historyTable', () => {
  const records = [
    ...series('国民健康保険料', '健康福祉局', [500, 520, 540, 530, 520]),
    ...series('介護保険料', '健康福祉局', [100, 90, null, 95, 99]),
    ...series('市営住宅使用料', '都市整備局', [null, null, null, 300, 310]),
  ];

  it('keeps a line per claim and bureau, each year’s figures in order, and the total', () => {
    const t = historyTable(YEARS, records);
    expect(t.from).toBe(2020);
    expect(t.to).toBe(2024);
    expect(t.years.map((y) => y.state)).toEqual(['settled', 'settled', 'settled', 'settled', 'provisional']);
    expect(t.claims.map((c) => c.claim)).toEqual(['国民健康保険料', '介護保険料', '市営住宅使用料']);
    expect(t.bureaus.map((b) => b.bureau)).toEqual(['健康福祉局', '都市整備局']);
    const hw = t.bureaus[0]!;
    expect(hw.division).toBeNull();
    expect(hw.years.map((y) => y.outstanding)).toEqual([600n, 610n, 540n, 625n, 619n]);
    // A bureau with no figures in a year has none (not zero).
    expect(t.bureaus[1]!.years.map((y) => y.outstanding)).toEqual([null, null, null, 300n, 310n]);
    expect(t.total.years.map((y) => y.outstanding)).toEqual([600n, 610n, 540n, 925n, 929n]);
    expect(t.total.years.map((y) => y.ledgers)).toEqual([2, 2, 1, 3, 3]);
  });

  it('flags the claims (and bureaus) whose amount owing grew two years in a row', () => {
    const t = historyTable(YEARS, records);
    expect(Object.fromEntries(t.claims.map((c) => [c.claim, c.grewTwoYearsTo]))).toEqual({
      国民健康保険料: [2022],
      介護保険料: [], // 2022 missing: 2023 is no growth, so 2024's is only the first of a run
      市営住宅使用料: [],
    });
  });

  it('counts the collection rate, write-offs and attainment from the summed yen', () => {
    const t = historyTable(YEARS.slice(4), [
      rec('国民健康保険料', '健康福祉局', 2024, 520, { assessed: 3000n, paid: 2000n, writtenOff: 7n, target: 500n }),
      rec('介護保険料', '健康福祉局', 2024, 99, { assessed: 1000n, paid: 901n, target: 100n }),
      // A plan without a ledger: a target, no figures.
      rec('後期高齢者医療保険料', '健康福祉局', 2024, null, { target: 50n, baseline: 60n }),
    ]);
    const [kokuho, kaigo, kouki] = t.claims.map((c) => c.years[0]!);
    expect(kokuho).toMatchObject({ rate: 66.7, writtenOff: 7n, target: 500n, gapToTarget: 20n, attained: false });
    expect(kaigo).toMatchObject({ rate: 90.1, gapToTarget: -1n, attained: true });
    expect(kouki).toMatchObject({ outstanding: null, rate: null, target: 50n, gapToTarget: null, attained: null });
    const bureau = t.bureaus[0]!.years[0]!;
    // 2,901 ÷ 4,000 = 72.5 %; target 650 against 619 owing (the claim without figures has its target counted).
    expect(bureau).toMatchObject({ rate: 72.5, outstanding: 619n, target: 650n, attained: true, writtenOff: 7n });
  });

  it('leaves out records of years outside the table', () => {
    const t = historyTable(YEARS.slice(3), records);
    expect(t.claims.find((c) => c.claim === '国民健康保険料')!.years.map((y) => y.outstanding)).toEqual([530n, 520n]);
  });

  it('keeps a claim first met in a later year with its bureau’s claims', () => {
    const t = historyTable(YEARS, [rec('A1', '局A', 2020, 1), rec('B1', '局B', 2020, 1), rec('A2', '局A', 2021, 1)]);
    expect(t.claims.map((c) => c.claim)).toEqual(['A1', 'A2', 'B1']);
  });
});

describe('defaultHistorySpan', () => {
  it('is the year and the four before, never before 1947', () => {
    expect(defaultHistorySpan(2024)).toEqual({ from: 2020, to: 2024 });
    expect(defaultHistorySpan(1948)).toEqual({ from: 1947, to: 1948 });
  });
});
