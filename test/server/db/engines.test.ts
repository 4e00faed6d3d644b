/**
 * What the repositories rely on from either engine (`server/db/db.ts`), checked on the run's engine:
 * `?` placeholders, numbers and exact amounts, JSON arrays as rows, transactions that behave as if
 * run one after another under contention, all-or-nothing, migrations run once by two processes
 * starting together, and (PostgreSQL) a service role that is not a superuser.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { openDb } from '../../../server/db/open.js';
import { numberPlaceholders, translateDdl } from '../../../server/db/postgres.js';
import { makeTempDir } from '../helpers/service.js';
import { freshDatabase, TEST_ENGINE, TEST_PG, type TestDatabase } from '../helpers/test-db.js';

const dir = makeTempDir('saiken-engines-');
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase(dir);
  db = await openDb(database.location);
  await migrate(db);
  // Written as the migrations are; on PostgreSQL translated as the migrator translates them.
  const ddl = 'CREATE TABLE probe (id INTEGER PRIMARY KEY, amount BIGINT, note TEXT, n INTEGER NOT NULL DEFAULT 0)';
  await db.run(db.engine === 'postgres' ? translateDdl(ddl) : ddl);
});

afterAll(async () => {
  await db.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`the ${TEST_ENGINE} engine`, () => {
  it('binds ? placeholders in order, leaving a ? inside quoted text alone', async () => {
    const r = await db.get<{ a: string; b: string; q: string }>(
      "SELECT CAST(? AS TEXT) AS a, CAST(? AS TEXT) AS b, 'why?' AS q -- a comment?\n",
      ['一', '二'],
    );
    expect(r).toEqual({ a: '一', b: '二', q: 'why?' });
  });

  it('gives counts and sums as numbers, and amounts beyond 2^53 exactly as text', async () => {
    const big = 2n ** 62n + 7n;
    await db.run('INSERT INTO probe (amount, note) VALUES (?, ?), (?, ?)', [big, '大', 5, null]);
    const r = await db.get<{ n: number; small: number; exact: string }>(
      'SELECT COUNT(*) AS n, SUM(CASE WHEN amount < 100 THEN amount ELSE 0 END) AS small, CAST(MAX(amount) AS TEXT) AS exact FROM probe',
    );
    expect(r).toEqual({ n: 2, small: 5, exact: big.toString() });
    const ids = await db.all<{ id: number }>('SELECT id FROM probe ORDER BY id');
    expect(ids.every((x) => typeof x.id === 'number')).toBe(true);
  });

  it('reads a JSON array parameter as rows', async () => {
    const rows = await db.all<{ k: string; v: number }>(
      `SELECT CAST(u.value ->> 0 AS TEXT) AS k, CAST(u.value ->> 1 AS INTEGER) AS v FROM ${db.jsonElements!('?', 1)} AS u`,
      [
        JSON.stringify([
          0,
          [
            ['あ', 1],
            ['"\\\t', 2],
          ],
        ]),
      ],
    );
    expect(rows).toEqual([
      { k: 'あ', v: 1 },
      { k: '"\\\t', v: 2 },
    ]);
  });

  it('rolls a transaction back whole when it throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO probe (amount, note) VALUES (1, ?)', ['rolled back']);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.get('SELECT id FROM probe WHERE note = ?', ['rolled back'])).toBeUndefined();
  });

  it('loses no increment when 8 clients read and write one row at once', async () => {
    const { id } = (await db.transaction((tx) =>
      tx.get<{ id: number }>("INSERT INTO probe (note) VALUES ('counter') RETURNING id"),
    ))!;
    const bump = () =>
      db.transaction(async (tx) => {
        const { n } = (await tx.get<{ n: number }>('SELECT n FROM probe WHERE id = ?', [id]))!;
        await tx.run('UPDATE probe SET n = ? WHERE id = ?', [n + 1, id]);
      });
    await Promise.all(Array.from({ length: 8 }, async () => { for (let i = 0; i < 10; i++) await bump(); })); // prettier-ignore
    expect((await db.get<{ n: number }>('SELECT n FROM probe WHERE id = ?', [id]))!.n).toBe(80);
  });

  it('migrates once when two processes start on a new database together', async () => {
    // Several rounds: the two opening at the same moment is a race, which one round may miss.
    for (let round = 0; round < (TEST_ENGINE === 'sqlite' ? 8 : 2); round++) {
      const otherDir = makeTempDir('saiken-engines-two-');
      const other = await freshDatabase(otherDir);
      const [a, b] = await Promise.all([openDb(other.location), openDb(other.location)]);
      try {
        const outcomes = await Promise.all([migrate(a), migrate(b)]);
        expect(outcomes.map((o) => o.to)).toEqual([MIGRATIONS.length, MIGRATIONS.length]);
        expect(await a.schema.version()).toBe(MIGRATIONS.length);
        expect(await b.get('SELECT id FROM bureaus')).toBeUndefined();
        // PostgreSQL: the second waited for the first's lock, then found nothing to do. (SQLite: each
        // step is skipped by whichever process comes second to it.)
        if (a.engine === 'postgres') expect(outcomes.map((o) => o.from).sort()).toEqual([0, MIGRATIONS.length]);
      } finally {
        await a.close();
        await b.close();
        await other.drop();
        rmSync(otherDir, { recursive: true, force: true });
      }
    }
  });
});

describe.skipIf(TEST_ENGINE !== 'postgres')('PostgreSQL', () => {
  it('translates placeholders outside quotes and comments only', () => {
    expect(numberPlaceholders(`SELECT ?, '?', "a?", ? -- ?\nFROM t WHERE x = ?`)).toBe(
      `SELECT $1, '?', "a?", $2 -- ?\nFROM t WHERE x = $3`,
    );
  });

  it('gives the migrations identity keys and byte-wise text', () => {
    expect(translateDdl('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')).toBe(
      'CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT COLLATE "C" NOT NULL)',
    );
  });

  it('sorts names as SQLite does, whatever the database locale', async () => {
    await db.run('INSERT INTO bureaus (name, sort_order) VALUES (?, 1), (?, 2), (?, 3), (?, 4)', [
      'b局',
      'B局',
      'あ局',
      'Z局',
    ]);
    const names = (await db.all<{ name: string }>('SELECT name FROM bureaus ORDER BY name')).map((r) => r.name);
    expect(names).toEqual(['B局', 'Z局', 'b局', 'あ局']);
  });

  it('runs the service as a role that is not a superuser and owns only its schema', async () => {
    const role = 'saiken_test_app';
    const schema = `t_${process.pid}_role_1`;
    const admin = new pg.Client({ connectionString: TEST_PG });
    await admin.connect();
    try {
      await admin.query(
        `DO $$ BEGIN CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
      );
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`);
      const url = new URL(TEST_PG);
      url.username = role;
      url.searchParams.set('options', `-c search_path=${schema}`);
      const app = await openDb(url.toString());
      try {
        expect(
          (await app.get<{ s: boolean }>('SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user'))!.s,
        ).toBe(false);
        await migrate(app);
        await app.transaction((tx) => tx.run('INSERT INTO bureaus (name, sort_order) VALUES (?, 1)', ['財政局']));
        expect((await app.get<{ n: number }>('SELECT COUNT(*) AS n FROM bureaus'))!.n).toBe(1);
      } finally {
        await app.close();
      }
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
});
