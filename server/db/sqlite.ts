/**
 * SQLite behind the `Db` interface: WAL, foreign keys, one writer connection whose transactions
 * are queued, a small pool of reader connections, and one that checkpoints.
 *
 * Read-your-writes across requests: in WAL mode a connection reads from the snapshot taken when
 * its read transaction began, and that transaction lasts while any statement on the connection is
 * still active (a `get` stays active until it is finalised). Statements overlapping on one shared
 * reader kept its snapshot pinned for as long as reads kept coming, so a request could miss writes
 * committed before it started. Each reader here runs one statement at a time and finalises it
 * before taking the next, so every read begins a fresh snapshot that holds every earlier commit.
 */
import sqlite3 from 'sqlite3';
import type { Catalog, Db, Queryable, RunResult, SchemaStore, Snapshot, SqlValue } from './db.js';

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

function jsonEach(json: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`bad JSON array index ${index}`);
  return `json_each(${json}, '$[${index}]')`;
}

/**
 * node-sqlite3 binds a BigInt as NULL. As decimal text it is stored exactly: a BIGINT column's
 * integer affinity turns an integer literal into a 64-bit integer.
 */
function bind(params: readonly SqlValue[]): unknown[] {
  return params.some((v) => typeof v === 'bigint')
    ? params.map((v) => (typeof v === 'bigint' ? v.toString() : v))
    : (params as unknown[]);
}

class Conn implements Queryable {
  constructor(readonly db: sqlite3.Database) {}

  /** One statement, run and then finalised before the promise settles (see the file's note). */
  private statement<R>(
    sql: string,
    step: (st: sqlite3.Statement, done: (err: Error | null, r?: R) => void) => void,
  ): Promise<R> {
    return new Promise((resolve, reject) => {
      const st: sqlite3.Statement = this.db.prepare(sql, (err: Error | null) => {
        if (err) return reject(err);
        step(st, (stepErr, r) => st.finalize(() => (stepErr ? reject(stepErr) : resolve(r as R))));
      });
    });
  }

  /** `all`, finalised before it resolves. */
  allFinal<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.statement<T[]>(sql, (st, done) =>
      st.all(bind(params), (err: Error | null, rows: unknown[]) => done(err, rows as T[])),
    );
  }

  /** `get`, finalised before it resolves. */
  getFinal<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.statement<T | undefined>(sql, (st, done) =>
      st.get(bind(params), (err: Error | null, row: unknown) => done(err, row as T | undefined)),
    );
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, bind(params), (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, bind(params), (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
    );
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, bind(params), function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes });
      }),
    );
  }

  jsonElements(json: string, index: number): string {
    return jsonEach(json, index);
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

/** SQLite's catalogue: `sqlite_master` and the table-valued pragmas. */
const catalog: Catalog = {
  async tables(q) {
    const rows = await q.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    return rows.map((r) => r.name).filter((n) => !n.startsWith('sqlite_'));
  },
  async shape(q, table) {
    const cols = await q.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid', [
      table,
    ]);
    const key = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    return { name: table, columns: cols.map((c) => c.name), key };
  },
  async references(q, table) {
    const rows = await q.all<{ ref: string }>('SELECT DISTINCT "table" AS ref FROM pragma_foreign_key_list(?)', [
      table,
    ]);
    return rows.map((r) => r.ref).filter((r) => r !== table);
  },
  // An INTEGER PRIMARY KEY takes the largest id plus one by itself.
  keysWritten: async () => undefined,
};

/**
 * Switches a new file to WAL. Another process opening the same new file at the same moment (a
 * second instance, `saiken token create` beside a starting service) may hold its lock while it
 * switches too, and SQLite answers SQLITE_BUSY there without waiting: so this waits and tries again.
 */
async function toWal(c: Conn): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await c.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'SQLITE_BUSY' || attempt >= 200) throw e;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
  }
}

/**
 * A read-only connection of its own on which every read sees one snapshot (one read transaction
 * from the first read to `close`): for a report built from many queries, so its figures agree with
 * each other even while submissions land. Writes fail (the connection is read-only).
 */
export async function openSqliteSnapshot(path: string): Promise<Snapshot> {
  const conn = new Conn(await open(path, sqlite3.OPEN_READONLY));
  await conn.exec('PRAGMA busy_timeout = 10000; BEGIN;');
  return {
    q: conn,
    async close() {
      await conn.exec('COMMIT').catch(() => undefined);
      await conn.close();
    },
  };
}

/**
 * Reader connections, each running one statement at a time. Four matches libuv's default thread
 * pool, on which node-sqlite3 runs statements: more would only queue there.
 */
const READERS = 4;

class ReaderPool {
  private readonly idle: Conn[];
  private readonly waiting: ((c: Conn) => void)[] = [];
  private busy = 0;
  private drained: (() => void) | null = null;

  constructor(readonly conns: readonly Conn[]) {
    this.idle = [...conns];
  }

  async use<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    const c = this.idle.pop() ?? (await new Promise<Conn>((resolve) => this.waiting.push(resolve)));
    this.busy++;
    try {
      return await fn(c);
    } finally {
      this.busy--;
      const next = this.waiting.shift();
      if (next) next(c);
      else {
        this.idle.push(c);
        if (this.busy === 0) this.drained?.();
      }
    }
  }

  async close(): Promise<void> {
    if (this.busy > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    for (const c of this.conns) await c.close();
  }
}

/** The least time between two checkpoints: each copies whatever was committed before it. */
const CHECKPOINT_EVERY_MS = 200;

export class SqliteDb implements Db {
  readonly engine = 'sqlite' as const;
  readonly schema: SchemaStore;
  readonly catalog = catalog;
  private queue: Promise<unknown> = Promise.resolve();
  private checkpointTimer: NodeJS.Timeout | null = null;
  private checkpointRunning: Promise<void> | null = null;
  private checkpointWanted = false;
  private lastCheckpoint = 0;

  private constructor(
    readonly path: string,
    private readonly writer: Conn,
    private readonly readers: ReaderPool,
    private readonly checkpointer: Conn,
  ) {
    this.schema = this.schemaStore();
  }

  get location(): string {
    return this.path;
  }

  get connectTo(): string {
    return this.path;
  }

  static async open(path: string): Promise<SqliteDb> {
    const writer = new Conn(await open(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE));
    // The automatic checkpoint runs inside the COMMIT of whichever transaction crossed its
    // threshold, and the request behind it waits: `checkpointSoon` checkpoints instead, and the
    // automatic one is left only as a backstop for a WAL that would still grow (200 MB).
    await writer.exec('PRAGMA busy_timeout = 10000;');
    await toWal(writer);
    await writer.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 50000;');
    const readers: Conn[] = [];
    for (let i = 0; i < READERS; i++) {
      const reader = new Conn(await open(path, sqlite3.OPEN_READONLY));
      await reader.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
      readers.push(reader);
    }
    const checkpointer = new Conn(await open(path, sqlite3.OPEN_READWRITE));
    await checkpointer.exec('PRAGMA busy_timeout = 10000;');
    return new SqliteDb(path, writer, new ReaderPool(readers), checkpointer);
  }

  /**
   * After a commit: copies the committed pages from the WAL into the database file on a
   * connection of its own, so neither the writer's queue nor any request waits for it. Passive
   * (it never blocks the writer or readers), one at a time, at most every CHECKPOINT_EVERY_MS.
   * Durability is the WAL's, as before: a committed transaction survives a crash of the process.
   */
  private checkpointSoon(): void {
    if (this.checkpointTimer) return;
    if (this.checkpointRunning) {
      this.checkpointWanted = true;
      return;
    }
    const wait = Math.max(0, this.lastCheckpoint + CHECKPOINT_EVERY_MS - Date.now());
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      this.lastCheckpoint = Date.now();
      this.checkpointRunning = this.checkpointer
        .exec('PRAGMA wal_checkpoint(PASSIVE)')
        .catch(() => undefined)
        .then(() => {
          this.checkpointRunning = null;
          if (this.checkpointWanted) {
            this.checkpointWanted = false;
            this.checkpointSoon();
          }
        });
    }, wait);
    this.checkpointTimer.unref();
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.readers.use((c) => c.allFinal<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.readers.use((c) => c.getFinal<T>(sql, params));
  }

  jsonElements(json: string, index: number): string {
    return jsonEach(json, index);
  }

  /** A single write outside an explicit transaction still goes through the writer's queue. */
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.writer);
        await this.writer.exec('COMMIT');
        this.checkpointSoon();
        return result;
      } catch (err) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A script outside the writer's queue, for maintenance before serving (and tests that build old files). */
  execScript(sql: string): Promise<void> {
    return this.writer.exec(sql);
  }

  /**
   * The migrator's view. The version is `PRAGMA user_version`, set in the migration's own
   * transaction. BEGIN IMMEDIATE keeps a second process out while one applies a step, and each step
   * is skipped when the file is already past it (the other process applied it). Data steps
   * run with `secure_delete` on, so what they overwrite does not linger in free pages of the file.
   */
  private schemaStore(): SchemaStore {
    const w = this.writer;
    const current = async () => (await w.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    return {
      version: current,
      exclusive: (fn) => fn(),
      applyScript: async (ddl, version) => {
        await w.exec('BEGIN IMMEDIATE');
        try {
          // Another process that opened the file may have applied it while this one waited.
          if ((await current()) < version) {
            // Closed off on its own lines, so a last statement without `;` or a trailing `--`
            // comment cannot swallow the version bump.
            await w.exec(`${ddl}\n;\nPRAGMA user_version = ${version};`);
          }
          await w.exec('COMMIT');
        } catch (err) {
          await w.exec('ROLLBACK').catch(() => undefined);
          throw err;
        }
      },
      applyStep: async (step, version) => {
        await w.exec('PRAGMA secure_delete = ON');
        try {
          await this.transaction(async (tx) => {
            if ((await current()) >= version) return;
            await step(tx);
            await tx.run(`PRAGMA user_version = ${version}`);
          });
        } finally {
          await w.exec('PRAGMA secure_delete = OFF');
        }
      },
      backup: (to) => w.exec(`VACUUM INTO '${to.replace(/'/g, "''")}'`),
      upgradeCopyBase: this.path === ':memory:' ? null : this.path,
    };
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    this.checkpointWanted = false;
    await this.checkpointRunning;
    await this.checkpointer.close();
    await this.readers.close();
    // The last connection to close checkpoints what is left and removes the WAL.
    await this.writer.close();
  }
}
