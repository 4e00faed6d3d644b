/**
 * One large request must not stall the service for everyone else: the largest plan import the API
 * takes (50,000 rows, close to the 20 MB body limit) and `/reports/claims` over those 50,000
 * claims, each measured for the event loop's longest stall, `/healthz` answered meanwhile, and
 * (the import) how long other writers wait for the single SQLite writer. The limits scale by what
 * the machine's load did meanwhile to another process's busy callback, and allow on top what it did
 * to an idle process (on two cores, PostgreSQL's own work and the suite's other files take the
 * service's core from it as much as any code could).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV, toCsv, type Row } from '../plans/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { idleStall, probeDuring, requestFromChild, type StallReport } from './stall-probe.js';

const ROWS = 50_000;
const MAX_STALL_MS = 100;
const MAX_HEALTH_MS = 200;

/** A limit on a quiet machine, as it stands under the load measured beside the request. */
function allowed(limitMs: number, report: StallReport, idleMs: number): number {
  return limitMs * report.busyStretch.p90 + Math.max(idleMs, report.machineStallMs);
}
/** 取組み long enough that the file nears the 20 MB limit (no personal-looking text in it). */
const MEASURES =
  '滞納初期の文書催告と電話催告を強化し、納付相談の機会を増やす。口座振替の勧奨を続け、分納の履行状況を毎月確認する。'.repeat(
    2,
  );

function planRows(n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    rows.push([
      `局${i % 20}`,
      `課${i % 1000}`,
      `債権${i}`,
      i % 3 === 0 ? '強制徴収公債権' : '私債権',
      '令和6年度',
      1_000_000 + i,
      900_000 + i,
      MEASURES,
    ]);
  }
  return rows;
}

let h: Harness;
let csv: string;
let dir: string;
let csvFile: string;

beforeAll(async () => {
  h = await startHarness();
  csv = toCsv(planRows(ROWS));
  dir = mkdtempSync(join(tmpdir(), 'saiken-stall-'));
  csvFile = join(dir, 'plans.csv');
  writeFileSync(csvFile, csv);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the largest plan import', () => {
  it('is under the body limit and refused whole for one bad row at its end', { timeout: 30_000 }, async () => {
    const bytes = Buffer.byteLength(csv);
    expect(bytes).toBeGreaterThan(15 * 1024 * 1024);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
    const bad = toCsv([...planRows(ROWS - 1), ['局0', '課0', '最後の債権', '私債権', '令和6年度', '1,2a', '0', '']]);
    const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: bad, type: CSV });
    expect([r.status, r.json.code, r.json.details.row]).toEqual([422, 'invalid-amount', ROWS + 1]);
    expect(await h.count('plans')).toBe(0);
  });

  // A timing test on a shared machine: retried, so one burst of load from other processes cannot
  // fail it alone.
  // The second import of the same file finds all 50,000 plans stored and unchanged: another path,
  // and a larger heap. A first import retried is such a second import too.
  let imports = 0;
  it.each(['a first import', 'the same file again'])(
    '%s neither stalls the service nor holds the writer for long',
    { timeout: 60_000, retry: 2 },
    async () => {
      const again = imports++ > 0;
      // Every write transaction's time from BEGIN to its last statement.
      const db = h.svc.db;
      const original = db.transaction.bind(db);
      const holds: number[] = [];
      db.transaction = (fn) =>
        original(async (tx) => {
          const t = performance.now();
          try {
            return await fn(tx);
          } finally {
            holds.push(performance.now() - t);
          }
        });
      // Another clerk's small write every 50 ms, timed from asking to committed.
      let writing = true;
      let maxWriteWaitMs = 0;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const t = performance.now();
          await db.transaction((tx) =>
            tx.run(
              "INSERT INTO settings (key, value) VALUES ('stall-probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              [String(i)],
            ),
          );
          maxWriteWaitMs = Math.max(maxWriteWaitMs, performance.now() - t);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      try {
        const started = performance.now();
        const { result, report } = await probeDuring(h.url, () =>
          requestFromChild(
            `${h.url}/api/v1/plans/import`,
            { method: 'POST', token: h.finance, contentType: CSV, bodyFile: csvFile },
            join(dir, 'import.json'),
          ),
        );
        const totalMs = performance.now() - started;
        const idle = await idleStall();
        writing = false;
        await writer;
        const importHold = Math.max(...holds);
        console.log(
          `plan import of ${ROWS} rows${again ? ' (again)' : ''} (${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB): ${Math.round(totalMs)} ms; ` +
            `writer held ${Math.round(importHold)} ms; another writer waited at most ${Math.round(maxWriteWaitMs)} ms; ` +
            `longest event-loop stall ${report.maxStallMs.toFixed(1)} ms; /healthz at most ${report.maxHealthMs.toFixed(1)} ms ` +
            `(${report.healthChecks} checks); an idle process's own stall ${Math.max(idle, report.machineStallMs).toFixed(1)} ms, ` +
            `a busy one stretched ${report.busyStretch.median.toFixed(2)}× (p90 ${report.busyStretch.p90.toFixed(2)}×)`,
        );
        expect(result.status, result.body.toString('utf8').slice(0, 300)).toBe(200);
        // A retry sends the same file again: every plan is then found unchanged.
        expect(JSON.parse(result.body.toString('utf8'))).toMatchObject({ imported: ROWS, changed: again ? 0 : ROWS });
        expect(report.maxStallMs).toBeLessThan(allowed(MAX_STALL_MS, report, idle));
        expect(report.maxHealthMs).toBeLessThan(allowed(MAX_HEALTH_MS, report, idle));
        expect(report.healthChecks).toBeGreaterThan(5);
        // SQLite: other writers wait while the import holds the one writer: 2.5–3.5 s on a quiet machine, up
        // to 4.6 s with the suite's other files beside it (33 s before the set-wise import); the bound catches
        // a return to row-by-row writing, not a busy neighbour (both scale by the load measured meanwhile).
        // PostgreSQL: others write meanwhile.
        if (db.engine === 'sqlite') expect(importHold).toBeLessThan(8_000 * report.busyStretch.median);
        else expect(maxWriteWaitMs).toBeLessThan(2_000 * report.busyStretch.median);
        expect(await h.count('plans')).toBe(ROWS);
      } finally {
        writing = false;
        await writer;
        db.transaction = original;
      }
    },
  );
});

describe('reports over 50,000 claims', () => {
  beforeAll(async () => {
    if ((await h.count('plans')) < ROWS) {
      const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: csv, type: CSV });
      expect(r.status).toBe(200);
    }
    // A ledger with an applied submission for every other claim.
    await h.svc.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO ledgers (id, division_id, claim_id, name, revision, as_of, outstanding, created_at)
         SELECT 'L' || c.id, c.division_id, c.id, c.name || '台帳', 1, '2024-09-30', 800000 + c.id, '2024-04-01'
           FROM claims c WHERE c.id % 2 = 0`,
      );
    });
  }, 60_000);

  const routes: [string, string, (body: Buffer) => void][] = [
    [
      '/reports/claims',
      '/api/v1/reports/claims?fy=2024',
      (bytes) => {
        const body = JSON.parse(bytes.toString('utf8'));
        expect(body.claims).toHaveLength(ROWS);
        expect(body.divisions).toHaveLength(1000);
        expect(body.total).toMatchObject({ claims: ROWS, claimsReporting: ROWS / 2 });
        // Σ target = Σ (900,000 + i).
        expect(body.total.targetYen).toBe(900_000 * ROWS + (ROWS * (ROWS - 1)) / 2);
      },
    ],
    [
      '/reports/targets',
      '/api/v1/reports/targets?fy=2024',
      (bytes) => expect(JSON.parse(bytes.toString('utf8')).total.claims).toBe(ROWS),
    ],
  ];

  // A timing test on a shared machine: retried, so one burst of outside load cannot fail it alone.
  it.each(routes)(
    '%s answers without stalling the service',
    { timeout: 60_000, retry: 2 },
    async (name, path, check) => {
      const started = performance.now();
      const { result, report } = await probeDuring(h.url, () =>
        requestFromChild(`${h.url}${path}`, { method: 'GET', token: h.finance }, join(dir, 'answer')),
      );
      const totalMs = performance.now() - started;
      const idle = await idleStall();
      console.log(
        `${name} over ${ROWS} claims (${(result.body.length / 1048576).toFixed(1)} MB): ${Math.round(totalMs)} ms; ` +
          `longest event-loop stall ${report.maxStallMs.toFixed(1)} ms; /healthz at most ${report.maxHealthMs.toFixed(1)} ms ` +
          `(${report.healthChecks} checks); an idle process's own stall ${Math.max(idle, report.machineStallMs).toFixed(1)} ms, ` +
          `a busy one stretched ${report.busyStretch.median.toFixed(2)}× (p90 ${report.busyStretch.p90.toFixed(2)}×)`,
      );
      expect(result.status).toBe(200);
      check(result.body);
      expect(report.maxStallMs).toBeLessThan(allowed(MAX_STALL_MS, report, idle));
      expect(report.maxHealthMs).toBeLessThan(allowed(MAX_HEALTH_MS, report, idle));
    },
  );
});
