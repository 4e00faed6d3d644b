/**
 * CSV text into rows of cells, read as csv-parse read it with `relax_quotes` and `relax_column_count`
 * (csv-records.test.ts compares the two on generated text):
 * - the record delimiter is the first of CRLF, LF or CR found outside quotes; the other line breaks are
 *   then text;
 * - a field is quoted only when it starts with `"`; inside, `""` is a quote and line breaks are text;
 * - a closing quote followed by anything but a delimiter or the record's end makes the field literal:
 *   `"a"b` reads as `"a"b`;
 * - an empty field is null, and a row's trailing nulls are dropped.
 * A line without a quote is split by the engine's own String.split, which is most of a ledger.
 */
import type { Cell } from '../../domain/values/parsed.js';

export class CsvSyntaxError extends Error {
  /** `line`: the line (1-based) where the quote that is never closed opens. */
  constructor(readonly line: number | null) {
    super('csv syntax');
  }
}

const QUOTE = 34;
const LF = 10;

/** Drops the trailing empty fields and makes the rest's empty strings null. */
function toRow(fields: string[]): Cell[] {
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  const row: Cell[] = new Array<Cell>(end);
  for (let i = 0; i < end; i++) {
    const f = fields[i]!;
    row[i] = f === '' ? null : f;
  }
  return row;
}

class RecordReader {
  private pos = 0;
  /** The record delimiter once found ('' before). */
  private eol = '';
  private nextQuote = -1;
  readonly rows: Cell[][] = [];

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {
    this.nextQuote = text.indexOf('"');
  }

  read(): Cell[][] {
    const { text } = this;
    const n = text.length;
    while (this.pos < n) {
      if (this.eol !== '') {
        let end = text.indexOf(this.eol, this.pos);
        if (end < 0) end = n;
        if (this.nextQuote >= 0 && this.nextQuote < this.pos) this.nextQuote = text.indexOf('"', this.pos);
        if (this.nextQuote < 0 || this.nextQuote >= end) {
          this.rows.push(toRow(text.slice(this.pos, end).split(this.delimiter)));
          this.pos = end + this.eol.length;
          continue;
        }
      }
      this.rows.push(toRow(this.record()));
    }
    return this.rows;
  }

  /** Where the line from `i` ends: the record delimiter, or before it is known the first CR or LF. */
  private lineEnd(i: number): number {
    const { text } = this;
    if (this.eol !== '') {
      const e = text.indexOf(this.eol, i);
      return e < 0 ? text.length : e;
    }
    const cr = text.indexOf('\r', i);
    const lf = text.indexOf('\n', i);
    if (cr < 0) return lf < 0 ? text.length : lf;
    return lf < 0 ? cr : Math.min(cr, lf);
  }

  /** At a line end outside quotes: the record delimiter's length, finding it on its first occurrence. */
  private eolAt(i: number): number {
    const { text } = this;
    if (this.eol === '') {
      const ch = text.charCodeAt(i);
      this.eol = ch === LF ? '\n' : text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
    }
    return this.eol.length;
  }

  /** One record from `pos` (a line with a quote in it); leaves `pos` after its delimiter. */
  private record(): string[] {
    const { text, delimiter } = this;
    const n = text.length;
    const fields: string[] = [];
    let i = this.pos;
    let end = this.lineEnd(i);
    for (;;) {
      let field = '';
      let literal = true;
      if (text.charCodeAt(i) === QUOTE) {
        const open = i;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvSyntaxError(lineOf(text, open));
          field += text.slice(i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i > end) end = this.lineEnd(i); // the quotes held line breaks
        if (i === end || text.startsWith(delimiter, i)) literal = false;
        else field = `"${field}"`; // not a closing quote after all: the rest of the field is literal
      }
      if (literal) {
        const d = text.indexOf(delimiter, i);
        const stop = d >= 0 && d < end ? d : end;
        field += text.slice(i, stop);
        i = stop;
      }
      fields.push(field);
      if (i >= n) {
        this.pos = n;
        return fields;
      }
      if (i === end) {
        this.pos = i + this.eolAt(i);
        return fields;
      }
      i += delimiter.length; // at a delimiter
      if (i >= n) {
        fields.push('');
        this.pos = n;
        return fields;
      }
    }
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Parses CSV text into rows of cells; row i is record i + 1, so rows match what Excel shows. */
export function parseRecords(text: string, delimiter: string): Cell[][] {
  return new RecordReader(text, delimiter).read();
}
