/** The annual plan as the pane edits it: scoping, versions and history, validation, 見込/確定. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES } from '../../../domain/plans/measures.js';
import { TEMPLATE_HEADER, toCsv } from '../plans/fixtures.js';
import { A, buildWorld, CLAIM_NAMES, FY, JAPANESE, statuses, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const planPath = (claimId: number, fy = FY) => `/api/v1/claims/${claimId}/plans/${fy}`;
const edit = {
  baselineYen: 500_000_000,
  targetYen: 440_000_000,
  measureIds: ['staged-escalation', 'early-dunning'],
  measures: '6月と12月に集中催告期間を設ける',
  milestones: [
    { month: '2024-12', outstandingYen: 470_000_000 },
    { month: '2024-09', outstandingYen: 485_000_000 },
  ],
};

describe('the measure catalogue and the claims within reach', () => {
  it('lists the seed’s measures with Japanese labels for every reader, not for admin', async () => {
    const r = await w.call('GET', '/api/v1/measures', w.t.divOwn);
    expect(r.status).toBe(200);
    expect(r.json.measures.map((m: { id: string }) => m.id)).toEqual(MEASURES.map((m) => m.id));
    for (const m of r.json.measures) expect(m.label).toMatch(JAPANESE);
    expect(r.json.escalationSteps).toEqual(['文書', 'SMS', 'オートコール', '電話', '勤務先', '臨戸']);
    expect((await w.call('GET', '/api/v1/measures', w.t.admin)).status).toBe(403);
  });

  it('gives each caller the claims of its own reach, with plan version and ledger count', async () => {
    const names = async (token: string) =>
      ((await w.call('GET', `/api/v1/claims?fy=${FY}`, token)).json.claims as { name: string }[])
        .map((c) => c.name)
        .sort();
    expect(await names(w.t.divOwn)).toEqual([CLAIM_NAMES.noLedger, CLAIM_NAMES.own].sort());
    expect(await names(w.t.divSibling)).toEqual([CLAIM_NAMES.sibling]);
    expect(await names(w.t.accOwn)).toEqual([CLAIM_NAMES.noLedger, CLAIM_NAMES.own, CLAIM_NAMES.sibling].sort());
    expect(await names(w.t.accForeign)).toEqual([CLAIM_NAMES.foreign]);
    expect(await names(w.t.finance)).toHaveLength(4);
    const own = (await w.call('GET', `/api/v1/claims?fy=${FY}`, w.t.divOwn)).json.claims.find(
      (c: { name: string }) => c.name === CLAIM_NAMES.own,
    );
    expect(own).toMatchObject({ planVersion: 1, ledgers: 2, division: { name: A.own }, bureau: { name: A.bureau } });
    expect((await w.call('GET', `/api/v1/claims?fy=${FY}`, w.t.admin)).status).toBe(403);
    expect((await w.call('GET', '/api/v1/claims', w.t.finance)).json.code).toBe('invalid-fiscal-year');
  });
});

describe('GET a plan', () => {
  it('is for the division itself, its bureau’s accounting and finance', async () => {
    const { got, want } = await statuses(w, 'GET', planPath(w.claims.own), { divOwn: 200, accOwn: 200, finance: 200 });
    expect(got).toEqual(want);
  });

  it('shows the imported plan with the baseline as 見込', async () => {
    const r = await w.call('GET', planPath(w.claims.own), w.t.accOwn);
    expect(r.json.plan).toMatchObject({
      fiscalYear: FY,
      baselineYen: 500_000_000,
      targetYen: 450_000_000,
      baselineSettled: false,
      measures: '電話催告',
      measureIds: [],
      milestones: [],
      version: 1,
    });
    expect(r.json.claim).toMatchObject({ name: CLAIM_NAMES.own, division: { name: A.own } });
  });

  it('answers 404 for an unknown claim, a malformed id, or a year without plan', async () => {
    for (const path of [planPath(999_999), '/api/v1/claims/abc/plans/2024', planPath(w.claims.own, 2030)]) {
      const r = await w.call('GET', path, w.t.finance);
      expect(r.status, path).toBe(404);
      expect(r.json.message).toMatch(JAPANESE);
    }
    expect((await w.call('GET', '/api/v1/claims/1/plans/xx', w.t.finance)).json.code).toBe('invalid-fiscal-year');
  });
});

describe('PUT a plan', () => {
  it('versions every change with who and when, and keeps the history newest first', async () => {
    const r = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, edit);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ created: false, changed: true });
    expect(r.json.plan).toMatchObject({
      version: 2,
      targetYen: 440_000_000,
      // Catalogue order and month order, whatever order they were sent in.
      measureIds: ['early-dunning', 'staged-escalation'],
      chosenMeasures: [{ id: 'early-dunning', label: '滞納初期の催告' }, { id: 'staged-escalation' }],
      milestones: [
        { month: '2024-09', outstandingYen: 485_000_000 },
        { month: '2024-12', outstandingYen: 470_000_000 },
      ],
    });
    const again = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, edit);
    expect(again.json).toMatchObject({ changed: false, plan: { version: 2 } });

    const h = await w.call('GET', `${planPath(w.claims.own)}/history`, w.t.accOwn);
    expect(h.status).toBe(200);
    expect(h.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(h.json.versions[0]).toMatchObject({ targetYen: 440_000_000, changedBy: { role: 'division' } });
    expect(h.json.versions[1]).toMatchObject({
      targetYen: 450_000_000,
      measures: '電話催告',
      changedBy: { role: 'finance' },
    });
    for (const v of h.json.versions) expect(Date.parse(v.changedAt)).toBeGreaterThan(0);
    const audit = await w.svc.service.db.all<{ action: string; details: string }>(
      'SELECT action, details FROM audit_log WHERE entity = \'plan\' AND details LIKE \'%"via":"edit"%\'',
    );
    expect(audit.map((a) => a.action)).toEqual(['update']);
  });

  it('is for the division itself and finance only', async () => {
    const body = { ...edit, targetYen: 79_000_000, baselineYen: 80_000_000, milestones: [] };
    const { got, want } = await statuses(w, 'PUT', planPath(w.claims.sibling), { divSibling: 200, finance: 200 }, () => body); // prettier-ignore
    expect(got).toEqual(want);
    const history = await w.call('GET', `${planPath(w.claims.sibling)}/history`, w.t.finance);
    expect(history.json.versions).toHaveLength(2);
  });

  it('creates the plan of a new fiscal year (201)', async () => {
    const r = await w.call('PUT', planPath(w.claims.own, 2025), w.t.divOwn, { ...edit, milestones: [] });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ created: true, plan: { version: 1, fiscalYear: 2025 } });
  });

  it('refuses what does not fit, in Japanese, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...edit, targetYen: -1 }, 'targetYen'],
      [{ ...edit, baselineYen: 1.5 }, 'baselineYen'],
      [{ ...edit, measureIds: ['magic'] }, 'measureIds.0'],
      [{ ...edit, milestones: [{ month: '2025-04', outstandingYen: 1 }] }, 'milestones.0.month'],
      [{ ...edit, milestones: [{ month: '2024-13', outstandingYen: 1 }] }, 'milestones.0.month'],
      [{ ...edit, milestones: [edit.milestones[0], edit.milestones[0]] }, 'milestones.1.month'],
      [{ ...edit, extra: 1 }, ''],
      [{ targetYen: 1 }, 'baselineYen'],
    ];
    for (const [body, path] of cases) {
      const r = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.code).toBe('invalid-input');
      expect(r.json.message).toMatch(JAPANESE);
      expect(r.json.details.map((d: { path: string }) => d.path)).toContain(path);
      for (const d of r.json.details) expect(d.problem).toMatch(JAPANESE);
    }
  });

  it('refuses a save based on an older version (409)', async () => {
    const r = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, { ...edit, targetYen: 1, expectedVersion: 1 });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ code: 'version-conflict', details: { currentVersion: 2 } });
    const ok = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, { ...edit, expectedVersion: 2 });
    expect(ok.json).toMatchObject({ changed: false });
  });

  it('keeps the chosen measures through finance’s re-import, and in the replaced version', async () => {
    const csv = toCsv([[A.bureau, A.own, CLAIM_NAMES.own, '強制徴収公債権', '2024', 500_000_000, 430_000_000, '電話催告']], TEMPLATE_HEADER); // prettier-ignore
    expect((await w.call('POST', '/api/v1/plans/import', w.t.finance, csv)).status).toBe(200);
    const h = await w.call('GET', `${planPath(w.claims.own)}/history`, w.t.divOwn);
    expect(h.json.versions[0]).toMatchObject({ version: 3, targetYen: 430_000_000, measureIds: ['early-dunning', 'staged-escalation'] }); // prettier-ignore
    expect(h.json.versions[1]).toMatchObject({ version: 2, measureIds: ['early-dunning', 'staged-escalation'] });
  });

  it('once finance settles last year (確定), only finance may change the baseline', async () => {
    expect((await w.call('POST', `/api/v1/settlements/${FY - 1}`, w.t.finance)).status).toBe(201);
    const current = (await w.call('GET', planPath(w.claims.own), w.t.divOwn)).json.plan;
    expect(current).toMatchObject({ baselineSettled: true });
    const body = { ...edit, targetYen: current.targetYen, measures: current.measures };
    const refused = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, { ...body, baselineYen: 1 });
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('baseline-settled');
    const target = await w.call('PUT', planPath(w.claims.own), w.t.divOwn, { ...body, targetYen: 420_000_000 });
    expect(target.json).toMatchObject({ changed: true, plan: { targetYen: 420_000_000, baselineYen: 500_000_000 } });
    const finance = await w.call('PUT', planPath(w.claims.own), w.t.finance, { ...body, targetYen: 420_000_000, baselineYen: 499_000_000 }); // prettier-ignore
    expect(finance.json).toMatchObject({ changed: true, plan: { baselineYen: 499_000_000, baselineSettled: true } });
  });
});
