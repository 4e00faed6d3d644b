/**
 * One measurement in its own process, so peak memory is this reader's alone:
 * `read-child.ts reader|floor FILE` prints `{ ms, peakRssMb, rows }`.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { readSheetFile } from '../../server/io/read-sheet.js';

const [mode, file] = process.argv.slice(2) as [string, string];
const started = process.hrtime.bigint();
let rows: number;
if (mode === 'reader') {
  const r = await readSheetFile(file);
  if (!r.ok) throw new Error(r.message);
  rows = r.grid.length;
} else {
  // The floor any reader pays: the bytes, and for .xlsx the sheet's XML unzipped and decoded.
  const bytes = await readFile(file);
  if (file.endsWith('.xlsx')) {
    const zip = await JSZip.loadAsync(bytes);
    const sheet = zip.file('xl/worksheets/sheet1.xml');
    const shared = zip.file('xl/sharedStrings.xml');
    rows = ((await sheet?.async('string')) ?? '').length + ((await shared?.async('string')) ?? '').length;
  } else {
    rows = new TextDecoder('shift_jis').decode(bytes).split('\n').length;
  }
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, rows }));
