/**
 * The database as the repositories see it: parameterised statements with `?` placeholders and
 * transactions. The SQLite implementation is `sqlite.ts`; a PostgreSQL one can stand behind the
 * same interface (portable SQL: ON CONFLICT … DO UPDATE, RETURNING, no SQLite-only syntax in repos).
 */
export type SqlValue = string | number | bigint | null;

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
}

export interface Db extends Queryable {
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws.
   * Transactions are serialised; reads outside them see only committed data.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
