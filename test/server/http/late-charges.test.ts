/**
 * The city's late-charge table on the service: the built-in one until finance saves, a save that
 * names a stale version refused, a year's 特例 rates added alone, each change audited with no more
 * than claim names and years, and a bad table refused whole in Japanese with nothing written.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityLateCharges } from '../../../domain/api/late-charges.js';
import { DEFAULT_LATE_CHARGE_TABLE, LateChargeProfiles } from '../../../domain/late-charge/index.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import type { ReadField } from '../../../domain/engine/ledger-row.js';

let svc: TestService;
let finance: string;
let division: string;

const PATH = '/api/v1/late-charges';
const as = (token: string) => ({
  get: () => request(svc.url).get(PATH).set('Authorization', `Bearer ${token}`),
  put: (path: string, body: unknown) =>
    request(svc.url)
      .put(path)
      .set('Authorization', `Bearer ${token}`)
      .send(body as object),
});

beforeAll(async () => {
  svc = await startTestService();
  finance = await svc.makeToken('finance');
  division = await svc.makeToken('division', '健康福祉局', '保険年金課');
});
afterAll(() => svc.close());

describe('the city’s late-charge table', () => {
  it('is the built-in table, version 0, until finance saves one', async () => {
    const r = await as(division).get().expect(200);
    expect(CityLateCharges.parse(r.body)).toEqual({
      source: 'builtin',
      version: 0,
      updatedAt: null,
      table: DEFAULT_LATE_CHARGE_TABLE,
    });
  });

  it('takes a save naming the version read, refuses one naming an older version, and audits each', async () => {
    const table = { ...DEFAULT_LATE_CHARGE_TABLE, claimTypes: [{ names: ['保育料'], profile: { kind: 'none' } }] };
    const saved = await as(finance).put(PATH, { version: 0, table }).expect(200);
    expect(saved.body).toMatchObject({ source: 'service', version: 1, table });
    const stale = await as(finance).put(PATH, { version: 0, table: DEFAULT_LATE_CHARGE_TABLE }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', details: { currentVersion: 1 } });
    expect(stale.body.message).toContain('他の人が先に更新しました');
    expect((await as(division).get()).body.table).toEqual(table);
    const audit = await svc.service.db.all<{ action: string; revision: number; details: string }>(
      "SELECT action, revision, details FROM audit_log WHERE entity = 'late-charges' ORDER BY id",
    );
    expect(audit).toEqual([
      {
        action: 'late-charges.save',
        revision: 1,
        details: JSON.stringify({ claimTypes: ['保育料'], specialRateYears: [] }),
      },
    ]);
  });

  it("adds a year's 特例 rates alone, keeping the rest, and the profiles made from it count with them", async () => {
    const before = (await as(finance).get()).body as CityLateCharges;
    const r = await as(finance).put(`${PATH}/special-rates/2027`, { first: '2.9', second: 9.2 }).expect(200);
    const after = CityLateCharges.parse(r.body);
    expect(after.version).toBe(before.version + 1);
    expect(after.table.claimTypes).toEqual(before.table.claimTypes);
    expect(after.table.specialRates).toEqual([{ year: 2027, first: '2.9', second: 9.2 }]);
    // Replacing the year keeps one line for it.
    await as(finance).put(`${PATH}/special-rates/2027`, { first: '3.0', second: '9.3' }).expect(200);
    const last = CityLateCharges.parse((await as(division).get()).body);
    expect(last.table.specialRates).toEqual([{ year: 2027, first: '3.0', second: '9.3' }]);
    expect(new LateChargeProfiles(last.table).specialRates.at(-1)).toEqual({ year: 2027, firstBp: 300, secondBp: 930 });
  });

  it('refuses a bad table or rate whole, in Japanese, and writes nothing', async () => {
    const { version } = (await as(finance).get()).body as CityLateCharges;
    const bad = [
      [PATH, { version, table: { ...DEFAULT_LATE_CHARGE_TABLE, claimTypes: [{ names: [], profile: { kind: 'x' } }] } }],
      [PATH, { version, table: DEFAULT_LATE_CHARGE_TABLE, extra: 1 }],
      [`${PATH}/special-rates/2027`, { first: '2.9%%', second: '9.2' }],
      [`${PATH}/special-rates/1999`, { first: '2.9', second: '9.2' }],
      [`${PATH}/special-rates/20x7`, { first: '2.9', second: '9.2' }],
    ] as const;
    for (const [path, body] of bad) {
      const r = await as(finance).put(path, body).expect(400);
      expect(r.body.code).toBe('invalid-input');
      expect(r.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect(((await as(finance).get()).body as CityLateCharges).version).toBe(version);
  });

  it('is changed by finance only', async () => {
    await as(division).put(PATH, { version: 0, table: DEFAULT_LATE_CHARGE_TABLE }).expect(403);
    await as(division).put(`${PATH}/special-rates/2027`, { first: '1', second: '2' }).expect(403);
  });
});

describe("the service's check counts with the city's table", () => {
  it('finds LATE_CHARGE_MISMATCH on a paid row once the city’s 特例 rate for its year differs, as the pane would', async () => {
    const divisionToken = await svc.makeToken('division', '財政局', '税制課');
    const fields: ReadField[] = ['debtorId', 'claimType', 'fiscalYear', 'assessedAmount', 'dueDate', 'paidAmount',
      'lastPaymentDate', 'outstanding', 'lateCharge']; // prettier-ignore
    const paid = {
      debtorId: 'L-1',
      claimType: '市民税',
      fiscalYear: 2025,
      assessedAmount: 123_456,
      dueDate: '2025-04-30',
      paidAmount: 123_456,
      lastPaymentDate: '2025-08-15',
      outstanding: 0,
      lateCharge: 2400,
    };
    const ledger = { name: '市民税 台帳', claimType: '市民税', fields };
    const upserts = await upsertsFor([paid], 2, fields);
    const ledgerId = newId('lc');
    const send = async (baseRevision: number) => {
      const [part] = makeSubmission({ upserts, ledger, baseRevision, asOf: '2025-09-30' });
      const r = await request(svc.url)
        .post(`/api/v1/ledgers/${ledgerId}/submissions`)
        .set('Authorization', `Bearer ${divisionToken}`)
        .send(part!)
        .expect(200);
      return r.body.findings.byRule as Record<string, number>;
    };
    // The built-in table (2.4% for 2025, or the lines saved above, which leave 2025 alone): 2,400 is right.
    const { version } = (await as(finance).get()).body as CityLateCharges;
    await as(finance).put(PATH, { version, table: DEFAULT_LATE_CHARGE_TABLE }).expect(200);
    expect((await send(0)).LATE_CHARGE_MISMATCH).toBeUndefined();
    await as(finance).put(`${PATH}/special-rates/2025`, { first: '2.5', second: '8.8' }).expect(200);
    expect((await send(1)).LATE_CHARGE_MISMATCH).toBe(1);
  });
});
