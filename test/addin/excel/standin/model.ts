/**
 * The workbook behind the Excel host stand-in: sheets of cells (value, number format, the user's fill),
 * conditional formats, merges, charts, custom XML parts, settings. Coordinates are 0-based here.
 * Nothing is evaluated; a cell entry Excel would have taken as a formula is recorded as such.
 */
export type CellValue = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface CondFormat {
  id: string;
  /** 'Custom', or any other type a user's rule has ('CellValue', 'DataBar', ...). */
  type: string;
  area: Area;
  formula: string;
  fill: string | undefined;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  /** The source range's sheet and area, as given to charts.add. */
  sourceSheetId: string;
  source: Area;
  seriesBy: string;
  title: string;
  /** The cells given to setPosition, as written. */
  position: { from: string; to: string | undefined } | null;
}

/**
 * Whether Excel takes an entry as a formula: a string starting with `=` (or `+`, `@`, or `-` before
 * anything that is not a number) typed into a cell whose format is not Text ('@').
 */
export function wouldBeFormula(v: CellValue, format: string): boolean {
  if (typeof v !== 'string' || format === '@' || v.length < 2) return false;
  return v.startsWith('=') || (/^[+\-@]/.test(v) && !Number.isFinite(Number(v)));
}

export interface XmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface ChangedArgs {
  address: string;
  worksheetId: string;
  changeType: string;
  source: string;
  type: string;
  /** Excel gives details for a single cell only: a paste or a fill over many cells has none. */
  details?: { valueAfter: unknown; valueBefore: unknown };
}
export type ChangedHandler = (args: ChangedArgs) => Promise<unknown>;

export const contains = (a: Area, r: number, c: number): boolean =>
  r >= a.row && r < a.row + a.rows && c >= a.column && c < a.column + a.columns;

export const intersects = (a: Area, b: Area): boolean =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function areaAddress(a: Area): string {
  const tl = `${columnName(a.column)}${a.row + 1}`;
  return a.rows === 1 && a.columns === 1 ? tl : `${tl}:${columnName(a.column + a.columns - 1)}${a.row + a.rows}`;
}

/** `B3`, `$B$3:D9`; null for anything else. */
export function parseArea(address: string): Area | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const [c1, r1] = [columnNumber(m[1] ?? 'A'), Number(m[2]) - 1];
  const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4]) - 1] : [c1, r1];
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    columns: Math.abs(c2 - c1) + 1,
  };
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export class SheetModel {
  visibility: Visibility = 'Visible';
  readonly merges: Area[] = [];
  readonly condFormats: CondFormat[] = [];
  readonly handlers = new Set<ChangedHandler>();
  readonly charts: ChartModel[] = [];
  /** `r:c` of cells holding what Excel would have made a formula. */
  readonly formulas = new Set<string>();
  /** Column widths in points, by 0-based column. */
  readonly widths = new Map<number, number>();
  /** `r:c` of bold cells. */
  readonly bold = new Set<string>();
  frozenRows = 0;
  /** The sheet's autofilter range, if any (one per sheet, as in Excel). */
  autoFilter: Area | null = null;
  /** In-workbook hyperlinks by `r:c`: the reference they lead to. */
  readonly links = new Map<string, string>();
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formats: (string[] | undefined)[] = [];
  private readonly fills: ((string | undefined)[] | undefined)[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? '';
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }
  fill(r: number, c: number): string | undefined {
    return this.fills[r]?.[c];
  }
  setValue(r: number, c: number, v: CellValue): void {
    (this.values[r] ??= [])[c] = v;
  }
  setFormat(r: number, c: number, f: string): void {
    (this.formats[r] ??= [])[c] = f;
  }
  setFill(r: number, c: number, color: string | undefined): void {
    (this.fills[r] ??= [])[c] = color;
  }
  /** A value written through the API, as a user's entry: recorded as a formula where Excel would make one. */
  enter(r: number, c: number, v: CellValue): void {
    this.setValue(r, c, v);
    if (wouldBeFormula(v, this.format(r, c))) this.formulas.add(`${r}:${c}`);
    else this.formulas.delete(`${r}:${c}`);
  }
  /** Range.clear: contents and/or formats in `a`, visiting stored cells only. */
  clear(a: Area, contents: boolean, formats: boolean): void {
    const wipe = <T>(rows: (T[] | undefined)[], blank: T) =>
      rows.forEach((row, r) => {
        if (!row || r < a.row || r >= a.row + a.rows) return;
        for (let c = a.column; c < Math.min(row.length, a.column + a.columns); c++) row[c] = blank;
      });
    const inArea = (key: string) => {
      const [r, c] = key.split(':').map(Number);
      return contains(a, r ?? -1, c ?? -1);
    };
    if (contents) {
      wipe(this.values, '' as CellValue);
      for (const k of [...this.formulas]) if (inArea(k)) this.formulas.delete(k);
    }
    if (contents && formats) for (const k of [...this.links.keys()]) if (inArea(k)) this.links.delete(k);
    if (formats) {
      wipe(this.formats, 'General');
      wipe(this.fills, undefined);
      for (const k of [...this.bold]) if (inArea(k)) this.bold.delete(k);
    }
  }

  /**
   * Inserts `count` rows (negative: deletes) at 0-based `at`, as Excel does: cells, formats, merges
   * and the conditional formats' ranges move; formulas that read another sheet do not.
   */
  shiftRows(at: number, count: number): void {
    shiftLines(this.values, at, count);
    shiftLines(this.formats, at, count);
    shiftLines(this.fills, at, count);
    for (const set of [this.formulas, this.bold]) shiftKeys(set, at, count, 0);
    shiftAreas(this.merges, (m) => m, at, count, 'row', 'rows');
    shiftAreas(this.condFormats, (cf) => cf.area, at, count, 'row', 'rows');
  }

  /** Inserts `count` columns (negative: deletes) at 0-based `at`. */
  shiftColumns(at: number, count: number): void {
    for (const rows of [this.values, this.formats, this.fills] as unknown[][][]) {
      for (const line of rows) if (line) shiftLines(line, at, count);
    }
    for (const set of [this.formulas, this.bold]) shiftKeys(set, at, count, 1);
    shiftAreas(this.merges, (m) => m, at, count, 'column', 'columns');
    shiftAreas(this.condFormats, (cf) => cf.area, at, count, 'column', 'columns');
    const widths = [...this.widths];
    this.widths.clear();
    for (const [c, w] of widths) {
      const moved = shiftIndex(c, at, count);
      if (moved !== null) this.widths.set(moved, w);
    }
  }

  /** A whole row of values at once (fast set-up of large sheets). */
  setRow(r: number, row: CellValue[], formats?: string[]): void {
    this.values[r] = row;
    if (formats) this.formats[r] = formats;
  }

  /** The bounding box of non-blank values (and, unless valuesOnly, of formatted cells); null when empty. */
  usedArea(valuesOnly: boolean): Area | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    const scan = (rows: readonly (readonly unknown[] | undefined)[], filled: (v: unknown) => boolean): void => {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!row) continue;
        let [first, last] = [-1, -1];
        for (let c = 0; c < row.length; c++) {
          if (!filled(row[c])) continue;
          if (first < 0) first = c;
          last = c;
        }
        if (first < 0) continue;
        [top, bottom, left, right] = [
          Math.min(top, r),
          Math.max(bottom, r),
          Math.min(left, first),
          Math.max(right, last),
        ];
      }
    };
    scan(this.values, (v) => v !== '' && v !== undefined);
    if (!valuesOnly) {
      scan(this.formats, (f) => f !== undefined && f !== 'General');
      scan(this.fills, (f) => f !== undefined);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Everything a user could see or have set, for before/after comparisons. */
  snapshot(): string {
    return JSON.stringify({
      name: this.name,
      visibility: this.visibility,
      values: this.values,
      formats: this.formats,
      fills: this.fills,
      merges: this.merges,
      condFormats: this.condFormats,
      // Only when used, so that snapshots of sheets without them read as before.
      ...(this.charts.length ? { charts: this.charts } : {}),
      ...(this.bold.size || this.widths.size || this.frozenRows
        ? { layout: [[...this.bold], [...this.widths], this.frozenRows] }
        : {}),
    });
  }
}

/** Where index `i` goes when `count` lines are inserted (negative: deleted) at `at`; null when deleted. */
function shiftIndex(i: number, at: number, count: number): number | null {
  if (i < at) return i;
  if (count < 0 && i < at - count) return null;
  return i + count;
}

function shiftLines<T>(lines: T[], at: number, count: number): void {
  if (at >= lines.length) return;
  if (count > 0) lines.splice(at, 0, ...(new Array(count) as T[]));
  else lines.splice(at, -count);
}

function shiftKeys(keys: Set<string>, at: number, count: number, axis: 0 | 1): void {
  const moved = [...keys].flatMap((k) => {
    const rc = k.split(':').map(Number);
    const i = shiftIndex(rc[axis] ?? 0, at, count);
    if (i === null) return [];
    rc[axis] = i;
    return [rc.join(':')];
  });
  keys.clear();
  for (const k of moved) keys.add(k);
}

/**
 * An area below or right of the change moves; one across it grows or shrinks. False: wholly deleted.
 */
function shiftArea(a: Area, at: number, count: number, start: 'row' | 'column', size: 'rows' | 'columns'): boolean {
  const [s, e] = [a[start], a[start] + a[size]]; // [s, e)
  if (count > 0) {
    if (at <= s) a[start] += count;
    else if (at < e) a[size] += count;
    return true;
  }
  const [from, to] = [at, at - count]; // deleted: [from, to)
  const left = a[size] - Math.max(0, Math.min(e, to) - Math.max(s, from));
  if (left <= 0) return false;
  a[start] = s < from ? s : s >= to ? s + count : from;
  a[size] = left;
  return true;
}

function shiftAreas<T>(
  items: T[],
  areaOf: (t: T) => Area,
  ...how: [number, number, 'row' | 'column', 'rows' | 'columns']
): void {
  for (let i = items.length - 1; i >= 0; i--) if (!shiftArea(areaOf(items[i]!), ...how)) items.splice(i, 1);
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly parts: XmlPart[] = [];
  readonly settings = new Map<string, unknown>();
  activeId = '';
  selection: { sheetId: string; area: Area } | undefined;
  private counter = 0;

  nextId(prefix: string): string {
    this.counter += 1;
    return `{${prefix}-${String(this.counter).padStart(8, '0')}}`;
  }

  /** By id, or by name (case-insensitive, as Excel compares sheet names). */
  find(key: string): SheetModel | null {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => sameName(s.name, key)) ?? null;
  }

  addSheet(name?: string): SheetModel {
    let n = this.sheets.length + 1;
    while (!name && this.sheets.some((s) => sameName(s.name, `Sheet${n}`))) n++;
    const sheet = new SheetModel(this.nextId('sheet'), name ?? `Sheet${n}`);
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  active(): SheetModel | null {
    return this.find(this.activeId);
  }
}

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
