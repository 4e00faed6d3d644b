/**
 * GET /oversight/receivables-status: each ledger's 未収金の状況 kept per fiscal year at each applied
 * submission, summed per claim, division, bureau and scope, this year beside last year; scoped as
 * the other oversight answers; counts and amounts only.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import type { ReadField } from '../../../domain/engine/ledger-row.js';
import { STATUS_KEYS } from '../../../domain/status/classify.js';
import type { ReceivablesStatus } from '../../../domain/status/sums.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { LedgerInfo } from '../../../domain/sync/protocol.js';
import { syncedMapping } from '../../../domain/sync/server-grid.js';
import { FIELDS, LEDGER, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from '../helpers/submissions.js';
import { A, B, buildWorld, CLAIM_NAMES, FY, statuses, type World } from './world.js';

const STATUS_FIELDS: ReadField[] = [
  ...FIELDS,
  'prescriptionDate', 'suspensionDate', 'hardship', 'propertySearchResult', 'whereaboutsUnknown', 'seizureDate',
  'deferralType', 'deferralStart', 'deferralEnd', 'outstanding',
]; // prettier-ignore

/** One row per class (国民健康保険料: 2 years' prescription), owing 10,000 + i·1,000, less `paid` on the ③ row. */
function statusRows(paid: number): RowSpec[] {
  const base = (i: number): RowSpec => ({
    debtorId: `ST-${String(i).padStart(7, '0')}`,
    fiscalYear: 2023,
    assessmentNo: `S-${i}`,
    assessedAmount: 10_000 + i * 1000,
    dueDate: '2023-10-31',
    paidAmount: i === 6 ? paid : 0,
    outstanding: 10_000 + i * 1000 - (i === 6 ? paid : 0),
    demandDate: '2023-11-20',
  });
  const extra: RowSpec[] = [
    { prescriptionDate: '2024-01-31' },
    { suspensionDate: '2024-01-15' },
    { hardship: '○' },
    { propertySearchResult: '財産なし' },
    { seizureDate: '2024-02-01' },
    { deferralType: '分納誓約', deferralStart: '2024-02-01', deferralEnd: '2026-03-31' },
    {},
    { demandDate: null },
  ];
  return extra.map((e, i) => ({ ...base(i), ...e }));
}

/** The domain's figures for rows as the service's grid holds them. */
function expectedStatus(specs: readonly RowSpec[], info: LedgerInfo, asOf: string): ReceivablesStatus {
  const mapped = new Set(info.fields);
  const grid = [[], ...specs.map((s) => SYNC_FIELDS.map((f) => (mapped.has(f) ? (s[f] ?? null) : null)))];
  const outcome = checkSheet(grid, {
    asOf: parseISODay(asOf)!,
    claimType: info.claimType,
    mapping: syncedMapping(info.fields),
  });
  if (!outcome.ok) throw new Error('not checked');
  return outcome.result.analysis.status;
}

const plus = (a: ReceivablesStatus, b: ReceivablesStatus) =>
  Object.fromEntries(
    STATUS_KEYS.map((k) => [k, { count: a.byClass[k].count + b.byClass[k].count, outstandingYen: a.byClass[k].outstanding + b.byClass[k].outstanding }]),
  ); // prettier-ignore
const only = (a: ReceivablesStatus) =>
  Object.fromEntries(
    STATUS_KEYS.map((k) => [k, { count: a.byClass[k].count, outstandingYen: a.byClass[k].outstanding }]),
  );

let w: World;
const ledgerId = newId('status');
const info: LedgerInfo = { ...LEDGER, claimType: CLAIM_NAMES.own, name: '国保料 滞納整理簿', fields: STATUS_FIELDS };
const LAST_AS_OF = '2024-03-31';
const THIS_AS_OF = '2025-03-31';
let last: ReceivablesStatus;
let now: ReceivablesStatus;
let ownLedger: ReceivablesStatus;

beforeAll(async () => {
  w = await buildWorld();
  const send = async (specs: RowSpec[], asOf: string, baseRevision: number) => {
    const [part] = makeSubmission({
      upserts: await upsertsFor(specs, 2, STATUS_FIELDS),
      ledger: info,
      asOf,
      baseRevision,
    });
    const r = await w.call('POST', `/api/v1/ledgers/${ledgerId}/submissions`, w.t.divOwn, part);
    expect(r.status, r.text).toBe(200);
  };
  // Last year's ledger (as of 2024-03-31), an early submission of this year, then this year's latest.
  await send(statusRows(0), LAST_AS_OF, 0);
  await send(statusRows(1000), '2024-09-30', 1);
  await send(statusRows(3000), THIS_AS_OF, 2);
  last = expectedStatus(statusRows(0), info, LAST_AS_OF);
  now = expectedStatus(statusRows(3000), info, THIS_AS_OF);
  ownLedger = expectedStatus(makeRows(40, 0, 'O'), LEDGER, THIS_AS_OF);
});
afterAll(() => w?.close());

const report = (token: string, fy = FY) => w.call('GET', `/api/v1/oversight/receivables-status?fy=${fy}`, token);

describe('GET /oversight/receivables-status', () => {
  it('is for accounting and finance only', async () => {
    const { got, want } = await statuses(w, 'GET', `/api/v1/oversight/receivables-status?fy=${FY}`, {
      accOwn: 200,
      accForeign: 200,
      finance: 200,
    });
    expect(got).toEqual(want);
    expect((await report(w.t.finance, 1800 as number)).status).toBe(400);
  });

  it('sums a claim’s ledgers this year, beside last year’s, with the 縮減額', async () => {
    const r = await report(w.t.finance);
    expect(r.status, r.text).toBe(200);
    const own = r.json.claims.find((c: { claim: string }) => c.claim === CLAIM_NAMES.own);
    // This year: the world's ledger and this one at its latest submission; the ledger never accepted is not in it.
    expect(own.thisYear.ledgers).toBe(2);
    expect(own.thisYear.byClass).toEqual(plus(now, ownLedger));
    expect(own.asOf).toBe(THIS_AS_OF);
    // Last year: only this ledger was sent with an as-of date in FY2023.
    expect(own.lastYear.ledgers).toBe(1);
    expect(own.lastYear.byClass).toEqual(only(last));
    expect(own.lastYear.revenue).toMatchObject({
      assessedYen: last.revenue.assessed,
      paidYen: last.revenue.paid,
      outstandingYen: last.revenue.outstanding,
    });
    expect(own.reductionYen).toBe(last.revenue.outstanding - (now.revenue.outstanding + ownLedger.revenue.outstanding));
    // Every class of the published shape is met once in these rows, and one row cannot be classified.
    for (const k of STATUS_KEYS) expect(now.byClass[k].count, k).toBeGreaterThan(0);
  });

  it('the classes add up to the amount owing on every line', async () => {
    const r = await report(w.t.finance);
    const lines = [...r.json.claims, ...r.json.divisions, ...r.json.bureaus, r.json.total];
    for (const l of lines) {
      for (const y of [l.thisYear, l.lastYear].filter(Boolean)) {
        const sum = STATUS_KEYS.reduce((n, k) => n + Number(y.byClass[k].outstandingYen), 0);
        expect(sum).toBe(Number(y.revenue.outstandingYen));
      }
    }
    expect(r.json.bureaus.map((b: { bureau: string }) => b.bureau)).toEqual([A.bureau, B.bureau]);
    expect(r.json.classes.map((c: { mark: string }) => c.mark)).toEqual(['①', '②', '③', '④', '⑤', '⑥', '⑦', '']);
  });

  it('names each ledger’s revision and as-of date the figures came from', async () => {
    const r = await report(w.t.finance);
    const mine = r.json.sources.filter((s: { ledgerId: string }) => s.ledgerId === ledgerId);
    expect(
      mine.map((s: { fiscalYear: number; revision: number; asOf: string }) => [s.fiscalYear, s.revision, s.asOf]),
    ).toEqual([
      [FY - 1, 1, LAST_AS_OF],
      [FY, 3, THIS_AS_OF],
    ]);
  });

  it('gives accounting its own bureau only, and nothing of a row', async () => {
    const own = await report(w.t.accOwn);
    expect(own.json.bureaus.map((b: { bureau: string }) => b.bureau)).toEqual([A.bureau]);
    expect(own.text).not.toContain(B.bureau);
    const foreign = await report(w.t.accForeign);
    expect(foreign.json.claims.map((c: { claim: string }) => c.claim)).toEqual([CLAIM_NAMES.foreign]);
    expect(foreign.json.sources.every((s: { bureau: string }) => s.bureau === B.bureau)).toBe(true);
    for (const r of [own, foreign]) expect(r.text).not.toMatch(/ST-\d|O-\d|F-\d/);
  });

  it('a year nobody sent has no figures, not zeros', async () => {
    const r = await report(w.t.finance, FY + 2);
    expect(r.json.claims).toEqual([]);
    expect(r.json.total).toMatchObject({ thisYear: null, lastYear: null, reductionYen: null });
  });
});

describe('the consolidated workbook’s status sheets', () => {
  it('print the answer’s figures, and each ledger’s revision behind them', async () => {
    const res = await fetch(`${w.svc.url}/api/v1/reports/consolidated.xlsx?fy=${FY}`, {
      headers: { Authorization: `Bearer ${w.t.finance}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const answer = (await report(w.t.finance)).json;
    const totalRow = (ws: ExcelJS.Worksheet) =>
      (ws.getSheetValues().find((r) => (r as unknown[] | undefined)?.[1] === '合計') as unknown[]).slice(1);
    const cells = totalRow(wb.getWorksheet('未収金の状況')!);
    // 収入未済額 is the last column; ① 件数 and 金額 the first after the as-of date.
    expect(cells.at(-1)).toBe(answer.total.thisYear.revenue.outstandingYen);
    expect(cells.slice(4, 6)).toEqual([
      answer.total.thisYear.byClass.seized.count,
      answer.total.thisYear.byClass.seized.outstandingYen,
    ]);
    expect(totalRow(wb.getWorksheet('主要債権収入状況')!).at(-1)).toBe(answer.total.reductionYen);
    const sources = wb.getWorksheet('未収金の状況の出典')!;
    const rows = sources
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.filter((r) => r[0] === ledgerId).map((r) => [r[5], r[6], r[7]])).toEqual([
      [FY - 1, 1, LAST_AS_OF],
      [FY, 3, THIS_AS_OF],
    ]);
  });
});
