/**
 * GET /oversight/history (年度推移): each claim's figures per year, from what the ledgers keep (速報)
 * until finance settles the year, then as frozen with the settlement (確定); scoped as the other
 * oversight answers; the sheet in consolidated.xlsx with its line charts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerInfo } from '../../../domain/sync/protocol.js';
import { LEDGER, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from '../helpers/submissions.js';
import { A, B, buildWorld, CLAIM_NAMES, FY, JAPANESE, statuses, type World } from './world.js';

let w: World;
const ledgerId = newId('hist');
const info: LedgerInfo = { ...LEDGER, name: '国保料 年度別台帳' };
let revision = 0;

async function send(specs: RowSpec[], asOf: string): Promise<void> {
  const [part] = makeSubmission({ upserts: await upsertsFor(specs), ledger: info, asOf, baseRevision: revision });
  const r = await w.call('POST', `/api/v1/ledgers/${ledgerId}/submissions`, w.t.divOwn, part);
  expect(r.status, r.text).toBe(200);
  revision += 1;
}

interface Figures {
  outstandingYen: number | null;
  assessedYen: number | null;
  paidYen: number | null;
  writtenOffYen: number | null;
  rate: number | null;
  targetYen: number | null;
}
interface Line {
  bureau: string;
  claim: string | null;
  years: Figures[];
  grewTwoYearsTo: number[];
}

const history = (token: string, from: number | string = FY - 2, to: number | string = FY) =>
  w.call('GET', `/api/v1/oversight/history?from=${from}&to=${to}`, token);
const claimLine = (json: { claims: Line[] }, name: string) => json.claims.find((c) => c.claim === name)!;

/** The 主要債権収入状況 figures of a claim in a year: what a year not settled must show. */
async function statusOf(claim: string, fy: number) {
  const r = await w.call('GET', `/api/v1/oversight/receivables-status?fy=${fy}`, w.t.finance);
  const line = r.json.claims.find((c: { claim: string }) => c.claim === claim);
  return line?.thisYear?.revenue ?? null;
}

beforeAll(async () => {
  w = await buildWorld();
  // The same ledger sent in three fiscal years, owing more each year (more rows).
  await send(makeRows(10, 0, 'H'), '2023-03-31');
  await send(makeRows(20, 0, 'H'), '2024-03-31');
  await send(makeRows(30, 0, 'H'), '2024-12-31');
});
afterAll(() => w?.close());

describe('GET /oversight/history', () => {
  it('is for accounting (its bureau) and finance', async () => {
    const path = `/api/v1/oversight/history?from=${FY - 2}&to=${FY}`;
    const { got, want } = await statuses(w, 'GET', path, { accOwn: 200, accForeign: 200, finance: 200 });
    expect(got).toEqual(want);
    const own = (await history(w.t.accOwn)).json;
    expect(new Set(own.claims.map((c: Line) => c.bureau))).toEqual(new Set([A.bureau]));
    expect(own.bureaus.map((b: Line) => b.bureau)).toEqual([A.bureau]);
    const foreign = (await history(w.t.accForeign)).json;
    expect(foreign.claims.map((c: Line) => c.claim)).toEqual([CLAIM_NAMES.foreign]);
  });

  it('shows a year not settled as the ledgers keep it now (速報), equal to 主要債権収入状況', async () => {
    const r = await history(w.t.finance);
    expect(r.status, r.text).toBe(200);
    expect(r.json.years).toEqual([
      { fiscalYear: FY - 2, state: 'provisional' },
      { fiscalYear: FY - 1, state: 'provisional' },
      { fiscalYear: FY, state: 'provisional' },
    ]);
    const own = claimLine(r.json, CLAIM_NAMES.own);
    for (const [i, fy] of [FY - 2, FY - 1, FY].entries()) {
      const s = await statusOf(CLAIM_NAMES.own, fy);
      expect(own.years[i], String(fy)).toMatchObject({
        outstandingYen: s.outstandingYen,
        assessedYen: s.assessedYen,
        paidYen: s.paidYen,
        writtenOffYen: s.writtenOffYen,
        rate: s.rate,
      });
    }
    // Only FY2024 has plans: a target that year, none before.
    expect(own.years.map((y) => y.targetYen)).toEqual([null, null, 450_000_000]);
    // The planned claim without a ledger: its target, no figures.
    const noLedger = claimLine(r.json, CLAIM_NAMES.noLedger);
    expect(noLedger.years[2]).toMatchObject({ outstandingYen: null, targetYen: 28_000_000, attained: null });
  });

  it('flags a claim whose amount owing grew two years in a row', async () => {
    const own = claimLine((await history(w.t.finance)).json, CLAIM_NAMES.own);
    const owed = own.years.map((y) => y.outstandingYen!);
    expect(owed[1]).toBeGreaterThan(owed[0]!);
    expect(owed[2]).toBeGreaterThan(owed[1]!);
    expect(own.grewTwoYearsTo).toEqual([FY]);
    expect(claimLine((await history(w.t.finance)).json, CLAIM_NAMES.foreign).grewTwoYearsTo).toEqual([]);
  });

  it('freezes a year’s figures when it is settled (確定): later submissions change only the years not settled', async () => {
    const before = claimLine((await history(w.t.finance)).json, CLAIM_NAMES.own).years[1]!;
    const settled = await w.call('POST', `/api/v1/settlements/${FY - 1}`, w.t.finance, {});
    expect(settled.status, settled.text).toBe(201);
    // A late submission of FY2023 (as of its last day) changes the ledger's FY2023 figures…
    await send(makeRows(5, 0, 'H'), '2024-03-31');
    const now = await statusOf(CLAIM_NAMES.own, FY - 1);
    expect(now.outstandingYen).not.toBe(before.outstandingYen);
    // …but the settled year shows what it was at the settlement.
    const after = (await history(w.t.finance)).json;
    expect(after.years[1]).toEqual({ fiscalYear: FY - 1, state: 'settled' });
    expect(claimLine(after, CLAIM_NAMES.own).years[1]).toEqual(before);
    // Settling again changes nothing.
    expect((await w.call('POST', `/api/v1/settlements/${FY - 1}`, w.t.finance, {})).status).toBe(200);
    expect(claimLine((await history(w.t.finance)).json, CLAIM_NAMES.own).years[1]).toEqual(before);
  });

  it('refuses a span that runs backwards, is too long or is not a year, in Japanese', async () => {
    const cases: [string | number, string | number, string][] = [
      [FY, FY - 1, 'invalid-input'],
      [FY - 10, FY, 'invalid-input'],
      ['x', FY, 'invalid-fiscal-year'],
      [FY, 1800, 'invalid-fiscal-year'],
    ];
    for (const [from, to, code] of cases) {
      const r = await history(w.t.finance, from, to);
      expect(r.status, `${from}..${to}`).toBe(400);
      expect(r.json.code).toBe(code);
      expect(r.json.message).toMatch(JAPANESE);
      expect(r.text).not.toMatch(/at .*\.ts:\d+/);
    }
    expect((await w.call('GET', '/api/v1/oversight/history?to=2024', w.t.finance)).status).toBe(400);
  });

  it('is a sheet of consolidated.xlsx, with line charts of the amount owing and the rate by bureau', async () => {
    const res = await fetch(`${w.svc.url}/api/v1/reports/consolidated.xlsx?fy=${FY}`, {
      headers: { Authorization: `Bearer ${w.t.finance}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.getWorksheet('年度推移')!;
    expect(ws.getCell('A1').value).toBe(`年度推移（${FY - 4}年度〜${FY}年度）`);
    // The chart data: years down, a column per bureau.
    expect(ws.getCell('A4').value).toBe('収入未済額（千円）');
    expect([ws.getCell('B4').value, ws.getCell('C4').value]).toEqual([A.bureau, B.bureau]);
    expect(ws.getCell('A9').value).toBe(`${FY}年度`);
    const zip = await JSZip.loadAsync(bytes);
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const lines = charts.filter((x) => x.includes('<c:lineChart>') && x.includes('年度推移'));
    expect(lines).toHaveLength(2);
  });
});
