/**
 * GET /oversight/worklist and the figures behind it: the service's check counts the worklist per
 * action and estimates the late charges from the stored rows, keeps them with each ledger's
 * aggregates, and sums them per claim and bureau within the caller's reach; counts and amounts
 * only, never a debtor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { LedgerInfo } from '../../../domain/sync/protocol.js';
import { syncedMapping } from '../../../domain/sync/server-grid.js';
import { buildWorklist, countByAction, type ActionCount } from '../../../domain/worklist/index.js';
import { AS_OF, LEDGER, makeRows, type RowSpec } from '../helpers/submissions.js';
import { A, B, buildWorld, CLAIM_NAMES, statuses, type World } from './world.js';

/** The domain's counts and estimate for rows as the service's grid holds them (ids in clear: one debtor each). */
function expected(specs: readonly RowSpec[], info: LedgerInfo) {
  const mapped = new Set(info.fields);
  const grid = [[], ...specs.map((s) => SYNC_FIELDS.map((f) => (mapped.has(f) ? (s[f] ?? null) : null)))];
  const asOf = parseISODay(AS_OF)!;
  const outcome = checkSheet(grid, { asOf, claimType: info.claimType, mapping: syncedMapping(info.fields) });
  if (!outcome.ok) throw new Error('not checked');
  const items = buildWorklist({ rows: outcome.checker.dataRows(), findings: outcome.result.findings, asOf });
  return { counts: countByAction(items), lateCharge: outcome.result.analysis.lateCharge.total.estimate };
}

const asAnswered = (counts: readonly ActionCount[]) =>
  counts.map((c) => ({ tier: c.tier, action: c.action, debtors: c.debtors, outstandingYen: c.outstanding }));

const plus = (a: readonly ActionCount[], b: readonly ActionCount[]) =>
  a.map((c, i) => ({ ...c, debtors: c.debtors + b[i]!.debtors, outstanding: c.outstanding + b[i]!.outstanding }));

let w: World;
const own = expected(makeRows(40, 0, 'O'), { ...LEDGER, claimType: CLAIM_NAMES.own });
const sibling = expected(makeRows(25, 100, 'S'), { ...LEDGER, claimType: CLAIM_NAMES.sibling });
const foreign = expected(makeRows(30, 200, 'F'), { ...LEDGER, claimType: CLAIM_NAMES.foreign });

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const answer = (token: string) => w.call('GET', '/api/v1/oversight/worklist', token);

describe('GET /oversight/worklist', () => {
  it('is for accounting and finance only', async () => {
    const { got, want } = await statuses(w, 'GET', '/api/v1/oversight/worklist', {
      accOwn: 200,
      accForeign: 200,
      finance: 200,
    });
    expect(got).toEqual(want);
  });

  it('gives per claim what the engine counts on the stored rows: debtors and outstanding per action, and the estimate', async () => {
    const r = await answer(w.t.finance);
    expect(r.status, r.text).toBe(200);
    const claim = (name: string) => r.json.claims.find((c: { claim: { name: string } }) => c.claim.name === name);
    // The pending ledger never had a submission accepted: not in the sums.
    expect(claim(CLAIM_NAMES.own)).toMatchObject({
      ledgers: 1,
      ledgersCounted: 1,
      outstandingYen: w.outstanding.own,
      lateChargeEstimateYen: own.lateCharge,
      byAction: asAnswered(own.counts),
    });
    expect(claim(CLAIM_NAMES.foreign).byAction).toEqual(asAnswered(foreign.counts));
    // The rows are old enough for both: some debtor one step from prescription, and a charge owed.
    expect(own.counts[0]).toMatchObject({ tier: 1, action: 'stopPrescription' });
    expect(own.counts.reduce((n, c) => n + c.debtors, 0)).toBeGreaterThan(0);
    expect(own.lateCharge).toBeGreaterThan(0);
    expect(claim(CLAIM_NAMES.noLedger)).toBeUndefined();
  });

  it('sums bureau by bureau, and in total', async () => {
    const r = await answer(w.t.finance);
    expect(r.json.bureaus.map((b: { bureau: { name: string } }) => b.bureau.name)).toEqual([A.bureau, B.bureau]);
    const [a, b] = r.json.bureaus;
    expect(a).toMatchObject({
      ledgers: 2,
      outstandingYen: w.outstanding.own + w.outstanding.sibling,
      lateChargeEstimateYen: own.lateCharge + sibling.lateCharge,
      byAction: asAnswered(plus(own.counts, sibling.counts)),
    });
    expect(b.byAction).toEqual(asAnswered(foreign.counts));
    expect(r.json.total.byAction).toEqual(asAnswered(plus(plus(own.counts, sibling.counts), foreign.counts)));
    expect(r.json.total.lateChargeEstimateYen).toBe(own.lateCharge + sibling.lateCharge + foreign.lateCharge);
  });

  it('gives accounting its own bureau only, and names no debtor', async () => {
    const mine = await answer(w.t.accOwn);
    expect(mine.json.bureaus.map((b: { bureau: { name: string } }) => b.bureau.name)).toEqual([A.bureau]);
    expect(mine.text).not.toContain(B.bureau);
    const foreignAnswer = await answer(w.t.accForeign);
    expect(foreignAnswer.json.claims.map((c: { claim: { name: string } }) => c.claim.name)).toEqual([
      CLAIM_NAMES.foreign,
    ]);
    for (const x of [mine, foreignAnswer]) expect(x.text).not.toMatch(/[OSF]-\d{7}/);
  });

  it('shows the claim’s estimate beside its current amount in the flagged claims', async () => {
    const r = await w.call('GET', '/api/v1/oversight/claims?fy=2024&all=true', w.t.finance);
    const claim = (name: string) => r.json.claims.find((c: { claim: { name: string } }) => c.claim.name === name);
    expect(claim(CLAIM_NAMES.own).lateChargeEstimateYen).toBe(own.lateCharge);
    expect(claim(CLAIM_NAMES.noLedger)).toMatchObject({ currentYen: null, lateChargeEstimateYen: null });
  });
});
