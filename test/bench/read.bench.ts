/**
 * Reading a 100k-row ledger from .xlsx and from .csv (CP932, and UTF-8 with a BOM): time and peak memory,
 * each in a child process, against the floor of that format (read-child.ts says what it is) and, for
 * .xlsx, SheetJS reading the same file — all in the same run, so the ratios hold on a noisy machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseISODay } from '../../domain/calendar/day.js';
import { generateSample } from '../../server/sample/generate.js';
import { writeCsv } from '../../server/sample/write-csv.js';
import { writeXlsx } from '../../server/sample/write-xlsx.js';
import { median } from './machine.js';

export interface Measured {
  ms: number;
  cpuMs: number;
  peakMb: number;
}

export interface ReadResult {
  format: string;
  sizeMb: number;
  reader: Measured;
  floor: Measured;
  /** SheetJS on the same file (.xlsx only). */
  peer?: Measured;
}

function measure(mode: string, file: string): Measured {
  const out = execFileSync('node_modules/.bin/tsx', ['test/bench/read-child.ts', mode, file], { encoding: 'utf8' });
  const r = JSON.parse(out) as { ms: number; cpuMs: number; peakRssMb: number };
  return { ms: r.ms, cpuMs: r.cpuMs, peakMb: r.peakRssMb };
}

/** Medians of the times, the largest of the peaks. */
function combine(ms: readonly Measured[]): Measured {
  return {
    ms: median(ms.map((m) => m.ms)),
    cpuMs: median(ms.map((m) => m.cpuMs)),
    peakMb: Math.max(...ms.map((m) => m.peakMb)),
  };
}

export async function benchRead(rows = 100_000, runs = 3): Promise<ReadResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saiken-read-'));
  try {
    const { grid, yenColumns } = generateSample({
      rows,
      claimType: '保育料',
      seed: 3,
      asOf: parseISODay('2025-03-31')!,
    });
    const xlsx = join(dir, 'ledger.xlsx');
    const sjis = join(dir, 'ledger-sjis.csv');
    const utf8 = join(dir, 'ledger-utf8.csv');
    await writeXlsx(xlsx, grid, { yenColumns });
    await writeCsv(sjis, grid, 'cp932');
    await writeCsv(utf8, grid, 'utf-8-bom');
    const results: ReadResult[] = [];
    for (const [format, file] of [
      ['.xlsx', xlsx],
      ['.csv (CP932)', sjis],
      ['.csv (UTF-8, BOM)', utf8],
    ] as const) {
      // Interleaved, so that a busy spell of the machine falls on all of them alike.
      const reader: Measured[] = [];
      const floor: Measured[] = [];
      const peer: Measured[] = [];
      for (let i = 0; i < runs; i++) {
        reader.push(measure('reader', file));
        floor.push(measure('floor', file));
        if (format === '.xlsx') peer.push(measure('sheetjs', file));
      }
      results.push({
        format,
        sizeMb: statSync(file).size / 2 ** 20,
        reader: combine(reader),
        floor: combine(floor),
        peer: peer.length ? combine(peer) : undefined,
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
