/**
 * The workbook behind the Excel host stand-in: sheets of cells (value, number format, the user's fill),
 * conditional formats, merges, custom XML parts, settings. Coordinates are 0-based here.
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
    });
  }
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
