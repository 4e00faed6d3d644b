/**
 * `copyDatabase`: a city's SQLite file, filled through the service's API, copied to a PostgreSQL
 * schema and back, value for value (BIGINT amounts above 2^53, Japanese text, JSON, NULLs); the
 * copy takes new ids; a target with rows is refused; a copy that fails or disagrees midway leaves
 * the target empty; the copy order covers the schema.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabase, CopyError, COPY_ORDER } from '../../../server/db/copy.js';
import type { Db, Queryable } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { openDb } from '../../../server/db/open.js';
import { freshPgSchema, type TestDatabase } from '../helpers/test-db.js';
import { localToken, makeTempDir, startTestService } from '../helpers/service.js';
import { LEDGER, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import { CSV, TEMPLATE_HEADER, toCsv, type Row } from '../plans/fixtures.js';

const dir = makeTempDir('saiken-copy-');
const schemas: TestDatabase[] = [];
const opened: Db[] = [];

async function pgSchema(): Promise<TestDatabase> {
  const s = await freshPgSchema();
  schemas.push(s);
  return s;
}

/** Opened and migrated, closed after the file's tests. */
async function open(location: string): Promise<Db> {
  const db = await openDb(location);
  opened.push(db);
  await migrate(db);
  return db;
}

afterAll(async () => {
  for (const db of opened) await db.close().catch(() => undefined);
  for (const s of schemas) await s.drop();
  rmSync(dir, { recursive: true, force: true });
});

const BIG = '9007199254740993'; // 2^53 + 1: a JavaScript number would read it as …992
const MAX = '9223372036854775807'; // the largest BIGINT

const PLANS: Row[] = [
  ['健康福祉局', '保険年金課', '国民健康保険料', '強制徴収公債権', '2024', 500_000_000, 450_000_000, '電話催告'],
  ['健康福祉局', '介護保険課', '介護保険料', '強制徴収公債権', '2024', 80_000_000, 75_000_000, ''],
  ['都市整備局', '住宅課', '市営住宅使用料', '私債権', '2024', 120_000_000, 100_000_000, '臨戸'],
];

let source: string;
let ledgerA: string;

/** A city as the service makes it: plans, tokens, ledgers with revisions and tombstones, a pending submission, oversight. */
async function seedCity(file: string): Promise<void> {
  const svc = await startTestService({ database: file });
  try {
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const csv = typeof body === 'string';
      const res = await fetch(`${svc.url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': csv ? CSV : 'application/json' }),
        },
        body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    const finance = await svc.makeToken('finance');
    // A failed authentication, counted by the brake.
    const refused = await fetch(`${svc.url}/api/v1/me`, { headers: { Authorization: 'Bearer skn_not_a_token' } });
    if (refused.status !== 401) throw new Error(`a wrong token answered ${refused.status}`);
    await call('POST', '/api/v1/plans/import', finance, toCsv(PLANS, TEMPLATE_HEADER));
    const own = await svc.makeToken('division', '健康福祉局', '保険年金課');
    const sibling = await svc.makeToken('division', '健康福祉局', '介護保険課');
    const acc = await svc.makeToken('accounting', '健康福祉局');
    const spare = (
      await call('POST', '/api/v1/admin/tokens', svc.adminToken, { role: 'accounting', bureau: '都市整備局' })
    ).id as number;
    await call('DELETE', `/api/v1/admin/tokens/${spare}`, svc.adminToken);

    ledgerA = newId('copyA');
    const specs = makeRows(300);
    const upserts = await upsertsFor(specs);
    const send = (token: string, ledgerId: string, part: object) =>
      call('POST', `/api/v1/ledgers/${ledgerId}/submissions`, token, part);
    await send(own, ledgerA, makeSubmission({ upserts, ledger: { ...LEDGER, name: '国保料 台帳（本庁）' } })[0]!);
    const edited = await upsertsFor(specs.map((s, i) => (i < 5 ? { ...s, paidAmount: 1 } : s)));
    const deletions = [upserts[10]!.key, upserts[11]!.key];
    await send(own, ledgerA, makeSubmission({ baseRevision: 1, upserts: edited.slice(0, 5), deletions })[0]!);
    const ledgerB = newId('copyB');
    const b = { ...LEDGER, claimType: '介護保険料', name: '介護保険料 台帳' };
    await send(sibling, ledgerB, makeSubmission({ upserts: await upsertsFor(makeRows(40, 500, 'K')), ledger: b })[0]!);
    // Eleven of twelve parts: staged bodies wait in submission_parts with part_index 0…10.
    const pending = makeSubmission({ upserts: await upsertsFor(makeRows(60, 900, 'P')), parts: 12 });
    const ledgerP = newId('copyP');
    for (const part of pending.slice(0, 11)) await send(own, ledgerP, part);

    const claims = (await call('GET', '/api/v1/claims?fy=2024', finance)).claims as { id: number; name: string }[];
    const claim = claims.find((c) => c.name === '国民健康保険料')!.id;
    await call('PUT', `/api/v1/claims/${claim}/plans/2024`, own, {
      baselineYen: 500_000_000,
      targetYen: 440_000_000,
      measureIds: ['early-dunning'],
      measures: '6月と12月に集中催告期間を設ける',
      milestones: [{ month: '2024-12', outstandingYen: 470_000_000 }],
    });
    await call('POST', `/api/v1/claims/${claim}/reviews`, own, {
      month: '2024-10',
      assessment: '催告の効果が出ている',
      nextStep: '年末の集中催告',
    });
    const proposal = { fiscalYear: 2024, reasons: ['growing'], body: '滞納初期の催告を強化すること' };
    await call('POST', `/api/v1/claims/${claim}/proposals`, finance, proposal);
    await call('PUT', `/api/v1/claims/${claim}/proposals`, finance, {
      ...proposal,
      body: '勤務先催告まで段階的に強化すること',
    });
    const hard = (
      await call('POST', '/api/v1/hard-cases', own, {
        claimId: claim,
        title: '分納誓約の不履行が続く事案',
        assessedYen: 240_000,
        outstandingYen: 180_000,
        dueDate: '2023-05-31',
        lastContactDate: '2024-10-01',
        tried: '文書催告3回、電話催告2回。',
        question: '執行停止の要件に当たるか。',
      })
    ).hardCase as { id: number };
    await call('POST', `/api/v1/hard-cases/${hard.id}/answer`, acc, { policy: '財産調査の結果を待って判断する。' });
    await call('POST', '/api/v1/settlements/2023', finance);
    // A year with plans and ledgers: its figures per claim are frozen (settled_claim_figures).
    await call('POST', '/api/v1/settlements/2024', finance);
    await call('PUT', '/api/v1/settings/submission-period', finance, { kind: 'days', days: 31 });
  } finally {
    await svc.close();
  }
  // What the API cannot send: amounts past 2^53 (exact only as BIGINT), astral characters in JSON.
  const db = await openDb(file);
  try {
    await db.run('UPDATE ledgers SET assessed = ?, outstanding = ? WHERE id = ?', [BIG, MAX, ledgerA]);
    await db.run('UPDATE plans SET baseline = ?, target = ? WHERE fiscal_year = 2024', [MAX, BIG]);
    await db.run('UPDATE hard_cases SET assessed = ?, outstanding = NULL', [BIG]);
    await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', [
      'copy_test',
      `{"名前":"𠮷田 ①","n":${BIG},"x":null}`,
    ]);
  } finally {
    await db.close();
  }
}

/** Every row of every table, every value as text, in key order. */
async function dump(q: Queryable, db: Db): Promise<Record<string, (string | null)[][]>> {
  const out: Record<string, (string | null)[][]> = {};
  for (const table of COPY_ORDER) {
    const t = await db.catalog.shape(q, table);
    const cols = [...t.columns].sort();
    // Values named by position: under their own names, ORDER BY would sort their text.
    const rows = await q.all<Record<string, string | null>>(
      `SELECT ${cols.map((c, i) => `CAST("${c}" AS TEXT) AS v${i}`).join(', ')} FROM "${table}" ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`,
    );
    out[table] = rows.map((r) => cols.map((c, i) => r[`v${i}`] ?? null));
  }
  return out;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of COPY_ORDER)
    out[t] = Number((await db.get<{ n: string }>(`SELECT CAST(COUNT(*) AS TEXT) AS n FROM "${t}"`))!.n);
  return out;
}

const empty = Object.fromEntries(COPY_ORDER.map((t) => [t, 0]));

beforeAll(async () => {
  source = join(dir, 'city.db');
  await seedCity(source);
}, 120_000);

describe('SQLite → PostgreSQL → SQLite', () => {
  let src: Db;
  let pg: Db;
  let back: Db;
  let original: Record<string, (string | null)[][]>;

  beforeAll(async () => {
    src = await open(source);
    original = await dump(src, src);
    pg = await open((await pgSchema()).location);
  });

  it('seeds every table, with BIGINT amounts stored as integers', async () => {
    for (const [t, n] of Object.entries(await counts(src))) expect(n, t).toBeGreaterThan(0);
    const a = await src.get<{ t: string; v: string }>(
      'SELECT typeof(assessed) AS t, CAST(assessed AS TEXT) AS v FROM ledgers WHERE id = ?',
      [ledgerA],
    );
    expect(a).toEqual({ t: 'integer', v: BIG });
    expect((await src.get<{ n: number }>('SELECT MAX(part_index) AS n FROM submission_parts'))!.n).toBe(10);
  });

  it('copies every row exactly, in pages, and verifies counts and ledger totals', async () => {
    const pages: string[] = [];
    const summary = await copyDatabase(src, pg, { pageRows: 7, onPage: (p) => void pages.push(p.table) });
    const n = await counts(src);
    expect(summary.tables).toEqual(COPY_ORDER.map((name) => ({ name, rows: n[name] })));
    expect(summary.rows).toBe(Object.values(n).reduce((a, b) => a + b, 0));
    expect(summary.ledgers).toBe(n.ledgers);
    expect(pages.filter((t) => t === 'ledger_rows').length).toBeGreaterThan(40);
    expect(await counts(pg)).toEqual(n);
    expect(await dump(pg, pg)).toEqual(original);
    const a = await pg.get<{ assessed: string; outstanding: string }>(
      'SELECT CAST(assessed AS TEXT) AS assessed, CAST(outstanding AS TEXT) AS outstanding FROM ledgers WHERE id = ?',
      [ledgerA],
    );
    expect(a).toEqual({ assessed: BIG, outstanding: MAX });
    const s = await pg.get<{ value: string }>("SELECT value FROM settings WHERE key = 'copy_test'");
    expect(s!.value).toBe(`{"名前":"𠮷田 ①","n":${BIG},"x":null}`);
  });

  it('refuses a target that has rows, naming the table, and leaves it as it was', async () => {
    const before = await counts(pg);
    await expect(copyDatabase(src, pg)).rejects.toThrow(/表 settings にすでに行があります/);
    expect(await counts(pg)).toEqual(before);
  });

  it('copies back from PostgreSQL into a new SQLite file, value for value', async () => {
    back = await open(join(dir, 'back.db'));
    const summary = await copyDatabase(pg, back, { pageRows: 11 });
    expect(summary.ledgers).toBe((await counts(src)).ledgers);
    expect(await dump(back, back)).toEqual(original);
    const t = await back.get<{ t: string }>('SELECT typeof(outstanding) AS t FROM ledgers WHERE id = ?', [ledgerA]);
    expect(t!.t).toBe('integer');
  });

  it('takes new tokens, bureaus and divisions in either copy (ids past the copied ones)', async () => {
    for (const db of [pg, back]) {
      const maxIds = () =>
        db.get<{ t: number; b: number; d: number }>(
          'SELECT (SELECT MAX(id) FROM tokens) AS t, (SELECT MAX(id) FROM bureaus) AS b, (SELECT MAX(id) FROM divisions) AS d',
        );
      const before = (await maxIds())!;
      await localToken(db, 'division', '新設局', '新設課');
      expect(await maxIds(), db.engine).toEqual({ t: before.t + 1, b: before.b + 1, d: before.d + 1 });
    }
  });
});

describe('all or nothing', () => {
  it('leaves a PostgreSQL target empty when the copy fails midway, and can copy into it after', async () => {
    const src = await open(source);
    const pg = await open((await pgSchema()).location);
    let pages = 0;
    await expect(
      copyDatabase(src, pg, {
        pageRows: 50,
        onPage: (p) => {
          if (p.table === 'ledger_rows' && ++pages === 3) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(pages).toBe(3);
    expect(await counts(pg)).toEqual(empty);
    await copyDatabase(src, pg);
    expect(await counts(pg)).toEqual(await counts(src));
  });

  it('fails verification when the target disagrees, and rolls a SQLite target back', async () => {
    const src = await open(source);
    const target = await open(join(dir, 'mismatch.db'));
    let done = false;
    const copying = copyDatabase(src, target, {
      onPage: async (p, tx) => {
        if (p.table !== 'audit_log' || done) return;
        done = true;
        await tx.run(
          'DELETE FROM ledger_rows WHERE ledger_id = ? AND row_key = (SELECT MIN(row_key) FROM ledger_rows WHERE ledger_id = ?)',
          [ledgerA, ledgerA],
        );
      },
    });
    await expect(copying).rejects.toThrow(CopyError);
    await expect(copying).rejects.toThrow(/食い違いました: 表 ledger_rows の行数.*台帳 .* の row_total/);
    expect(await counts(target)).toEqual(empty);
  });
});

describe('the schema and the copy order', () => {
  it('lists every table of the schema, each after the tables it refers to (both engines)', async () => {
    const sqlite = await open(join(dir, 'order.db'));
    const pg = await open((await pgSchema()).location);
    for (const db of [sqlite, pg]) {
      expect((await db.catalog.tables(db)).sort()).toEqual([...COPY_ORDER].sort());
      for (const [i, table] of COPY_ORDER.entries()) {
        const refs = await db.catalog.references(db, table);
        for (const r of refs) expect(COPY_ORDER.slice(0, i), `${table} → ${r}`).toContain(r);
      }
      expect((await db.catalog.references(db, 'ledger_rows')).sort()).toEqual(['ledgers']);
    }
  });

  it('refuses a source with a table it does not know, before writing anything', async () => {
    const src = await open(join(dir, 'extra.db'));
    await src.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    await src.run("INSERT INTO bureaus (name, sort_order) VALUES ('総務局', 1)");
    const target = await open(join(dir, 'extra-target.db'));
    await expect(copyDatabase(src, target)).rejects.toThrow(/表 notes はこの saiken がコピーする表にありません/);
    expect(await counts(target)).toEqual(empty);
  });

  it('refuses databases at different schema versions', async () => {
    const old = await openDb(join(dir, 'old.db'));
    opened.push(old);
    await migrate(old, new Date(), MIGRATIONS.slice(0, 2));
    const target = await open(join(dir, 'new.db'));
    await expect(copyDatabase(old, target)).rejects.toThrow(new RegExp(`形式 2.*形式 ${MIGRATIONS.length}`));
  });
});

describe('a large ledger', () => {
  it('copies 100,001 ledger rows to PostgreSQL and verifies them', async () => {
    const src = await open(join(dir, 'large.db'));
    await src.transaction(async (tx) => {
      await tx.run("INSERT INTO bureaus (id, name, sort_order) VALUES (1, '大量局', 1)");
      await tx.run("INSERT INTO divisions (id, bureau_id, name) VALUES (1, 1, '大量課')");
      await tx.run("INSERT INTO claims (id, division_id, name) VALUES (1, 1, '国民健康保険料')");
      await tx.run(
        `INSERT INTO ledgers (id, division_id, claim_id, name, revision, row_count, assessed, paid, outstanding, created_at)
         VALUES ('large', 1, 1, '大量の台帳', 3, 100001, ?, 0, ?, '2025-03-31T00:00:00.000Z')`,
        [BIG, BIG],
      );
      await tx.run(
        `INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision, deleted)
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100001)
         SELECT 'large', printf('k%08d', i), printf('%064d', i), i + 1,
                json_object('debtorId', printf('D-%07d', i), 'assessedAmount', i * 100, 'period', '第' || (i % 12 + 1) || '期'),
                1 + i % 3, CASE WHEN i % 97 = 0 THEN 1 ELSE 0 END
           FROM n`,
      );
    });
    const pg = await open((await pgSchema()).location);
    const summary = await copyDatabase(src, pg);
    expect(summary.tables.find((t) => t.name === 'ledger_rows')!.rows).toBe(100_001);
    expect(summary.ledgers).toBe(1);
    const sum = await pg.get<{ n: string; s: string }>(
      "SELECT CAST(COUNT(*) AS TEXT) AS n, CAST(SUM(sheet_row) AS TEXT) AS s FROM ledger_rows WHERE ledger_id = 'large'",
    );
    expect(sum).toEqual({ n: '100001', s: String((100_001 * 100_002) / 2 + 100_001) });
  }, 180_000);
});
