/**
 * The thread that reads a plan file (parse-thread.ts): decoding, CSV or .xlsx parsing, every
 * row's checks and the personal-text scan of 取組み, none of which may hold the service's event
 * loop. Rows go back in batches, the next only when the service asks for it: a port delivers all
 * its queued messages in one turn, so batches sent at once would arrive as one long turn.
 */
import { parentPort } from 'node:worker_threads';
import { ApiFailure, type ApiErrorCode } from '../../domain/api/errors.js';
import { parsePlans } from './index.js';
import type { PlanImportRow } from './template.js';

export type ToParseThread =
  | { type: 'parse'; bytes: Uint8Array; contentType: string | undefined; confirmedNoPersonalData: boolean }
  | { type: 'next' };

export type FromParseThread =
  | { type: 'rows'; rows: PlanImportRow[] }
  | { type: 'done'; confirmedKinds: Record<string, number> }
  | { type: 'refused'; status: number; code: ApiErrorCode; message: string; details: unknown }
  | { type: 'crashed'; message: string };

const BATCH = 500;

let pending: FromParseThread[] = [];

function sendNext(): void {
  const m = pending.shift();
  if (m) parentPort!.postMessage(m);
}

parentPort?.on('message', (m: ToParseThread) => {
  if (m.type === 'next') return sendNext();
  const port = parentPort!;
  parsePlans(m.bytes, m.contentType, { confirmedNoPersonalData: m.confirmedNoPersonalData })
    .then(({ rows, confirmedKinds }) => {
      pending = [];
      for (let i = 0; i < rows.length; i += BATCH) pending.push({ type: 'rows', rows: rows.slice(i, i + BATCH) });
      pending.push({ type: 'done', confirmedKinds });
      sendNext();
    })
    .catch((err: unknown) => {
      port.postMessage(
        (err instanceof ApiFailure
          ? { type: 'refused', status: err.status, code: err.code, message: err.message, details: err.details }
          : { type: 'crashed', message: String((err as Error)?.message ?? err) }) satisfies FromParseThread,
      );
    });
});
