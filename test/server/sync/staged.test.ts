/**
 * Staged parts: the compact form gives back the rows and their canonical values exactly, a body
 * staged by an earlier version (the part's stable JSON) still reads, and the rows SQL copies from
 * the staged bodies into `ledger_rows` hold exactly the canonical values, with unchanged rows
 * keeping their revision. The in-memory cache is bounded and keyed by the staged hash.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { SyncRowValues } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import type { Db, Queryable } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { openDb } from '../../../server/db/open.js';
import { ensureBureau, ensureClaim, ensureDivision } from '../../../server/db/repos/org.js';
import {
  createLedger,
  currentRows,
  rowChanges,
  tombstoneRows,
  upsertStagedRows,
  type StoredRow,
} from '../../../server/db/repos/ledgers.js';
import { insertPart, insertSubmission } from '../../../server/db/repos/submissions.js';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { canonicalData, sha256Hex, stableJson } from '../../../server/sync/canonical.js';
import {
  decodeStaged,
  encodeStaged,
  isCompact,
  keysOf,
  StagedCache,
  type StagedPart,
  type StagedRow,
} from '../../../server/sync/staged.js';
import { makeTempDir } from '../helpers/service.js';
import { freshDatabase, type TestDatabase } from '../helpers/test-db.js';

const HEX = [...'0123456789abcdef'];
const hex64 = fc.string({ unit: fc.constantFrom(...HEX), minLength: 64, maxLength: 64 });
/** Values whose JSON needs escapes, non-ASCII text, odd numbers. */
const valueArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('"', '\\', '\n\t\u0000\u001f', '\ud800', '\udfff\ud800', '1期', '文書', '𠮷', '\u2028'),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e20,
    2 ** 64,
    -(2 ** 63),
    2 ** 63,
    0.1 + 0.2,
    5e-324,
    1.5,
    -123456789,
    1.2345678901234568e29,
  ),
  fc.boolean(),
  fc.constant(null),
);
const valuesArb: fc.Arbitrary<SyncRowValues> = fc
  .shuffledSubarray([...SYNC_FIELDS], { maxLength: 10 })
  .chain((fields) =>
    fc.tuple(...fields.map(() => valueArb)).map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i]]))),
  );
const rowArb: fc.Arbitrary<StagedRow> = fc.record({
  key: fc.oneof(
    hex64,
    hex64.map((h) => `${h}#2`),
  ),
  hash: hex64,
  row: fc.integer({ min: 1, max: 1_048_576 }),
  values: valuesArb,
});
const partArb: fc.Arbitrary<StagedPart> = fc.record({
  upserts: fc.uniqueArray(rowArb, { selector: (r) => r.key, maxLength: 20 }),
  deletions: fc.uniqueArray(hex64, { maxLength: 3 }),
});
const dataOf = (p: StagedPart) => p.upserts.map((u) => canonicalData(u.values));
/** The part as JSON carries it (−0 is 0 there: the canonical values string is the same). */
const asJson = (p: StagedPart) => JSON.parse(JSON.stringify(p)) as StagedPart;

describe('the compact form', () => {
  it('gives back the rows, the deletions and each row’s canonical values string', () => {
    fc.assert(
      fc.property(partArb, (part) => {
        const body = encodeStaged(part, dataOf(part));
        expect(isCompact(body)).toBe(true);
        const back = decodeStaged(body);
        expect(back).toEqual(asJson(part));
        expect(dataOf(back)).toEqual(part.upserts.map((u) => canonicalJson(u.values)));
      }),
      { numRuns: 500 },
    );
  });

  it('still reads a part staged by an earlier version as its stable JSON', () => {
    fc.assert(
      fc.property(partArb, (part) => {
        const legacy = stableJson({ submissionId: 'x', part: { index: 0, count: 1 }, ...part });
        expect(isCompact(legacy)).toBe(false);
        const back = decodeStaged(legacy);
        expect(back).toEqual(asJson(part));
        expect(dataOf(back)).toEqual(part.upserts.map((u) => canonicalJson(u.values)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('rows copied from staged bodies', () => {
  const dir = makeTempDir();
  let fresh: TestDatabase;
  let db: Db;
  const now = new Date('2025-04-01T00:00:00Z');
  let n = 0;
  beforeAll(async () => {
    fresh = await freshDatabase(dir);
    db = await openDb(fresh.location);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A submission to `ledgerId` from `baseRevision`, its parts staged as given, inside `tx`. */
  async function stageIn(tx: Queryable, id: string, ledgerId: string, baseRevision: number, parts: StagedPart[]) {
    const t = await insertToken(tx, { role: 'division', bureauId: 1, divisionId: 1, label: '' });
    await insertSubmission(
      tx,
      {
        id,
        ledgerId,
        tokenId: t.record.id,
        baseRevision,
        asOf: '2025-03-31',
        rulesetVersion: 'v',
        partsExpected: parts.length,
        header: '{}',
        headerHash: 'h',
      },
      now,
    );
    for (const [i, p] of parts.entries()) await insertPart(tx, id, i, `p${i}`, encodeStaged(p, dataOf(p)));
  }

  /** A ledger and a submission whose parts are staged as given. */
  async function stage(parts: StagedPart[]): Promise<{ ledgerId: string; submissionId: string }> {
    n++;
    const ledgerId = `ledger-${String(n).padStart(4, '0')}`;
    const submissionId = `sub-${String(n).padStart(4, '0')}`;
    await db.transaction(async (tx) => {
      const b = await ensureBureau(tx, '環境局');
      const d = await ensureDivision(tx, b.id, '業務課');
      const c = await ensureClaim(tx, d.id, '廃棄物処理手数料', null);
      await createLedger(tx, { id: ledgerId, divisionId: d.id, claimId: c.id, name: '台帳' }, now);
      await stageIn(tx, submissionId, ledgerId, 0, parts);
    });
    return { ledgerId, submissionId };
  }

  /** Another submission to `ledgerId` from `baseRevision`, its parts staged as given. */
  async function stageAgain(ledgerId: string, baseRevision: number, parts: StagedPart[]): Promise<string> {
    const id = `sub-again-${++n}`;
    await db.transaction((tx) => stageIn(tx, id, ledgerId, baseRevision, parts));
    return id;
  }

  it('stores exactly the canonical values, hash and sheet row of every row', async () => {
    const parts = fc.sample(partArb, { numRuns: 40, seed: 7 });
    const { ledgerId, submissionId } = await stage(parts);
    const written = await db.transaction((tx) => upsertStagedRows(tx, ledgerId, 1, submissionId));
    const all = parts.flatMap((p) => p.upserts);
    expect(written).toBe(all.length);
    const stored = new Map((await currentRows(db, ledgerId)).map((r) => [r.row_key, r]));
    expect(stored.size).toBe(all.length);
    for (const u of all) {
      expect(stored.get(u.key)).toEqual({
        row_key: u.key,
        row_hash: u.hash,
        sheet_row: u.row,
        data: canonicalJson(u.values),
      });
    }
  });

  it('keeps the revision of an unchanged row, and counts only what changed', async () => {
    const row = (i: number, period: string): StagedRow => {
      const values = { period, assessedAmount: 1000 + i };
      return { key: sha256Hex(`k${i}`), hash: sha256Hex(canonicalJson(values)), row: i + 2, values };
    };
    const first = await stage([{ upserts: [row(0, '1期'), row(1, '1期'), row(2, '1期')], deletions: [] }]);
    expect(await db.transaction((tx) => upsertStagedRows(tx, first.ledgerId, 1, first.submissionId))).toBe(3);
    // The same ledger again: row 0 unchanged, row 1 changed, row 2 moved, row 3 new.
    const again = await stageAgain(first.ledgerId, 1, [
      { upserts: [row(0, '1期'), row(1, '2期'), { ...row(2, '1期'), row: 40 }, row(3, '1期')], deletions: [] },
    ]);
    expect(await db.transaction((tx) => upsertStagedRows(tx, first.ledgerId, 2, again))).toBe(3);
    const changes = await rowChanges(db, first.ledgerId, 1);
    expect(changes.filter((c) => c.kind === 'R').map((c) => c.row_key)).toEqual(
      [row(1, '2期'), row(2, '1期'), row(3, '1期')].map((r) => r.key).sort(),
    );
  });

  it('writes every row once with its exact values, into an empty ledger and over tombstones', async () => {
    // Text that looks like the staged form's own separators, escapes, non-ASCII, large amounts,
    // nulls, the unreadable marker, keys with a repeat suffix, and a part with deletions only.
    const nasty = [
      '],["',
      ']],[',
      '[["',
      '{"a":[1]}',
      '"quoted" \\ back\\slash',
      'tab\there\nnew\rline',
      '保険料 1期 𠮷',
      '\ud800',
      '',
    ];
    const row = (i: number): StagedRow => {
      const values: SyncRowValues = {
        period: nasty[i % nasty.length]!,
        assessedAmount: 2 ** 31 + i * 1_000_003,
        paidAmount: i % 4 === 0 ? null : i % 4 === 1 ? { unreadable: 'out-of-range' } : -(2 ** 40) - i,
        dunningMethod: i % 3 === 0 ? null : '文書",["x',
      };
      const key = sha256Hex(`nasty${i}`) + (i % 5 === 0 ? '#2' : '');
      return { key, hash: sha256Hex(canonicalJson(values)), row: i + 2, values };
    };
    const rows = Array.from({ length: 90 }, (_, i) => row(i));
    const parts: StagedPart[] = [
      { upserts: rows.slice(0, 40), deletions: [] },
      { upserts: [], deletions: [sha256Hex('gone'), `${sha256Hex('gone')}#3`] },
      { upserts: rows.slice(40), deletions: [sha256Hex('gone2')] },
    ];
    const expectStored = async (ledgerId: string, revision: number) => {
      const stored = await db.all<StoredRow & { revision: number; deleted: number }>(
        'SELECT row_key, row_hash, sheet_row, data, revision, deleted FROM ledger_rows WHERE ledger_id = ? ORDER BY row_key',
        [ledgerId],
      );
      expect(stored).toEqual(
        [...rows]
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((u) => ({
            row_key: u.key,
            row_hash: u.hash,
            sheet_row: u.row,
            data: canonicalJson(u.values),
            revision,
            deleted: 0,
          })),
      );
    };

    // An empty ledger: every row inserted, none twice.
    const first = await stage(parts);
    expect(await db.transaction((tx) => upsertStagedRows(tx, first.ledgerId, 1, first.submissionId))).toBe(90);
    await expectStored(first.ledgerId, 1);

    // The same rows over their own tombstones (the ledger has rows, all deleted): all come back.
    await db.transaction((tx) =>
      tombstoneRows(
        tx,
        first.ledgerId,
        2,
        rows.map((r) => r.key),
      ),
    );
    const again = await stageAgain(first.ledgerId, 2, parts);
    expect(await db.transaction((tx) => upsertStagedRows(tx, first.ledgerId, 3, again))).toBe(90);
    await expectStored(first.ledgerId, 3);
  });

  it('is left to the caller where the database cannot read JSON arrays as rows', async () => {
    const plain = { all: db.all.bind(db), get: db.get.bind(db), run: db.run.bind(db) };
    expect(await upsertStagedRows(plain, 'ledger-0001', 1, 'sub-0001')).toBeNull();
  });
});

describe('StagedCache', () => {
  const part = (rows: number) =>
    keysOf({
      upserts: Array.from({ length: rows }, (_, i) => ({ key: `k${i}`, hash: 'h', row: i + 2, values: {} })),
      deletions: [],
    });

  it('answers only for the staged hash, and drops the least recently touched beyond its bound', () => {
    const c = new StagedCache(10);
    c.put('a', 0, 'ha', part(4));
    c.put('b', 0, 'hb', part(4));
    expect(c.get('a', 0, 'ha')?.keys).toHaveLength(4);
    expect(c.get('a', 0, 'other')).toBeUndefined();
    expect(c.get('a', 1, 'ha')).toBeUndefined();
    c.put('a', 1, 'ha1', part(1));
    c.put('c', 0, 'hc', part(4));
    // b was touched least recently.
    expect(c.get('b', 0, 'hb')).toBeUndefined();
    expect(c.get('a', 0, 'ha')).toBeDefined();
    expect(c.size).toBe(9);
    c.put('d', 0, 'hd', part(11));
    expect(c.get('d', 0, 'hd')).toBeUndefined();
    c.drop('a');
    expect(c.size).toBe(4);
  });
});
