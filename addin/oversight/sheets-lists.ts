/**
 * The list sheets of 取りまとめ (pure): every claim against its plan, every ledger's submission
 * status with the chase list marked, and the improvement list (growing or behind-plan claims with
 * the division's review and finance's proposal). Texts from the service go in as given.
 */
import { CLAIM_SHEET_COLUMNS, claimSheetRow, yesMark } from '../../domain/reports/claim-sheet.js';
import type { SheetValue } from '../excel/workbook-port.js';
import {
  onImprovementList,
  type FlaggedClaimsT,
  type ProposalItem,
  type ReportClaimsT,
  type SubmissionsT,
} from './schemas.js';
import { AMOUNT_FORMAT, type SheetPlan } from './sheets-targets.js';

const pt = (chars: number) => Math.round(chars * 7);

interface Column {
  header: string;
  width: number;
  format?: string;
}

/** A header row at `headerRow` (1-based; lines above it as given), frozen and bold. */
function table(name: string, columns: readonly Column[], data: SheetValue[][], above: SheetValue[][] = []): SheetPlan {
  const headerRow = above.length + 1;
  const rows = [...above, columns.map((c) => c.header), ...data];
  const formats = columns.map((c) => c.format ?? null);
  return {
    name,
    rows,
    options: {
      numberFormats: rows.map((_, i) => (i < headerRow ? [] : formats)),
      columnWidths: columns.map((c) => pt(c.width)),
      freezeRows: headerRow,
      boldRows: [headerRow],
    },
    charts: [],
  };
}

const amount = (header: string): Column => ({ header, width: 18, format: AMOUNT_FORMAT });

export function claimsSheet(name: string, r: ReportClaimsT): SheetPlan {
  return table(name, [...CLAIM_SHEET_COLUMNS], r.claims.map(claimSheetRow));
}

const SEVERITIES = [
  ['error', 'エラー'],
  ['warning', '警告'],
  ['info', '情報'],
] as const;

export function submissionsSheet(name: string, s: SubmissionsT): SheetPlan {
  const rules = [...new Set(s.ledgers.flatMap((l) => l.findings.byRule.map((r) => r.rule)))].sort();
  const chased = new Set(s.chase.flatMap((c) => (c.ledgerId ? [c.ledgerId] : [])));
  const columns: Column[] = [
    { header: '局名', width: 16 },
    { header: '課名', width: 16 },
    { header: '債権名', width: 22 },
    { header: '台帳', width: 24 },
    { header: '状態', width: 22 },
    { header: '要督促', width: 8 },
    { header: '最終提出日時', width: 22 },
    { header: '提出期限', width: 22 },
    { header: '版', width: 6 },
    { header: '基準日', width: 12 },
    amount('未収金額（円）'),
    ...SEVERITIES.map(([, label]) => ({ header: label, width: 8 })),
    ...rules.map((rule) => ({ header: rule, width: Math.min(30, Math.max(10, rule.length + 2)) })),
  ];
  const ledgers = s.ledgers.map((l): SheetValue[] => {
    const byRule = new Map(l.findings.byRule.map((r) => [r.rule, r.count]));
    return [
      l.bureau.name,
      l.division.name,
      l.claim.name,
      l.name,
      l.stateLabel,
      yesMark(chased.has(l.id)),
      l.lastSubmittedAt,
      l.dueAt,
      l.revision,
      l.asOf,
      l.outstandingYen,
      ...SEVERITIES.map(([k]) => l.findings[k]),
      ...rules.map((r) => byRule.get(r) ?? 0),
    ];
  });
  const noLedger = s.chase
    .filter((c) => c.kind === 'claim')
    .map((c): SheetValue[] => [
      c.bureau.name,
      c.division.name,
      c.claim.name,
      '（台帳なし）',
      c.reasonLabel,
      yesMark(true),
    ]);
  const t = s.totals;
  const above: SheetValue[][] = [
    [`提出期限: ${s.window.label}`],
    [
      `台帳 ${t.ledgers}件（送信済み ${t.ok}・期限前 ${t.due}・期限超過 ${t.late}・未送信 ${t.never}）／要督促 ${s.chase.length}件`,
    ],
    [],
  ];
  return table(name, columns, [...ledgers, ...noLedger], above);
}

const REASON_LABELS: Record<string, string> = { growing: '未収金増加', 'behind-plan': '計画遅れ', other: 'その他' };

export function improvementSheet(name: string, f: FlaggedClaimsT, proposals: readonly ProposalItem[]): SheetPlan {
  const byClaim = new Map(proposals.map((p) => [p.claimId, p]));
  const columns: Column[] = [
    { header: '局名', width: 16 },
    { header: '課名', width: 16 },
    { header: '債権名', width: 22 },
    { header: '理由', width: 18 },
    amount(`前年度決算（${f.baselineStatus}・円）`),
    amount('目標（円）'),
    amount('現在（円）'),
    amount('計画上の今月（円）'),
    { header: '振り返りの月', width: 12 },
    { header: '評価（振り返り）', width: 40 },
    { header: '次の取組み', width: 40 },
    { header: '改善提案', width: 50 },
    { header: '提案の版', width: 8 },
  ];
  const data = f.claims.filter(onImprovementList).map((c): SheetValue[] => {
    const p = byClaim.get(c.claim.id);
    return [
      c.bureau.name,
      c.division.name,
      c.claim.name,
      c.reasons.map((r) => REASON_LABELS[r] ?? r).join('・'),
      c.baselineYen,
      c.targetYen,
      c.currentYen,
      c.milestone?.outstandingYen ?? null,
      c.latestReview?.month ?? null,
      c.latestReview?.assessment ?? null,
      c.latestReview?.nextStep ?? null,
      p?.body ?? null,
      p?.version ?? null,
    ];
  });
  return table(name, columns, data);
}
