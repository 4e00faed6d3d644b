/**
 * Reading a plan file off the event loop. A 20 MB sheet of 50,000 rows takes seconds to decode,
 * parse (csv-parse, ExcelJS), check and scan for personal text; on the service's own thread that
 * would stall every other request, `/healthz` included. Each import gets a worker thread of its
 * own (imports are rare; the thread ends with the import), and the rows come back in batches.
 * Where no thread can be started, the file is read here as before.
 */
import { Worker } from 'node:worker_threads';
import { workerSource } from '../threads/worker-source.js';
import { ApiFailure } from '../../domain/api/errors.js';
import { parsePlans, type ParsedPlans } from './index.js';
import type { FromParseThread, ToParseThread } from './parse-worker.js';
import type { PlanImportRow } from './template.js';

function startWorker(): Worker | null {
  try {
    return new Worker(...workerSource(import.meta.url, 'parse-worker'));
  } catch {
    return null;
  }
}

const crashed = () =>
  new ApiFailure(
    500,
    'internal',
    '計画のファイルを読む処理が止まりました。もう一度取り込んでください。何も取り込んでいません。',
  );

/**
 * Below this size a file is read here: a few hundred rows take milliseconds, less than starting
 * a thread (and a stream of small or malformed uploads must not start a thread each).
 */
const THREAD_FROM_BYTES = 256 * 1024;

/** The plan file's rows, validated, read on a thread of its own when it is large. */
export function parsePlansOffThread(
  bytes: Uint8Array,
  contentType: string | undefined,
  confirmedNoPersonalData: boolean,
): Promise<ParsedPlans> {
  const worker = bytes.byteLength >= THREAD_FROM_BYTES ? startWorker() : null;
  if (!worker) return parsePlans(bytes, contentType, { confirmedNoPersonalData });
  return new Promise<ParsedPlans>((resolve, reject) => {
    const rows: PlanImportRow[] = [];
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: FromParseThread) => {
      if (m.type === 'rows') {
        for (const r of m.rows) rows.push(r);
        worker.postMessage({ type: 'next' } satisfies ToParseThread);
      } else if (m.type === 'done') finish(() => resolve({ rows, confirmedKinds: m.confirmedKinds }));
      else if (m.type === 'refused') finish(() => reject(new ApiFailure(m.status, m.code, m.message, m.details)));
      else finish(() => reject(crashed()));
    });
    worker.on('error', () => finish(() => reject(crashed())));
    worker.on('exit', () => finish(() => reject(crashed())));
    // Cloning 20 MB into a message holds the loop for 100 ms and more: the bytes are transferred
    // instead, the request's own buffer when it is the whole of its memory (a large body is),
    // else a copy (a small body may sit in a pooled buffer shared with others).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const own = whole && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
    worker.postMessage({ type: 'parse', bytes: own, contentType, confirmedNoPersonalData } satisfies ToParseThread, [
      own.buffer as ArrayBuffer,
    ]);
  });
}
