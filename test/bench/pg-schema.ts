/**
 * A scratch schema for a benchmark on the test PostgreSQL server (`SAIKEN_TEST_PG`, default the
 * local `test` database), dropped afterwards. Named `bench_…`, so the sweep of stale `t_…` test
 * schemas leaves a running benchmark alone.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { TEST_PG } from '../server/helpers/test-db.js';

export interface BenchSchema {
  schema: string;
  /** A URL whose search_path is the schema (for `--db`, `startTestService({ database })`). */
  url: string;
  /** Runs `psql` in the schema with these arguments; gives its output. */
  psql(args: readonly string[]): string;
  /** One statement on a connection of its own, in the schema. */
  query(sql: string): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

export async function benchSchema(name: string): Promise<BenchSchema> {
  const schema = `bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const u = new URL(TEST_PG);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  return {
    schema,
    url,
    psql: (args) =>
      execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', TEST_PG, ...args], {
        env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
        encoding: 'utf8',
      }),
    async query(sql) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return await c.query(sql);
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
