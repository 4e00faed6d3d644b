/**
 * Plan files in the import template, built from the seed's yen-level plans (seed-fixture.ts): as
 * CSV text, CP932 bytes, or an .xlsx with a title above the header.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SEED_PLAN_LINES } from '../../domain/targets/seed-fixture.js';

export const TEMPLATE_HEADER = [
  '局名',
  '課名',
  '債権名',
  '債権区分',
  '年度',
  '前年度決算額（円）',
  '目標額（円）',
  '取組み',
];
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fiscal year written three ways, to show each notation reads as 2024. */
const YEARS = ['令和6年度', 'R6', '2024'];
const withCommas = (n: number) => n.toLocaleString('en-US');

export type Row = (string | number)[];

export function seedRows(): Row[] {
  return SEED_PLAN_LINES.map((l, i) => [
    l.bureau,
    l.division,
    l.claim,
    l.classification ?? '',
    YEARS[i % YEARS.length]!,
    i % 2 === 0 ? withCommas(l.baselineYen) : l.baselineYen,
    l.targetYen,
    i === 1 ? '催告の強化, 滞納初期の電話催告\n"特別催告" 期間の設定' : '文書催告と電話催告',
  ]);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly Row[], header: readonly string[] = TEMPLATE_HEADER): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const seedCsv = (bom = true) => (bom ? '\uFEFF' : '') + toCsv(seedRows());
export const toCp932 = (text: string) => iconv.encode(text, 'cp932');

/** An .xlsx whose first sheet has a title and a blank row above the header; amounts as numbers. */
export async function toXlsx(rows: readonly Row[], header: readonly string[] = TEMPLATE_HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('計画');
  ws.addRow(['令和6年度 債権別年間計画']);
  ws.addRow([]);
  ws.addRow([...header]);
  for (const r of rows)
    ws.addRow(r.map((v) => (typeof v === 'string' && /^[\d,]+$/.test(v) ? Number(v.replace(/,/g, '')) : v)));
  wb.addWorksheet('メモ').addRow(['二枚目のシートは読みません']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
