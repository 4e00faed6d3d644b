/**
 * The worklist as a report sheet 「対応リスト」: what the pane writes into the open workbook and what
 * `saiken worklist --out list.xlsx` writes, from this one definition. Dates are real dates and
 * amounts real numbers, so the clerk can sort and filter; the row numbers link back to the ledger
 * when the list sits in the ledger's own workbook. Names, addresses and phones appear only where the
 * sheet maps them: this sheet stays in the workbook or on the clerk's machine, never sent.
 */
import { formatISO, type Day } from '../calendar/day.js';
import {
  reportSheet,
  AMOUNT_FORMAT,
  type ReportColumn,
  type ReportSheet,
  type SheetCell,
} from '../reports/report-sheet.js';
import type { RuleId, Text } from '../rules/rule.js';
import { ruleById } from '../rules/catalogue.js';
import { excelSerialOf } from '../values/index.js';
import { actionByCode } from './actions.js';
import type { DebtorContact } from './contacts.js';
import type { WorklistItem } from './types.js';

export const WORKLIST_SHEET_NAME = '対応リスト';

/** How Japanese Excel shows a date by default (2025/3/31). */
export const DATE_FORMAT = 'yyyy/m/d';

export interface WorklistSheetOptions {
  asOf: Day;
  lang: keyof Text;
  /** The personal columns to include (`mappedContactFields`). */
  contactFields: readonly (keyof DebtorContact)[];
  /** The ledger in the same workbook: each item's rows link to its first row, in this column. */
  ledger?: { sheet: string; column: string };
  /** A rule's name for the 理由 column: its catalogue title by default. */
  ruleName?: (rule: RuleId) => string;
}

const WORDS = {
  ja: {
    title: '対応リスト',
    asOf: '基準日',
    ledger: '台帳',
    count: '対象',
    people: (n: number, yen: string) => `${n}人（収入未済額 ${yen}円）`,
    rank: '順位',
    tier: '段階',
    action: '対応',
    debtorId: '債務者番号',
    name: '氏名',
    address: '住所',
    phone: '電話番号',
    deadline: '期限',
    outstanding: '収入未済額',
    lateCharge: '延滞金見込額',
    dunningMethod: '最終催告方法',
    dunningDate: '最終催告日',
    rows: '台帳の行',
    reasons: '理由',
    note:
      '延滞金見込額は、収入未済額の全額を基準日に納付したとした見込みです。' +
      '氏名・住所・電話番号はこのブックの中だけにあり、送信されません。',
  },
  en: {
    title: 'Worklist',
    asOf: 'As of',
    ledger: 'Ledger',
    count: 'Debtors',
    people: (n: number, yen: string) => `${n} (outstanding ¥${yen})`,
    rank: 'Rank',
    tier: 'Tier',
    action: 'Action',
    debtorId: 'Debtor ID',
    name: 'Name',
    address: 'Address',
    phone: 'Phone',
    deadline: 'Deadline',
    outstanding: 'Outstanding',
    lateCharge: 'Late charge (est.)',
    dunningMethod: 'Last dunning',
    dunningDate: 'Last dunning date',
    rows: 'Ledger rows',
    reasons: 'Reasons',
    note:
      'The late-charge estimate assumes the whole outstanding amount is paid on the as-of date. ' +
      'Names, addresses and phones stay in this workbook and are never sent.',
  },
} as const;

const CONTACT_WIDTH: Record<keyof DebtorContact, number> = { name: 16, address: 30, phone: 14 };

const date = (d: Day | null): SheetCell => (d === null ? null : excelSerialOf(d));

export function worklistSheet(items: readonly WorklistItem[], o: WorklistSheetOptions): ReportSheet {
  const w = WORDS[o.lang];
  const ruleName = o.ruleName ?? ((r: RuleId) => ruleById(r).title[o.lang]);
  const columns: ReportColumn[] = [
    { header: w.rank, width: 6 },
    { header: w.tier, width: 6 },
    { header: w.action, width: 20 },
    { header: w.debtorId, width: 14 },
    ...o.contactFields.map((f) => ({ header: w[f], width: CONTACT_WIDTH[f] })),
    { header: w.deadline, width: 12, format: DATE_FORMAT },
    { header: w.outstanding, width: 14, format: AMOUNT_FORMAT },
    { header: w.lateCharge, width: 14, format: AMOUNT_FORMAT },
    { header: w.dunningMethod, width: 12 },
    { header: w.dunningDate, width: 12, format: DATE_FORMAT },
    { header: w.rows, width: 14 },
    { header: w.reasons, width: 40 },
  ];
  const rowsColumn = columns.length - 2;
  const rows = items.map((item): SheetCell[] => [
    item.rank,
    item.tier,
    actionByCode(item.action).label[o.lang],
    item.debtorId,
    ...o.contactFields.map((f) => item.personal[f]),
    date(item.deadline),
    item.outstanding,
    item.lateChargeEstimate,
    item.lastDunning?.method ?? null,
    date(item.lastDunning?.date ?? null),
    item.rows.join(o.lang === 'ja' ? '、' : ', '),
    item.rules.map(ruleName).join(o.lang === 'ja' ? '、' : ', '),
  ]);
  const ledger = o.ledger;
  const links = ledger
    ? items.flatMap((item, row) =>
        item.rows.length
          ? [{ row, column: rowsColumn, sheet: ledger.sheet, address: `${ledger.column}${item.rows[0]}` }]
          : [],
      )
    : [];
  const total = items.reduce((n, i) => n + i.outstanding, 0);
  return reportSheet({
    name: WORKLIST_SHEET_NAME,
    lines: [
      { cells: [w.title], style: 'title' },
      { cells: [w.asOf, formatISO(o.asOf)], style: 'fact' },
      ...(ledger ? [{ cells: [w.ledger, ledger.sheet], style: 'fact' as const }] : []),
      { cells: [w.count, w.people(items.length, total.toLocaleString('en-US'))], style: 'fact' },
      { cells: [] },
    ],
    columns,
    rows,
    note: w.note,
    filter: true,
    links,
  });
}
