/**
 * The thread that builds consolidated.xlsx (consolidated-thread.ts): it reads the database in one
 * snapshot on a read-only connection of its own (either engine) and writes the workbook, so that ExcelJS's seconds
 * of work on 50,000 claims never hold the service's event loop. The workbook comes back as transferred bytes.
 */
import { parentPort } from 'node:worker_threads';
import { openSnapshot } from '../db/open.js';
import { consolidatedXlsxFrom } from './consolidated.js';

export interface ToConsolidatedThread {
  /** The database's location (a file, or a URL that may hold a password: never logged). */
  database: string;
  fiscalYear: number;
  now: string;
}

export type FromConsolidatedThread = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

// The connection is closed before the answer is posted, and the thread then ends by itself: a
// thread terminated while node-sqlite3 still holds a connection brings the whole process down.
parentPort?.once('message', (m: ToConsolidatedThread) => {
  const port = parentPort!;
  void (async (): Promise<FromConsolidatedThread> => {
    // One snapshot for the whole workbook: its sheets agree even while submissions land.
    const db = await openSnapshot(m.database);
    try {
      return { ok: true, bytes: new Uint8Array(await consolidatedXlsxFrom(db.q, m.fiscalYear, new Date(m.now))) };
    } finally {
      await db.close();
    }
  })()
    .catch((err: unknown): FromConsolidatedThread => ({ ok: false, message: String((err as Error)?.message ?? err) }))
    .then((answer) => port.postMessage(answer, answer.ok ? [answer.bytes.buffer as ArrayBuffer] : []));
});
