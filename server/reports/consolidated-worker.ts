/**
 * The thread that builds consolidated.xlsx (consolidated-thread.ts): it reads the database on a
 * read-only connection of its own and writes the workbook, so that ExcelJS's seconds of work on
 * 50,000 claims never hold the service's event loop. The workbook comes back as transferred bytes.
 */
import sqlite3 from 'sqlite3';
import { parentPort } from 'node:worker_threads';
import type { Queryable, RunResult, SqlValue } from '../db/db.js';
import { consolidatedXlsxFrom } from './consolidated.js';

export interface ToConsolidatedThread {
  dbPath: string;
  fiscalYear: number;
  now: string;
}

export type FromConsolidatedThread = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

function open(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(db)));
  });
}

/** Reads only: the thread never writes. */
class ReadOnly implements Queryable {
  constructor(private readonly db: sqlite3.Database) {}
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params as unknown[], (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }
  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, params as unknown[], (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }
  run(): Promise<RunResult> {
    return Promise.reject(new Error('read-only'));
  }
}

const close = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

// The connection is closed before the answer is posted, and the thread then ends by itself: a
// thread terminated while node-sqlite3 still holds a connection brings the whole process down.
parentPort?.once('message', (m: ToConsolidatedThread) => {
  const port = parentPort!;
  void (async (): Promise<FromConsolidatedThread> => {
    const db = await open(m.dbPath);
    try {
      await new Promise<void>((resolve, reject) =>
        db.exec('PRAGMA busy_timeout = 10000;', (err) => (err ? reject(err) : resolve())),
      );
      return {
        ok: true,
        bytes: new Uint8Array(await consolidatedXlsxFrom(new ReadOnly(db), m.fiscalYear, new Date(m.now))),
      };
    } finally {
      await close(db);
    }
  })()
    .catch((err: unknown): FromConsolidatedThread => ({ ok: false, message: String((err as Error)?.message ?? err) }))
    .then((answer) => port.postMessage(answer, answer.ok ? [answer.bytes.buffer as ArrayBuffer] : []));
});
