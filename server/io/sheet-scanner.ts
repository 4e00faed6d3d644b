/**
 * A worksheet's XML (xl/worksheets/sheetN.xml) into a grid of primitives, fed chunk by chunk. It reads
 * only what a ledger needs — <row>, <c> with its <v>, <f> and inline <is>, and <mergeCell> — and steps
 * over everything else; numbers and shared-string indexes are read in place, without cutting strings.
 *
 * Values read as the ExcelJS-based reader read them (reader-differential.test.ts proves it on generated
 * workbooks): a cell's `s` (or, without one, its row's) decides whether a number is a date; a formula
 * gives its cached result, typed by the cell's `t`; errors read as their text (#N/A).
 */
import type { Cell } from '../../domain/values/parsed.js';
import { excelSerialToDate, FORMULA_ERROR_TEXT } from './cell-value.js';
import { XmlScanner, is } from './xml-scanner.js';
import { decodeOoxmlEscapes, decodeXmlEntities, detach } from './xml-text.js';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell format (a cell's `s`): shows a number as a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A cell's `t`. */
const enum Type {
  Number,
  Shared,
  Inline,
  Str,
  Error,
  Bool,
  IsoDate,
}

const MERGE_REF = /^[A-Z]+\d+(?::[A-Z]+\d+)?$/;

function typeAt(s: string, a: number, b: number): Type {
  switch (b - a) {
    case 1:
      switch (s.charCodeAt(a)) {
        case 115: // s
          return Type.Shared;
        case 101: // e
          return Type.Error;
        case 98: // b
          return Type.Bool;
        case 100: // d
          return Type.IsoDate;
      }
      return Type.Number;
    case 3:
      return is(s, a, b, 'str') ? Type.Str : Type.Number;
    case 9:
      return is(s, a, b, 'inlineStr') ? Type.Inline : Type.Number;
  }
  return Type.Number;
}

/** Column number (1-based) from a cell reference's letters. */
function columnAt(s: string, a: number, b: number): number {
  let col = 0;
  for (let i = a; i < b; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch !== 36) break; // the `$` of an absolute reference
  }
  return col;
}

/** parseInt(s[a, b), 10), without cutting a string for plain digits. */
function intAt(s: string, a: number, b: number): number {
  if (b - a > 0 && b - a <= 15) {
    let n = 0;
    let i = a;
    for (; i < b; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === b) return n;
  }
  return parseInt(s.slice(a, b), 10);
}

/** parseFloat(s[a, b)), without cutting a string for a plain integer. */
function numberAt(s: string, a: number, b: number): number {
  const neg = b > a && s.charCodeAt(a) === 45;
  const from = neg ? a + 1 : a;
  if (b - from > 0 && b - from <= 15) {
    let n = 0;
    let i = from;
    for (; i < b; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === b) return neg ? -n : n;
  }
  return parseFloat(s.slice(a, b));
}

/** An ISO 8601 date or date-time (`t="d"`) at UTC, as serial dates are read. */
function isoDate(text: string): Cell {
  const t = text.trim();
  const withTime = t.includes('T') ? t : `${t}T00:00:00`;
  const d = new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(withTime) ? withTime : `${withTime}Z`);
  return Number.isFinite(d.getTime()) ? d : null;
}

/** Text as a cell: the empty string is an empty cell. */
function textCell(decoded: string): Cell {
  return decoded === '' ? null : detach(decodeOoxmlEscapes(decoded));
}

export class SheetScanner extends XmlScanner {
  readonly grid: Cell[][] = [];
  /** `A1:B2` refs, each once, in the order the sheet lists them. */
  readonly merges: string[] = [];
  private readonly seenMerges = new Set<string>();
  private inSheetData = false;

  /** In a row: its cells are built in `cells` (a scratch row reused), `width` of them so far. */
  private row = false;
  private readonly cells: Cell[] = [];
  private width = 0;
  private rowNumber = 0;
  private rowIsDate = false;

  private inCell = false;
  private col = 0;
  private type = Type.Number;
  private isDate = false;
  private hasFormula = false;
  /** The text of <v> is src[from, to); `decoded` once entities are resolved (CDATA, several pieces). */
  private hasValue = false;
  private src = '';
  private from = 0;
  private to = 0;
  private decoded = false;
  /** The text of <is>, entities resolved; undefined without one. */
  private inline: string | undefined = undefined;
  private inInline = false;
  private inPhonetic = false;
  private inValue = false;

  constructor(private readonly ctx: SheetContext) {
    super();
  }

  /** The last of the text; the grid is then complete (`grid[0]` is row 1, `grid[r][0]` column A). */
  end(): Cell[][] {
    this.finish();
    for (let i = 0; i < this.grid.length; i++) this.grid[i] ??= [];
    return this.grid;
  }

  protected override open(s: string, name: number, nameEnd: number): void {
    switch (nameEnd - name) {
      case 1:
        switch (s.charCodeAt(name)) {
          case 99: // c
            if (this.row) this.startCell(s);
            return;
          case 118: // v
            if (this.inCell) {
              this.inValue = true;
              this.capturing = true;
              this.hasValue = true;
              this.src = '';
              this.from = this.to = 0;
              this.decoded = true;
            }
            return;
          case 102: // f
            if (this.inCell) this.hasFormula = true;
            return;
          case 116: // t
            if (this.inInline && !this.inPhonetic) this.capturing = true;
            return;
        }
        return;
      case 2:
        if (this.inCell && is(s, name, nameEnd, 'is')) {
          this.inline = '';
          this.inInline = true;
        }
        return;
      case 3:
        if (is(s, name, nameEnd, 'row')) {
          if (this.inSheetData) this.startRow(s);
        } else if (this.inInline && is(s, name, nameEnd, 'rPh')) this.inPhonetic = true;
        return;
      case 9:
        if (is(s, name, nameEnd, 'sheetData')) this.inSheetData = true;
        else if (is(s, name, nameEnd, 'mergeCell')) this.addMerge(s);
        return;
    }
  }

  protected override close(s: string, name: number, nameEnd: number): void {
    switch (nameEnd - name) {
      case 1:
        switch (s.charCodeAt(name)) {
          case 99: // c
            if (this.inCell) this.endCell();
            return;
          case 118: // v
            this.inValue = false;
            this.capturing = false;
            return;
          case 116: // t
            if (!this.inValue) this.capturing = false;
            return;
        }
        return;
      case 2:
        if (is(s, name, nameEnd, 'is')) this.inInline = false;
        return;
      case 3:
        if (is(s, name, nameEnd, 'row')) {
          if (this.row) this.endRow();
        } else if (is(s, name, nameEnd, 'rPh')) this.inPhonetic = false;
        return;
      case 9:
        if (is(s, name, nameEnd, 'sheetData')) this.inSheetData = false;
        return;
    }
  }

  protected override text(s: string, start: number, end: number, cdata: boolean): void {
    if (this.inValue && this.src === '' && !cdata) {
      // The common case: one piece of text, read in place.
      this.src = s;
      this.from = start;
      this.to = end;
      this.decoded = false;
      return;
    }
    const piece = s.slice(start, end);
    if (!this.inValue) {
      this.inline += cdata ? piece : decodeXmlEntities(piece);
    } else {
      const before = this.valueText();
      this.src = before + (cdata ? piece : decodeXmlEntities(piece));
      this.from = 0;
      this.to = this.src.length;
      this.decoded = true;
    }
  }

  private valueText(): string {
    const raw = this.src.slice(this.from, this.to);
    return this.decoded ? raw : decodeXmlEntities(raw);
  }

  private addMerge(s: string): void {
    const a = this.attrs;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      if (!is(s, a[k]!, a[k + 1]!, 'ref')) continue;
      const ref = decodeXmlEntities(s.slice(a[k + 2], a[k + 3]));
      if (MERGE_REF.test(ref) && !this.seenMerges.has(ref)) {
        this.seenMerges.add(ref);
        this.merges.push(ref);
      }
    }
  }

  private startRow(s: string): void {
    let number = NaN;
    let style = -1;
    const a = this.attrs;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      if (a[k + 1]! - a[k]! !== 1) continue;
      const name = s.charCodeAt(a[k]!);
      if (name === 114)
        number = intAt(s, a[k + 2]!, a[k + 3]!); // r
      else if (name === 115 && a[k + 3]! > a[k + 2]!) style = intAt(s, a[k + 2]!, a[k + 3]!); // s
    }
    // `r` may be left out (the format allows it): the row after the last one.
    this.rowNumber = Number.isNaN(number) ? this.rowNumber + 1 : number;
    this.row = true;
    this.width = 0;
    this.col = 0;
    this.rowIsDate = style >= 0 && this.ctx.dateStyles[style] === true;
  }

  private endRow(): void {
    // Copied out of the scratch row at its exact width: a packed array, allocated once.
    if (this.rowNumber >= 1) this.grid[this.rowNumber - 1] = this.cells.slice(0, this.width);
    this.row = false;
  }

  private startCell(s: string): void {
    let col = 0;
    let type = Type.Number;
    let style = 0;
    const a = this.attrs;
    for (let k = 0; k < this.attrCount * 4; k += 4) {
      if (a[k + 1]! - a[k]! !== 1) continue;
      const name = s.charCodeAt(a[k]!);
      if (name === 114)
        col = columnAt(s, a[k + 2]!, a[k + 3]!); // r
      else if (name === 116)
        type = typeAt(s, a[k + 2]!, a[k + 3]!); // t
      else if (name === 115) style = intAt(s, a[k + 2]!, a[k + 3]!) || 0; // s
    }
    this.inCell = true;
    // `r` may be left out: the cell after the last one.
    this.col = col === 0 ? this.col + 1 : col;
    this.type = type;
    // As ExcelJS applied styles: a cell's non-zero `s` naming a format replaces its row's.
    this.isDate = (style !== 0 ? this.ctx.dateStyles[style] : undefined) ?? this.rowIsDate;
    this.hasFormula = false;
    this.hasValue = false;
    this.inline = undefined;
    this.inInline = false;
    this.inPhonetic = false;
    this.inValue = false;
    this.capturing = false;
  }

  private endCell(): void {
    this.inCell = false;
    this.capturing = false;
    const cell = this.cellValue();
    this.src = '';
    if (cell === null || this.col < 1) return;
    const i = this.col - 1;
    while (this.width < i) this.cells[this.width++] = null;
    this.cells[i] = cell;
    if (i >= this.width) this.width = i + 1;
  }

  private cellValue(): Cell {
    const t = this.type;
    if (this.inline !== undefined && (t === Type.Inline || !this.hasValue)) {
      if (this.hasFormula) return this.formulaResult(t, this.inline);
      return t === Type.Inline || t === Type.Str || t === Type.Error ? textCell(this.inline) : this.typed(this.inline);
    }
    if (!this.hasValue) return null;
    if (this.hasFormula) return this.formulaResult(t, this.valueText());
    switch (t) {
      case Type.Shared: {
        const s =
          this.ctx.sharedStrings[this.decoded ? parseInt(this.valueText(), 10) : intAt(this.src, this.from, this.to)];
        return s === undefined || s === '' ? null : s;
      }
      case Type.Number:
        return this.number(this.decoded ? parseFloat(this.valueText()) : numberAt(this.src, this.from, this.to));
      case Type.Inline:
      case Type.Str:
      case Type.Error:
        return textCell(this.valueText());
      default:
        return this.typed(this.valueText());
    }
  }

  /** A value of `t` b, d, s or n given as decoded text (the rare paths). */
  private typed(text: string): Cell {
    switch (this.type) {
      case Type.Bool:
        return parseInt(text, 10) !== 0;
      case Type.IsoDate:
        return isoDate(text);
      case Type.Shared: {
        const s = this.ctx.sharedStrings[parseInt(text, 10)];
        return s === undefined || s === '' ? null : s;
      }
      default:
        return this.number(parseFloat(text));
    }
  }

  /** The cached result of a formula, typed by the cell's `t`. */
  private formulaResult(t: Type, text: string): Cell {
    if (t === Type.Str || t === Type.Error) return textCell(text);
    if (t === Type.Bool) return text.trim() !== '0';
    const n = parseFloat(text);
    return Number.isNaN(n) ? FORMULA_ERROR_TEXT : this.number(n);
  }

  private number(n: number): Cell {
    if (!Number.isFinite(n)) return null;
    if (!this.isDate) return n;
    const d = excelSerialToDate(n, this.ctx.date1904);
    return Number.isFinite(d.getTime()) ? d : null;
  }
}
