/**
 * Before the PostgreSQL project runs: drops the schemas that earlier runs left in the test
 * database when they were killed (each is named `t_<pid>_…` after the process that made it; a
 * schema whose process is still running belongs to a run going on beside this one and is kept).
 */
import pg from 'pg';
import { TEST_PG } from './test-db.js';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default async function dropStaleSchemas(): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[a-z0-9]+_[0-9]+$'",
    );
    for (const { name } of rows) {
      if (!running(Number(name.split('_')[1]))) await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    }
  } finally {
    await c.end();
  }
}
