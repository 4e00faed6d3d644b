/**
 * The consolidated workbook finance reviews (集計表): the bureau target table in the seed's layout,
 * every claim against its plan, the ledgers' submission status, aging, 未収金の状況 and
 * 主要債権収入状況 per claim, the worklist's counts per action with the late-charge estimate
 * (対応件数), collection rates by bureau, five years across (年度推移), and where every figure came from (ledger
 * revisions, ruleset versions, plan versions).
 */
import ExcelJS from 'exceljs';
import { defaultHistorySpan } from '../../domain/history/history.js';
import { HISTORY_SHEET_NAME, historySheet } from '../../domain/history/history-sheet.js';
import { ledgerAgingSheet } from '../../domain/reports/aging-sheet.js';
import { claimSheet, lateChargeByClaim } from '../../domain/reports/claim-sheet.js';
import { provenanceSheet } from '../../domain/reports/provenance-sheet.js';
import { ratesSheet } from '../../domain/reports/rates-sheet.js';
import type { ReportSheet } from '../../domain/reports/report-sheet.js';
import { WORKBOOK_SHEET_NAMES } from '../../domain/reports/sheet-names.js';
import { revenueSheet, statusSheet, statusSourcesSheet } from '../../domain/reports/status-sheets.js';
import { ledgerStatusSheet } from '../../domain/reports/submission-sheet.js';
import { targetSheet } from '../../domain/reports/target-sheet.js';
import { worklistSheet } from '../../domain/reports/worklist-sheet.js';
import { worklistCountsOf } from '../oversight/worklist-counts.js';
import { listLedgerFigures } from '../db/repos/ledgers.js';
import type { TargetTable } from '../../domain/targets/index.js';
import type { Queryable } from '../db/db.js';
import type { LedgerFindingCount } from '../../domain/reports/ledger-totals.js';
import { findingCountRecords, ledgerTotalsRecords, type LedgerTotalsRecord } from '../db/repos/reports.js';
import { renderSheet } from './render-xlsx.js';
import { loadTargets, type ClaimProgress } from './targets.js';
import { loadStatusReport, statusAnswer } from '../oversight/receivables-status.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import { addCharts } from './xlsx-charts.js';
import { history } from '../oversight/history.js';

const { provenance, ...figureSheets } = WORKBOOK_SHEET_NAMES;
/** The workbook's sheets in order: 年度推移 after the year's figures, 出典 last. */
export const SHEET_NAMES = { ...figureSheets, history: HISTORY_SHEET_NAME, provenance } as const;

interface ConsolidatedData {
  fiscalYear: number;
  generatedAt: Date;
  table: TargetTable;
  claims: ClaimProgress[];
  ledgers: LedgerTotalsRecord[];
  findings: LedgerFindingCount[];
  status: ResponseOf<'receivablesStatus'>;
  worklist: ResponseOf<'worklistCounts'>;
  /** The year and the four before it. */
  history: ResponseOf<'history'>;
}

async function loadConsolidated(db: Queryable, fiscalYear: number, now = new Date()): Promise<ConsolidatedData> {
  const { claims, table } = await loadTargets(db, fiscalYear, now);
  const [ledgers, findings] = [await ledgerTotalsRecords(db), await findingCountRecords(db)];
  const status = statusAnswer(await loadStatusReport(db, { kind: 'city' }, fiscalYear));
  const worklist = worklistCountsOf(await listLedgerFigures(db, { kind: 'city' }));
  const span = defaultHistorySpan(fiscalYear);
  const years = await history(db, { kind: 'city' }, span.from, span.to);
  return { fiscalYear, generatedAt: now, table, claims, ledgers, findings, status, worklist, history: years };
}

/** Every sheet of the workbook, in order (pure). */
export function consolidatedSheets(d: ConsolidatedData): ReportSheet[] {
  const N = SHEET_NAMES;
  const bureauOrder = d.table.rows.map((r) => r.bureau);
  return [
    targetSheet(N.targets, d.table),
    claimSheet(N.claims, d.claims, lateChargeByClaim(d.worklist.claims)),
    ledgerStatusSheet(N.submissions, d.ledgers, d.findings),
    ledgerAgingSheet(N.aging, d.ledgers, bureauOrder),
    statusSheet(N.status, d.status, N.statusSources),
    revenueSheet(N.revenue, d.status, N.statusSources),
    statusSourcesSheet(N.statusSources, d.status),
    worklistSheet(N.worklist, d.worklist),
    ratesSheet(N.rates, d.ledgers, bureauOrder),
    historySheet(N.history, d.history),
    provenanceSheet(N.provenance, {
      generatedAt: d.generatedAt,
      fiscalYear: d.fiscalYear,
      title: d.table.title,
      settled: d.table.settled,
      claims: d.claims.length,
      claimSheetName: N.claims,
      ledgers: d.ledgers,
    }),
  ];
}

function buildConsolidatedWorkbook(d: ConsolidatedData, sheets: readonly ReportSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'saiken';
  wb.created = d.generatedAt;
  for (const sheet of sheets) renderSheet(wb, sheet);
  return wb;
}

/** The workbook's bytes with its native charts, built here (consolidated-thread.ts runs this on a thread of its own). */
export async function consolidatedXlsxFrom(db: Queryable, fiscalYear: number, now = new Date()): Promise<Buffer> {
  const data = await loadConsolidated(db, fiscalYear, now);
  const sheets = consolidatedSheets(data);
  const wb = buildConsolidatedWorkbook(data, sheets);
  return addCharts(Buffer.from(await wb.xlsx.writeBuffer()), sheets);
}
