/**
 * The task pane's first sync of a 100k-row, 30-column sheet over the Excel host stand-in: the rows
 * the check read built into what leaves (values, keys HMACed with the city's key, row hashes
 * SHA-256'd: the runner's `buildOutgoing`), against the domain engine's checkSheet on the same grid,
 * taking turns in the same run. The candidates that were weighed are measured beside the pane's
 * path (and must give exactly its rows), and the pane's path once more alone for its peak memory.
 */
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseISODay } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import { syncedFields } from '../../domain/sync/outgoing.js';
import type { RowUpsert } from '../../domain/sync/protocol.js';
import { buildUpserts, type SyncCrypto } from '../../domain/sync/sync-row.js';
import { createOfficeAdapter } from '../../addin/excel/office-adapter.js';
import { PaneController } from '../../addin/state/pane-controller.js';
import { buildOutgoing } from '../../addin/sync/sync-runner.js';
import { base64UrlToBytes, webSyncCrypto } from '../../addin/sync/web-crypto.js';
import { generateSample } from '../../server/sample/generate.js';
import { installHost } from '../addin/excel/excel-standin.js';
import { buildUpsertsPerRow } from '../domain/sync/per-row-build.js';
import { COLUMNS, sheetOf } from './addin.bench.js';
import { median, time, timeAsync } from './machine.js';

export interface Candidate {
  name: string;
  ms: number;
  /** ms ÷ the engine's check in the same run. */
  ratio: number;
}

export interface FirstSyncBench {
  rows: number;
  columns: number;
  /** HMACs and SHA-256s of one build. */
  digests: number;
  engineMs: number;
  /** The pane's path (`buildOutgoing`): what a first sync costs before anything is sent. */
  paneMs: number;
  ratio: number;
  candidates: Candidate[];
  /** Heap before the build, its peak during the build, and what the built rows keep (after a GC). */
  heapBeforeMb: number;
  heapPeakMb: number;
  heapKeptMb: number;
  /** The process's peak resident set, for scale (the sheet, the pane and the stand-in included). */
  maxRssMb: number;
}

const MB = 2 ** 20;

/** The SyncCrypto the pane had before: Web Crypto, one call per digest, bytes to hex one at a time. */
async function webCryptoEach(cityKey: string): Promise<SyncCrypto> {
  const subtle = globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  const hex = (buf: ArrayBuffer) => {
    let s = '';
    for (const b of new Uint8Array(buf)) s += b.toString(16).padStart(2, '0');
    return s;
  };
  const key = await subtle.importKey('raw', base64UrlToBytes(cityKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return {
    hmac: async (text) => hex(await subtle.sign('HMAC', key, encoder.encode(text))),
    sha256: async (text) => hex(await subtle.digest('SHA-256', encoder.encode(text))),
  };
}

/** Counts the digests asked for, and samples the heap every so many (for the peak). */
function metered(inner: SyncCrypto, onSample?: () => void): SyncCrypto & { calls: () => number } {
  let calls = 0;
  const tick = () => {
    if (++calls % 256 === 0) onSample?.();
  };
  return {
    hmac: (text) => (tick(), inner.hmac(text)),
    sha256: (text) => (tick(), inner.sha256(text)),
    calls: () => calls,
  };
}

/** A full collection before a memory reading, so that what is measured is what is alive. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const sameRows = (a: readonly RowUpsert[], b: readonly RowUpsert[]) =>
  a.length === b.length && a.every((u, i) => u.key === b[i]!.key && u.hash === b[i]!.hash && u.row === b[i]!.row);

export async function benchFirstSync(rows = 100_000, runs = 3): Promise<FirstSyncBench> {
  const asOf = parseISODay('2025-03-31')!;
  const sample = generateSample({ rows, claimType: '保育料', seed: 11, asOf });
  const grid = sample.grid.map((r) => r.slice(0, COLUMNS));
  const cityKey = randomBytes(32).toString('base64url');
  const gc = collector();
  const { host, restore } = installHost();
  try {
    sheetOf(host, grid);
    const pane = new PaneController(createOfficeAdapter(), { storage: null, asOf: () => asOf });
    await pane.start();
    pane.setClaimType('保育料');
    await pane.confirmMapping();
    const session = await pane.check();
    if (!session) throw new Error(`check failed: ${pane.state.error}`);
    const mapping = session.config.mapping;
    const mapped = new Set(syncedFields(mapping));
    const dataRows = [...session.checker.dataRows()];

    const reference = (await buildOutgoing(session, cityKey)).current;
    const variants: { name: string; build: () => Promise<RowUpsert[]> }[] = [
      {
        name: 'before: Web Crypto, one row after the other',
        build: async () => buildUpsertsPerRow(dataRows, mapped, await webCryptoEach(cityKey)),
      },
      {
        name: 'Web Crypto, a batch of rows at a time',
        build: async () => buildUpserts(dataRows, mapped, await webCryptoEach(cityKey)),
      },
    ];

    // The engine, the pane's path and each candidate take turns, so that a busy moment weighs on all.
    const engine: number[] = [];
    const paneRuns: number[] = [];
    const times = variants.map(() => [] as number[]);
    for (let i = 0; i < runs; i++) {
      const { ms: engineMs, value } = time(() => checkSheet(grid, { asOf, claimType: '保育料', mapping }));
      if (!value.ok) throw new Error('the engine failed');
      engine.push(engineMs);
      gc();
      const { ms, value: built } = await timeAsync(() => buildOutgoing(session, cityKey));
      if (!sameRows(built.current, reference)) throw new Error('the pane built different rows');
      paneRuns.push(ms);
      // The candidates were each ~10× the engine: once is enough to see it, and spares the machine.
      for (const [j, v] of i === 0 ? variants.entries() : []) {
        gc();
        const { ms: vMs, value: rowsOut } = await timeAsync(v.build);
        if (!sameRows(rowsOut, reference)) throw new Error(`${v.name} built different rows`);
        times[j]!.push(vMs);
      }
    }

    // Memory: the pane's build once more, alone, the heap sampled as digests are asked for.
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampleHeap = () => void (peak = Math.max(peak, process.memoryUsage().heapUsed));
    const counted = metered(await webSyncCrypto(cityKey), sampleHeap);
    const kept = await buildUpserts(dataRows, mapped, counted);
    sampleHeap();
    gc();
    const after = process.memoryUsage().heapUsed;
    if (!sameRows(kept, reference)) throw new Error('the metered build differs');
    await pane.dispose();

    const engineMs = median(engine);
    const paneMs = median(paneRuns);
    return {
      rows: dataRows.length,
      columns: COLUMNS,
      digests: counted.calls(),
      engineMs,
      paneMs,
      ratio: paneMs / engineMs,
      candidates: variants.map((v, j) => ({
        name: v.name,
        ms: median(times[j]!),
        ratio: median(times[j]!) / engineMs,
      })),
      heapBeforeMb: before / MB,
      heapPeakMb: peak / MB,
      heapKeptMb: (after - before) / MB,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    restore();
  }
}
