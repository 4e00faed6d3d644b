/**
 * Every Excel.run of the adapter, made to survive the user typing in a cell. Excel refuses a batch
 * while a cell is being edited (InvalidOperationInCellEditMode). From ExcelApi 1.11 Excel can hold
 * the batch until the edit ends (`delayForCellEdit`); on older hosts the batch is tried again with
 * a growing pause. Either way the pane is told while it waits, so it can say why.
 */

export const CELL_EDIT_CODE = 'InvalidOperationInCellEditMode';

/** The user kept editing a cell for longer than the pane waits. */
export class CellEditError extends Error {
  readonly code = CELL_EDIT_CODE;
  constructor() {
    super('Excel is in cell-edit mode');
    this.name = 'CellEditError';
  }
}

export function isCellEditError(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === CELL_EDIT_CODE;
}

export interface CellEditRetry {
  /** First pause before trying again, in ms; each next one doubles up to `maxPauseMs`. */
  firstPauseMs: number;
  maxPauseMs: number;
  /** Gives up (CellEditError) after waiting this long in all. */
  giveUpMs: number;
}

/** A clerk may take a while over one cell: wait up to five minutes, trying every two seconds at most. */
export const DEFAULT_CELL_EDIT_RETRY: CellEditRetry = { firstPauseMs: 250, maxPauseMs: 2_000, giveUpMs: 300_000 };

export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;
export type RunBatch = <T>(batch: Batch<T>) => Promise<T>;

export interface RunOptions {
  supports: (version: string) => boolean;
  retry?: CellEditRetry;
  /** Called with true when a batch starts waiting for a cell edit, false when it goes on or gives up. */
  onWait?: (waiting: boolean) => void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Excel.run as the adapter uses it. A batch may run again after a refusal, so every batch must be
 * safe to repeat (each one surveys the workbook before it writes).
 */
export function createRunner(options: RunOptions): RunBatch {
  const retry = options.retry ?? DEFAULT_CELL_EDIT_RETRY;
  const once = <T>(batch: Batch<T>): Promise<T> =>
    options.supports('1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);

  return async <T>(batch: Batch<T>): Promise<T> => {
    let waited = 0;
    let next = retry.firstPauseMs;
    try {
      for (;;) {
        try {
          return await once(batch);
        } catch (e) {
          if (!isCellEditError(e)) throw e;
          if (waited >= retry.giveUpMs) throw new CellEditError();
          if (waited === 0) options.onWait?.(true);
          await pause(next);
          waited += next;
          next = Math.min(next * 2, retry.maxPauseMs);
        }
      }
    } finally {
      if (waited > 0) options.onWait?.(false);
    }
  };
}
