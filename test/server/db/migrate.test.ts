/**
 * The migrator: a fresh file reaches `user_version = MIGRATIONS.length`; a current one is left
 * alone; an older one is copied beside itself (VACUUM INTO) before it changes; a failing step
 * changes nothing; a newer one is refused. Extra steps come through migrate()'s test-only
 * `migrations` argument. WAL and foreign keys are on for both of SqliteDb's connections.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, SchemaTooNewError } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir } from '../helpers/service.js';

const N = MIGRATIONS.length;
const NOW = new Date('2025-03-31T00:00:00.000Z');
const EXTRA =
  "CREATE TABLE extra (id INTEGER PRIMARY KEY, note TEXT NOT NULL);\nINSERT INTO extra (note) VALUES ('next');";

let dir: string;
const open: SqliteDb[] = [];
beforeEach(() => {
  dir = makeTempDir('saiken-migrate-');
});
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function openDb(name = 'saiken.db'): Promise<SqliteDb> {
  const db = await SqliteDb.open(join(dir, name));
  open.push(db);
  return db;
}

async function close(db: SqliteDb): Promise<void> {
  open.splice(open.indexOf(db), 1);
  await db.close();
}

/** A database at the program's version with a bureau and a division in it. */
async function current(): Promise<SqliteDb> {
  const db = await openDb();
  await migrate(db, NOW);
  await db.run("INSERT INTO bureaus (name, sort_order) VALUES ('健康福祉局', 1)");
  await db.run("INSERT INTO divisions (bureau_id, name) VALUES (1, '保険年金課')");
  return db;
}

const tables = async (db: SqliteDb) =>
  (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(
    (t) => t.name,
  );
const schema = (db: SqliteDb) => db.all<{ sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY name');
const bureaus = (db: SqliteDb) => db.all<{ id: number; name: string }>('SELECT id, name FROM bureaus ORDER BY id');
const backups = () => readdirSync(dir).filter((f) => f.endsWith('.bak'));

describe('migrate', () => {
  it('brings a fresh database to user_version = MIGRATIONS.length, without a backup', async () => {
    const db = await openDb();
    expect(await db.schema.version()).toBe(0);
    expect(await migrate(db, NOW)).toEqual({ from: 0, to: N, backup: null, backupHoldsScrubbed: false });
    expect(await db.schema.version()).toBe(N);
    expect(await tables(db)).toEqual(expect.arrayContaining(['bureaus', 'divisions', 'claims', 'tokens', 'ledgers']));
    expect(backups()).toEqual([]);
  });

  it('does nothing to a database already at the latest version, reopened', async () => {
    const db = await current();
    const before = { schema: await schema(db), bureaus: await bureaus(db) };
    await close(db);
    const again = await openDb();
    expect(await migrate(again, new Date(NOW.getTime() + 86_400_000))).toEqual({
      from: N,
      to: N,
      backup: null,
      backupHoldsScrubbed: false,
    });
    expect(await again.schema.version()).toBe(N);
    expect({ schema: await schema(again), bureaus: await bureaus(again) }).toEqual(before);
    expect(backups()).toEqual([]);
  });

  it('copies an older database beside itself, then upgrades it', async () => {
    const db = await current();
    const outcome = await migrate(db, NOW, [...MIGRATIONS, EXTRA]);
    const backup = join(dir, `saiken.db.v${N}-2025-03-31T00-00-00-000Z.bak`);
    expect(outcome).toEqual({ from: N, to: N + 1, backup, backupHoldsScrubbed: false });
    expect(await db.schema.version()).toBe(N + 1);
    expect(await db.all('SELECT note FROM extra')).toEqual([{ note: 'next' }]);
    expect(await bureaus(db)).toEqual([{ id: 1, name: '健康福祉局' }]);

    // The copy is the database as it was: the old version, the data, not the new table.
    expect(existsSync(backup)).toBe(true);
    const copy = await openDb(`saiken.db.v${N}-2025-03-31T00-00-00-000Z.bak`);
    expect(await copy.schema.version()).toBe(N);
    expect(await bureaus(copy)).toEqual([{ id: 1, name: '健康福祉局' }]);
    expect(await tables(copy)).not.toContain('extra');
    expect(await copy.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // Once upgraded, the same steps are a no-op and take no further copy.
    expect(await migrate(db, new Date(), [...MIGRATIONS, EXTRA])).toEqual({
      from: N + 1,
      to: N + 1,
      backup: null,
      backupHoldsScrubbed: false,
    });
    expect(backups()).toHaveLength(1);
  });

  it('commits a step whose last statement has no semicolon, or ends in a comment', async () => {
    const db = await current();
    const steps = [...MIGRATIONS, 'CREATE TABLE a (id INTEGER)', 'CREATE TABLE b (id INTEGER); -- b is for later'];
    expect(await migrate(db, NOW, steps)).toMatchObject({ from: N, to: N + 2 });
    expect(await db.schema.version()).toBe(N + 2);
    expect(await tables(db)).toEqual(expect.arrayContaining(['a', 'b']));
    // No transaction was left open: the writer still takes new ones, and they stick.
    await db.run('INSERT INTO b (id) VALUES (1)');
    await close(db);
    const again = await openDb();
    expect(await again.schema.version()).toBe(N + 2);
    expect(await again.all('SELECT id FROM b')).toEqual([{ id: 1 }]);
  });

  it('rolls a failing step back: user_version and data unchanged, database still usable', async () => {
    const db = await current();
    const before = { schema: await schema(db), bureaus: await bureaus(db) };
    const failing = [
      'CREATE TABLE half_done (id INTEGER);',
      "INSERT INTO bureaus (name, sort_order) VALUES ('途中局', 99);",
      "UPDATE bureaus SET name = '書き換え' WHERE id = 1;",
      'INSERT INTO no_such_table VALUES (1);',
    ].join('\n');
    await expect(migrate(db, NOW, [...MIGRATIONS, failing])).rejects.toThrow(/no such table/);
    expect(await db.schema.version()).toBe(N);
    expect({ schema: await schema(db), bureaus: await bureaus(db) }).toEqual(before);
    // The writer is not stuck in the failed transaction.
    await db.run("INSERT INTO bureaus (name, sort_order) VALUES ('後から局', 2)");
    expect((await bureaus(db)).map((b) => b.name)).toEqual(['健康福祉局', '後から局']);
  });

  it('keeps the steps before a failing one: each step commits on its own', async () => {
    const db = await current();
    await expect(migrate(db, NOW, [...MIGRATIONS, EXTRA, 'CREATE TABLE extra (id INTEGER);'])).rejects.toThrow(
      /already exists/,
    );
    expect(await db.schema.version()).toBe(N + 1);
    expect(await db.all('SELECT note FROM extra')).toEqual([{ note: 'next' }]);
    // Run again with the step fixed: it goes on from N + 1.
    expect(await migrate(db, NOW, [...MIGRATIONS, EXTRA, 'CREATE TABLE more (id INTEGER);'])).toMatchObject({
      from: N + 1,
      to: N + 2,
    });
  });

  it('refuses a database from a newer program, changing nothing', async () => {
    const db = await current();
    await db.execScript(`PRAGMA user_version = ${N + 1}`);
    const before = await schema(db);
    const refused = await migrate(db, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SchemaTooNewError);
    expect(refused).toMatchObject({ found: N + 1, supported: N });
    expect(await db.schema.version()).toBe(N + 1);
    expect(await schema(db)).toEqual(before);
    expect(backups()).toEqual([]);
    await close(db);

    // The command line says so in Japanese, rather than blaming the file's place or permissions.
    for (const args of [
      ['token', 'list', '--db', join(dir, 'saiken.db')],
      ['serve', '--http', '--port', '0', '--db', join(dir, 'saiken.db')],
    ]) {
      const r = await runSaiken(args);
      expect(r.code).toBe(2);
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(/新しい形式/);
    }
  });
});

describe('SqliteDb', () => {
  it('runs in WAL mode with foreign keys on, for the reader and the writer', async () => {
    const db = await openDb();
    await migrate(db, NOW);
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.transaction((tx) => tx.get('PRAGMA foreign_keys'))).toEqual({ foreign_keys: 1 });
    await expect(db.run("INSERT INTO divisions (bureau_id, name) VALUES (9999, '迷子課')")).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await db.run("INSERT INTO bureaus (name, sort_order) VALUES ('局', 1)");
    expect(existsSync(join(dir, 'saiken.db-wal'))).toBe(true);
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
  });
});
