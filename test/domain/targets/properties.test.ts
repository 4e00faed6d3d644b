import fc from 'fast-check';
import type { JsonInteger } from '../../../domain/reports/exact.js';
import { describe, expect, it } from 'vitest';
import {
  buildTargetTable,
  formatThousandYen,
  ratioHundredths,
  thousandsRounded,
  type PlanLine,
} from '../../../domain/targets/index.js';

// Yen up to 10^15 either way, and plans small enough that a city's sum stays an exact number.
const yen = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(Number);
const planYen = fc.bigInt({ min: 0n, max: 10n ** 13n }).map(Number);
const bureaus = ['総務局', '財政局', '健康福祉局', '交通局', '上下水道局'];
const planLine: fc.Arbitrary<PlanLine> = fc.record({
  bureau: fc.constantFrom(...bureaus),
  division: fc.constantFrom('一課', '二課'),
  claim: fc.constantFrom('甲', '乙', '丙'),
  fiscalYear: fc.constantFrom(2023, 2024),
  baselineYen: planYen,
  targetYen: planYen,
});

describe('properties', () => {
  it('the total row’s yen are the sums of the bureau rows’ yen', () => {
    fc.assert(
      fc.property(
        fc.array(planLine, { maxLength: 40 }),
        fc.subarray(bureaus),
        fc.boolean(),
        (lines, order, settled) => {
          const table = buildTargetTable(lines, { fiscalYear: 2024, bureauOrder: order, settled });
          const sum = (pick: (r: (typeof table.rows)[number]) => JsonInteger) =>
            table.rows.reduce((s, r) => s + Number(pick(r)), 0);
          expect(table.total.baselineYen).toBe(sum((r) => r.baselineYen));
          expect(table.total.targetYen).toBe(sum((r) => r.targetYen));
          expect(table.total.diffYen).toBe(sum((r) => r.diffYen));
          const yearLines = lines.filter((l) => l.fiscalYear === 2024);
          expect(table.total.baselineYen).toBe(yearLines.reduce((s, l) => s + l.baselineYen, 0));
          // Every bureau of the order appears, and no bureau twice.
          const shown = table.rows.map((r) => r.bureau);
          expect(new Set(shown).size).toBe(shown.length);
          expect(shown.slice(0, order.length)).toEqual(order);
        },
      ),
    );
  });

  it('a negative amount prints as △ and a space, then the rounded absolute value', () => {
    fc.assert(
      fc.property(yen, (y) => {
        const k = thousandsRounded(y);
        const text = formatThousandYen(y);
        expect(text.startsWith('△ ')).toBe(k < 0);
        expect(Number(text.replace('△ ', '').replace(/,/g, ''))).toBe(Math.abs(k));
        expect(text).toMatch(/^(△ )?(0|[1-9]\d{0,2}(,\d{3})*)$/);
      }),
    );
  });

  it('thousandsRounded is monotone, odd, and within 500 yen', () => {
    fc.assert(
      fc.property(yen, yen, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(thousandsRounded(lo)).toBeLessThanOrEqual(thousandsRounded(hi));
        expect(thousandsRounded(-a)).toBe(-thousandsRounded(a) || 0);
        expect(Math.abs(a - thousandsRounded(a) * 1000)).toBeLessThanOrEqual(500);
      }),
    );
  });

  it('ratioHundredths is the nearest hundredth, ties away from zero', () => {
    fc.assert(
      fc.property(yen, yen, (t, b) => {
        const h = ratioHundredths(t, b);
        if (b === 0) {
          expect(h).toBeNull();
          return;
        }
        // |t·10⁴ − h·b| ≤ |b|/2, with equality only when h is the value farther from zero.
        const err = 2n * (BigInt(t) * 10_000n - (h as bigint) * BigInt(b));
        const absB = BigInt(Math.abs(b));
        expect(err <= absB && err >= -absB).toBe(true);
        const abs = (n: bigint) => (n < 0n ? -n : n);
        if (abs(err) === absB) expect(abs(h as bigint) * absB > abs(BigInt(t) * 10_000n)).toBe(true);
      }),
    );
  });
});
