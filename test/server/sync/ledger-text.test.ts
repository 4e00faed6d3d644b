/**
 * What the service takes in a ledger row now: values of their field's type, null, or the
 * unreadable marker; text values and the ledger's name through the personal-text gate. Refusals
 * name rows and fields, never the text. An unreadable cell sent as a marker gives the service the
 * same INVALID_* findings the pane found from the cell itself.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowUpsert, SubmissionPart, SyncRowValues } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import { MAX_YEN, MAX_YEN_LABEL } from '../../../domain/values/limits.js';
import { api, startTestService, type TestService } from '../helpers/service.js';
import {
  expectedCheck,
  FIELDS,
  LEDGER,
  makeRows,
  makeSubmission,
  newId,
  upsertsFor,
  type RowSpec,
} from '../helpers/submissions.js';

let svc: TestService;
let token: string;
let rows: RowUpsert[];
const ledgerFields = [...FIELDS, 'writeOffReason' as const];
const ledger = { ...LEDGER, fields: ledgerFields };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const post = (ledgerId: string, body: unknown) =>
  api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, body);

/** The part with row `i`'s values changed (and its hash made to match). */
function withValues(i: number, patch: Record<string, unknown>, extra: Partial<SubmissionPart> = {}) {
  const upserts = rows.map((u, j) => {
    if (j !== i) return u;
    const values = { ...u.values, ...patch } as SyncRowValues;
    return { ...u, values, hash: sha256(canonicalJson(values)) };
  });
  return { ...makeSubmission({ upserts, ledger })[0]!, ...extra };
}

const bodyText = (res: { body: unknown }) => JSON.stringify(res.body);

beforeAll(async () => {
  svc = await startTestService();
  token = await svc.makeToken('division', '財政局', '収納課');
  rows = await upsertsFor(makeRows(5), 2, ledgerFields);
});
afterAll(() => svc?.close());

describe('typed fields', () => {
  it('refuses free text in a date field, naming the row and field without the text', async () => {
    const res = await post(newId('typed'), withValues(1, { lastContactDate: '3/1 山田様と電話' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-value');
    expect(res.body.details.values[0]).toMatchObject({ row: rows[1]!.row, field: 'lastContactDate' });
    expect(res.body.message).toMatch(/最終交渉日/);
    expect(bodyText(res)).not.toMatch(/山田|電話/);
  });

  it('refuses a date that is not canonical or not a real day, and a text fiscal year', async () => {
    for (const patch of [{ dueDate: '2024/4/1' }, { dueDate: '2023-02-29' }, { fiscalYear: '令和6年度' }]) {
      const res = await post(newId('typed'), withValues(0, patch));
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.code).toBe('invalid-value');
    }
  });

  it('refuses an amount above MAX_YEN with a message naming the limit', async () => {
    const res = await post(newId('typed'), withValues(2, { assessedAmount: MAX_YEN + 1 }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-value');
    expect(res.body.message).toContain(MAX_YEN_LABEL);
    expect(res.body.details.values[0]).toMatchObject({ row: rows[2]!.row, field: 'assessedAmount' });
    const ok = await post(newId('typed'), withValues(2, { assessedAmount: MAX_YEN }));
    expect(ok.status).toBe(200);
  });

  it('refuses an unknown unreadable reason, and text in an enum that is not one of its options', async () => {
    for (const patch of [{ dueDate: { unreadable: '3/1 山田様と電話' } }, { dunningMethod: '山田様に電話' }]) {
      const res = await post(newId('typed'), withValues(0, patch));
      expect(res.status).toBe(400);
      expect(bodyText(res)).not.toMatch(/山田/);
    }
  });

  it('refuses control characters in the ledger name', async () => {
    const part = { ...makeSubmission({ upserts: rows, ledger: { ...ledger, name: '台帳\u0000一' } })[0]! };
    const res = await post(newId('typed'), part);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/台帳名に制御文字/);
  });
});

describe('text values through the personal-text gate', () => {
  it('refuses a personal-looking 欠損理由 with 422 looks-personal: rows, field and spans, no text', async () => {
    const res = await post(newId('text'), withValues(3, { writeOffReason: '債務者 山田太郎 死亡のため' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('looks-personal');
    expect(res.body.details.confirmable).toBe(true);
    expect(res.body.details.fields).toEqual([
      { field: 'writeOffReason', spans: [{ start: 4, end: 8, kind: 'name' }], rows: [rows[3]!.row], rowCount: 1 },
    ]);
    expect(res.body.message).toContain(`${rows[3]!.row} 行目の欠損理由`);
    expect(bodyText(res)).not.toMatch(/山田|死亡/);
  });

  it('lets confirmed text through, and stores it', async () => {
    const id = newId('text');
    const part = withValues(3, { writeOffReason: '債務者 山田太郎 死亡のため' }, { confirmedNoPersonalData: true });
    const res = await post(id, part);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('applied');
  });

  it('refuses a My Number in 期別 even when confirmed', async () => {
    for (const confirmedNoPersonalData of [false, true]) {
      const res = await post(newId('text'), withValues(4, { period: '1234 5678 9012' }, { confirmedNoPersonalData }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('looks-personal');
      expect(res.body.details.confirmable).toBe(false);
      expect(res.body.details.fields[0]).toMatchObject({ field: 'period', rows: [rows[4]!.row] });
      expect(res.body.details.fields[0].spans[0].kind).toBe('my-number');
      expect(res.body.message).toMatch(/マイナンバー/);
      expect(bodyText(res)).not.toMatch(/1234|5678|9012/);
    }
  });

  it('refuses a personal-looking ledger name unless confirmed', async () => {
    const part = makeSubmission({ upserts: rows, ledger: { ...ledger, name: '山田太郎の台帳' } })[0]!;
    const res = await post(newId('name'), part);
    expect(res.status).toBe(422);
    expect(res.body.details.fields).toEqual([{ field: 'ledger.name', spans: [{ start: 0, end: 4, kind: 'name' }] }]);
    expect(bodyText(res)).not.toMatch(/山田/);
    expect((await post(newId('name'), { ...part, confirmedNoPersonalData: true })).status).toBe(200);
  });

  it('gathers the rows of a repeated text into one finding', async () => {
    const upserts = rows.map((u) => {
      const values = { ...u.values, writeOffReason: 'TEL 090-1234-5678' } as SyncRowValues;
      return { ...u, values, hash: sha256(canonicalJson(values)) };
    });
    const res = await post(newId('text'), makeSubmission({ upserts, ledger })[0]!);
    expect(res.status).toBe(422);
    expect(res.body.details.fields).toHaveLength(1);
    expect(res.body.details.fields[0]).toMatchObject({ field: 'writeOffReason', rowCount: 5 });
    expect(res.body.details.fields[0].rows).toEqual(rows.map((r) => r.row));
  });
});

describe('unreadable cells', () => {
  /** Cells the engine cannot read, with personal text in some: none of it may leave. */
  const specs: RowSpec[] = makeRows(40).map((s, i) => {
    if (i % 10 === 1) return { ...s, lastContactDate: '3/1 山田様と電話' };
    if (i % 10 === 2) return { ...s, dueDate: '令和6年2月30日' };
    if (i % 10 === 3) return { ...s, assessedAmount: '1,234.5' };
    if (i % 10 === 4) return { ...s, paidAmount: -300 };
    if (i % 10 === 5) return { ...s, dunningMethod: '山田様に電話' };
    if (i % 10 === 6) return { ...s, fiscalYear: '来年度' };
    return s;
  });

  it('leave as markers, never as text', async () => {
    const upserts = await upsertsFor(specs);
    const json = JSON.stringify(upserts);
    expect(json).not.toMatch(/山田|電話|令和|1,234|来年度/);
    expect(upserts[1]!.values.lastContactDate).toEqual({ unreadable: 'unreadable' });
    expect(upserts[2]!.values.dueDate).toEqual({ unreadable: 'no-such-day' });
    expect(upserts[3]!.values.assessedAmount).toEqual({ unreadable: 'fraction' });
    expect(upserts[4]!.values.paidAmount).toEqual({ unreadable: 'negative' });
    expect(upserts[5]!.values.dunningMethod).toEqual({ unreadable: 'unknown-option' });
  });

  it('give the service the same INVALID_* findings and totals the pane found', async () => {
    const expected = expectedCheck(specs);
    for (const rule of ['INVALID_DATE', 'INVALID_AMOUNT', 'INVALID_VALUE']) {
      expect(expected.findings.byRule[rule], rule).toBeGreaterThan(0);
    }
    const res = await post(newId('unreadable'), makeSubmission({ upserts: await upsertsFor(specs) })[0]!);
    expect(res.status).toBe(200);
    expect(res.body.findings).toEqual(expected.findings);
    expect(res.body.totals).toEqual(expected.totals);
  });
});
