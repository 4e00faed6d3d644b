/**
 * The apply's ways to its answer give the same answer: the check thread's check or the engine run
 * at the apply; rows copied from the staged bodies by SQL or bound from here (parts staged by an
 * earlier version, as the part's stable JSON). A part staged by an earlier version is recognised
 * when it is sent again. An apply that finds the submission finished under it gives its answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionPart } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import type { Db, SqlValue } from '../../../server/db/db.js';
import { findActiveToken } from '../../../server/db/repos/tokens.js';
import { applySubmission } from '../../../server/sync/apply.js';
import { sha256Hex, stableJson } from '../../../server/sync/canonical.js';
import { dropCheck, feedCheck, threadCheck } from '../../../server/sync/check-thread.js';
import { BUILT_IN_TABLE, checkLedgerRows } from '../../../server/sync/check.js';
import { encodeStaged, stagedCache } from '../../../server/sync/staged.js';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { dbWith } from '../helpers/test-db.js';
import {
  AS_OF,
  expectedCheck,
  LEDGER,
  makeRows,
  makeSubmission,
  newId,
  upsertsFor,
  type RowSpec,
} from '../helpers/submissions.js';

let svc: TestService;
let token: string;
const post = (ledgerId: string, body: unknown) =>
  api(svc.url, token).post(`/api/v1/ledgers/${ledgerId}/submissions`, body);

beforeAll(async () => {
  svc = await startTestService();
  token = await svc.makeToken('division', '環境局', '業務課');
});
afterAll(() => svc?.close());

describe('the check thread', () => {
  it('checks the parts fed to it as the engine checks all their rows', async () => {
    const db = {} as Db;
    const upserts = await upsertsFor(makeRows(600));
    const parts = makeSubmission({ upserts, parts: 3 });
    // Out of order: the thread waits for part 0.
    for (const i of [1, 0, 2]) {
      const p = parts[i]!;
      const body = encodeStaged(
        p,
        p.upserts.map((u) => canonicalJson(u.values)),
      );
      feedCheck(db, 'sub-1', { index: i, hash: `h${i}`, body, rows: p.upserts.length }, LEDGER, AS_OF, BUILT_IN_TABLE);
    }
    const got = await threadCheck(db, 'sub-1', ['h0', 'h1', 'h2']);
    const rows = upserts.map((u) => ({ key: u.key, sheetRow: u.row, values: u.values }));
    expect(got).toEqual({
      check: checkLedgerRows(rows, LEDGER, AS_OF),
      count: 600,
      inOrder: true,
      lateChargesVersion: 0,
    });
  });

  it('has no check for parts other than those it was fed', async () => {
    const db = {} as Db;
    const p = makeSubmission({ upserts: await upsertsFor(makeRows(5)) })[0]!;
    const body = encodeStaged(
      p,
      p.upserts.map((u) => canonicalJson(u.values)),
    );
    feedCheck(db, 'sub-2', { index: 0, hash: 'h0', body, rows: 5 }, LEDGER, AS_OF, BUILT_IN_TABLE);
    expect((await threadCheck(db, 'sub-2', ['other']))?.check).toBeNull();
    // Asked once: then forgotten.
    expect(await threadCheck(db, 'sub-2', ['h0'])).toBeUndefined();
    feedCheck(db, 'sub-3', { index: 0, hash: 'h0', body, rows: 5 }, LEDGER, AS_OF, BUILT_IN_TABLE);
    dropCheck(db, 'sub-3');
    expect(await threadCheck(db, 'sub-3', ['h0'])).toBeUndefined();
  });
});

describe('the same answer whichever way', () => {
  it('without the check thread', async () => {
    const specs = makeRows(900);
    const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 3 });
    process.env.SAIKEN_CHECK_THREAD = 'off';
    try {
      const ledgerId = newId('nothread');
      for (const p of parts.slice(0, 2)) expect((await post(ledgerId, p)).status).toBe(202);
      const res = await post(ledgerId, parts[2]!);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject(expectedCheck(specs));
    } finally {
      delete process.env.SAIKEN_CHECK_THREAD;
    }
  });

  it('on top of rows kept from before, deletions included', async () => {
    const specs = makeRows(300);
    const upserts = await upsertsFor(specs);
    const ledgerId = newId('kept');
    for (const p of makeSubmission({ upserts, parts: 2 })) await post(ledgerId, p);
    // A resync: 10 rows changed, 5 deleted, the rest kept from revision 1.
    const edited: RowSpec[] = specs.map((s, i) => (i < 10 ? { ...s, paidAmount: 7 } : s));
    const again = await upsertsFor(edited);
    const deletions = upserts.slice(290).map((u) => u.key);
    const parts = makeSubmission({ upserts: again.slice(0, 10), deletions, parts: 2, baseRevision: 1 });
    expect((await post(ledgerId, parts[0]!)).status).toBe(202);
    const res = await post(ledgerId, parts[1]!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expectedCheck(edited.slice(0, 290)));
  });
});

describe('parts staged by an earlier version', () => {
  it('are recognised when sent again, and applied', async () => {
    const specs = makeRows(200);
    const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 2 });
    const ledgerId = newId('legacy');
    const id = parts[0]!.submissionId;
    expect((await post(ledgerId, parts[0]!)).status).toBe(202);
    // As the earlier version staged it: the part's stable JSON, hashed.
    const legacy = stableJson(SubmissionPart.parse(parts[0]));
    await svc.service.db.run(
      'UPDATE submission_parts SET body = ?, body_hash = ? WHERE submission_id = ? AND part_index = 0',
      [legacy, sha256Hex(legacy), id],
    );
    stagedCache(svc.service.db).drop(id);
    dropCheck(svc.service.db, id);

    const retry = await post(ledgerId, parts[0]!);
    expect(retry.status).toBe(202);
    expect(retry.body.partsReceived).toBe(1);
    const changed = { ...parts[0]!, upserts: parts[0]!.upserts.slice(1) };
    expect((await post(ledgerId, changed)).body.code).toBe('submission-conflict');

    const res = await post(ledgerId, parts[1]!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expectedCheck(specs));
    const stored = await svc.service.db.all<{ row_key: string; data: string }>(
      'SELECT row_key, data FROM ledger_rows WHERE ledger_id = ?',
      [ledgerId],
    );
    const byKey = new Map(parts.flatMap((p) => p.upserts).map((u) => [u.key, canonicalJson(u.values)]));
    expect(stored).toHaveLength(200);
    for (const r of stored) expect(r.data).toBe(byKey.get(r.row_key));
  });
});

describe('a submission finished under the apply', () => {
  it('is answered with its stored answer, though its staged bodies were cleared meanwhile', async () => {
    // Another request (here, or in another instance of the service) applied it between this
    // request's first look (still receiving) and its reads of the parts.
    const specs = makeRows(300);
    const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 3 });
    const ledgerId = newId('finished');
    for (const p of parts.slice(0, 2)) expect((await post(ledgerId, p)).status).toBe(202);
    const applied = await post(ledgerId, parts[2]);
    expect(applied.status).toBe(200);
    const real = svc.service.db;
    let firstLook = true;
    const late: Db = dbWith(real, {
      get: async <T>(sql: string, params?: readonly SqlValue[]) => {
        const row = await real.get<T>(sql, params);
        if (!firstLook || !/FROM submissions WHERE id/.test(sql) || !row) return row;
        firstLook = false;
        return { ...row, status: 'receiving', result: null } as T;
      },
    });
    const t = (await findActiveToken(real, token))!;
    const actor = { tokenId: t.id, role: t.role, bureauId: t.bureau_id, divisionId: t.division_id };
    const reply = await applySubmission(late, actor, parts[0]!.submissionId);
    expect(firstLook).toBe(false);
    expect(reply).toEqual({ status: 200, body: applied.body });
  });
});
