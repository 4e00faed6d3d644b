/**
 * Where the consolidated workbook's figures came from (出典): when it was made, for which year,
 * whether ① is settled, the ruleset versions, and every ledger's revision and last submission.
 */
import type { LedgerTotals } from './ledger-totals.js';
import { LEDGER_COLUMNS } from './submission-sheet.js';
import { reportSheet, sheetAmount, type ReportSheet, type SheetCell, type SheetLine } from './report-sheet.js';

export interface ProvenanceSource {
  generatedAt: Date;
  fiscalYear: number;
  /** The target table's title (its era year is printed: 令和6年度…). */
  title: string;
  settled: boolean;
  claims: number;
  /** The sheet that lists each plan's version. */
  claimSheetName: string;
  ledgers: readonly LedgerTotals[];
}

export function provenanceSheet(name: string, d: ProvenanceSource): ReportSheet {
  const rulesets = [...new Set(d.ledgers.map((l) => l.ruleset_version).filter((v): v is string => !!v))].sort();
  const facts: [string, string][] = [
    ['作成日時', d.generatedAt.toISOString()],
    ['年度', `${d.title.split('未収金')[0]} (${d.fiscalYear})`],
    ['前年度決算', d.settled ? '確定' : '見込'],
    ['ルールセット', rulesets.join('、') || '（提出なし）'],
    ['計画', `${d.claims} 件（各計画の版は「${d.claimSheetName}」シート）`],
    ['台帳', `${d.ledgers.length} 件（版・基準日・ルールセットは下表）`],
  ];
  const lines: SheetLine[] = [...facts.map((cells): SheetLine => ({ cells, style: 'fact' })), { cells: [] }];
  const C = LEDGER_COLUMNS;
  const columns = [
    { header: '台帳ID', width: 38 },
    C.bureau,
    C.division,
    C.claim,
    C.ledger,
    C.revision,
    C.asOf,
    { header: 'ルールセット', width: 14 },
    { header: '最終提出ID', width: 38 },
    { ...C.lastSubmittedAt, width: 24 },
    { header: '行数', width: 8 },
    C.outstanding,
  ];
  const rows = d.ledgers.map((l): SheetCell[] => [
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
    sheetAmount(l.outstanding),
  ]);
  return reportSheet({ name, lines, columns, rows });
}
