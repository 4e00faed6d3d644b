/**
 * One report sheet definition rendered by both writers: the service's ExcelJS renderer (read back
 * from the .xlsx bytes) and the pane's Office.js renderer (through the sheet writer port into the
 * Excel host stand-in) must show the same cells, number formats, widths, bold rows and frozen
 * header. A change to either renderer that makes them drift apart fails here.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import { POINTS_PER_CHARACTER, sheetPlan } from '../../../addin/oversight/render-sheet.js';
import { agingByGroup, agingSheet, ledgerAgingSheet } from '../../../domain/reports/aging-sheet.js';
import { claimSheet, lateChargeByClaim, type ClaimSheetSource } from '../../../domain/reports/claim-sheet.js';
import { ledgerFiguresJson } from '../../../domain/reports/ledger-figures.js';
import { worklistSheet } from '../../../domain/reports/worklist-sheet.js';
import { countByAction } from '../../../domain/worklist/counts.js';
import { worklistCountsOf } from '../../../server/oversight/worklist-counts.js';
import type { LedgerTotals } from '../../../domain/reports/ledger-totals.js';
import { progressSheet } from '../../../domain/reports/progress-sheet.js';
import { provenanceSheet } from '../../../domain/reports/provenance-sheet.js';
import { ratesSheet } from '../../../domain/reports/rates-sheet.js';
import { sheetLayout, type ReportSheet } from '../../../domain/reports/report-sheet.js';
import { ledgerStatusSheet, submissionStatusSheet } from '../../../domain/reports/submission-sheet.js';
import { targetSheet } from '../../../domain/reports/target-sheet.js';
import { buildTargetTable } from '../../../domain/targets/index.js';
import { renderSheet } from '../../../server/reports/render-xlsx.js';
import { SEED_BUREAU_ORDER, SEED_PLAN_LINES } from '../../domain/targets/seed-fixture.js';
import { installHost, type ExcelHost } from '../excel/excel-standin.js';

const INJECTED = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+81 52', '-3'];

function claim(over: Partial<ClaimSheetSource>): ClaimSheetSource {
  return {
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    classification: '私債権',
    baselineYen: 117_386_499,
    targetYen: 117_180_000,
    currentYen: 70_000_000,
    gapYen: -47_180_000,
    growing: false,
    behindPlan: true,
    asOf: '2024-09-30',
    ledgers: 1,
    planVersion: 2,
    ...over,
  };
}

function ledger(over: Partial<LedgerTotals>): LedgerTotals {
  return {
    id: 'L-ride',
    name: '乗車料金台帳',
    bureau: '交通局',
    division: '営業本部',
    claim: '乗車料金',
    revision: 3,
    as_of: '2024-09-30',
    ruleset_version: '2026.11.1',
    last_submission_id: 'sub-1',
    last_submitted_at: '2024-10-01T09:00:00.000Z',
    row_count: 120,
    outstanding: 70_000_000n,
    current_assessed: 200_000_000n,
    current_paid: 150_000_000n,
    current_outstanding: 50_000_000n,
    arrears_assessed: 40_000_000n,
    arrears_paid: 10_000_000n,
    arrears_outstanding: 20_000_000n,
    aging: JSON.stringify([
      { label: '0-1', fromYears: 0, outstanding: 30_000_000 },
      { label: '5+', fromYears: 5, outstanding: 15_000_000 },
    ]),
    ...over,
  };
}

const LEDGERS = [
  ledger({}),
  ledger({ id: 'L-inj', bureau: INJECTED[0]!, division: INJECTED[1]!, claim: INJECTED[2]!, name: INJECTED[3]! }),
  ledger({ id: 'L-new', bureau: '財政局', revision: 0, last_submitted_at: null, aging: '[]' }),
];

const lateCharge = (estimate: number) => ({ current: { rows: 0, estimate: 0 }, arrears: { rows: 1, estimate }, total: { rows: 1, estimate } }); // prettier-ignore
const figureRow = (id: string, claimId: number, bureau: string, claim: string, estimate: number) => ({
  id,
  outstanding: 70_000_000,
  aging: ledgerFiguresJson({
    aging: [],
    lateCharge: lateCharge(estimate),
    worklist: countByAction([{ action: 'stopPrescription', outstanding: 40_000 }]),
  }),
  claim_id: claimId,
  claim,
  division_id: 1,
  division: '営業本部',
  bureau_id: claimId,
  bureau,
});
/** The service's sums: one ledger of 乗車料金, one whose organisation looks like formulas, one applied before counts. */
const WORKLIST = worklistCountsOf([
  figureRow('L-ride', 1, '交通局', '乗車料金', 12_300),
  figureRow('L-injected', 2, INJECTED[0]!, INJECTED[2]!, 0),
  { ...figureRow('L-old', 1, '交通局', '乗車料金', 0), aging: '[]' },
]);

function definitions(): ReportSheet[] {
  const table = buildTargetTable(SEED_PLAN_LINES, { fiscalYear: 2024, bureauOrder: SEED_BUREAU_ORDER, settled: false });
  const org = (name: string) => ({ name });
  return [
    targetSheet('局別目標', table),
    claimSheet(
      '債権別',
      [
        claim({}),
        claim({ bureau: INJECTED[0]!, division: INJECTED[3]!, claim: INJECTED[1]!, classification: null }),
        // Past what Excel holds to the yen: the digits as text, in both writers.
        claim({ baselineYen: '18014398509481982', currentYen: null, gapYen: null, growing: null, behindPlan: null }),
      ],
      lateChargeByClaim(WORKLIST.claims),
    ),
    worklistSheet('対応件数', WORKLIST),
    ledgerStatusSheet('提出状況', LEDGERS, [
      { ledger_id: 'L-ride', rule: 'demand-missing', severity: 'error', count: 4 },
      { ledger_id: 'L-ride', rule: 'contact-stale', severity: 'warning', count: 2 },
    ]),
    submissionStatusSheet('提出状況（取りまとめ）', {
      window: { label: '2024年10月分（11月10日まで）' },
      ledgers: [
        {
          id: 'L-1',
          name: INJECTED[0]!,
          bureau: org('子ども青少年局'),
          division: org('保育運営課'),
          claim: org('保育料'),
          revision: 2,
          asOf: '2024-10-31',
          lastSubmittedAt: '2024-11-01T00:00:00Z',
          stateLabel: '送信済み',
          dueAt: '2024-11-10T15:00:00Z',
          outstandingYen: 350_000_000,
          findings: { error: 1, warning: 0, info: 3, byRule: [{ rule: 'early-dunning', count: 3 }] },
        },
      ],
      chase: [
        {
          kind: 'claim',
          ledgerId: null,
          bureau: org('交通局'),
          division: org('営業本部'),
          claim: org('乗車料金'),
          reasonLabel: '台帳が未登録',
        },
      ],
      totals: { ledgers: 1, ok: 1, due: 0, late: 0, never: 0 },
    }),
    ledgerAgingSheet('滞納年数別', LEDGERS, ['交通局']),
    agingSheet({
      name: '滞納年数別（千円）',
      groupHeader: '課名',
      unit: 'thousands',
      labels: ['0-1', '1-2'],
      groups: agingByGroup(
        [{ group: '保育運営課', buckets: [{ label: '0-1', fromYears: 0, outstanding: 1_500n }] }],
        ['保育運営課'],
      ),
      chartTitle: '滞納年数別の未収金（課別・千円）',
    }),
    ratesSheet('収納率', LEDGERS, ['交通局']),
    progressSheet(
      '局別進捗',
      '局名',
      [
        { label: '交通局', baselineYen: 117_386_499, targetYen: 117_180_000, currentYen: 118_500_000 },
        { label: '財政局', baselineYen: 2_934_892_000, targetYen: 2_800_007_000, currentYen: null },
      ],
      '目標と現在（局別・千円）',
    ),
    provenanceSheet('出典', {
      generatedAt: new Date('2024-11-05T10:00:00Z'),
      fiscalYear: 2024,
      title: table.title,
      settled: false,
      claims: 3,
      claimSheetName: '債権別',
      ledgers: LEDGERS,
    }),
  ];
}

/** What a reader sees of a cell, whichever writer made it. */
interface Shown {
  value: string | number | null;
  /** The number format of a number cell; text cells are text. */
  format: string | null;
  bold: boolean;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

async function viaExcelJS(def: ReportSheet, rows: number, columns: number) {
  const built = new ExcelJS.Workbook();
  renderSheet(built, def);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await built.xlsx.writeBuffer()) as never);
  const ws = wb.worksheets[0]!;
  const cells: Shown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: Shown[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      const v = cell.value as string | number | null;
      line.push({
        value: blank(v) ? null : v,
        format: typeof v === 'number' ? (cell.numFmt ?? 'General') : null,
        bold: !blank(v) && cell.font?.bold === true,
      });
    }
    cells.push(line);
  }
  return {
    cells,
    widths: def.columns.map((_, i) => Math.round((ws.getColumn(i + 1).width ?? 0) * POINTS_PER_CHARACTER)),
    frozen: ws.views[0]?.state === 'frozen' ? (ws.views[0] as { ySplit?: number }).ySplit : 0,
  };
}

async function viaOffice(host: ExcelHost, def: ReportSheet, rows: number, columns: number) {
  const plan = sheetPlan(def);
  const port = createOfficeAdapter();
  const ref = await port.writeSheet(plan.name, plan.rows, plan.options);
  for (const chart of plan.charts) await port.writeChart(ref.id, chart);
  const s = host.sheet(ref.name);
  const cells: Shown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Shown[] = [];
    for (let c = 0; c < columns; c++) {
      const v = s.value(r, c) as string | number | null;
      if (typeof v === 'string' && v !== '') expect(s.format(r, c)).toBe('@');
      line.push({
        value: blank(v) ? null : v,
        format: typeof v === 'number' ? s.format(r, c) : null,
        bold: !blank(v) && s.bold.has(`${r}:${c}`),
      });
    }
    cells.push(line);
  }
  return { cells, widths: def.columns.map((_, i) => s.widths.get(i) ?? 0), frozen: s.frozenRows, charts: s.charts };
}

let restore = (): void => {};
afterEach(() => restore());

describe('the two renderers of a report sheet', () => {
  for (const def of definitions()) {
    it(`show ${def.name} alike`, async () => {
      const installed = installHost();
      restore = installed.restore;
      const rows = (sheetLayout(def).noteRow ?? sheetLayout(def).lastRow) + 1;
      const columns = Math.max(def.columns.length, ...def.lines.map((l) => l.cells.length)) + 1;
      const xlsx = await viaExcelJS(def, rows, columns);
      const office = await viaOffice(installed.host, def, rows, columns);
      // Facts bold their label only in ExcelJS; the port bolds whole rows, so compare column A there.
      const facts = new Set(def.lines.flatMap((l, i) => (l.style === 'fact' ? [i] : [])));
      const boldOf = (cells: Shown[][]) =>
        cells.map((line, r) => line.map((c, i) => c.bold && (i === 0 || !facts.has(r))));
      expect(office.cells.map((l) => l.map((c) => c.value))).toEqual(xlsx.cells.map((l) => l.map((c) => c.value)));
      expect(office.cells.map((l) => l.map((c) => c.format))).toEqual(xlsx.cells.map((l) => l.map((c) => c.format)));
      expect(boldOf(office.cells)).toEqual(boldOf(xlsx.cells));
      expect(office.widths).toEqual(xlsx.widths);
      expect(office.frozen).toBe(xlsx.frozen);
      expect(office.frozen).toBe(sheetLayout(def).headerRow);
      expect(office.charts.map((c) => c.name)).toEqual(def.charts.map((c) => `saiken_${c.name}`));
      expect(installed.host.formulaCells()).toEqual([]);
    });
  }

  it('keep formula-looking names as text, and the digits of an amount past 10^15', async () => {
    const def = definitions()[1]!;
    const xlsx = await viaExcelJS(def, 4, 13);
    expect(xlsx.cells[2]!.slice(0, 3).map((c) => c.value)).toEqual([INJECTED[0], INJECTED[3], INJECTED[1]]);
    expect(xlsx.cells[3]![4]!.value).toBe('18,014,398,509,481,982');
  });
});
