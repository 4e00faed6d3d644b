/**
 * A WorkbookPort over an in-memory grid that records every call, for the pane's tests.
 * grid[0] is worksheet row 1; rows and columns in calls are 1-based, as in the port.
 */
import type {
  ChangeKind,
  Flag,
  ReadProgress,
  SheetChange,
  SheetRef,
  UsedArea,
  WorkbookPort,
} from '../../addin/excel/workbook-port.js';
import type { MergedRange } from '../../domain/fields/header.js';
import type { Cell } from '../../domain/values/parsed.js';

export interface Call {
  method: keyof WorkbookPort;
  args: unknown[];
}

export interface FakePortOptions {
  language?: string;
  sheet?: SheetRef;
  merges?: MergedRange[];
  /** Shared document state, to reopen "the same workbook" with a new pane. */
  doc?: Map<string, string>;
}

const filled = (c: Cell) => c !== null && c !== undefined && c !== '';

export class FakePort implements WorkbookPort {
  readonly calls: Call[] = [];
  readonly doc: Map<string, string>;
  sheet: SheetRef;
  language: string;
  private handlers: ((change: SheetChange) => void)[] = [];

  constructor(
    public grid: Cell[][],
    private readonly options: FakePortOptions = {},
  ) {
    this.sheet = options.sheet ?? { id: '{sheet-1}', name: '保育料台帳' };
    this.language = options.language ?? 'ja-JP';
    this.doc = options.doc ?? new Map();
  }

  private record(method: keyof WorkbookPort, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  callsOf(method: keyof WorkbookPort): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** [fromRow, toRow] of every readRows call. */
  reads(): [number, number][] {
    return this.callsOf('readRows').map((a) => [a[1] as number, a[2] as number]);
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  async activeSheet(): Promise<SheetRef> {
    this.record('activeSheet');
    return this.sheet;
  }

  async usedArea(sheet: SheetRef): Promise<UsedArea | null> {
    this.record('usedArea', sheet);
    let rows = 0;
    let cols = 0;
    this.grid.forEach((row, r) => {
      row.forEach((c, i) => {
        if (filled(c)) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, i + 1);
        }
      });
    });
    return rows === 0 ? null : { firstRow: 1, firstColumn: 1, rowCount: rows, columnCount: cols };
  }

  async readRows(
    sheet: SheetRef,
    fromRow: number,
    toRow: number,
    columnCount: number,
    onProgress?: (p: ReadProgress) => void,
  ): Promise<Cell[][]> {
    this.record('readRows', sheet, fromRow, toRow, columnCount);
    const out: Cell[][] = [];
    for (let r = fromRow; r <= toRow; r++) {
      const row = this.grid[r - 1] ?? [];
      out.push(Array.from({ length: columnCount }, (_, c) => row[c] ?? null));
    }
    onProgress?.({ rowsRead: out.length, rowsTotal: out.length });
    return out;
  }

  async mergedAreas(sheet: SheetRef, rows: number, columns: number): Promise<MergedRange[] | undefined> {
    this.record('mergedAreas', sheet, rows, columns);
    return this.options.merges ?? [];
  }

  async showFlags(sheet: SheetRef, flags: readonly Flag[], area: UsedArea): Promise<void> {
    this.record('showFlags', sheet, flags, area);
  }

  async updateFlags(
    sheet: SheetRef,
    rows: readonly number[],
    flags: readonly Flag[],
    area: UsedArea,
  ): Promise<boolean> {
    this.record('updateFlags', sheet, rows, flags, area);
    return true;
  }

  async clearFlags(sheet: SheetRef): Promise<void> {
    this.record('clearFlags', sheet);
  }

  async select(sheet: SheetRef, row: number, column: number): Promise<void> {
    this.record('select', sheet, row, column);
  }

  async onChanged(sheet: SheetRef, handler: (change: SheetChange) => void): Promise<() => Promise<void>> {
    this.record('onChanged', sheet);
    this.handlers.push(handler);
    return async () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  async loadDocumentState(key: string): Promise<string | null> {
    this.record('loadDocumentState', key);
    return this.doc.get(key) ?? null;
  }

  async saveDocumentState(key: string, value: string): Promise<void> {
    this.record('saveDocumentState', key, value);
    this.doc.set(key, value);
  }

  displayLanguage(): string {
    return this.language;
  }

  /** Sets a cell (1-based) the way a user would, without telling anyone. */
  set(row: number, column: number, value: Cell): void {
    const r = (this.grid[row - 1] ??= []);
    r[column - 1] = value;
  }

  /** Tells the pane that `address` changed, as Excel's onChanged does. */
  fireChanged(address: string, kind: ChangeKind = 'edit', remote = false): void {
    for (const h of this.handlers) h({ address, kind, remote });
  }

  get listening(): number {
    return this.handlers.length;
  }
}
