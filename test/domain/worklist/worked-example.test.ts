/**
 * The worklist of the worked example (`docs/spec/domain/examples`, 保育料, as of 2025-03-31), through
 * the real engine: the grid is the example's, cell for cell.
 */
import { describe, expect, it } from 'vitest';
import { formatISO } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import { WORKED_EXAMPLE } from '../../fixtures/worked-example.js';
import { buildWorklist, countByAction, readContacts } from '../../../domain/worklist/index.js';
import { day } from './helpers.js';

const GRID = WORKED_EXAMPLE;

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
