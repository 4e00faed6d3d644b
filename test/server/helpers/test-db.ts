/**
 * The engine a test run's service tests use: SQLite by default, PostgreSQL when
 * `SAIKEN_TEST_ENGINE=postgres` (the `postgres` project of vitest.config.ts runs the service tests
 * again that way). On PostgreSQL each test gets a schema of its own in the `test` database
 * (`SAIKEN_TEST_PG` overrides the server), dropped when the test is done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Db, Engine, SqlValue } from '../../../server/db/db.js';
import { openDb } from '../../../server/db/open.js';

export const TEST_ENGINE: Engine = process.env.SAIKEN_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const TEST_PG = process.env.SAIKEN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** What `--db` would be given: a file, or a URL whose search_path is the test's schema. */
  location: string;
  drop(): Promise<void>;
}

let seq = 0;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new, empty schema in the test server, and a URL that works in it. */
export async function freshPgSchema(): Promise<TestDatabase> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${++seq}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(TEST_PG);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    location: url.toString(),
    drop: () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

/** A fresh database for one test on the run's engine: `saiken.db` in `dir`, or a new schema. */
export async function freshDatabase(dir: string, engine: Engine = TEST_ENGINE): Promise<TestDatabase> {
  if (engine === 'postgres') return freshPgSchema();
  return { location: join(dir, 'saiken.db'), drop: async () => undefined };
}

/**
 * Everything a database holds, as bytes to search for what must never be stored: a SQLite file
 * with its WAL, or on PostgreSQL the text of every row of every table in the test's schema.
 */
export async function storedBytes(location: string): Promise<Buffer> {
  if (!location.startsWith('postgres')) {
    const files = [location, `${location}-wal`].filter(existsSync);
    return Buffer.concat(files.map((f) => readFileSync(f)));
  }
  const c = new pg.Client({ connectionString: location });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      "SELECT quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    const texts: string[] = [];
    for (const { t } of tables.rows) {
      const rows = await c.query<{ r: string }>(`SELECT x::text AS r FROM ${t} x`);
      for (const r of rows.rows) texts.push(r.r);
    }
    return Buffer.from(texts.join('\n'), 'utf8');
  } finally {
    await c.end();
  }
}

/**
 * What is wrong with a database's structure, [] when sound: SQLite's integrity and foreign-key
 * checks; on PostgreSQL (which checks foreign keys as it writes) any constraint left unvalidated.
 */
export async function integrityProblems(location: string): Promise<string[]> {
  const db = await openDb(location);
  try {
    if (db.engine === 'postgres') {
      const rows = await db.all<{ conname: string }>(
        'SELECT conname FROM pg_constraint WHERE NOT convalidated AND connamespace = current_schema()::regnamespace',
      );
      return rows.map((r) => `unvalidated ${r.conname}`);
    }
    const check = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    const keys = await db.all<Record<string, unknown>>('PRAGMA foreign_key_check');
    return [...check.map((r) => r.integrity_check).filter((s) => s !== 'ok'), ...keys.map((k) => JSON.stringify(k))];
  } finally {
    await db.close();
  }
}

/** The plan the engine would run for `sql`, as text (to assert which tables it reads). */
export async function queryPlan(db: Db, sql: string, params: readonly SqlValue[] = []): Promise<string> {
  if (db.engine === 'postgres') {
    const rows = await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
  return rows.map((r) => r.detail).join('\n');
}

/**
 * `real` with some of its members replaced: a test's stand-in for a database that records, lags
 * or fails. Everything not replaced is `real`'s own (methods bound to it).
 */
export function dbWith(real: Db, replaced: Partial<Db>): Db {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (Object.prototype.hasOwnProperty.call(replaced, key)) return (replaced as Record<PropertyKey, unknown>)[key];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
