/**
 * What the worklist, the analysis and the service will call: the estimate for a claim on an as-of
 * day (the whole outstanding principal paid that day), and profiles looked up by claim type.
 */
import { describe, expect, it } from 'vitest';
import { parseISODay, type Day } from '../../../domain/calendar/day.js';
import {
  estimateLateCharge,
  lateChargeEstimate,
  LateChargeProfiles,
  rowLateChargeProfile,
} from '../../../domain/late-charge/index.js';
import { buildGrid, checkGrid, type Opts, type RowSpec } from '../rules/helpers.js';

const day = (iso: string): Day => parseISODay(iso)!;

describe('estimateLateCharge', () => {
  const req = { outstanding: 123_456, dueDate: day('2025-04-30'), asOf: day('2025-08-15') };

  it('counts by the claim type’s classification: tax-like for 公債権, civil for 私債権', () => {
    expect(estimateLateCharge({ ...req, claimType: '保育料' })).toBe(2400);
    expect(estimateLateCharge({ ...req, claimType: '令和7年度 市民税' })).toBe(2400);
    expect(estimateLateCharge({ ...req, claimType: '水道料金' })).toBe(Math.floor((123_456 * 300 * 107) / 3_650_000));
    expect(estimateLateCharge({ ...req, claimType: 'なにか', classification: '私債権' })).toBe(1085);
  });

  it('is null where it cannot be counted', () => {
    expect(estimateLateCharge({ ...req, claimType: 'なにか' })).toBeNull();
    expect(estimateLateCharge({ ...req, claimType: null })).toBeNull();
    expect(estimateLateCharge({ ...req, claimType: '保育料', outstanding: 0 })).toBeNull();
    expect(estimateLateCharge({ ...req, claimType: '保育料', outstanding: 1.5 })).toBeNull();
  });

  it('takes a city’s table: a claim type of its own (none, or other numbers) before its classification’s', () => {
    const city = new LateChargeProfiles({
      byClassification: {
        強制徴収公債権: { kind: 'tax-like' },
        非強制徴収公債権: { kind: 'none' },
        私債権: { kind: 'civil' },
      },
      claimTypes: [
        { names: ['保育料'], profile: { kind: 'none' } },
        { names: ['下水道使用料'], profile: { kind: 'tax-like', special: false } },
      ],
    });
    expect(estimateLateCharge({ ...req, claimType: '保育所保育料' }, city)).toBe(0);
    expect(estimateLateCharge({ ...req, claimType: '下水道使用料' }, city)).toBe(4500);
    expect(estimateLateCharge({ ...req, claimType: '行政財産使用料' }, city)).toBe(0);
    expect(estimateLateCharge({ ...req, claimType: '市民税' }, city)).toBe(2400);
  });
});

describe('lateChargeEstimate for a ledger row', () => {
  const opts: Opts = { asOf: '2025-08-15', claimType: '市民税' };
  const rowOf = (spec: RowSpec) => [...checkGrid(buildGrid([spec], opts), opts).checker.dataRows()][0]!;
  const open: RowSpec = { debtorId: 'E-1', assessedAmount: 123_456, dueDate: '2025-04-30', paidAmount: 0 };

  it('is the charge if the whole outstanding amount were paid on the as-of day', () => {
    const row = rowOf(open);
    const r = lateChargeEstimate(row, day('2025-08-15'), rowLateChargeProfile(row));
    expect(r).toMatchObject({ kind: 'tax-like', total: 2400, base: 123_000 });
    const part = rowOf({ ...open, paidAmount: 23_456 });
    expect(lateChargeEstimate(part, day('2025-08-15'), rowLateChargeProfile(part))?.base).toBe(100_000);
  });

  it('is null for a row with nothing outstanding, no due date, or no profile', () => {
    const paid = rowOf({ ...open, paidAmount: 123_456 });
    expect(lateChargeEstimate(paid, day('2025-08-15'), rowLateChargeProfile(paid))).toBeNull();
    expect(lateChargeEstimate(rowOf(open), day('2025-08-15'), null)).toBeNull();
  });
});
