/**
 * Migration 004 on a database written the old way (raw SQL, as earlier services stored what
 * earlier panes sent): the text of unreadable cells, free text in typed fields and personal-looking
 * text values and ledger names are gone from the file; values become canonical or the unreadable
 * marker with the engine's reason; row hashes are those of the new values. On either engine (a
 * PostgreSQL database reaches version 3 only by being made so here: the check there is the text of
 * every live row; VACUUM, not the migration, reclaims the space of the rows it replaced).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type MigrationOutcome } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import type { Queryable } from '../../../server/db/db.js';
import { openDb } from '../../../server/db/open.js';
import { decodeStaged } from '../../../server/sync/staged.js';
import { makeTempDir } from '../helpers/service.js';
import { freshDatabase, storedBytes, TEST_ENGINE, type TestDatabase } from '../helpers/test-db.js';

const SCRUB = MIGRATIONS.findIndex((m) => typeof m !== 'string');
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const D = 'a'.repeat(64);

/** Planted texts that must not survive anywhere in the file. */
const PLANTED = ['3/1 山田様と電話', '山田太郎 死亡のため', '090-1234-5678', '田中花子の台帳', '鈴木一郎様 分納中'];

const oldRows: Record<string, unknown>[] = [
  // An unreadable 最終交渉日 sent as typed, and a readable date in another notation.
  { debtorId: D, lastContactDate: '3/1 山田様と電話', dueDate: '2024/4/1', assessedAmount: 5000 },
  // Free text in a yen field, a personal 欠損理由, an amount past MAX_YEN, a text date in a fiscal year.
  { debtorId: D, paidAmount: '090-1234-5678', writeOffReason: '山田太郎 死亡のため', assessedAmount: 5e12 },
  // Already canonical: left exactly as it was.
  { debtorId: D, dueDate: '2024-04-30', assessedAmount: 1200, period: '1期', hardship: true },
  // A fraction of a yen and a day that does not exist keep their reasons.
  { assessedAmount: '1,234.5', dueDate: '令和6年2月30日', incomeBracket: 'A階層' },
];

let dir: string;
let database: TestDatabase;
let outcome: MigrationOutcome;

beforeAll(async () => {
  dir = makeTempDir('saiken-scrub-');
  database = await freshDatabase(dir);
  const db = await openDb(database.location);
  await migrate(db, new Date('2025-01-01T00:00:00Z'), MIGRATIONS.slice(0, SCRUB));
  await db.transaction(async (tx) => {
    await tx.run("INSERT INTO bureaus (id, name, sort_order) VALUES (1, '健康福祉局', 1)");
    await tx.run("INSERT INTO divisions (id, bureau_id, name) VALUES (1, 1, '保険年金課')");
    await tx.run("INSERT INTO claims (id, division_id, name) VALUES (1, 1, '国民健康保険料')");
    await tx.run(
      "INSERT INTO ledgers (id, division_id, claim_id, name, created_at) VALUES ('ledger-0001', 1, 1, '田中花子の台帳', '2025-01-01')",
    );
    for (const [i, values] of oldRows.entries()) {
      const data = JSON.stringify(values);
      await tx.run(
        'INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision) VALUES (?, ?, ?, ?, ?, 1)',
        ['ledger-0001', String(i).repeat(64).slice(0, 64), sha256(data), i + 2, data],
      );
    }
    await tx.run(
      `INSERT INTO submissions (id, ledger_id, base_revision, as_of, ruleset_version, parts_expected, status, received_at)
       VALUES ('sub-00000001', 'ledger-0001', 1, '2025-03-31', 'v', 3, 'receiving', '2025-01-01')`,
    );
    // A compact staged part and one in the older stable-JSON form, both holding raw text.
    const compact = `[2,[["${'b'.repeat(64)}","${'c'.repeat(64)}",9,${JSON.stringify({ lastContactDate: '鈴木一郎様 分納中', dueDate: '2024-05-31' })}]],[]]`;
    const legacy = JSON.stringify({
      ledger: { name: '田中花子の台帳', claimType: '国民健康保険料', fields: ['lastContactDate'] },
      upserts: [
        { key: 'd'.repeat(64), hash: 'e'.repeat(64), row: 10, values: { lastContactDate: '3/1 山田様と電話' } },
      ],
      deletions: [],
    });
    const insert = 'INSERT INTO submission_parts (submission_id, part_index, body_hash, body) VALUES (?, ?, ?, ?)';
    await tx.run(insert, ['sub-00000001', 0, 'h0', compact]);
    await tx.run(insert, ['sub-00000001', 1, 'h1', legacy]);
  });
  await db.close();

  const again = await openDb(database.location);
  outcome = await migrate(again, new Date('2025-04-01T00:00:00Z'));
  await again.close();
});

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 004: scrub stored ledger values', () => {
  it('says the copy taken before it still holds what it removed (SQLite; PostgreSQL takes none)', () => {
    if (TEST_ENGINE === 'sqlite') {
      expect(outcome.backup).toMatch(/\.bak$/);
      expect(outcome.backupHoldsScrubbed).toBe(true);
    } else expect(outcome).toMatchObject({ backup: null, backupHoldsScrubbed: false });
  });

  it('leaves none of the planted text anywhere in the database', async () => {
    const file = await storedBytes(database.location);
    for (const text of PLANTED) expect(file.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    // Nor a fragment of one (a name alone).
    for (const text of ['山田', '田中花子', '鈴木一郎', '1234-5678']) {
      expect(file.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    }
  });

  it('makes values canonical or unreadable markers with the engine’s reason, and rehashes the rows', async () => {
    const db = await openDb(database.location);
    try {
      const rows = await db.all<{ sheet_row: number; data: string; row_hash: string }>(
        'SELECT sheet_row, data, row_hash FROM ledger_rows ORDER BY sheet_row',
      );
      const values = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
      expect(values[0]).toEqual({
        debtorId: D,
        assessedAmount: 5000,
        dueDate: '2024-04-01',
        lastContactDate: { unreadable: 'unreadable' },
      });
      expect(values[1]).toEqual({
        debtorId: D,
        assessedAmount: { unreadable: 'out-of-range' },
        paidAmount: { unreadable: 'unreadable' },
        writeOffReason: null,
      });
      expect(values[2]).toEqual(oldRows[2]);
      expect(values[3]).toEqual({
        assessedAmount: { unreadable: 'fraction' },
        dueDate: { unreadable: 'no-such-day' },
        incomeBracket: 'A階層',
      });
      for (const r of rows) expect(r.row_hash).toBe(sha256(r.data));
      // The untouched row keeps its old stored form and hash.
      expect(rows[2]!.data).toBe(JSON.stringify(oldRows[2]));

      const parts = await db.all<{ body: string }>('SELECT body FROM submission_parts ORDER BY part_index');
      const compact = decodeStaged(parts[0]!.body);
      expect(compact.upserts[0]!.values).toEqual({
        dueDate: '2024-05-31',
        lastContactDate: { unreadable: 'unreadable' },
      });
      const legacy = decodeStaged(parts[1]!.body);
      expect(legacy.upserts[0]!.values).toEqual({ lastContactDate: { unreadable: 'unreadable' } });

      const ledger = await db.get<{ name: string }>("SELECT name FROM ledgers WHERE id = 'ledger-0001'");
      expect(ledger!.name).toBe('台帳 ledger-0001');
      expect(await db.schema.version()).toBe(MIGRATIONS.length);
    } finally {
      await db.close();
    }
  });

  it('rolls a failing data step back whole, version included', async () => {
    const otherDir = makeTempDir('saiken-scrub-failing-');
    const other = await freshDatabase(otherDir);
    const db = await openDb(other.location);
    try {
      await migrate(db, new Date('2025-01-01T00:00:00Z'), MIGRATIONS.slice(0, SCRUB));
      const failing = {
        name: 'failing',
        async run(tx: Queryable) {
          await tx.run('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      };
      await expect(migrate(db, new Date(), [...MIGRATIONS.slice(0, SCRUB), failing])).rejects.toThrow('boom');
      expect(await db.schema.version()).toBe(SCRUB);
      expect(await db.catalog.tables(db)).not.toContain('half_done');
    } finally {
      await db.close();
      await other.drop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
