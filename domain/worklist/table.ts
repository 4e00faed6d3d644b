/**
 * The worklist as a table with Japanese headers: what the command line prints, and what its CSV and
 * .xlsx hold. Personal columns (氏名, 住所, 電話番号) appear only when asked for, and only where the
 * sheet maps them: a file for the clerk's own machine (Word's 差し込み印刷), never the terminal's log.
 */
import { formatISO } from '../calendar/day.js';
import { actionByCode } from './actions.js';
import type { DebtorContact } from './contacts.js';
import type { WorklistItem } from './types.js';

export type TableCell = string | number | null;

export interface WorklistTable {
  header: string[];
  rows: TableCell[][];
}

const CONTACT_HEADERS: Record<keyof DebtorContact, string> = { name: '氏名', address: '住所', phone: '電話番号' };

/** `contactFields`: the personal columns to include (`mappedContactFields`), none by default. */
export function worklistTable(
  items: readonly WorklistItem[],
  contactFields: readonly (keyof DebtorContact)[] = [],
): WorklistTable {
  const header = [
    '順位',
    '段階',
    '対応',
    '債務者番号',
    ...contactFields.map((f) => CONTACT_HEADERS[f]),
    '期限',
    '収入未済額',
    '延滞金見込額',
    '最終催告方法',
    '最終催告日',
    '台帳の行',
    'ルール',
  ];
  const rows = items.map((item): TableCell[] => {
    const dunned = item.lastDunning?.date ?? null;
    return [
      item.rank,
      item.tier,
      actionByCode(item.action).label.ja,
      item.debtorId,
      ...contactFields.map((f) => item.personal[f]),
      item.deadline === null ? null : formatISO(item.deadline),
      item.outstanding,
      item.lateChargeEstimate,
      item.lastDunning?.method ?? null,
      dunned === null ? null : formatISO(dunned),
      item.rows.join('、'),
      item.rules.join('、'),
    ];
  });
  return { header, rows };
}
