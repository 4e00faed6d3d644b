/**
 * consolidated.xlsx built on a thread of its own (consolidated-worker.ts): for a city with tens of
 * thousands of claims ExcelJS works for seconds, which on the service's thread would stall every
 * other request. An in-memory database, or a thread that cannot start, is served here as before.
 */
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads/worker-source.js';
import type { Db } from '../db/db.js';
import { consolidatedXlsxFrom } from './consolidated.js';
import type { FromConsolidatedThread, ToConsolidatedThread } from './consolidated-worker.js';

/** Below this many plans and ledgers the workbook is built here: faster than starting a thread. */
const THREAD_FROM_RECORDS = 2000;

async function recordCount(db: Db, fiscalYear: number): Promise<number> {
  const r = await db.get<{ n: number }>(
    'SELECT (SELECT COUNT(*) FROM plans WHERE fiscal_year = ?) + (SELECT COUNT(*) FROM ledgers) AS n',
    [fiscalYear],
  );
  return Number(r?.n ?? 0);
}

export async function consolidatedXlsx(db: Db, fiscalYear: number, now = new Date()): Promise<Buffer> {
  let worker: Worker | null = null;
  if (db.connectTo !== ':memory:' && (await recordCount(db, fiscalYear)) >= THREAD_FROM_RECORDS) {
    try {
      worker = new Worker(...workerSource(import.meta.url, 'consolidated-worker'));
    } catch {
      worker = null;
    }
  }
  if (!worker) return consolidatedXlsxFrom(db, fiscalYear, now);
  const w = worker;
  return new Promise<Buffer>((resolve, reject) => {
    let done = false;
    // Never terminated: the thread closes its connection and ends by itself (see the worker).
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      f();
    };
    w.on('message', (m: FromConsolidatedThread) =>
      finish(() =>
        m.ok
          ? resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength))
          : reject(new Error(m.message)),
      ),
    );
    w.on('error', (err) => finish(() => reject(err)));
    w.on('exit', () => finish(() => reject(new Error('consolidated thread exited'))));
    w.postMessage({ database: db.connectTo, fiscalYear, now: now.toISOString() } satisfies ToConsolidatedThread);
  });
}
