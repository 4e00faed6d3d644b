/**
 * The service (issue 3), each against a baseline measured in the same run:
 * - ingest of a 100k-row submission vs the sqlite3 command-line tool importing the same rows as CSV,
 *   with its last part (the one that applies all rows in one transaction) timed on its own;
 * - re-sending the same 100k rows unchanged vs the first ingest;
 * - bytes of a re-sync with 1% of rows changed vs the full submission;
 * - the bureau table with 1M stored rows across 14 bureaus vs a trivial authenticated request.
 * The same on PostgreSQL (`engine: 'postgres'`, in a scratch schema of the test server): ingest vs
 * `psql`'s `\copy` of the same rows into an equivalent table, and the bureau table with 10M rows.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULESET_VERSION } from '../../domain/rules/catalogue.js';
import { diffRows, splitParts, stateOf } from '../../addin/sync/diff.js';
import { FIELDS, LEDGER, makeRows, newId, upsertsFor, type RowSpec } from '../server/helpers/submissions.js';
import { startTestService, type TestService } from '../server/helpers/service.js';
import { CSV, seedCsv } from '../server/plans/fixtures.js';
import { median, timeAsync } from './machine.js';
import { benchSchema, type BenchSchema } from './pg-schema.js';

export type BenchEngine = 'sqlite' | 'postgres';

/** The service on a fresh database of `engine`: a PostgreSQL one in a scratch schema, dropped on close. */
async function startBenchService(
  engine: BenchEngine,
  name: string,
): Promise<{ svc: TestService; pg: BenchSchema | null }> {
  if (engine === 'sqlite') return { svc: await startTestService(), pg: null };
  const pg = await benchSchema(name);
  try {
    return { svc: await startTestService({ database: pg.url }), pg };
  } catch (e) {
    await pg.drop();
    throw e;
  }
}

async function post(url: string, token: string, path: string, body: unknown, type = 'application/json') {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

export interface IngestResult {
  rows: number;
  /** All parts of the first submission, sent one after the other. */
  serviceMs: number;
  /** The last of those parts: the service applies the whole submission while answering it. */
  applyMs: number;
  /** The same rows sent again unchanged, all parts (only the revision moves). */
  reapplyMs: number;
  /** The last of those parts, which applies them. */
  reapplyLastMs: number;
  /** The baseline: the sqlite3 tool's `.import`, or `psql`'s `\copy`, of the same rows. */
  cliMs: number;
  fullBytes: number;
  resyncBytes: number;
  changedRows: number;
}

export async function benchIngest(n = 100_000, engine: BenchEngine = 'sqlite'): Promise<IngestResult> {
  const { svc, pg } = await startBenchService(engine, 'ingest');
  try {
    const token = await svc.makeToken('division', '健康福祉局', '保険年金課');
    const specs = makeRows(n);
    const upserts = await upsertsFor(specs);
    const header = {
      submissionId: newId('bench'),
      baseRevision: 0,
      asOf: '2025-03-31',
      rulesetVersion: RULESET_VERSION,
      ledger: { ...LEDGER, fields: FIELDS },
    };
    const parts = splitParts(header, upserts, [], 10_000);
    const fullBytes = parts.reduce((s, p) => s + Buffer.byteLength(JSON.stringify(p)), 0);
    const ledgerId = newId('ledger');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    /** Sends every part; returns the time of the last one, the part that applies the submission. */
    const send = async (ps: typeof parts) => {
      for (const p of ps.slice(0, -1)) await post(svc.url, token, path, p);
      return (await timeAsync(() => post(svc.url, token, path, ps[ps.length - 1]))).ms;
    };
    const ingest = await timeAsync(() => send(parts));

    const cliMs = pg
      ? await copyWithPsql(pg, svc.dir, ledgerId, upserts)
      : await importWithSqlite3(svc.dir, ledgerId, upserts);

    // The same rows sent again, unchanged (revision 1 → 2).
    const same = splitParts({ ...header, submissionId: newId('bench'), baseRevision: 1 }, upserts, [], 10_000);
    const reapply = await timeAsync(() => send(same));

    // Re-sync: 1% of rows get a payment; the pane's diff decides what is sent.
    const changed: RowSpec[] = specs.map((s, i) => (i % 100 === 0 ? { ...s, paidAmount: 100 } : s));
    const again = await upsertsFor(changed);
    const diff = diffRows(again, stateOf(upserts));
    const resync = splitParts(
      { ...header, submissionId: newId('bench'), baseRevision: 2 },
      diff.upserts,
      diff.deletions,
    );
    const resyncBytes = resync.reduce((s, p) => s + Buffer.byteLength(JSON.stringify(p)), 0);
    for (const p of resync) await post(svc.url, token, path, p);
    return {
      rows: n,
      serviceMs: ingest.ms,
      applyMs: ingest.value,
      reapplyMs: reapply.ms,
      reapplyLastMs: reapply.value,
      cliMs,
      fullBytes,
      resyncBytes,
      changedRows: diff.upserts.length,
    };
  } finally {
    await svc.close();
    await pg?.drop();
  }
}

type Upserts = Awaited<ReturnType<typeof upsertsFor>>;

/**
 * The same rows as the service stores them, imported by the sqlite3 tool into the same table. Gives
 * the time of the import alone (the file and the table are made before the clock starts).
 */
async function importWithSqlite3(dir: string, ledgerId: string, upserts: Upserts): Promise<number> {
  const csvPath = join(dir, 'rows.csv');
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(
    csvPath,
    upserts
      .map((u) => [q(ledgerId), q(u.key), q(u.hash), u.row, q(JSON.stringify(u.values)), 1, 0].join(','))
      .join('\n'),
  );
  const cliDb = join(dir, 'cli.db');
  const schema =
    'PRAGMA journal_mode=WAL; CREATE TABLE ledger_rows (ledger_id TEXT NOT NULL, row_key TEXT NOT NULL, row_hash TEXT NOT NULL, sheet_row INTEGER NOT NULL, data TEXT NOT NULL, revision INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (ledger_id, row_key));';
  execFileSync('sqlite3', [cliDb, schema]);
  return (await timeAsync(async () => execFileSync('sqlite3', [cliDb, '.mode csv', `.import ${csvPath} ledger_rows`])))
    .ms;
}

/**
 * The same rows as the service stores them, as COPY text, loaded by `psql`'s `\copy` into a table
 * like ledger_rows (its columns and types, primary key and revision index; no foreign key, as the
 * sqlite3 baseline has none). Gives the time of `psql` alone.
 */
async function copyWithPsql(pg: BenchSchema, dir: string, ledgerId: string, upserts: Upserts): Promise<number> {
  const path = join(dir, 'rows.tsv');
  const esc = (s: string) =>
    s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  writeFileSync(
    path,
    upserts.map((u) => [ledgerId, u.key, u.hash, u.row, esc(JSON.stringify(u.values)), 1, 0].join('\t')).join('\n') +
      '\n',
  );
  await pg.query(`CREATE TABLE copy_rows (ledger_id TEXT COLLATE "C" NOT NULL, row_key TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL, sheet_row INTEGER NOT NULL, data TEXT COLLATE "C" NOT NULL,
    revision INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (ledger_id, row_key));
    CREATE INDEX copy_rows_revision ON copy_rows (ledger_id, revision)`);
  const copy = await timeAsync(async () => pg.psql(['-c', `\\copy copy_rows FROM '${path.replace(/'/g, "''")}'`]));
  const n = Number((await pg.query('SELECT COUNT(*) AS n FROM copy_rows')).rows[0].n);
  if (n !== upserts.length) throw new Error(`psql copied ${n} rows of ${upserts.length}`);
  return copy.ms;
}

export interface TableResult {
  storedRows: number;
  bureaus: number;
  ledgers: number;
  tableMs: number;
  meMs: number;
}

export async function benchBureauTable(storedRows = 1_000_000, engine: BenchEngine = 'sqlite'): Promise<TableResult> {
  const { svc, pg } = await startBenchService(engine, 'table');
  try {
    const finance = await svc.makeToken('finance');
    await post(svc.url, finance, '/api/v1/plans/import', seedCsv(), CSV);
    if (pg) await storeRowsPg(pg, storedRows);
    else
      await svc.service.db.transaction(async (tx) => {
        // Ten ledgers per claim with aggregates, and 1M rows spread over them (never read by the report).
        await tx.run(`INSERT INTO ledgers (id, division_id, claim_id, name, revision, outstanding, created_at)
        SELECT 'L' || c.id || '-' || k.n, c.division_id, c.id, '台帳', 1, 1000 * k.n, '2025-01-01'
          FROM claims c, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
                          UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10) k`);
        await tx.run(
          `WITH RECURSIVE seq(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM seq WHERE x + 1 < ?),
                         l AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, COUNT(*) OVER () AS n FROM ledgers)
        INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision)
        SELECT l.id, printf('%064x', seq.x), printf('%064x', seq.x), seq.x + 2, '{"assessedAmount":1000}', 1
          FROM seq JOIN l ON l.i = seq.x % l.n`,
          [storedRows],
        );
      });
    const counts = await svc.service.db.get<{ rows: number; bureaus: number; ledgers: number }>(
      'SELECT (SELECT COUNT(*) FROM ledger_rows) AS rows, (SELECT COUNT(*) FROM bureaus) AS bureaus, (SELECT COUNT(*) FROM ledgers) AS ledgers',
    );
    const get = (path: string) =>
      fetch(svc.url + path, { headers: { authorization: `Bearer ${finance}` } }).then((r) => r.text());
    const tableRuns: number[] = [];
    const meRuns: number[] = [];
    for (let i = 0; i < 25; i++) {
      tableRuns.push((await timeAsync(() => get('/api/v1/reports/targets?fy=2024'))).ms);
      meRuns.push((await timeAsync(() => get('/api/v1/me'))).ms);
    }
    return {
      storedRows: counts!.rows,
      bureaus: counts!.bureaus,
      ledgers: counts!.ledgers,
      tableMs: median(tableRuns.slice(5)),
      meMs: median(meRuns.slice(5)),
    };
  } finally {
    await svc.close();
    await pg?.drop();
  }
}

/**
 * As the SQLite setup above, in SQL on the server: ten ledgers per claim and `n` rows spread over
 * them, each ledger's rows made in key order (so the primary key is built by appending), then
 * ANALYZE, as autovacuum would after such a load.
 */
async function storeRowsPg(pg: BenchSchema, n: number): Promise<void> {
  await pg.query(`INSERT INTO ledgers (id, division_id, claim_id, name, revision, outstanding, created_at)
    SELECT 'L' || c.id || '-' || k.n, c.division_id, c.id, '台帳', 1, 1000 * k.n, '2025-01-01'
      FROM claims c, generate_series(1, 10) AS k(n)`);
  await pg.query(`INSERT INTO ledger_rows (ledger_id, row_key, row_hash, sheet_row, data, revision)
    SELECT l.id, lpad(to_hex(x), 64, '0'), lpad(to_hex(x), 64, '0'), x + 2, '{"assessedAmount":1000}', 1
      FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, COUNT(*) OVER () AS c FROM ledgers) l,
           generate_series(0, ${n} / l.c - 1 + CASE WHEN l.i < ${n} % l.c THEN 1 ELSE 0 END) AS x`);
  await pg.query('ANALYZE');
}
