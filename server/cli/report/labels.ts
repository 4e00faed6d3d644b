/** The report's wording, in the two languages `--lang` offers. Findings' messages come from the engine. */
import type { Severity } from '../../../domain/rules/rule.js';
import type { MatchReason } from '../../../domain/fields/mapping.js';

export interface Labels {
  file: string;
  sheet: string;
  asOf: string;
  claimType: string;
  classification: string;
  fromColumn: string;
  none: string;
  mapping: (rows: string) => string;
  mappingHeader: [string, string, string, string];
  reason: Record<MatchReason, string>;
  unmatched: string;
  personalNumber: string;
  summary: string;
  rows: (total: number, checked: number, blank: number, totals: number, unreadable: number) => string;
  severity: Record<Severity, string>;
  bySeverity: (e: number, w: number, i: number) => string;
  byRule: string;
  byRuleHeader: [string, string, string];
  findings: (n: number) => string;
  noFindings: string;
  findingsHeader: [string, string, string, string, string];
  analysis: (asOf: string, fy: string) => string;
  totalsHeader: [string, string, string, string, string, string];
  current: string;
  arrears: string;
  total: string;
  aging: string;
  agingHeader: [string, string, string];
  agingLabel: (from: number, to: number | null) => string;
  byIncomeBracket: string;
  splitHeader: (key: string) => [string, string, string];
  skipped: (blank: number, totals: number, unreadable: number) => string;
  noClassification: string;
  status: string;
  statusHeader: [string, string, string];
  channelHeader: (key: string) => [string, string, string, string, string, string];
  overpaid: (amount: string) => string;
  lateCharge: string;
  lateChargeHeader: [string, string, string];
}

export const JA: Labels = {
  file: 'ファイル',
  sheet: 'シート',
  asOf: '基準日',
  claimType: '債権名',
  classification: '債権区分',
  fromColumn: '台帳の「債権名」「債権区分」列による',
  none: '—',
  mapping: (rows) => `■ 見出し（${rows}行目）`,
  mappingHeader: ['列', '見出し', '項目', '判定'],
  reason: { label: 'ラベル一致', synonym: '別名一致', user: '利用者の指定' },
  unmatched: '対応する項目がない列',
  personalNumber: '個人番号の列（読み取らず、送信もしません）',
  summary: '■ 集計',
  rows: (t, c, b, s, u) => `行数: ${t}行（チェックした行 ${c}、空白行 ${b}、合計行 ${s}、金額が読めない行 ${u}）`,
  severity: { error: 'エラー', warning: '警告', info: '情報' },
  bySeverity: (e, w, i) => `重要度別: エラー ${e}件、警告 ${w}件、情報 ${i}件`,
  byRule: 'ルール別:',
  byRuleHeader: ['ルール', '重要度', '件数'],
  findings: (n) => `■ 指摘（${n}件）`,
  noFindings: '指摘はありません。',
  findingsHeader: ['行', '列', 'ルール', '重要度', 'メッセージ'],
  analysis: (asOf, fy) => `■ 分析（基準日 ${asOf}、${fy}）`,
  totalsHeader: ['区分', '件数', '調定額', '収入済額', '収入未済額', '収納率'],
  current: '現年度分',
  arrears: '滞納繰越分',
  total: '合計',
  aging: '滞納年数別（収入未済額のある行、納期限からの年数）:',
  agingHeader: ['年数', '件数', '収入未済額'],
  agingLabel: (from, to) => (to === null ? `${from}年以上` : from === 0 ? '1年未満' : `${from}年以上${to}年未満`),
  byIncomeBracket: '所得階層別:',
  splitHeader: (key) => [key, '件数', '収入未済額'],
  skipped: (b, s, u) => `集計から除いた行: 空白行 ${b}、合計行 ${s}、金額が読めない行 ${u}`,
  noClassification:
    '注意: 債権区分が分からないため、時効・執行停止・猶予の種類などのルールは判定していません。--claim-type で債権名を指定してください。',
  status: '未収金の状況（収入未済額のある行）:',
  statusHeader: ['区分', '件数', '収入未済額'],
  channelHeader: (key) => [key, '件数', '調定額', '収入済額', '収入未済額', '収納率'],
  overpaid: (amount) => `（収入未済額がマイナスの行 計 ${amount}円 は未収金の状況に含めていません）`,
  lateCharge: '延滞金見込額（見込み: 収入未済額の全額を基準日に納付した場合。一部納付の日付は台帳にありません）:',
  lateChargeHeader: ['区分', '件数', '延滞金見込額'],
};

export const EN: Labels = {
  file: 'File',
  sheet: 'Sheet',
  asOf: 'As of',
  claimType: 'Claim type',
  classification: 'Classification',
  fromColumn: "from the sheet's claim-type / classification columns",
  none: '—',
  mapping: (rows) => `■ Header (row ${rows})`,
  mappingHeader: ['Col', 'Header', 'Field', 'Matched by'],
  reason: { label: 'label', synonym: 'synonym', user: 'user' },
  unmatched: 'Columns matching no field',
  personalNumber: 'Individual Number columns (never read or sent)',
  summary: '■ Summary',
  rows: (t, c, b, s, u) => `Rows: ${t} (checked ${c}, blank ${b}, totals ${s}, unreadable amounts ${u})`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  bySeverity: (e, w, i) => `By severity: ${e} errors, ${w} warnings, ${i} info`,
  byRule: 'By rule:',
  byRuleHeader: ['Rule', 'Severity', 'Count'],
  findings: (n) => `■ Findings (${n})`,
  noFindings: 'No findings.',
  findingsHeader: ['Row', 'Col', 'Rule', 'Severity', 'Message'],
  analysis: (asOf, fy) => `■ Analysis (as of ${asOf}, FY${fy})`,
  totalsHeader: ['', 'Rows', 'Assessed', 'Paid', 'Outstanding', 'Rate'],
  current: 'Current year',
  arrears: 'Arrears',
  total: 'Total',
  aging: 'Outstanding by years since the due date:',
  agingHeader: ['Years', 'Rows', 'Outstanding'],
  agingLabel: (from, to) => (to === null ? `${from}+` : `${from}-${to}`),
  byIncomeBracket: 'By income bracket:',
  splitHeader: (key) => [key, 'Rows', 'Outstanding'],
  skipped: (b, s, u) => `Left out of the totals: ${b} blank, ${s} totals rows, ${u} with unreadable amounts`,
  noClassification:
    'Note: the classification is unknown, so prescription, suspension and deferral-kind rules did not run. Pass --claim-type.',
  status: 'Receivables status (rows still owing):',
  statusHeader: ['Class', 'Rows', 'Outstanding'],
  channelHeader: (key) => [key, 'Rows', 'Assessed', 'Paid', 'Outstanding', 'Rate'],
  overpaid: (amount) => `(rows with a negative outstanding, ${amount} yen in all, are not in the status)`,
  lateCharge:
    'Late charge, estimated (as if each outstanding amount were paid in full on the as-of date; partial payments have no dates in a ledger):',
  lateChargeHeader: ['', 'Rows', 'Late charge (est.)'],
};
