/**
 * The ledger sheets of the consolidated workbook: submission status per ledger, aging (滞納年数別)
 * and 現年/滞繰 collection rates by bureau. All from the aggregate columns kept on `ledgers`.
 */
import type ExcelJS from 'exceljs';
import { collectionRate } from '../../domain/analysis/analysis.js';
import { sheetInteger } from '../../domain/reports/exact.js';
import type { FindingCountRecord, LedgerRecord } from '../db/repos/reports.js';
import { AMOUNT_FORMAT, RATE_FORMAT, writeTable, type ColumnSpec, type Value } from './xlsx-helpers.js';

const SEVERITY_LABELS = [
  ['error', 'エラー'],
  ['warning', '警告'],
  ['info', '情報'],
] as const;

export function writeSubmissionSheet(ws: ExcelJS.Worksheet, ledgers: LedgerRecord[], findings: FindingCountRecord[]) {
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const byLedger = new Map<string, FindingCountRecord[]>();
  for (const f of findings) {
    const fs = byLedger.get(f.ledger_id);
    if (fs) fs.push(f);
    else byLedger.set(f.ledger_id, [f]);
  }
  const columns: ColumnSpec[] = [
    { header: '局名', width: 16 },
    { header: '課名', width: 16 },
    { header: '債権名', width: 22 },
    { header: '台帳', width: 24 },
    { header: '最終提出日時', width: 22 },
    { header: '版', width: 6 },
    { header: '基準日', width: 12 },
    ...SEVERITY_LABELS.map(([, label]) => ({ header: label, width: 8 })),
    ...rules.map((rule) => ({ header: rule, width: Math.min(30, Math.max(10, rule.length + 2)) })),
  ];
  const rows = ledgers.map((l): Value[] => {
    const fs = byLedger.get(l.id) ?? [];
    const bySeverity = (s: string) => fs.filter((f) => f.severity === s).reduce((n, f) => n + f.count, 0);
    const byRule = new Map(fs.map((f) => [f.rule, f.count]));
    return [
      l.bureau,
      l.division,
      l.claim,
      l.name,
      l.last_submitted_at ?? '未提出',
      l.revision,
      l.as_of,
      ...SEVERITY_LABELS.map(([s]) => bySeverity(s)),
      ...rules.map((r) => byRule.get(r) ?? 0),
    ];
  });
  writeTable(ws, 1, columns, rows, { filter: true });
}

interface Bucket {
  label: string;
  from: number;
}

/** A bucket's amount as BigInt (a stored amount past 2^53 is read as its nearest whole number). */
const bucketYen = (x: number) => BigInt(Number.isSafeInteger(x) ? x : Math.round(x));

function agingOf(json: string): { label: string; from: number; outstanding: bigint }[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v
      .filter((b) => typeof b?.label === 'string' && Number.isFinite(Number(b?.outstanding)))
      .map((b) => ({ label: b.label, from: Number(b.fromYears ?? 0), outstanding: bucketYen(Number(b.outstanding)) }));
  } catch {
    return [];
  }
}

/** `0-1` → 1年未満, `1-2` → 1年以上2年未満, `5+` → 5年以上. */
export function agingHeader(label: string): string {
  let m = /^(\d+)-(\d+)$/.exec(label);
  if (m) return m[1] === '0' ? `${m[2]}年未満` : `${m[1]}年以上${m[2]}年未満`;
  m = /^(\d+)\+$/.exec(label);
  return m ? `${m[1]}年以上` : label;
}

/** Bureaus in the given order first, then any other bureau with ledgers in the city's order. */
function byBureau(ledgers: LedgerRecord[], order: readonly string[]): [string, LedgerRecord[]][] {
  const groups = new Map<string, LedgerRecord[]>(order.map((b) => [b, []]));
  for (const l of ledgers) {
    const g = groups.get(l.bureau);
    if (g) g.push(l);
    else groups.set(l.bureau, [l]);
  }
  return [...groups].filter(([, ls]) => ls.length > 0);
}

export function writeAgingSheet(ws: ExcelJS.Worksheet, ledgers: LedgerRecord[], bureauOrder: readonly string[]) {
  const buckets = new Map<string, Bucket>();
  for (const l of ledgers) for (const b of agingOf(l.aging)) if (!buckets.has(b.label)) buckets.set(b.label, b);
  const labels = [...buckets.values()].sort((a, b) => a.from - b.from).map((b) => b.label);
  const groups = byBureau(ledgers, bureauOrder);
  const sums = (ls: LedgerRecord[]) => {
    const by = new Map<string, bigint>();
    for (const l of ls) for (const b of agingOf(l.aging)) by.set(b.label, (by.get(b.label) ?? 0n) + b.outstanding);
    const values = labels.map((label) => by.get(label) ?? 0n);
    return [...values, values.reduce((s, v) => s + v, 0n)].map(sheetInteger);
  };
  const columns: ColumnSpec[] = [
    { header: '局名', width: 18 },
    ...labels.map((label) => ({ header: `${agingHeader(label)}（円）`, width: 18, format: AMOUNT_FORMAT })),
    { header: '合計（円）', width: 18, format: AMOUNT_FORMAT },
  ];
  const rows: Value[][] = [...groups.map(([bureau, ls]) => [bureau, ...sums(ls)]), ['合計', ...sums(ledgers)]];
  writeTable(ws, 1, columns, rows, { bold: (i) => i === rows.length - 1 });
}

export function writeRatesSheet(ws: ExcelJS.Worksheet, ledgers: LedgerRecord[], bureauOrder: readonly string[]) {
  const row = (bureau: string, ls: LedgerRecord[]): Value[] => {
    type Amount = 'current_assessed' | 'current_paid' | 'current_outstanding' | 'arrears_assessed' | 'arrears_paid';
    const sum = (k: Amount | 'arrears_outstanding') => ls.reduce((s, l) => s + l[k], 0n);
    // A rate needs no more than a double's precision.
    const rate = (paid: bigint, assessed: bigint) => collectionRate(Number(paid), Number(assessed)) ?? '－';
    const [ca, cp, aa, ap] = [
      sum('current_assessed'),
      sum('current_paid'),
      sum('arrears_assessed'),
      sum('arrears_paid'),
    ];
    const n = sheetInteger;
    return [
      bureau,
      n(ca),
      n(cp),
      rate(cp, ca),
      n(sum('current_outstanding')),
      n(aa),
      n(ap),
      rate(ap, aa),
      n(sum('arrears_outstanding')),
    ];
  };
  const amount = (header: string): ColumnSpec => ({ header, width: 18, format: AMOUNT_FORMAT });
  const columns: ColumnSpec[] = [
    { header: '局名', width: 18 },
    amount('現年 調定額（円）'),
    amount('現年 収入済額（円）'),
    { header: '現年 収納率（％）', width: 12, format: RATE_FORMAT },
    amount('現年 未収金額（円）'),
    amount('滞繰 調定額（円）'),
    amount('滞繰 収入済額（円）'),
    { header: '滞繰 収納率（％）', width: 12, format: RATE_FORMAT },
    amount('滞繰 未収金額（円）'),
  ];
  const rows = [...byBureau(ledgers, bureauOrder).map(([b, ls]) => row(b, ls)), row('合計', ledgers)];
  writeTable(ws, 1, columns, rows, { bold: (i) => i === rows.length - 1 });
}
