/**
 * One checked sheet: the engine's LedgerChecker and where the sheet sits in the workbook. The
 * checker keeps every row it read, typed, so an edit re-checks only its rows, and the filters and
 * sync take those rows rather than reading the sheet again.
 */
import type { SheetRef, UsedArea, WorkbookPort } from '../excel/workbook-port.js';
import type { Cell } from '../../domain/values/parsed.js';
import type { CheckResult, Locale } from '../../domain/engine/types.js';
import { LedgerChecker } from '../../domain/engine/checker.js';
import type { LateChargeProfiles } from '../../domain/late-charge/profiles.js';
import { fiscalYearOf, type Day } from '../../domain/calendar/day.js';
import type { SheetConfig } from '../state/sheet-config.js';
import type { YearKind } from '../state/filters.js';
import { locateHeader, sameMapping } from './header-position.js';

/** Rows per read: small enough to show progress and keep Excel responsive on large sheets. */
const CHUNK_ROWS = 5000;

/** The confirmed header is nowhere in the sheet's first rows: the mapping must be confirmed again. */
export class HeaderLostError extends Error {
  constructor() {
    super('the mapped header was not found');
    this.name = 'HeaderLostError';
  }
}

export interface SessionOptions {
  asOf: Day;
  locale: Locale;
  /** The late-charge profiles the rules count with (the city's, when the pane has read them). */
  lateCharges?: LateChargeProfiles;
}

/** Last used row and column (1-based) of an area, or 0 for an empty sheet. */
export const lastRowOf = (a: UsedArea | null) => (a ? a.firstRow + a.rowCount - 1 : 0);
export const lastColumnOf = (a: UsedArea | null) => (a ? a.firstColumn + a.columnCount - 1 : 0);

/**
 * The used range as a grid (`grid[i]` is worksheet row i+1), read in chunks; progress 0..1.
 * `blank`: columns emptied as each chunk arrives (an Individual Number is never kept, even in memory).
 */
export async function readGrid(
  port: WorkbookPort,
  sheet: SheetRef,
  area: UsedArea,
  onProgress?: (fraction: number) => void,
  blank: readonly number[] = [],
): Promise<Cell[][]> {
  const last = lastRowOf(area);
  const columns = lastColumnOf(area);
  const grid: Cell[][] = [];
  for (let from = 1; from <= last; from += CHUNK_ROWS) {
    const to = Math.min(last, from + CHUNK_ROWS - 1);
    const rows = await port.readRows(sheet, from, to, columns, (p) => onProgress?.((from - 1 + p.rowsRead) / last));
    for (const r of rows) {
      for (const c of blank) if (c < r.length) r[c] = null;
      grid.push(r);
    }
    onProgress?.(to / last);
  }
  return grid;
}

export class CheckSession {
  readonly checker: LedgerChecker;
  result!: CheckResult;
  private readonly fiscalYear: number;
  private readonly personal: readonly number[];

  private constructor(
    readonly sheet: SheetRef,
    readonly config: SheetConfig,
    readonly options: SessionOptions,
    public area: UsedArea,
  ) {
    const { mapping, claimType } = config;
    const { asOf, locale, lateCharges } = options;
    this.checker = new LedgerChecker(mapping, {
      asOf,
      claimType,
      mapping,
      locale,
      ...(lateCharges ? { lateCharges } : {}),
    });
    this.fiscalYear = fiscalYearOf(options.asOf);
    this.personal = mapping.personalNumberColumns.map((c) => c.column);
  }

  /**
   * Reads the whole used range in chunks, finds the header where it stands now (rows or columns may
   * have been inserted or deleted since the mapping was confirmed), then checks it. Progress runs
   * 0..1 (reading is most of it). The session's config holds the mapping as found.
   */
  static async run(
    port: WorkbookPort,
    sheet: SheetRef,
    config: SheetConfig,
    options: SessionOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<CheckSession | null> {
    const area = await port.usedArea(sheet);
    if (!area) return null;
    /** grid[i] is worksheet row i+1; the checker keeps the data rows, the rest is dropped after the check. */
    const grid = await readGrid(port, sheet, area, (f) => onProgress?.(0.9 * f));
    const mapping = locateHeader(config.mapping, grid);
    if (!mapping) throw new HeaderLostError();
    const found = sameMapping(mapping, config.mapping) ? config : { ...config, mapping };
    const session = new CheckSession(sheet, found, options, area);
    for (let r = mapping.dataStartRow; r <= grid.length; r++) grid[r - 1] = session.redact(grid[r - 1] ?? []);
    session.result = session.checker.checkAll(grid, (done, total) => onProgress?.(0.9 + (0.1 * done) / total));
    onProgress?.(1);
    return session;
  }

  get columnCount(): number {
    return lastColumnOf(this.area);
  }

  /** Re-checks changed rows (`cells` empty for a row that no longer exists); returns rows to re-flag. */
  apply(changes: readonly { row: number; cells: readonly Cell[] }[]): number[] {
    const start = this.config.mapping.dataStartRow;
    const { result, rows } = this.checker.update(
      changes.map(({ row, cells }) => ({ row, cells: row >= start ? this.redact(cells) : cells })),
    );
    this.result = result;
    return rows;
  }

  /** 現年度分 or 滞納繰越分 for a data row, as the analysis counts it; null for other rows. */
  yearKindOf(row: number): YearKind | null {
    const read = this.checker.rowOf(row);
    if (!read) return null;
    return read.fiscalYear === this.fiscalYear ? 'current' : 'arrears';
  }

  /** An Individual Number column is never kept, even in memory. */
  private redact(cells: readonly Cell[]): Cell[] {
    const out = [...cells];
    for (const c of this.personal) if (c < out.length) out[c] = null;
    return out;
  }
}
