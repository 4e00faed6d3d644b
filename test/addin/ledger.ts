/**
 * The worked example of docs/spec/domain/examples (a 保育料 ledger checked as of 2025-03-31), as a
 * grid built in the test, with 住所 added to prove personal fields never leave, and the 個人番号
 * column only where a test asks for it.
 */
import type { Cell } from '../../domain/values/parsed.js';
import { dayFromYMD } from '../../domain/calendar/day.js';

export const AS_OF = dayFromYMD(2025, 3, 31);

const HEADER = [
  '債務者番号', '氏名', '年度', '月分', '調定額', '納期限', '収入済額', '収入未済額', '督促日', '催告日',
  '納付相談日', '分納開始日', '分納終了日', '分納区分', '月額', '次回納期', '時効完成日', '住所',
]; // prettier-ignore

const ROWS: Cell[][] = [
  ['H-101', '青木 悠真', 'R6', '4月分', 23000, '2024-04-30', 23000, 0],
  ['H-102', '石井 さくら', 'R6', '5月分', 23000, '2024-05-31', 0, 23000, '2024-06-14', '2024-08-01'],
  ['H-103', '森 颯太', 'R6', '12月分', 18000, '2024-12-27', 0, 18000],
  ['H-104', '青木 悠真', 'R6', '9月分', 18000, '2024-09-30', 0, 18000, '2024-10-31', '2024-12-02'],
  ['H-105', '石井 さくら', 'R1', '6月分', 20000, '2019-07-01', 0, 20000, '2019-07-12', '2020-01-10', '2024-06-01'],
  ['H-106', '森 颯太', 'R5', '3月分', 25000, '2024-03-29', 5000, 20000, '2024-04-08', null, null, '2024-05-01',
    '2025-04-30', '分納誓約', 5000, '2025-02-28'],
  ['H-107', '青木 悠真', 'R4', '7月分', 21000, '2022-08-01', 0, 21000, '2022-08-10', '2023-02-01', null, null, null,
    null, null, null, '2025-06-30'],
  ['H-108', '石井 さくら', 'R6', '1月分', 18000, '2025-01-31', 0, 18000, '2025-02-12'],
  ['H-109', '森 颯太', 'R6', '2月分', 18000, '2025-02-28', 18000, 18000],
]; // prettier-ignore

/** Column letters of this layout. */
export const COL = { debtorId: 'A', name: 'B', outstanding: 'H', demandDate: 'I', address: 'R' } as const;

export const ADDRESS = '横浜市中区港町1-1';

export function hoikuryo(options: { personalNumber?: boolean } = {}): Cell[][] {
  const rows = [HEADER, ...ROWS.map((r) => [...r])].map((r, i) => {
    const row = Array.from({ length: HEADER.length }, (_, c) => r[c] ?? null);
    if (i > 0) row[HEADER.length - 1] = ADDRESS;
    return row;
  });
  if (options.personalNumber) rows.forEach((r, i) => r.splice(2, 0, i === 0 ? '個人番号' : null));
  return rows;
}

/** Findings (row, rule) the example expects, without the 個人番号 column. */
export const EXPECTED = [
  [4, 'CONTACT_STALE'], [4, 'DEMAND_MISSING'], [5, 'DEMAND_LATE'], [6, 'PRESCRIPTION_EXPIRED_PUBLIC'],
  [7, 'INSTALLMENT_MISSED'], [8, 'CONTACT_STALE'], [8, 'PRESCRIPTION_IMMINENT'], [9, 'EARLY_DUNNING'],
  [10, 'BALANCE_MISMATCH'], [10, 'CONTACT_STALE'], [10, 'DEMAND_MISSING'],
] as const; // prettier-ignore

/** A Map-backed stand-in for localStorage. */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}
