/**
 * Reading a 100k-row ledger from .xlsx and from CP932 .csv: seconds and peak memory, each in a
 * child process, against the floor of reading the bytes (and unzipping the sheet XML) in the same run.
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

export interface ReadResult {
  format: string;
  sizeMb: number;
  readerMs: number;
  readerPeakMb: number;
  floorMs: number;
  floorPeakMb: number;
}

function measure(mode: string, file: string): { ms: number; peakRssMb: number } {
  const out = execFileSync('node_modules/.bin/tsx', ['test/bench/read-child.ts', mode, file], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; peakRssMb: number };
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
    const csv = join(dir, 'ledger.csv');
    await writeXlsx(xlsx, grid, { yenColumns });
    await writeCsv(csv, grid, 'cp932');
    const results: ReadResult[] = [];
    for (const [format, file] of [
      ['.xlsx', xlsx],
      ['.csv (CP932)', csv],
    ] as const) {
      const reader = Array.from({ length: runs }, () => measure('reader', file));
      const floor = Array.from({ length: runs }, () => measure('floor', file));
      results.push({
        format,
        sizeMb: statSync(file).size / 2 ** 20,
        readerMs: median(reader.map((r) => r.ms)),
        readerPeakMb: Math.max(...reader.map((r) => r.peakRssMb)),
        floorMs: median(floor.map((r) => r.ms)),
        floorPeakMb: Math.max(...floor.map((r) => r.peakRssMb)),
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
