import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable, SqlValue } from '../../../server/db/db.js';
import { claimProgressSql } from '../../../server/db/repos/reports.js';
import { loadTargets } from '../../../server/reports/targets.js';
import { SEED_BUREAU_ORDER, SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { CSV, seedRows, TEMPLATE_HEADER, toCsv } from '../plans/fixtures.js';
import { insertLedger, startHarness, type Harness } from '../helpers/harness.js';
import { queryPlan } from '../helpers/test-db.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // 交通局's 乗車料金 has monthly milestones; the dates are long past, so the latest one applies.
  const header = [...TEMPLATE_HEADER, '9月末（円）', '12月末（円）'];
  const rows = seedRows().map((r, i) => (i === 20 ? [...r, 120_000_000, 118_000_000] : [...r, '', '']));
  expect(
    (await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: toCsv(rows, header), type: CSV })).status,
  ).toBe(200);
  const db = h.svc.db;
  // 交通局: two ledgers of 乗車料金 (118.5 M yen), above last year's 117,386,499 and the December milestone.
  await insertLedger(db, {
    id: 'L-bus',
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    outstanding: 70_000_000,
  });
  await insertLedger(db, {
    id: 'L-sub',
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    outstanding: 48_500_000,
  });
  // A ledger without an accepted submission counts for nothing.
  await insertLedger(db, {
    id: 'L-new',
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    outstanding: 0,
    revision: 0,
  });
  // 上下水道局: 水道料金 below target; 下水道使用料 has no ledger yet.
  await insertLedger(db, {
    id: 'L-water',
    bureau: '上下水道局',
    division: '営業課',
    claim: '水道料金',
    outstanding: 100_000_000,
  });
});
afterAll(() => h.close());

const targets = (query: string, token: string | null = h.finance) =>
  h.call('GET', `/api/v1/reports/targets?${query}`, { token });

describe('GET /reports/targets', () => {
  it('prints the seed table as TSV', async () => {
    expect((await targets('fy=2024&format=tsv')).text).toBe(SEED_TABLE_TSV);
    expect((await targets('fy=令和6年度&format=tsv')).text).toBe(SEED_TABLE_TSV);
  });

  it('gives every bureau and the total as yen and display strings, with progress', async () => {
    const r = await targets('fy=2024');
    expect(r.status).toBe(200);
    const j = r.json;
    expect(j).toMatchObject({
      fiscalYear: 2024,
      baselineFiscalYear: 2023,
      settled: false,
      title: '令和6年度未収金の目標値（局別）',
    });
    expect(j.unitLine).toBe('（千円・％）');
    expect(j.bureaus.map((b: { bureau: string }) => b.bureau)).toEqual(SEED_BUREAU_ORDER);
    const lines = SEED_TABLE_TSV.trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(j.headers).toEqual(lines[0]);
    expect(j.bureaus.map((b: { cells: string[] }) => b.cells)).toEqual(lines.slice(1, -1));
    expect(j.total.cells).toEqual(lines.at(-1));
    expect(j.total).toMatchObject({
      baselineYen: 12_450_780_401,
      targetYen: 11_788_142_100,
      diffYen: -662_638_301,
      ratioHundredths: 9468,
    });

    const transport = j.bureaus.find((b: { bureau: string }) => b.bureau === '交通局');
    expect(transport).toMatchObject({
      currentYen: 118_500_000,
      gapYen: 1_320_000,
      claims: 1,
      claimsReporting: 1,
      growingClaims: 1,
      behindClaims: 1,
      display: { current: '118,500', gap: '1,320' },
    });
    const water = j.bureaus.find((b: { bureau: string }) => b.bureau === '上下水道局');
    expect(water).toMatchObject({
      currentYen: 100_000_000,
      gapYen: 100_000_000 - 285_311_850,
      claims: 2,
      claimsReporting: 1,
      growingClaims: 0,
    });
    expect(j.total).toMatchObject({ currentYen: 218_500_000, claimsReporting: 2, growingClaims: 1, behindClaims: 1 });
  });

  it('refuses a bad fy or format', async () => {
    expect((await targets('fy=x')).json.code).toBe('invalid-fiscal-year');
    expect((await targets('format=tsv')).status).toBe(400);
    expect((await targets('fy=2024&format=csv')).json.code).toBe('invalid-input');
  });

  it('is for finance only', async () => {
    for (const token of [
      await h.token('accounting', '交通局'),
      await h.token('division', '交通局', '営業本部'),
      h.admin,
    ]) {
      expect((await targets('fy=2024', token)).status).toBe(403);
    }
    expect((await targets('fy=2024', null)).status).toBe(401);
  });

  it('answers an empty fiscal year with an empty table', async () => {
    const j = (await targets('fy=2030')).json;
    expect(j.bureaus).toEqual([]);
    expect(j.total.cells).toEqual(['合計', '0', '0', '0', '－']);
  });
});

describe('GET /reports/claims', () => {
  it('lists every claim against its plan, for finance', async () => {
    const j = (await h.call('GET', '/api/v1/reports/claims?fy=2024', { token: h.finance })).json;
    expect(j.claims).toHaveLength(21);
    const ride = j.claims.find((c: { claim: string }) => c.claim === '乗車料金');
    expect(ride).toMatchObject({
      bureau: '交通局',
      division: '営業本部',
      baselineYen: 117_386_499,
      targetYen: 117_180_000,
      currentYen: 118_500_000,
      gapYen: 1_320_000,
      ledgers: 2,
      growing: true,
      behindPlan: true,
      milestone: { month: '2024-12', outstanding: 118_000_000 },
      planVersion: 1,
    });
    const water = j.claims.find((c: { claim: string }) => c.claim === '水道料金');
    expect(water).toMatchObject({ currentYen: 100_000_000, growing: false, behindPlan: null });
    const sewer = j.claims.find((c: { claim: string }) => c.claim === '下水道使用料');
    expect(sewer).toMatchObject({ currentYen: null, gapYen: null, growing: null, behindPlan: null, ledgers: 0 });
    expect(j.divisions).toHaveLength(17);
  });

  it('shows accounting its own bureau only; divisions and admins are refused', async () => {
    const j = (
      await h.call('GET', '/api/v1/reports/claims?fy=2024', { token: await h.token('accounting', '上下水道局') })
    ).json;
    expect(j.claims.map((c: { claim: string }) => c.claim)).toEqual(['水道料金', '下水道使用料']);
    expect(j.total).toMatchObject({ baselineYen: 277_035_350, targetYen: 285_311_850, currentYen: 100_000_000 });
    const division = await h.token('division', '上下水道局', '営業課');
    expect((await h.call('GET', '/api/v1/reports/claims?fy=2024', { token: division })).status).toBe(403);
    expect((await h.call('GET', '/api/v1/reports/claims?fy=2024', { token: h.admin })).status).toBe(403);
  });
});

describe('the bureau table reads plans and ledger aggregates only', () => {
  it('never touches ledger_rows', async () => {
    const seen: string[] = [];
    const db = h.svc.db;
    const recording: Queryable = {
      all: <T>(sql: string, p?: readonly SqlValue[]) => (seen.push(sql), db.all<T>(sql, p)),
      get: <T>(sql: string, p?: readonly SqlValue[]) => (seen.push(sql), db.get<T>(sql, p)),
      run: (sql: string, p?: readonly SqlValue[]) => (seen.push(sql), db.run(sql, p)),
    };
    await loadTargets(recording, 2024);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => /ledger_rows/i.test(s))).toEqual([]);
    expect(await queryPlan(db, claimProgressSql(false), [2024, -1])).not.toMatch(/ledger_rows/);
    expect(await queryPlan(db, claimProgressSql(true), [2024, -1, 1])).not.toMatch(/ledger_rows/);
  });
});
