/**
 * Properties of any worklist: its order depends on the rows and findings, not on the order they
 * come in; every debtor with an open row and a finding from the table appears exactly once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../domain/rules/rule.js';
import {
  actionOfRule,
  buildWorklist,
  compareWorklistItems,
  debtorKey,
  isOpen,
} from '../../../domain/worklist/index.js';
import { day, finding, ledgerRow } from './helpers.js';

const AS_OF = day('2025-03-31');

/** A few debtors, each written several ways (全角, padded), so grouping is exercised. */
const ID_FORMS = ['1001', '１００１', ' 1001', '1002', '１００２　', 'A-1', 'Ａ－１', null] as const;

const ledger = fc
  .array(
    fc.record({
      id: fc.constantFrom(...ID_FORMS),
      outstanding: fc.constantFrom(0, 1_000, 5_000, 12_345, null),
      due: fc.constantFrom('2019-06-30', '2024-04-30', '2024-12-27', null),
      writtenOff: fc.boolean(),
      rules: fc.uniqueArray(fc.constantFrom(...RULE_IDS), { maxLength: 3 }),
      end: fc.constantFrom('2025-05-01', '2025-08-31'),
    }),
    { maxLength: 25 },
  )
  .map((specs) => {
    const rows = specs.map((s, i) =>
      ledgerRow({
        row: i + 2,
        debtorId: s.id,
        outstanding: s.outstanding,
        due: s.due,
        v: s.writtenOff ? { writeOffDate: day('2024-03-31') } : {},
      }),
    );
    const findings = specs.flatMap((s, i) =>
      s.rules.map((r) => finding(i + 2, r, r === 'PRESCRIPTION_IMMINENT' ? { prescriptionEnd: s.end } : {})),
    );
    return { rows, findings };
  });

describe('worklist properties', () => {
  it('the same list whatever the order of rows and findings', () => {
    fc.assert(
      fc.property(ledger, fc.integer(), ({ rows, findings }, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, 2654435761 ^ seed) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const a = buildWorklist({ rows, findings, asOf: AS_OF });
        const b = buildWorklist({ rows: shuffle(rows), findings: shuffle(findings), asOf: AS_OF });
        expect(b).toEqual(a);
      }),
    );
  });

  it('every debtor with an open row and a tier finding exactly once, ranked in order', () => {
    fc.assert(
      fc.property(ledger, ({ rows, findings }) => {
        const items = buildWorklist({ rows, findings, asOf: AS_OF });
        const expected = new Set<string>();
        for (const r of rows) {
          const id = debtorKey(r);
          if (id !== null && isOpen(r) && findings.some((f) => f.row === r.row && actionOfRule(f.rule)))
            expected.add(id);
        }
        expect(items.map((i) => i.debtorId).sort()).toEqual([...expected].sort());
        items.forEach((item, i) => {
          expect(item.rank).toBe(i + 1);
          if (i > 0) expect(compareWorklistItems(items[i - 1]!, item)).toBeLessThan(0);
        });
      }),
    );
  });
});
