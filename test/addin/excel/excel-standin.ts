/**
 * An Excel host stand-in for the adapter's tests: `Excel.run`, `context.sync()` and the part of the
 * object model the adapter uses, over an in-memory workbook, with Office.js's load/sync rules and
 * Excel on the web's 5 MB payload limit. It records every request's size, fires worksheet change
 * events on demand, and shows what a user would see (cells, fills, conditional formats, sheets).
 * Excel's documented behaviours that a pane must survive are kept too: change events without
 * `details` for many cells, and edits that raise none; rows and columns inserted and deleted (cells
 * and conditional formats move, other sheets do not); a cell being edited (requests refused, or held
 * with `delayForCellEdit`); `values` null for an oversized read; dates shown differently on the web;
 * co-authors' events (`source` Remote); a reloaded pane losing its event handlers.
 */
import { Context, HostError, type HostCore, type SyncRecord } from './standin/client-base.js';
import { Workbook } from './standin/client-objects.js';
import { shownText } from './standin/display.js';
import {
  columnName,
  contains,
  WorkbookModel,
  type CellValue,
  type ChangedArgs,
  type ChartModel,
  type SheetModel,
} from './standin/model.js';

export { HostError, type SyncRecord };
export type { CellValue, ChartModel, SheetModel };

export interface HostOptions {
  /** Minor version of ExcelApi 1.x the host supports (default 13). */
  apiMinor?: number;
  /** Per request and per response, in bytes (default 5 MB, as Excel on the web). */
  payloadLimit?: number;
  displayLanguage?: string;
  /** Cells one read of `values` may return before Excel answers null (default 5,000,000). */
  maxReadCells?: number;
  /** How cells are shown (`Range.text`): the desktop's 和暦 dates or the web's Gregorian ones. */
  platform?: 'desktop' | 'web';
}

export interface ChangeOptions {
  /** Excel's DataChangeType (default RangeEdited). */
  changeType?: string;
  /** `Remote` for a co-author's change (default Local). */
  source?: 'Local' | 'Remote';
}

const OUR_RULE = /^=\s*'?([^'!]+)'?!\$?([A-Z]{1,3})\$?(\d+)\s*=\s*(\d+)\s*$/i;

export class ExcelHost implements HostCore {
  readonly model = new WorkbookModel();
  readonly requests: SyncRecord[] = [];
  payloadLimit: number;
  apiMinor: number;
  displayLanguage: string;
  maxReadCells: number;
  platform: 'desktop' | 'web';
  /** Every property name any load asked for. */
  readonly loadedNames = new Set<string>();
  private pendingSettings = new Map<string, unknown>();
  private editing: { ended: Promise<void>; end: () => void } | null = null;

  constructor(opts: HostOptions = {}) {
    this.apiMinor = opts.apiMinor ?? 13;
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
    this.displayLanguage = opts.displayLanguage ?? 'ja-JP';
    this.maxReadCells = opts.maxReadCells ?? 5_000_000;
    this.platform = opts.platform ?? 'desktop';
  }

  noteLoad(names: readonly string[]): void {
    for (const n of names) this.loadedNames.add(n);
  }

  /** The user starts typing in a cell: requests are refused (or held, with delayForCellEdit) until it ends. */
  startCellEdit(): void {
    if (this.editing) return;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }

  /** The user confirms (or cancels) the cell edit: held requests go on. */
  endCellEdit(): void {
    const editing = this.editing;
    this.editing = null;
    editing?.end();
  }

  cellEditEnd(): Promise<void> | null {
    return this.editing?.ended ?? null;
  }

  /** The task pane is reloaded: its runtime, and every event handler it registered, are gone. */
  reloadPane(): void {
    for (const s of this.model.sheets) s.handlers.clear();
  }

  /** A sheet with these rows from A1 (values, and number formats where given). */
  addSheet(name: string, rows: CellValue[][] = [], formats?: string[][]): SheetModel {
    const sheet = this.model.addSheet(name);
    rows.forEach((row, r) => sheet.setRow(r, row, formats?.[r]));
    return sheet;
  }

  sheet(name: string): SheetModel {
    const s = this.model.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  context(): Context {
    return new Context(this, (ctx) => new Workbook(ctx));
  }

  /**
   * Excel.run: a fresh context (or the one given, or one with the options given: `delayForCellEdit`),
   * the batch, then a last sync of what is left queued.
   */
  run<T>(batch: (ctx: Context) => Promise<T>): Promise<T>;
  run<T>(contextOrOptions: unknown, batch: (ctx: Context) => Promise<T>): Promise<T>;
  async run<T>(a: unknown, b?: (ctx: Context) => Promise<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: Context) => Promise<T>;
    const given =
      typeof a === 'function' ? undefined : (a as { context?: Context; delayForCellEdit?: boolean } | Context);
    const ctx = given instanceof Context ? given : (given?.context ?? this.context());
    if (!(given instanceof Context) && given?.delayForCellEdit) ctx.delayForCellEdit = true;
    const result = await batch(ctx);
    await ctx.sync();
    return result;
  }

  /** Installs globalThis.Excel and globalThis.Office; returns the function that restores them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office };
    const run = (a: unknown, b?: (ctx: Context) => Promise<unknown>): Promise<unknown> =>
      b ? this.run(a, b) : this.run(a as (ctx: Context) => Promise<unknown>);
    g.Excel = { run, RequestContext: Context };
    g.Office = this.office();
    return () => {
      g.Excel = saved.Excel;
      g.Office = saved.Office;
    };
  }

  private office(): unknown {
    const settings = {
      get: (k: string): unknown => (this.pendingSettings.has(k) ? this.pendingSettings.get(k) : null),
      set: (k: string, v: unknown): void => void this.pendingSettings.set(k, v),
      remove: (k: string): void => void this.pendingSettings.delete(k),
      saveAsync: (cb?: (r: { status: string }) => void): void => {
        this.model.settings.clear();
        for (const [k, v] of this.pendingSettings) this.model.settings.set(k, v);
        queueMicrotask(() => cb?.({ status: 'succeeded' }));
      },
    };
    return {
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        displayLanguage: this.displayLanguage,
        requirements: {
          isSetSupported: (name: string, version = '1.1'): boolean => {
            const [major, minor] = version.split('.').map(Number);
            return name === 'ExcelApi' && major === 1 && (minor ?? 0) <= this.apiMinor;
          },
        },
        document: { settings },
      },
    };
  }

  /**
   * What a user's (or a co-author's) change does: the change event for that address, to every handler
   * of the sheet. `details` only for a single cell, as Excel gives them.
   */
  async fireChanged(sheetName: string, address: string, opts: ChangeOptions = {}): Promise<void> {
    const sheet = this.sheet(sheetName);
    const single = /^\$?[A-Z]{1,3}\$?\d+$/i.test(address);
    const args: ChangedArgs = {
      address,
      worksheetId: sheet.id,
      changeType: opts.changeType ?? 'RangeEdited',
      source: opts.source ?? 'Local',
      type: 'WorksheetChanged',
      ...(single ? { details: { valueAfter: undefined, valueBefore: undefined } } : {}),
    };
    for (const h of [...sheet.handlers]) await h(args);
  }

  /** Inserts `count` rows before 1-based `row`, as a user does, and tells the sheet's handlers (RowInserted). */
  async insertRows(sheetName: string, row: number, count = 1, opts: ChangeOptions = {}): Promise<void> {
    this.sheet(sheetName).shiftRows(row - 1, count);
    await this.fireChanged(sheetName, `${row}:${row + count - 1}`, { changeType: 'RowInserted', ...opts });
  }

  /** Deletes `count` rows from 1-based `row` (RowDeleted). */
  async deleteRows(sheetName: string, row: number, count = 1, opts: ChangeOptions = {}): Promise<void> {
    this.sheet(sheetName).shiftRows(row - 1, -count);
    await this.fireChanged(sheetName, `${row}:${row + count - 1}`, { changeType: 'RowDeleted', ...opts });
  }

  /** Inserts `count` columns before 0-based `column` (ColumnInserted). */
  async insertColumns(sheetName: string, column: number, count = 1, opts: ChangeOptions = {}): Promise<void> {
    this.sheet(sheetName).shiftColumns(column, count);
    const address = `${columnName(column)}:${columnName(column + count - 1)}`;
    await this.fireChanged(sheetName, address, { changeType: 'ColumnInserted', ...opts });
  }

  /** Deletes `count` columns from 0-based `column` (ColumnDeleted). */
  async deleteColumns(sheetName: string, column: number, count = 1, opts: ChangeOptions = {}): Promise<void> {
    this.sheet(sheetName).shiftColumns(column, -count);
    const address = `${columnName(column)}:${columnName(column + count - 1)}`;
    await this.fireChanged(sheetName, address, { changeType: 'ColumnDeleted', ...opts });
  }

  /**
   * The fill a user sees in a cell (0-based): the first conditional format by priority that applies,
   * else the cell's own fill. Formulas of the form `=Sheet!B3=2` (relative to the format's top-left
   * cell) are evaluated; other formats never apply here.
   */
  shownFill(sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.sheet(sheetName);
    for (const cf of sheet.condFormats) {
      if (!contains(cf.area, row, column) || cf.type !== 'Custom') continue;
      const m = OUR_RULE.exec(cf.formula);
      const ref = m && this.model.find(m[1] ?? '');
      if (!m || !ref) continue;
      const col = [...(m[2] ?? '').toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const value = ref.value(Number(m[3]) - 1 + row - cf.area.row, col + column - cf.area.column);
      if (value === Number(m[4])) return cf.fill;
    }
    return sheet.fill(row, column);
  }

  /** The text a user sees in a cell (0-based), for the number formats the add-in writes. */
  shownText(sheetName: string, row: number, column: number): string {
    const sheet = this.sheet(sheetName);
    return shownText(sheet.value(row, column), sheet.format(row, column));
  }

  /** Cells (`r:c`, 0-based) of every sheet that Excel would have taken as formulas. */
  formulaCells(): string[] {
    return this.model.sheets.flatMap((s) => [...s.formulas].map((k) => `${s.name}!${k}`));
  }

  /** Requests so far, summed up; `since` counts from an earlier `requests.length`. */
  stats(since = 0): { requests: number; failed: number; maxRequest: number; maxResponse: number; bytes: number } {
    const recs = this.requests.slice(since);
    return {
      requests: recs.length,
      failed: recs.filter((r) => r.error).length,
      maxRequest: Math.max(0, ...recs.map((r) => r.requestBytes)),
      maxResponse: Math.max(0, ...recs.map((r) => r.responseBytes)),
      bytes: recs.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0),
    };
  }

  /** Everything about the workbook a user could notice, for before/after comparisons. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.model.sheets.map((s) => s.snapshot()),
      active: this.model.activeId,
      parts: this.model.parts,
      settings: [...this.model.settings],
    });
  }
}

export function installHost(opts?: HostOptions): { host: ExcelHost; restore: () => void } {
  const host = new ExcelHost(opts);
  return { host, restore: host.install() };
}
