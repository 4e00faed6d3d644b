import { describe, expect, it } from 'vitest';
import { formatISO } from '../../../domain/calendar/day.js';
import { buildWorklist } from '../../../domain/worklist/index.js';
import { day, finding, ledgerRow } from './helpers.js';

const AS_OF = day('2025-03-31');
const order = (items: { debtorId: string }[]) => items.map((i) => i.debtorId);

describe('order within the list', () => {
  it('tier first, whatever the deadlines and amounts', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'C', due: '2010-01-01', outstanding: 900_000 }),
        ledgerRow({ row: 3, debtorId: 'A', due: '2024-12-01', outstanding: 1_000 }),
        ledgerRow({ row: 4, debtorId: 'B', due: '2024-01-01' }),
      ],
      findings: [finding(2, 'CONTACT_STALE'), finding(3, 'PRESCRIPTION_IMMINENT', { prescriptionEnd: '2025-09-01' })],
      asOf: AS_OF,
    });
    expect(order(items)).toEqual(['A', 'C']);
    expect(items.map((i) => i.rank)).toEqual([1, 2]);
  });

  it('tier 1: the earliest prescription end first, not the due date', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'A', due: '2020-01-01' }),
        ledgerRow({ row: 3, debtorId: 'B', due: '2022-01-01' }),
        ledgerRow({ row: 4, debtorId: 'B', due: '2021-01-01' }),
      ],
      findings: [
        finding(2, 'PRESCRIPTION_IMMINENT', { prescriptionEnd: '2025-08-01' }),
        finding(3, 'PRESCRIPTION_IMMINENT', { prescriptionEnd: '2025-06-01' }),
        finding(4, 'PRESCRIPTION_IMMINENT', { prescriptionEnd: '2025-07-01' }),
      ],
      asOf: AS_OF,
    });
    expect(order(items)).toEqual(['B', 'A']);
    expect(items.map((i) => formatISO(i.deadline!))).toEqual(['2025-06-01', '2025-08-01']);
  });

  it('other tiers: the oldest due date among the rows behind the action', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'A', due: '2024-06-30' }),
        // B's oldest row carries no DEMAND_MISSING: it does not set B's deadline.
        ledgerRow({ row: 3, debtorId: 'B', due: '2019-06-30' }),
        ledgerRow({ row: 4, debtorId: 'B', due: '2024-08-31' }),
        ledgerRow({ row: 5, debtorId: 'C', due: '2024-05-31' }),
      ],
      findings: [finding(2, 'DEMAND_MISSING'), finding(4, 'DEMAND_MISSING'), finding(5, 'DEMAND_MISSING')],
      asOf: AS_OF,
    });
    expect(order(items)).toEqual(['C', 'A', 'B']);
    expect(formatISO(items[2]!.deadline!)).toBe('2024-08-31');
  });

  it('same deadline: the larger outstanding first, then the debtor id', () => {
    const items = buildWorklist({
      rows: [
        ledgerRow({ row: 2, debtorId: 'B', outstanding: 5_000 }),
        ledgerRow({ row: 3, debtorId: 'A', outstanding: 5_000 }),
        ledgerRow({ row: 4, debtorId: 'C', outstanding: 3_000 }),
        ledgerRow({ row: 5, debtorId: 'C', outstanding: 4_000 }),
      ],
      findings: [2, 3, 4].map((r) => finding(r, 'EARLY_DUNNING')),
      asOf: AS_OF,
    });
    expect(order(items)).toEqual(['C', 'A', 'B']);
    expect(items.map((i) => i.outstanding)).toEqual([7_000, 5_000, 5_000]);
  });

  it('an item without any due date comes last in its tier', () => {
    const items = buildWorklist({
      rows: [ledgerRow({ row: 2, debtorId: 'A', due: null }), ledgerRow({ row: 3, debtorId: 'B', outstanding: 1 })],
      findings: [finding(2, 'HARDSHIP_NO_REFERRAL'), finding(3, 'HARDSHIP_NO_REFERRAL')],
      asOf: AS_OF,
    });
    expect(order(items)).toEqual(['B', 'A']);
    expect(items[1]!.deadline).toBeNull();
  });
});
