/**
 * The consolidated workbook finance reviews (集計表): the bureau target table in the seed's layout,
 * every claim against its plan, the ledgers' submission status, aging and collection rates by
 * bureau, and where every figure came from (ledger revisions, ruleset versions, plan versions).
 */
import ExcelJS from 'exceljs';
import { CLAIM_SHEET_COLUMNS, claimSheetRow } from '../../domain/reports/claim-sheet.js';
import { integerOf, sheetInteger } from '../../domain/reports/exact.js';
import { thousandsRounded, type TargetRow, type TargetTable } from '../../domain/targets/index.js';
import type { Queryable } from '../db/db.js';
import { findingCountRecords, ledgerRecords, type FindingCountRecord, type LedgerRecord } from '../db/repos/reports.js';
import { writeAgingSheet, writeRatesSheet, writeSubmissionSheet } from './ledger-sheets.js';
import { loadTargets, type ClaimProgress } from './targets.js';
import { AMOUNT_FORMAT, put, RATIO_FORMAT, writeTable, type Value } from './xlsx-helpers.js';

export const SHEET_NAMES = {
  targets: '局別目標',
  claims: '債権別',
  submissions: '提出状況',
  aging: '滞納年数別',
  rates: '収納率',
  provenance: '出典',
} as const;

export interface ConsolidatedData {
  fiscalYear: number;
  generatedAt: Date;
  table: TargetTable;
  claims: ClaimProgress[];
  ledgers: LedgerRecord[];
  findings: FindingCountRecord[];
}

export async function loadConsolidated(db: Queryable, fiscalYear: number, now = new Date()): Promise<ConsolidatedData> {
  const { claims, table } = await loadTargets(db, fiscalYear, now);
  const [ledgers, findings] = [await ledgerRecords(db), await findingCountRecords(db)];
  return { fiscalYear, generatedAt: now, table, claims, ledgers, findings };
}

/** Row numbers of the bureau sheet, for readers and tests. */
export const TARGET_SHEET_LAYOUT = { titleRow: 1, unitRow: 2, unitColumn: 5, headerRow: 3 } as const;

function writeTargetSheet(ws: ExcelJS.Worksheet, table: TargetTable): void {
  const { titleRow, unitRow, unitColumn, headerRow } = TARGET_SHEET_LAYOUT;
  put(ws.getCell(titleRow, 1), table.title);
  ws.getCell(titleRow, 1).font = { bold: true, size: 14 };
  put(ws.getCell(unitRow, unitColumn), table.unitLine);
  ws.getCell(unitRow, unitColumn).alignment = { horizontal: 'right' };
  // Thousands as numbers while Excel holds them to the unit (always, short of 10^18 yen), else text.
  const k = (yen: TargetRow['baselineYen']) => sheetInteger(thousandsRounded(integerOf(yen)));
  const values = (r: TargetRow): Value[] => [
    r.bureau,
    k(r.baselineYen),
    k(r.targetYen),
    k(r.diffYen),
    typeof r.ratioHundredths === 'number' ? r.ratioHundredths / 100 : r.cells[4],
  ];
  const rows = [...table.rows, table.total].map(values);
  const widths = [18, 24, 20, 18, 15];
  const formats = [undefined, AMOUNT_FORMAT, AMOUNT_FORMAT, AMOUNT_FORMAT, RATIO_FORMAT];
  const columns = table.headers.map((header, i) => ({ header, width: widths[i]!, format: formats[i] }));
  const last = writeTable(ws, headerRow, columns, rows, { bold: (i) => i === rows.length - 1 });
  put(ws.getCell(last + 2, 1), table.note);
}

function writeClaimSheet(ws: ExcelJS.Worksheet, claims: ClaimProgress[]): void {
  writeTable(ws, 1, [...CLAIM_SHEET_COLUMNS], claims.map(claimSheetRow), { filter: true });
}

function writeProvenanceSheet(ws: ExcelJS.Worksheet, d: ConsolidatedData): void {
  const rulesets = [...new Set(d.ledgers.map((l) => l.ruleset_version).filter((v): v is string => !!v))].sort();
  const facts: [string, string][] = [
    ['作成日時', d.generatedAt.toISOString()],
    ['年度', `${d.table.title.split('未収金')[0]} (${d.fiscalYear})`],
    ['前年度決算', d.table.settled ? '確定' : '見込'],
    ['ルールセット', rulesets.join('、') || '（提出なし）'],
    ['計画', `${d.claims.length} 件（各計画の版は「${SHEET_NAMES.claims}」シート）`],
    ['台帳', `${d.ledgers.length} 件（版・基準日・ルールセットは下表）`],
  ];
  facts.forEach(([k, v], i) => {
    put(ws.getCell(i + 1, 1), k);
    ws.getCell(i + 1, 1).font = { bold: true };
    put(ws.getCell(i + 1, 2), v);
  });
  const columns = [
    { header: '台帳ID', width: 38 },
    { header: '局名', width: 16 },
    { header: '課名', width: 16 },
    { header: '債権名', width: 22 },
    { header: '台帳', width: 24 },
    { header: '版', width: 6 },
    { header: '基準日', width: 12 },
    { header: 'ルールセット', width: 14 },
    { header: '最終提出ID', width: 38 },
    { header: '最終提出日時', width: 24 },
    { header: '行数', width: 8 },
    { header: '未収金額（円）', width: 18, format: AMOUNT_FORMAT },
  ];
  const rows = d.ledgers.map((l): Value[] => [
    l.id,
    l.bureau,
    l.division,
    l.claim,
    l.name,
    l.revision,
    l.as_of,
    l.ruleset_version,
    l.last_submission_id,
    l.last_submitted_at,
    l.row_count,
    sheetInteger(l.outstanding),
  ]);
  writeTable(ws, facts.length + 2, columns, rows);
}

export function buildConsolidatedWorkbook(d: ConsolidatedData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'saiken';
  wb.created = d.generatedAt;
  const bureauOrder = d.table.rows.map((r) => r.bureau);
  writeTargetSheet(wb.addWorksheet(SHEET_NAMES.targets), d.table);
  writeClaimSheet(wb.addWorksheet(SHEET_NAMES.claims), d.claims);
  writeSubmissionSheet(wb.addWorksheet(SHEET_NAMES.submissions), d.ledgers, d.findings);
  writeAgingSheet(wb.addWorksheet(SHEET_NAMES.aging), d.ledgers, bureauOrder);
  writeRatesSheet(wb.addWorksheet(SHEET_NAMES.rates), d.ledgers, bureauOrder);
  writeProvenanceSheet(wb.addWorksheet(SHEET_NAMES.provenance), d);
  return wb;
}

/** The workbook's bytes, built here (consolidated-thread.ts runs this on a thread of its own). */
export async function consolidatedXlsxFrom(db: Queryable, fiscalYear: number, now = new Date()): Promise<Buffer> {
  const wb = buildConsolidatedWorkbook(await loadConsolidated(db, fiscalYear, now));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
