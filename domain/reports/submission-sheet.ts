/**
 * Submission status (提出状況), one row per ledger with its findings by severity and rule. The
 * service's workbook lists what is stored; the pane's adds the state, the chase mark, the due date
 * and the amount, the claims with no ledger yet, and the window and counts above the table. Both
 * take their columns from the one table below.
 */
import type { LedgerFindingCount, LedgerTotals } from './ledger-totals.js';
import {
  amountColumn,
  reportSheet,
  sheetAmount,
  yesMark,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

/** The ledger columns of the status sheets. */
export const LEDGER_COLUMNS = {
  bureau: { header: '局名', width: 16 },
  division: { header: '課名', width: 16 },
  claim: { header: '債権名', width: 22 },
  ledger: { header: '台帳', width: 24 },
  state: { header: '状態', width: 22 },
  chase: { header: '要督促', width: 8 },
  lastSubmittedAt: { header: '最終提出日時', width: 22 },
  dueAt: { header: '提出期限', width: 22 },
  revision: { header: '版', width: 6 },
  asOf: { header: '基準日', width: 12 },
  outstanding: amountColumn('未収金額（円）'),
} as const satisfies Record<string, ReportColumn>;

const SEVERITIES = [
  ['error', 'エラー'],
  ['warning', '警告'],
  ['info', '情報'],
] as const;

type Severity = (typeof SEVERITIES)[number][0];

/** エラー, 警告, 情報, then one column per rule (as wide as its id, within 10 to 30). */
function findingColumns(rules: readonly string[]): ReportColumn[] {
  return [
    ...SEVERITIES.map(([, header]) => ({ header, width: 8 })),
    ...rules.map((rule) => ({ header: rule, width: Math.min(30, Math.max(10, rule.length + 2)) })),
  ];
}

function findingCells(
  bySeverity: (s: Severity) => number,
  byRule: ReadonlyMap<string, number>,
  rules: readonly string[],
) {
  return [...SEVERITIES.map(([s]) => bySeverity(s)), ...rules.map((r) => byRule.get(r) ?? 0)];
}

/** The service's sheet: every stored ledger, 未提出 where none was submitted yet. */
export function ledgerStatusSheet(
  name: string,
  ledgers: readonly LedgerTotals[],
  findings: readonly LedgerFindingCount[],
): ReportSheet {
  const rules = [...new Set(findings.map((f) => f.rule))].sort();
  const byLedger = new Map<string, LedgerFindingCount[]>();
  for (const f of findings) {
    const fs = byLedger.get(f.ledger_id);
    if (fs) fs.push(f);
    else byLedger.set(f.ledger_id, [f]);
  }
  const C = LEDGER_COLUMNS;
  const columns = [C.bureau, C.division, C.claim, C.ledger, C.lastSubmittedAt, C.revision, C.asOf];
  const rows = ledgers.map((l): SheetCell[] => {
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
      ...findingCells(bySeverity, byRule, rules),
    ];
  });
  return reportSheet({ name, columns: [...columns, ...findingColumns(rules)], rows, filter: true });
}

interface Named {
  name: string;
}

/** What the pane's sheet reads of /oversight/submissions. */
export interface SubmissionStatusSource {
  window: { label: string };
  ledgers: readonly {
    id: string;
    name: string;
    bureau: Named;
    division: Named;
    claim: Named;
    revision: number;
    asOf: string | null;
    lastSubmittedAt: string | null;
    stateLabel: string;
    dueAt: string | null;
    outstandingYen: number | null;
    findings: Record<Severity, number> & { byRule: readonly { rule: string; count: number }[] };
  }[];
  chase: readonly {
    kind: string;
    ledgerId: string | null;
    bureau: Named;
    division: Named;
    claim: Named;
    reasonLabel: string;
  }[];
  totals: { ledgers: number; ok: number; due: number; late: number; never: number };
}

/** The pane's sheet: the window and counts, every ledger with its state, then claims with no ledger. */
export function submissionStatusSheet(name: string, s: SubmissionStatusSource): ReportSheet {
  const rules = [...new Set(s.ledgers.flatMap((l) => l.findings.byRule.map((r) => r.rule)))].sort();
  const chased = new Set(s.chase.flatMap((c) => (c.ledgerId ? [c.ledgerId] : [])));
  const C = LEDGER_COLUMNS;
  const columns = [
    ...[C.bureau, C.division, C.claim, C.ledger, C.state, C.chase, C.lastSubmittedAt, C.dueAt, C.revision, C.asOf],
    C.outstanding,
    ...findingColumns(rules),
  ];
  const ledgers = s.ledgers.map((l): SheetCell[] => [
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
    sheetAmount(l.outstandingYen),
    ...findingCells((k) => l.findings[k], new Map(l.findings.byRule.map((r) => [r.rule, r.count])), rules),
  ]);
  const noLedger = s.chase
    .filter((c) => c.kind === 'claim')
    .map((c): SheetCell[] => [
      c.bureau.name,
      c.division.name,
      c.claim.name,
      '（台帳なし）',
      c.reasonLabel,
      yesMark(true),
    ]);
  const t = s.totals;
  const lines = [
    [`提出期限: ${s.window.label}`],
    [
      `台帳 ${t.ledgers}件（送信済み ${t.ok}・期限前 ${t.due}・期限超過 ${t.late}・未送信 ${t.never}）／要督促 ${s.chase.length}件`,
    ],
    [],
  ];
  return reportSheet({ name, lines: lines.map((cells) => ({ cells })), columns, rows: [...ledgers, ...noLedger] });
}
