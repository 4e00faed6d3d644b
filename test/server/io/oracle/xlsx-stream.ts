/**
 * (The old reader's, kept for the differential test.) ExcelJS's streaming WorkbookReader with two repairs (its in-memory reader needs over 1 GB for a
 * 100k-row ledger; this one stays near 350 MB): shared strings without phonetic readings, and a tap
 * on each worksheet's XML for merges and typed formula results (see sheet-xml-tap.ts).
 * It overrides two underscore methods of exceljs 4.4 (the last 4.x): the tests pin their behaviour.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SharedStringsParser } from './shared-strings.js';
import { newSheetExtras, tapSheetXml, type SheetExtras } from './sheet-xml-tap.js';

export interface SheetModel {
  name: string;
  state?: string;
}

export interface StreamCell {
  value: unknown;
  numFmt?: string;
  address: string;
}

export interface StreamRow {
  number: number;
  eachCell(fn: (cell: StreamCell, col: number) => void): void;
}

export interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
  extras?: SheetExtras;
}

interface ReaderEvent {
  eventType: string;
  value: unknown;
}

/** The parts of ExcelJS's WorkbookReader used here, typed (its d.ts leaves them out). */
interface InternalReader extends AsyncIterable<StreamWorksheet> {
  sharedStrings?: unknown[];
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } };
  _parseSharedStrings(entry: Readable): AsyncGenerator<ReaderEvent>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<ReaderEvent>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => InternalReader;

export class LedgerWorkbookReader extends Base {
  constructor(input: Readable) {
    // styles are needed to tell a date cell from a number; hyperlink cells then read as their text.
    super(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
  }

  get date1904(): boolean {
    return this.properties?.model?.date1904 === true;
  }

  get sheetModels(): SheetModel[] {
    return this.model?.sheets ?? [];
  }

  // ExcelJS delegates to this with yield*; in 'cache' mode it yields nothing, only fills the table.
  // eslint-disable-next-line require-yield
  override async *_parseSharedStrings(entry: Readable): AsyncGenerator<ReaderEvent> {
    const parser = new SharedStringsParser();
    await new Promise<void>((resolve, reject) => {
      entry.on('data', (chunk: Buffer) => parser.push(chunk));
      entry.on('end', resolve);
      entry.on('error', reject);
    });
    this.sharedStrings = parser.end();
  }

  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<ReaderEvent> {
    const extras = newSheetExtras();
    for (const event of super._parseWorksheet(tapSheetXml(iterator, extras), sheetNo)) {
      if (event.eventType === 'worksheet') (event.value as StreamWorksheet).extras = extras;
      yield event;
    }
  }
}
