/**
 * consolidated.xlsx built on a thread of its own (consolidated-worker.ts): for a city with tens of
 * thousands of claims ExcelJS works for seconds, which on the service's thread would stall every
 * other request. A database without a file path (not SQLite), or a thread that cannot start, is
 * served here as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Db } from '../db/db.js';
import { consolidatedXlsxFrom } from './consolidated.js';
import type { FromConsolidatedThread, ToConsolidatedThread } from './consolidated-worker.js';

/** As parse-thread.ts: the built .js, or tsx registered first when run from TypeScript. */
function workerSource(): [string | URL, WorkerOptions] {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return [new URL('./consolidated-worker.js', here), {}];
  const pkg = createRequire(here).resolve('tsx/package.json');
  const exports = (
    JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  ).exports;
  const api = pathToFileURL(join(dirname(pkg), exports['./esm/api']!.import.default)).href;
  const entry = new URL('./consolidated-worker.ts', here).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return [code, { eval: true }];
}

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
  const path = (db as { path?: unknown }).path;
  let worker: Worker | null = null;
  if (typeof path === 'string' && path !== ':memory:' && (await recordCount(db, fiscalYear)) >= THREAD_FROM_RECORDS) {
    try {
      worker = new Worker(...workerSource());
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
    w.postMessage({ dbPath: path as string, fiscalYear, now: now.toISOString() } satisfies ToConsolidatedThread);
  });
}
