/**
 * `IncrementalCheck`: rows added batch by batch in sheet order give exactly `checkLedgerRows` of
 * all of them (what the apply uses the check thread's result for); out of order, it says so.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncRowValues } from '../../../domain/sync/protocol.js';
import { checkLedgerRows, IncrementalCheck, type CheckedRow } from '../../../server/sync/check.js';
import { AS_OF, LEDGER, makeRows, upsertsFor } from '../helpers/submissions.js';

let pool: SyncRowValues[];
beforeAll(async () => {
  pool = (await upsertsFor(makeRows(400))).map((u) => u.values);
});

const IDENTITY = ['debtorId', 'fiscalYear', 'period', 'assessmentNo'] as const;

/** A row of the pool, or a duplicate of another one's identity, a blank row, an unreadable amount. */
const rowArb = fc
  .record({
    from: fc.nat(),
    kind: fc.constantFrom('row', 'row', 'row', 'duplicate', 'blank', 'unreadable', 'partial'),
    other: fc.nat(),
  })
  .map(({ from, kind, other }): SyncRowValues => {
    const v = { ...pool[from % pool.length]! };
    if (kind === 'duplicate') {
      const o = pool[other % pool.length]!;
      for (const f of IDENTITY) v[f] = o[f];
    } else if (kind === 'blank') return {};
    else if (kind === 'unreadable') v.paidAmount = '1,000円?';
    else if (kind === 'partial') delete v.dueDate;
    return v;
  });

/** Rows in sheet order (rows may share a sheet row: then by key), cut into batches. */
const sheetArb = fc
  .record({
    values: fc.array(rowArb, { minLength: 0, maxLength: 120 }),
    gaps: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 120, maxLength: 120 }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ values, gaps, cuts }) => {
    let sheetRow = 2;
    const rows: CheckedRow[] = values.map((v, i) => {
      sheetRow += gaps[i]!;
      return { key: `${String(i).padStart(4, '0')}`, sheetRow, values: v };
    });
    const ends = [...new Set(cuts.map((c) => c % (rows.length + 1))), rows.length].sort((a, b) => a - b);
    return { rows, ends };
  });

describe('IncrementalCheck', () => {
  it('gives checkLedgerRows of all the rows when they come in sheet order', () => {
    fc.assert(
      fc.property(sheetArb, ({ rows, ends }) => {
        const inc = new IncrementalCheck(LEDGER, AS_OF);
        let from = 0;
        for (const end of ends) {
          inc.add(rows.slice(from, end));
          from = end;
        }
        expect(inc.inOrder).toBe(true);
        expect(inc.count).toBe(rows.length);
        expect(inc.result()).toEqual(checkLedgerRows([...rows], LEDGER, AS_OF));
      }),
      { numRuns: 150 },
    );
  });

  it('finds findings, duplicates included, as the full check does', () => {
    const rows: CheckedRow[] = pool.slice(0, 50).map((values, i) => ({ key: `k${i}`, sheetRow: i + 2, values }));
    rows.push({ key: 'k50', sheetRow: 60, values: { ...pool[3]! } });
    const inc = new IncrementalCheck(LEDGER, AS_OF);
    inc.add(rows.slice(0, 20));
    inc.add(rows.slice(20));
    const full = checkLedgerRows([...rows], LEDGER, AS_OF);
    expect(full.findings.byRule.DUPLICATE_ROW).toBe(1);
    expect(inc.result()).toEqual(full);
  });

  it('gives the blank result for blank rows only, as the full check does', () => {
    const rows: CheckedRow[] = [1, 2, 3].map((i) => ({ key: `k${i}`, sheetRow: i + 1, values: {} }));
    const inc = new IncrementalCheck(LEDGER, AS_OF);
    inc.add(rows);
    expect(inc.result()).toEqual(checkLedgerRows([...rows], LEDGER, AS_OF));
    expect(inc.result().aggregates.rowCount).toBe(3);
  });

  it('says when rows did not come in sheet order', () => {
    const rows: CheckedRow[] = pool.slice(0, 4).map((values, i) => ({ key: `k${i}`, sheetRow: i + 2, values }));
    const swapped = new IncrementalCheck(LEDGER, AS_OF);
    swapped.add([rows[0]!, rows[2]!]);
    swapped.add([rows[1]!, rows[3]!]);
    expect(swapped.inOrder).toBe(false);
    const sameRow = new IncrementalCheck(LEDGER, AS_OF);
    sameRow.add([
      { ...rows[0]!, key: 'b' },
      { ...rows[1]!, key: 'a', sheetRow: rows[0]!.sheetRow },
    ]);
    expect(sameRow.inOrder).toBe(false);
  });
});
