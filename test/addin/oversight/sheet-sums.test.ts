/** Sums past 2^53 arrive as decimal strings (domain/reports/exact.ts): the pane reads them, not refuses them. */
import { describe, expect, it } from 'vitest';
import { ReportClaims, Targets } from '../../../addin/oversight/sheet-sums.js';

const row = (yen: number | string) => ({
  bureau: '財政局',
  baselineYen: yen,
  targetYen: yen,
  diffYen: 0,
  ratioHundredths: null,
  cells: ['財政局', '1', '1', '0', '-'],
  currentYen: yen,
  claims: 1,
  claimsReporting: 1,
});

describe('sums in the report answers', () => {
  it('takes a number or the digits of one too large for a double', () => {
    const t = Targets.parse({
      fiscalYear: 2024,
      settled: false,
      title: 't',
      unitLine: 'u',
      headers: ['a', 'b', 'c', 'd', 'e'],
      note: 'n',
      bureaus: [row(1234), row('18014398509481982')],
      total: row('-18014398509481982'),
    });
    expect(t.bureaus.map((b) => b.targetYen)).toEqual([1234, 18014398509481982]);
    expect(t.total.currentYen).toBe(-18014398509481982);
    expect(() => Targets.parse({ ...t, total: row('1e3') })).toThrow();
  });

  it('in the claims report as well', () => {
    const claim = {
      planVersion: 1,
      bureau: 'b',
      division: 'd',
      claim: 'c',
      classification: null,
      baselineYen: '9007199254740993',
      targetYen: 1,
      currentYen: null,
      gapYen: '-9007199254740993',
      ledgers: 0,
      asOf: null,
      growing: null,
      behindPlan: null,
    };
    const r = ReportClaims.parse({ claims: [claim], divisions: [] });
    expect(typeof r.claims[0]!.baselineYen).toBe('number');
    expect(r.claims[0]!.gapYen).toBeLessThan(0);
  });
});
