/**
 * One measurement in its own process, so peak memory is this reader's alone:
 * `read-child.ts reader|floor|sheetjs FILE` prints `{ ms, cpuMs, peakRssMb, rows }`.
 *
 * The floors are what any reader of the file pays at least, with the same libraries:
 * - .xlsx: the sheet and shared-strings parts unzipped (yauzl, Node's zlib), decoded to text and
 *   scanned for tags (each `<` counted);
 * - .csv: the bytes decoded (the reader's own detection: strict UTF-8, else CP932) and split into
 *   fields with quotes and quoted line breaks handled, the fields kept.
 * `sheetjs` is the peer: SheetJS (@e965/xlsx) reading the same file into a grid of values.
 */
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import * as XLSX from '@e965/xlsx';
import { decodeText } from '../../server/io/csv.js';
import { readSheetFile } from '../../server/io/read-sheet.js';
import { ZipArchive } from '../../server/io/zip.js';

/** Fields of CSV text, quotes and quoted line breaks handled (CRLF or LF records, comma-separated). */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error('unclosed quote');
        field += text.slice(j, q);
        if (text.charCodeAt(q + 1) !== 34) {
          i = q + 1;
          break;
        }
        field += '"';
        j = q + 2;
      }
    } else {
      let end = i;
      for (let c = text.charCodeAt(end); end < text.length && c !== 44 && c !== 10 && c !== 13;)
        c = text.charCodeAt(++end);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (text.charCodeAt(i) === 44) i++;
    else {
      if (text.charCodeAt(i) === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

async function xlsxFloor(file: string): Promise<number> {
  const zip = await ZipArchive.open(file);
  let tags = 0;
  try {
    for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
      const decoder = new StringDecoder('utf8');
      for await (const chunk of zip.chunks(part)) {
        const s = decoder.write(chunk);
        for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) tags++;
      }
    }
  } finally {
    zip.close();
  }
  return tags;
}

function sheetjs(bytes: Buffer): number {
  const wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  return grid.length;
}

const [mode, file] = process.argv.slice(2) as [string, string];
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
let rows: number;
if (mode === 'reader') {
  const r = await readSheetFile(file);
  if (!r.ok) throw new Error(r.message);
  rows = r.grid.length;
} else if (mode === 'sheetjs') {
  rows = sheetjs(await readFile(file));
} else if (file.endsWith('.xlsx')) {
  rows = await xlsxFloor(file);
} else {
  rows = splitCsv(decodeText(await readFile(file)).text).length;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rows,
  }),
);
