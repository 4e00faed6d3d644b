/** The accounting division's view of submissions and its chase list; the period finance sets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, B, buildWorld, CLAIM_NAMES, FY, JAPANESE, setLastSubmitted, statuses, type World } from './world.js';

let w: World;
const DAY = 86_400_000;
beforeAll(async () => {
  w = await buildWorld();
  // 70 days ago is before the start of last month, whatever today is: late under the monthly default.
  await setLastSubmitted(w, w.ledgers.sibling, new Date(Date.now() - 70 * DAY));
});
afterAll(() => w?.close());

const oversight = (token: string) => w.call('GET', `/api/v1/oversight/submissions?fy=${FY}`, token);
const chaseOf = (r: { json: { chase: { kind: string; ledgerId: string | null; claim: { name: string } }[] } }) =>
  r.json.chase.map((c) => (c.kind === 'ledger' ? c.ledgerId : `claim:${c.claim.name}`)).sort();

describe('GET /oversight/submissions', () => {
  it('is for accounting and finance only', async () => {
    const { got, want } = await statuses(w, 'GET', `/api/v1/oversight/submissions?fy=${FY}`, {
      accOwn: 200,
      accForeign: 200,
      finance: 200,
    });
    expect(got).toEqual(want);
  });

  it('lists every ledger of the bureau with last submission, as-of, revision and findings by rule', async () => {
    const r = await oversight(w.t.accOwn);
    expect(r.status).toBe(200);
    const ids = r.json.ledgers.map((l: { id: string }) => l.id).sort();
    expect(ids).toEqual([w.ledgers.own, w.ledgers.pending, w.ledgers.sibling].sort());
    expect(r.text).not.toContain(B.bureau);
    const own = r.json.ledgers.find((l: { id: string }) => l.id === w.ledgers.own);
    const ledger = (await w.call('GET', `/api/v1/ledgers/${w.ledgers.own}`, w.t.accOwn)).json;
    expect(own).toMatchObject({
      revision: 1,
      asOf: '2025-03-31',
      state: 'ok',
      lastSubmittedAt: ledger.lastSubmittedAt,
      outstandingYen: w.outstanding.own,
      division: { name: A.own },
      claim: { name: CLAIM_NAMES.own },
      findings: { error: ledger.findings.bySeverity.error, warning: ledger.findings.bySeverity.warning },
    });
    expect(own.findings.error + own.findings.warning).toBeGreaterThan(0);
    const byRule = Object.fromEntries(
      own.findings.byRule.map((f: { rule: string; count: number }) => [f.rule, f.count]),
    );
    expect(byRule).toEqual(ledger.findings.byRule);
    for (const f of own.findings.byRule) expect(['error', 'warning', 'info']).toContain(f.severity);
  });

  it('chases a ledger never sent, a late one, and a planned claim without ledger', async () => {
    const r = await oversight(w.t.accOwn);
    expect(chaseOf(r)).toEqual([w.ledgers.pending, w.ledgers.sibling, `claim:${CLAIM_NAMES.noLedger}`].sort());
    const pending = r.json.chase.find((c: { ledgerId: string }) => c.ledgerId === w.ledgers.pending);
    expect(pending).toMatchObject({ reason: 'never', lastSubmittedAt: null, division: { name: A.own } });
    const late = r.json.chase.find((c: { ledgerId: string }) => c.ledgerId === w.ledgers.sibling);
    expect(late).toMatchObject({ reason: 'late', division: { name: A.sibling } });
    expect(Date.parse(late.dueAt)).toBeLessThan(Date.now());
    const claim = r.json.chase.find((c: { kind: string }) => c.kind === 'claim');
    expect(claim).toMatchObject({ reason: 'no-ledger', ledgerId: null, division: { name: A.own } });
    for (const c of r.json.chase) expect(Object.keys(c)).not.toContain('reasonLabel');
    for (const l of r.json.ledgers) expect(Object.keys(l)).not.toContain('stateLabel');
    expect(r.json.totals).toMatchObject({ ledgers: 3, ok: 1, late: 1, never: 1, claimsWithoutLedger: 1 });
    expect(r.json.period).toEqual({ kind: 'monthly', day: 10 });
  });

  it('gives another bureau’s accounting its own ledgers only, and finance the city', async () => {
    const foreign = await oversight(w.t.accForeign);
    expect(foreign.json.ledgers.map((l: { id: string }) => l.id)).toEqual([w.ledgers.foreign]);
    expect(foreign.json.chase).toEqual([]);
    expect(foreign.text).not.toContain(A.bureau);
    const city = await oversight(w.t.finance);
    expect(city.json.ledgers).toHaveLength(4);
    expect(chaseOf(city)).toHaveLength(3);
  });
});

describe('the submission period', () => {
  const path = '/api/v1/settings/submission-period';

  it('is read by every role but admin, and set by finance only', async () => {
    const get = await statuses(w, 'GET', path, { divOwn: 200, divSibling: 200, divForeign: 200, accOwn: 200, accForeign: 200, finance: 200 }); // prettier-ignore
    expect(get.got).toEqual(get.want);
    const put = await statuses(w, 'PUT', path, { finance: 200 }, () => ({ kind: 'monthly', day: 10 }));
    expect(put.got).toEqual(put.want);
  });

  it('changes who is late: 100 days forgives the late ledger, 31 days does not', async () => {
    const set = await w.call('PUT', path, w.t.finance, { kind: 'days', days: 100 });
    expect(set.json).toMatchObject({ period: { kind: 'days', days: 100 }, isDefault: false });
    expect(Object.keys(set.json.window).sort()).toEqual(['deadline', 'nextDeadline', 'since']);
    expect(chaseOf(await oversight(w.t.accOwn))).toEqual([w.ledgers.pending, `claim:${CLAIM_NAMES.noLedger}`].sort());
    await w.call('PUT', path, w.t.finance, { kind: 'days', days: 31 });
    expect(chaseOf(await oversight(w.t.accOwn))).toContain(w.ledgers.sibling);
    expect((await w.call('GET', path, w.t.divOwn)).json.period).toEqual({ kind: 'days', days: 31 });
    const audit = await w.svc.service.db.all("SELECT * FROM audit_log WHERE entity = 'setting'");
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a period it cannot apply, in Japanese', async () => {
    for (const body of [{ kind: 'monthly', day: 31 }, { days: 31 }, { kind: 'days', days: 0 }, { kind: 'weekly' }]) {
      const r = await w.call('PUT', path, w.t.finance, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.message).toMatch(JAPANESE);
    }
  });
});
