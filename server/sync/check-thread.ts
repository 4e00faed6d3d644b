/**
 * The engine off the request path: each staged part is handed to a worker thread
 * (`check-worker.ts`) that checks it while the service receives the next one, so that when the
 * last part arrives the check of the whole submission is (nearly) done, on the other core.
 *
 * Only a help: the apply uses the thread's check when the thread checked exactly the submission's
 * staged parts, all the rows of the result and in sheet order (a first submission, or one that
 * resends the whole ledger), and otherwise runs the engine itself, as it does when the thread is
 * busy with other submissions, failed, or could not start — or when, with several service
 * instances on one database, some of the parts went to another instance (this thread then lacks
 * them, and what it holds of a submission applied elsewhere is dropped as it ages or for room).
 */
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads/worker-source.js';
import type { LedgerInfo } from '../../domain/sync/protocol.js';
import type { Db } from '../db/db.js';
import type { CheckTable } from './check.js';
import type { FromCheckThread, ToCheckThread } from './check-worker.js';

/**
 * Rows the thread holds at once, over all submissions (about 1.7 kB each in the engine): the least
 * recently fed submissions are dropped for a new part, and a submission larger than this alone
 * is left to the apply.
 */
const MAX_ROWS = 250_000;
/** The longest wait for the thread's answer before the apply checks by itself. */
const ANSWER_MS = 120_000;
/** A submission not fed for this long (its client gave up?) is dropped when the next part comes. */
const IDLE_MS = 15 * 60_000;

export type ThreadCheck = Omit<FromCheckThread, 'seq'>;

class CheckThread {
  /** Undefined until first needed; null once it failed. */
  private worker: Worker | null | undefined;
  private readonly answers = new Map<number, (a: ThreadCheck | undefined) => void>();
  private seq = 0;
  /** Submissions fed, with their row counts and when last fed, least recently fed first. */
  private readonly fed = new Map<string, { rows: number; at: number }>();
  /** Submissions the thread does not check (too big, or dropped for others): later parts are not fed. */
  private readonly refused = new Set<string>();

  start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(...workerSource(import.meta.url, 'check-worker'));
      worker.on('message', (a: FromCheckThread) => {
        const answer = this.answers.get(a.seq);
        this.answers.delete(a.seq);
        if (this.answers.size === 0) worker.unref();
        answer?.({ check: a.check, count: a.count, inOrder: a.inOrder, lateChargesVersion: a.lateChargesVersion });
      });
      const fail = () => {
        this.worker = null;
        this.fed.clear();
        for (const answer of this.answers.values()) answer(undefined);
        this.answers.clear();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      // After the listeners (adding one refs the thread again): the thread keeps the process up
      // only while an answer is awaited.
      worker.unref();
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  private post(m: ToCheckThread): void {
    this.worker?.postMessage(m);
  }

  /** A part just staged (for the first time), in its staged form. */
  feed(
    key: string,
    index: number,
    hash: string,
    body: string,
    rows: number,
    info: LedgerInfo,
    asOf: string,
    lateCharges: CheckTable,
  ): void {
    if (this.refused.has(key) || !this.start()) return;
    const now = Date.now();
    const before = this.fed.get(key)?.rows ?? 0;
    this.fed.delete(key);
    if (before + rows > MAX_ROWS) {
      this.refuse(key);
      return;
    }
    let total = before + rows;
    for (const f of this.fed.values()) total += f.rows;
    for (const [other, f] of this.fed) {
      if (total <= MAX_ROWS && f.at > now - IDLE_MS) break;
      // Its earlier parts are gone from the thread: its later ones are not worth feeding.
      this.fed.delete(other);
      this.refuse(other);
      total -= f.rows;
    }
    this.fed.set(key, { rows: before + rows, at: now });
    this.post({ type: 'part', key, index, hash, body, info, asOf, lateCharges });
  }

  private refuse(key: string): void {
    this.refused.add(key);
    if (this.refused.size > 1000) this.refused.clear();
    this.post({ type: 'drop', key });
  }

  /** The thread's check of the parts with these hashes (index order), if it has one. */
  result(key: string, hashes: string[]): Promise<ThreadCheck | undefined> {
    if (!this.fed.delete(key) || !this.worker) return Promise.resolve(undefined);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answers.delete(seq);
        if (this.answers.size === 0) this.worker?.unref();
        resolve(undefined);
      }, ANSWER_MS);
      timer.unref();
      this.answers.set(seq, (a) => {
        clearTimeout(timer);
        resolve(a);
      });
      this.worker?.ref();
      this.post({ type: 'result', key, seq, hashes });
    });
  }

  drop(key: string): void {
    this.refused.delete(key);
    if (this.fed.delete(key)) this.post({ type: 'drop', key });
  }

  /** Ends the thread; an answer still awaited is none (the apply checks by itself). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

let thread: CheckThread | undefined;
const dbKeys = new WeakMap<Db, number>();
let dbCount = 0;

/** The thread, or undefined when `SAIKEN_CHECK_THREAD=off`. */
function checkThread(): CheckThread | undefined {
  if (process.env.SAIKEN_CHECK_THREAD === 'off') return undefined;
  return (thread ??= new CheckThread());
}

/** Submission ids are unique within a database; a process may serve several (as the tests do). */
function keyOf(db: Db, submissionId: string): string {
  let n = dbKeys.get(db);
  if (n === undefined) dbKeys.set(db, (n = ++dbCount));
  return `${n}:${submissionId}`;
}

let services = 0;

/**
 * Starts the thread ahead of the first submission (its start-up costs a few hundred ms of CPU).
 * Gives the function that ends it once no service that started it runs any more; a later part
 * starts a new one when needed.
 */
export function startCheckThread(): () => Promise<void> {
  services++;
  checkThread()?.start();
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    if (--services > 0) return;
    const running = thread;
    thread = undefined;
    await running?.stop();
  };
}

export function feedCheck(
  db: Db,
  submissionId: string,
  part: { index: number; hash: string; body: string; rows: number },
  info: LedgerInfo,
  asOf: string,
  lateCharges: CheckTable,
): void {
  checkThread()?.feed(keyOf(db, submissionId), part.index, part.hash, part.body, part.rows, info, asOf, lateCharges);
}

export function threadCheck(db: Db, submissionId: string, hashes: string[]): Promise<ThreadCheck | undefined> {
  return checkThread()?.result(keyOf(db, submissionId), hashes) ?? Promise.resolve(undefined);
}

export function dropCheck(db: Db, submissionId: string): void {
  checkThread()?.drop(keyOf(db, submissionId));
}
