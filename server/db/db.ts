/**
 * The database as the repositories see it: parameterised statements with `?` placeholders and
 * transactions. Two engines stand behind it: SQLite (`sqlite.ts`, the embedded default) and
 * PostgreSQL (`postgres.ts`). Repositories write portable SQL (ON CONFLICT … DO UPDATE, RETURNING,
 * CAST(… AS TEXT) for exact amounts, every selected column grouped or aggregated); what differs
 * between the engines (placeholders, JSON arrays as rows, DDL types, the schema version, locks,
 * backups, snapshots) is answered by the engine's own file and nowhere else.
 */
export type SqlValue = string | number | bigint | null;

export type Engine = 'sqlite' | 'postgres';

export interface RunResult {
  changes: number;
}

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /**
   * A FROM item with one row per element of the JSON array found at position `index` of the JSON
   * array `json` (an SQL expression giving JSON text); the element is in column `value`, read with
   * `->` / `->>`. SQLite: `json_each(json, '$[index]')`; PostgreSQL: `json_array_elements((json)::json -> index)`.
   * Optional: without it, callers bind the rows from JavaScript instead.
   */
  jsonElements?(json: string, index: number): string;
  /**
   * A FROM item with one row per upsert of a staged part's body in the compact form
   * `[2,[["key","hash",row,{values}],…],["deleted key",…]]` (`sync/staged.ts`; `body` an SQL
   * expression giving that text, which may name a table earlier in the FROM list): columns
   * `row_key`, `row_hash`, `sheet_row` and `data` (the values' JSON exactly as staged). Optional:
   * without it, callers read the body with `jsonElements`. PostgreSQL's JSON operators refuse a
   * string holding an escaped half of a surrogate pair (`"\ud800"`), which values may hold, so it
   * reads each row's fields as text instead.
   */
  stagedUpserts?(body: string): string;
}

/** What the migrator needs from an engine (`migrate.ts`); nothing else uses it. */
export interface SchemaStore {
  /** The number of migrations applied (0 for a new database). */
  version(): Promise<number>;
  /** Runs `fn` holding a lock that other processes migrating the same database wait for. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Applies one DDL script and records `version`, in one transaction. */
  applyScript(ddl: string, version: number): Promise<void>;
  /** Runs a data step and records `version`, in one transaction; freed pages are overwritten. */
  applyStep(step: (tx: Queryable) => Promise<void>, version: number): Promise<void>;
  /**
   * A consistent copy of the whole database at `to` (a file), or null where the engine's own tools
   * are the way (PostgreSQL: pg_dump, base backups).
   */
  backup: ((to: string) => Promise<void>) | null;
  /** Where an automatic pre-upgrade copy goes (beside the file), or null. */
  upgradeCopyBase: string | null;
}

/** A table as the database describes it. */
export interface TableShape {
  name: string;
  columns: string[];
  /** The primary key's columns, in key order. */
  key: string[];
}

/** The engine's own catalogue queries, for moving a whole database (`copy.ts`). */
export interface Catalog {
  /** The service's tables (the engine's own bookkeeping left out). */
  tables(q: Queryable): Promise<string[]>;
  /** A table's columns (in the table's order) and its primary key. */
  shape(q: Queryable, table: string): Promise<TableShape>;
  /** The tables a table's foreign keys point to (itself left out). */
  references(q: Queryable, table: string): Promise<string[]>;
  /** After rows were written with their own ids: ids generated later follow them. */
  keysWritten(tx: Queryable, tables: readonly TableShape[]): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Where the database is, safe to print and log: a file path, or a URL without its password. */
  readonly location: string;
  /** The location to open it again (another thread's snapshot, `saiken db` commands); may hold secrets. */
  readonly connectTo: string;
  readonly schema: SchemaStore;
  readonly catalog: Catalog;
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws.
   * Transactions behave as if run one after another (SQLite: one queued writer; PostgreSQL:
   * SERIALIZABLE, `fn` run again after a serialization failure, so it must not act outside the
   * database before it resolves). Reads outside transactions see only committed data.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One read-only transaction: every read sees the same snapshot until `close`. */
export interface Snapshot {
  q: Queryable;
  close(): Promise<void>;
}
