/**
 * Office.js's request model, as the stand-in keeps it: proxies queue operations; `context.sync()` sends
 * them as one request, applies writes in order, and only then fills in what was loaded. Reading a
 * property that was neither loaded nor set throws PropertyNotLoaded; a request or response over the
 * payload limit fails whole, as on Excel on the web. While the user edits a cell a request fails with
 * InvalidOperationInCellEditMode, unless its Excel.run asked `delayForCellEdit` (ExcelApi 1.11): then
 * it waits for the edit to end. Every request is recorded with its sizes.
 */
import type { WorkbookModel } from './model.js';
import type { Workbook } from './client-objects.js';

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  error?: string;
}

export interface HostCore {
  readonly model: WorkbookModel;
  readonly requests: SyncRecord[];
  payloadLimit: number;
  /** Supported minor version of ExcelApi 1.x. */
  apiMinor: number;
  /** Cells one read of `values` may return; past it Excel answers null (ExcelApi's 5 million). */
  maxReadCells: number;
  /** Which Excel shows cells: the texts of dates differ (numberFormat and values do not). */
  platform: 'desktop' | 'web';
  /** Resolves when the user's cell edit ends; null while no cell is being edited. */
  cellEditEnd(): Promise<void> | null;
  /** Notes the names of a load (`values`, `text`, …), so tests can say what was never read. */
  noteLoad(names: readonly string[]): void;
}

/** Request bytes of one operation besides its arguments (object path, action, ids). */
const OP_BYTES = 120;

export const bytesOf = (v: unknown): number => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

export interface Run {
  response: number;
  commits: (() => void)[];
}

type Op = { bytes: number; run: (r: Run) => void };

const CELL_EDIT = 'InvalidOperationInCellEditMode';

export const notLoaded = (name: string): HostError =>
  new HostError('PropertyNotLoaded', `The property '${name}' is not available. Load it and call context.sync() first.`);

export class Context {
  private ops: Op[] = [];
  readonly workbook: Workbook;
  /** Set from Excel.run's options; honoured from ExcelApi 1.11 only. */
  delayForCellEdit = false;

  constructor(
    readonly host: HostCore,
    makeWorkbook: (ctx: Context) => Workbook,
  ) {
    this.workbook = makeWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  queue(payload: unknown, run: (r: Run) => void): void {
    this.ops.push({ bytes: OP_BYTES + (payload === undefined ? 0 : bytesOf(payload)), run });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    if (ops.length === 0) return; // nothing queued: no request
    for (let editing = this.host.cellEditEnd(); editing; editing = this.host.cellEditEnd()) {
      if (!this.delayForCellEdit || this.host.apiMinor < 11) {
        this.host.requests.push({ requestBytes: 0, responseBytes: 0, ops: ops.length, error: CELL_EDIT });
        throw new HostError(CELL_EDIT, 'the user is editing a cell');
      }
      await editing;
    }
    const rec: SyncRecord = { requestBytes: ops.reduce((n, o) => n + o.bytes, 0), responseBytes: 0, ops: ops.length };
    this.host.requests.push(rec);
    const limit = this.host.payloadLimit;
    if (rec.requestBytes > limit) {
      rec.error = 'RequestPayloadSizeLimitExceeded';
      throw new HostError(rec.error, `request of ${rec.requestBytes} bytes`);
    }
    const run: Run = { response: 0, commits: [] };
    try {
      for (const op of ops) op.run(run); // writes before a failing operation stay applied, as in Excel
    } catch (e) {
      rec.error = e instanceof HostError ? e.code : 'GeneralException';
      throw e;
    } finally {
      rec.responseBytes = run.response;
    }
    if (run.response > limit) {
      rec.error = 'ResponsePayloadSizeLimitExceeded';
      throw new HostError(rec.error, `response of ${run.response} bytes`);
    }
    for (const commit of run.commits) commit();
  }
}

function parseNames(spec: unknown): string[] | undefined {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseNames(s) ?? []);
  const select = (spec as { select?: unknown }).select;
  return select === undefined ? undefined : parseNames(select);
}

export abstract class ClientObject<T> {
  private readonly props = new Map<string, unknown>();
  private nullFlag: boolean | undefined;
  abstract readonly scalars: readonly string[];

  constructor(
    readonly context: Context,
    protected readonly locate: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      context.queue(undefined, (r) => {
        const isNull = locate() === null;
        r.commits.push(() => (this.nullFlag = isNull));
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded('isNullObject');
    return this.nullFlag;
  }

  /** The model object at sync time; a missing one fails the request. */
  protected target(): T {
    const t = this.locate();
    if (t === null) throw new HostError('ItemNotFound', `${this.constructor.name}: the item does not exist`);
    return t;
  }

  protected prop<V>(name: string): V {
    if (!this.props.has(name)) throw notLoaded(name);
    return this.props.get(name) as V;
  }

  /** Queues a write (or a method call when `name` is undefined); a set property reads back at once. */
  protected write(name: string | undefined, value: unknown, apply: (t: T) => void): void {
    if (name !== undefined) this.props.set(name, value);
    this.context.queue(value, () => apply(this.target()));
  }

  abstract readProp(t: T, name: string): unknown;

  absorb(name: string, value: unknown): void {
    this.props.set(name, value);
  }

  load(spec?: string | string[] | { select?: string }): this {
    const names = parseNames(spec) ?? this.scalars;
    this.context.host.noteLoad(names);
    this.context.queue(names, (r) => {
      const bad = names.filter((n) => !this.scalars.includes(n));
      if (bad.length > 0) throw new HostError('InvalidArgument', `cannot load ${bad.join(', ')}`);
      const t = this.locate();
      if (t === null) {
        if (this.nullable) return;
        throw new HostError('ItemNotFound', `${this.constructor.name}: the item does not exist`);
      }
      const values = names.map((n) => this.readProp(t, n));
      r.response += bytesOf(values);
      r.commits.push(() => names.forEach((n, i) => this.props.set(n, values[i])));
    });
    return this;
  }
}

/** A collection: `load('items/a,items/b')` loads those properties of every item. */
export abstract class Collection<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  readonly scalars: readonly string[] = [];
  private list: P[] | undefined;

  get items(): P[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  abstract wrap(m: M): P;

  readProp(): unknown {
    return undefined;
  }

  override load(spec?: string | string[] | { select?: string }): this {
    const names = (parseNames(spec) ?? []).map((n) => n.replace(/^items\//, '')).filter((n) => n !== 'items');
    this.context.queue(names, (r) => {
      const models = this.target();
      const proxies = models.map((m) => this.wrap(m));
      const bad = names.filter((n) => proxies[0] && !proxies[0].scalars.includes(n));
      if (bad.length > 0) throw new HostError('InvalidArgument', `cannot load items/${bad.join(', items/')}`);
      const values = proxies.map((p, i) => names.map((n) => p.readProp(models[i] as M, n)));
      r.response += bytesOf(values) + 20 * proxies.length;
      r.commits.push(() => {
        proxies.forEach((p, i) => names.forEach((n, j) => p.absorb(n, values[i]?.[j])));
        this.list = proxies;
      });
    });
    return this;
  }
}

/** A method's result (`getXml()`, `getCount()`): its value is there after the sync. */
export class ClientResult<V> {
  private loaded = false;
  private result: V | undefined;

  constructor(context: Context, compute: () => V) {
    context.queue(undefined, (r) => {
      const v = compute();
      r.response += bytesOf(v);
      r.commits.push(() => {
        this.result = v;
        this.loaded = true;
      });
    });
  }

  get value(): V {
    if (!this.loaded) throw new HostError('ValueNotLoaded', 'call context.sync() before reading value');
    return this.result as V;
  }
}
