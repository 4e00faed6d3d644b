/**
 * The worklist of the worked example (`docs/spec/domain/examples`, 保育料, as of 2025-03-31), through
 * the real engine: the grid is the example's, cell for cell.
 */
import { describe, expect, it } from 'vitest';
import { formatISO } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { buildWorklist, countByAction, readContacts } from '../../../domain/worklist/index.js';
import { day } from './helpers.js';

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const GRID: Cell[][] = [
  ['債務者番号', '氏名', '個人番号', '年度', '月分', '調定額', '納期限', '収入済額', '収入未済額', '督促日', '催告日', '納付相談日', '分納開始日', '分納終了日', '分納区分', '月額', '次回納期', '時効完成日'],
  ['H-101', '青木 悠真', null, 'R6', '4月分', 23000, d('2024-04-30'), 23000, 0],
  ['H-102', '石井 さくら', null, 'R6', '5月分', 23000, d('2024-05-31'), 0, 23000, d('2024-06-14'), d('2024-08-01')],
  ['H-103', '森 颯太', null, 'R6', '12月分', 18000, d('2024-12-27'), 0, 18000],
  ['H-104', '青木 悠真', null, 'R6', '9月分', 18000, d('2024-09-30'), 0, 18000, d('2024-10-31'), d('2024-12-02')],
  ['H-105', '石井 さくら', null, 'R1', '6月分', 20000, d('2019-07-01'), 0, 20000, d('2019-07-12'), d('2020-01-10'), d('2024-06-01')],
  ['H-106', '森 颯太', null, 'R5', '3月分', 25000, d('2024-03-29'), 5000, 20000, d('2024-04-08'), null, null, d('2024-05-01'), d('2025-04-30'), '分納誓約', 5000, d('2025-02-28')],
  ['H-107', '青木 悠真', null, 'R4', '7月分', 21000, d('2022-08-01'), 0, 21000, d('2022-08-10'), d('2023-02-01'), null, null, null, null, null, null, d('2025-06-30')],
  ['H-108', '石井 さくら', null, 'R6', '1月分', 18000, d('2025-01-31'), 0, 18000, d('2025-02-12')],
  ['H-109', '森 颯太', null, 'R6', '2月分', 18000, d('2025-02-28'), 18000, 18000],
]; // prettier-ignore

describe('worklist of the worked example', () => {
  const asOf = day('2025-03-31');
  const outcome = checkSheet(GRID, { asOf, claimType: '保育料' });
  if (!outcome.ok) throw new Error('not checked');
  const items = buildWorklist({
    rows: outcome.checker.dataRows(),
    findings: outcome.result.findings,
    asOf,
    contacts: readContacts(GRID, outcome.result.mapping),
  });

  it('lists the debtors with an action, most urgent first', () => {
    expect(
      items.map((i) => [i.rank, i.tier, i.action, i.debtorId, i.rows, formatISO(i.deadline!), i.outstanding]),
    ).toEqual([
      [1, 1, 'stopPrescription', 'H-107', [8], '2025-06-30', 21000],
      [2, 2, 'writeOff', 'H-105', [6], '2019-07-01', 20000],
      [3, 3, 'issueDemand', 'H-103', [4], '2024-12-27', 18000],
      [4, 3, 'issueDemand', 'H-109', [10], '2025-02-28', 18000],
      [5, 4, 'chaseInstallment', 'H-106', [7], '2024-03-29', 20000],
      [6, 7, 'firstDunning', 'H-108', [9], '2025-01-31', 18000],
    ]);
  });

  it('lists the other findings with the action, the data error too', () => {
    expect(items.find((i) => i.debtorId === 'H-109')!.rules).toEqual([
      'DEMAND_MISSING',
      'CONTACT_STALE',
      'BALANCE_MISMATCH',
    ]);
    expect(items[0]!.rules).toEqual(['PRESCRIPTION_IMMINENT', 'CONTACT_STALE']);
    expect(items[0]!.lastDunning).toEqual({ method: null, date: day('2023-02-01') });
  });

  it('carries the name from the sheet, never the 個人番号 column', () => {
    expect(items[0]!.personal).toEqual({ name: '青木 悠真', address: null, phone: null });
  });

  it('counts per action', () => {
    const counts = countByAction(items).filter((c) => c.debtors > 0);
    expect(counts.map((c) => [c.action, c.debtors, c.outstanding])).toEqual([
      ['stopPrescription', 1, 21000],
      ['writeOff', 1, 20000],
      ['issueDemand', 2, 36000],
      ['chaseInstallment', 1, 20000],
      ['firstDunning', 1, 18000],
    ]);
  });
});
