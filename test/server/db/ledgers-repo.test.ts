/** The ledger and submission repositories on a real SQLite file. */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { ensureBureau, ensureClaim, ensureDivision } from '../../../server/db/repos/org.js';
import {
  advanceLedger,
  createLedger,
  currentRows,
  findLedger,
  listFindingCounts,
  listLedgers,
  replaceFindingCounts,
  rowChanges,
  tombstoneRows,
  upsertRows,
  type LedgerAggregates,
} from '../../../server/db/repos/ledgers.js';
import {
  countParts,
  findSubmission,
  finishSubmission,
  insertPart,
  insertSubmission,
  partHash,
  stagedBodies,
} from '../../../server/db/repos/submissions.js';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { makeTempDir } from '../helpers/service.js';
import { countByAction } from '../../../domain/worklist/counts.js';

const dir = makeTempDir();
let db: SqliteDb;
let divisionId: number;
let bureauId: number;
const now = new Date('2025-04-01T00:00:00Z');
const key = (i: number) => i.toString(16).padStart(64, '0');
const zero = { assessed: 0, paid: 0, outstanding: 0 };
const aggregates = (rowCount: number): LedgerAggregates => ({
  rowCount,
  assessed: 300,
  paid: 100,
  outstanding: 200,
  current: zero,
  arrears: { assessed: 300, paid: 100, outstanding: 200 },
  unreadableRows: 0,
  aging: [],
  lateCharge: {
    current: { rows: 0, estimate: 0 },
    arrears: { rows: 1, estimate: 1200 },
    total: { rows: 1, estimate: 1200 },
  },
  worklist: countByAction([]),
});

beforeAll(async () => {
  db = await SqliteDb.open(join(dir, 'repo.db'));
  await migrate(db);
  await db.transaction(async (tx) => {
    const b = await ensureBureau(tx, '環境局');
    const d = await ensureDivision(tx, b.id, '業務課');
    const c = await ensureClaim(tx, d.id, '廃棄物処理手数料', null);
    await createLedger(tx, { id: 'ledger-0001', divisionId: d.id, claimId: c.id, name: '台帳' }, now);
    bureauId = b.id;
    divisionId = d.id;
  });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ledger rows', () => {
  it('upserts in batches, tombstones, and reports changes after a revision', async () => {
    const rows = Array.from({ length: 1201 }, (_, i) => ({
      key: key(i),
      hash: key(i + 5000),
      sheetRow: i + 2,
      data: '{}',
    }));
    await db.transaction((tx) => upsertRows(tx, 'ledger-0001', 1, rows));
    expect(await currentRows(db, 'ledger-0001')).toHaveLength(1201);
    await db.transaction(async (tx) => {
      await upsertRows(tx, 'ledger-0001', 2, [{ key: key(0), hash: key(9), sheetRow: 2, data: '{"period":"1期"}' }]);
      await tombstoneRows(tx, 'ledger-0001', 2, [key(1), key(2), key(99_999)]);
    });
    const changes = await rowChanges(db, 'ledger-0001', 1);
    expect(changes.filter((c) => c.kind === 'R')).toEqual([
      { kind: 'R', row_key: key(0), row_hash: key(9), revision: 2, deleted: 0 },
      { kind: 'R', row_key: key(1), row_hash: key(5001), revision: 2, deleted: 1 },
      { kind: 'R', row_key: key(2), row_hash: key(5002), revision: 2, deleted: 1 },
    ]);
    expect(await currentRows(db, 'ledger-0001')).toHaveLength(1199);
    // A tombstone keeps no values; sending the row again revives it.
    const dead = await db.get<{ data: string }>('SELECT data FROM ledger_rows WHERE row_key = ?', [key(1)]);
    expect(dead?.data).toBe('{}');
    await db.transaction((tx) => upsertRows(tx, 'ledger-0001', 3, [{ ...rows[1]!, data: '{"a":1}' }]));
    expect(await currentRows(db, 'ledger-0001')).toHaveLength(1200);
  });

  it('advances only from the expected revision', async () => {
    const meta = {
      name: '台帳2',
      claimId: 1,
      asOf: '2025-03-31',
      rulesetVersion: 'v',
      submissionId: 'sub-0001',
      at: now,
    };
    const stale = await db.transaction((tx) => advanceLedger(tx, 'ledger-0001', 5, meta, aggregates(1)));
    expect(stale).toBeNull();
    const next = await db.transaction((tx) => advanceLedger(tx, 'ledger-0001', 0, meta, aggregates(1200)));
    expect(next).toBe(1);
    expect(await findLedger(db, 'ledger-0001')).toMatchObject({
      name: '台帳2',
      revision: 1,
      row_count: 1200,
      outstanding: 200,
      arrears_outstanding: 200,
      bureau: '環境局',
      division: '業務課',
      claim: '廃棄物処理手数料',
    });
  });

  it('replaces finding counts and lists by scope', async () => {
    await db.transaction((tx) =>
      replaceFindingCounts(tx, 'ledger-0001', [
        { rule: 'DEMAND_MISSING', severity: 'error', count: 3 },
        { rule: 'CONTACT_STALE', severity: 'warning', count: 2 },
      ]),
    );
    await db.transaction((tx) =>
      replaceFindingCounts(tx, 'ledger-0001', [{ rule: 'DEMAND_LATE', severity: 'warning', count: 1 }]),
    );
    expect(await listFindingCounts(db, { ledgerId: 'ledger-0001' })).toEqual([
      { ledger_id: 'ledger-0001', rule: 'DEMAND_LATE', severity: 'warning', count: 1 },
    ]);
    expect(await listLedgers(db, { kind: 'city' })).toHaveLength(1);
    expect(await listLedgers(db, { kind: 'bureau', bureauId })).toHaveLength(1);
    expect(await listLedgers(db, { kind: 'division', divisionId })).toHaveLength(1);
    expect(await listLedgers(db, { kind: 'division', divisionId: divisionId + 100 })).toHaveLength(0);
    expect(await listFindingCounts(db, { kind: 'bureau', bureauId: bureauId + 100 })).toHaveLength(0);
  });
});

describe('submissions', () => {
  it('stages parts beside a header, and keeps part hashes when finished', async () => {
    await db.transaction(async (tx) => {
      const t = await insertToken(tx, { role: 'division', bureauId, divisionId, label: '' });
      await insertSubmission(
        tx,
        {
          id: 'sub-0002',
          ledgerId: 'ledger-0001',
          tokenId: t.record.id,
          baseRevision: 1,
          asOf: '2025-03-31',
          rulesetVersion: 'v',
          partsExpected: 2,
          header: '{"h":1}',
          headerHash: 'hh',
        },
        now,
      );
      await insertPart(tx, 'sub-0002', 1, 'p1', '{"p":1}');
      await insertPart(tx, 'sub-0002', 0, 'p0', '{"p":0}');
    });
    expect(await countParts(db, 'sub-0002')).toBe(2);
    expect(await stagedBodies(db, 'sub-0002')).toEqual({ header: '{"h":1}', parts: ['{"p":0}', '{"p":1}'] });
    await db.transaction((tx) => finishSubmission(tx, 'sub-0002', 'applied', 2, { status: 'applied' }, now));
    expect(await findSubmission(db, 'sub-0002')).toMatchObject({
      status: 'applied',
      revision: 2,
      applied_at: now.toISOString(),
    });
    expect(await partHash(db, 'sub-0002', 1)).toBe('p1');
    expect((await stagedBodies(db, 'sub-0002')).parts).toEqual(['', '']);
  });
});
