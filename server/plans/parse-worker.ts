/**
 * The thread that reads a plan file (parse-thread.ts): decoding, CSV or .xlsx parsing, every
 * row's checks and the personal-text scan of 取組み, none of which may hold the service's event
 * loop. Rows go back in batches so that the service reads each batch in a short turn.
 */
import { parentPort } from 'node:worker_threads';
import { ApiFailure } from '../http/errors.js';
import { parsePlans } from './index.js';
import type { PlanImportRow } from './template.js';

export interface ToParseThread {
  bytes: Uint8Array;
  contentType: string | undefined;
  confirmedNoPersonalData: boolean;
}

export type FromParseThread =
  | { type: 'rows'; rows: PlanImportRow[] }
  | { type: 'done'; confirmedKinds: Record<string, number> }
  | { type: 'refused'; status: number; code: string; message: string; details: unknown }
  | { type: 'crashed'; message: string };

const BATCH = 2000;

parentPort?.once('message', (m: ToParseThread) => {
  const port = parentPort!;
  parsePlans(m.bytes, m.contentType, { confirmedNoPersonalData: m.confirmedNoPersonalData })
    .then(({ rows, confirmedKinds }) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        port.postMessage({ type: 'rows', rows: rows.slice(i, i + BATCH) } satisfies FromParseThread);
      }
      port.postMessage({ type: 'done', confirmedKinds } satisfies FromParseThread);
    })
    .catch((err: unknown) => {
      port.postMessage(
        (err instanceof ApiFailure
          ? { type: 'refused', status: err.status, code: err.code, message: err.message, details: err.details }
          : { type: 'crashed', message: String((err as Error)?.message ?? err) }) satisfies FromParseThread,
      );
    });
});
